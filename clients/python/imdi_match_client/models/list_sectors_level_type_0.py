from enum import StrEnum


class ListSectorsLevelType0(StrEnum):
    DIVISION = "division"
    SECTION = "section"

    def __str__(self) -> str:
        return str(self.value)
