from enum import StrEnum


class SectorRefLevel(StrEnum):
    DIVISION = "division"
    SECTION = "section"

    def __str__(self) -> str:
        return str(self.value)
