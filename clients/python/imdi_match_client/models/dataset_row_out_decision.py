from enum import StrEnum


class DatasetRowOutDecision(StrEnum):
    APPROVED = "approved"
    NEEDS_INFORMATION = "needs_information"
    REJECTED = "rejected"
    SHORTLISTED = "shortlisted"

    def __str__(self) -> str:
        return str(self.value)
