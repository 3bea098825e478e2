from enum import StrEnum


class BatchRunOutOutput(StrEnum):
    DATABASE = "database"
    PARQUET = "parquet"

    def __str__(self) -> str:
        return str(self.value)
