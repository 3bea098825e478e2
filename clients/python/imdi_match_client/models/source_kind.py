from enum import StrEnum


class SourceKind(StrEnum):
    BATCH_RUN = "batch_run"
    LIVE = "live"

    def __str__(self) -> str:
        return str(self.value)
