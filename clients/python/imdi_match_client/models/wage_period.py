from enum import StrEnum


class WagePeriod(StrEnum):
    HOUR = "hour"
    MONTH = "month"
    YEAR = "year"

    def __str__(self) -> str:
        return str(self.value)
