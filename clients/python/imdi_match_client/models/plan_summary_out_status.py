from enum import StrEnum


class PlanSummaryOutStatus(StrEnum):
    ADOPTED = "adopted"
    PROPOSED = "proposed"

    def __str__(self) -> str:
        return str(self.value)
