from enum import StrEnum


class PlanOutStatus(StrEnum):
    ADOPTED = "adopted"
    PROPOSED = "proposed"

    def __str__(self) -> str:
        return str(self.value)
