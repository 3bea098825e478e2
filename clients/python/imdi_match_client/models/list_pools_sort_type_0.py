from enum import StrEnum


class ListPoolsSortType0(StrEnum):
    CREATED = "created"
    OCCUPATION = "occupation"
    ORIGIN = "origin"
    VALUE_1 = "-created"
    VALUE_3 = "-origin"
    VALUE_5 = "-occupation"
    VALUE_7 = "-workers"
    WORKERS = "workers"

    def __str__(self) -> str:
        return str(self.value)
