from enum import StrEnum


class GroupBy(StrEnum):
    DESTINATION = "destination"
    OCCUPATION = "occupation"
    ORIGIN = "origin"

    def __str__(self) -> str:
        return str(self.value)
