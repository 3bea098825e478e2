from enum import StrEnum


class VacancyUpdateStatusType0(StrEnum):
    CLOSED = "closed"
    DRAFT = "draft"
    FILLED = "filled"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
