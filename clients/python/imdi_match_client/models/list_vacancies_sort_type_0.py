from enum import StrEnum


class ListVacanciesSortType0(StrEnum):
    CREATED = "created"
    DESTINATION = "destination"
    EMPLOYER = "employer"
    OCCUPATION = "occupation"
    OPENINGS = "openings"
    START = "start"
    STATUS = "status"
    TITLE = "title"
    VALUE_1 = "-created"
    VALUE_11 = "-openings"
    VALUE_13 = "-start"
    VALUE_15 = "-status"
    VALUE_3 = "-title"
    VALUE_5 = "-employer"
    VALUE_7 = "-destination"
    VALUE_9 = "-occupation"

    def __str__(self) -> str:
        return str(self.value)
