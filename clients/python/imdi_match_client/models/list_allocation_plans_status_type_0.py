from enum import StrEnum


class ListAllocationPlansStatusType0(StrEnum):
    ADOPTED = "adopted"
    PROPOSED = "proposed"

    def __str__(self) -> str:
        return str(self.value)
