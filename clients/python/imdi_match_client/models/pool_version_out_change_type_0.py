from enum import StrEnum


class PoolVersionOutChangeType0(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    WITHDRAW = "withdraw"

    def __str__(self) -> str:
        return str(self.value)
