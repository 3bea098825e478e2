"""The events a webhook can subscribe to, and the outbox they are written to.

`emit` adds one row to the session: the event commits or rolls back with the write that caused
it, and costs that write one INSERT (the worker does the fan-out and the delivering)."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from app.webhooks.models import WebhookEvent


class EventType(StrEnum):
    """What a webhook can be told of."""

    #: The top of the ranking of one of the organisation's open vacancies or active pools
    #: changed materially (app/matches/watch.py says what is material).
    RANKING_CHANGED = "ranking.changed"
    #: An officer recorded a decision on a match of the organisation's vacancy or pool
    #: (shortlist, reject, needs information, approve, withdraw).
    DECISION_RECORDED = "decision.recorded"
    #: Workers of an approval moved between placement stages (selected, visa granted, ...).
    PLACEMENT_MOVED = "placement.moved"
    #: A survey upload of the ministry was processed (accepted, partial or rejected).
    UPLOAD_FINISHED = "upload.finished"
    #: Sent on request to check an endpoint (POST /api/v1/webhooks/endpoints/{id}/test).
    PING = "webhook.ping"


def emit(
    session: Session,
    kind: EventType,
    data: dict[str, Any],
    *,
    vacancy_id: uuid.UUID | None = None,
    pool_id: uuid.UUID | None = None,
    organisation_id: uuid.UUID | None = None,
) -> None:
    """Put an event in the outbox. Its audience: the employer of `vacancy_id`, the ministry of
    `pool_id`, `organisation_id`, and every programme (officer or admin) endpoint."""
    session.add(
        WebhookEvent(
            type=kind.value,
            data=data,
            vacancy_id=vacancy_id,
            pool_id=pool_id,
            organisation_id=organisation_id,
        )
    )
