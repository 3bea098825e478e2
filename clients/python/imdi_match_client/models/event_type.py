from enum import StrEnum


class EventType(StrEnum):
    DECISION_RECORDED = "decision.recorded"
    PLACEMENT_MOVED = "placement.moved"
    RANKING_CHANGED = "ranking.changed"
    UPLOAD_FINISHED = "upload.finished"
    WEBHOOK_PING = "webhook.ping"

    def __str__(self) -> str:
        return str(self.value)
