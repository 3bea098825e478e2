from enum import StrEnum


class RecordedDecision(StrEnum):
    APPROVED = "approved"
    NEEDS_INFORMATION = "needs_information"
    REJECTED = "rejected"
    RELEASED = "released"
    SHORTLISTED = "shortlisted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
