from enum import StrEnum


class PoolOutcomeOutOutcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
