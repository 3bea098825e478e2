from enum import StrEnum


class ExportAllocationPlansStatusType0(StrEnum):
    ADOPTED = "adopted"
    PROPOSED = "proposed"

    def __str__(self) -> str:
        return str(self.value)
