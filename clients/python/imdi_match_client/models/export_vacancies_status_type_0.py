from enum import StrEnum


class ExportVacanciesStatusType0(StrEnum):
    CLOSED = "closed"
    DRAFT = "draft"
    FILLED = "filled"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
