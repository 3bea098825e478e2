from enum import StrEnum


class ContractType(StrEnum):
    PERMANENT = "permanent"
    SEASONAL = "seasonal"
    TEMPORARY = "temporary"

    def __str__(self) -> str:
        return str(self.value)
