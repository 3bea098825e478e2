from enum import StrEnum


class UploadStatus(StrEnum):
    ACCEPTED = "accepted"
    PARTIAL = "partial"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
