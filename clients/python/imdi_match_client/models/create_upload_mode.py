from enum import StrEnum


class CreateUploadMode(StrEnum):
    MICRODATA = "microdata"
    POOL_TABLE = "pool_table"

    def __str__(self) -> str:
        return str(self.value)
