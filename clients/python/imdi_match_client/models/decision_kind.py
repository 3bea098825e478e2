from enum import StrEnum


class DecisionKind(StrEnum):
    APPROVED = "approved"
    NEEDS_INFORMATION = "needs_information"
    REJECTED = "rejected"
    SHORTLISTED = "shortlisted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
