from enum import StrEnum


class RankingChangedDataSubject(StrEnum):
    POOL = "pool"
    VACANCY = "vacancy"

    def __str__(self) -> str:
        return str(self.value)
