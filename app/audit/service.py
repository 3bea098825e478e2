"""Writing audit events (called by services in the same transaction as the write), and
reading them back for the audit log."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.audit.models import AuditEvent
from app.db import utcnow

if TYPE_CHECKING:
    from app.common.principal import Principal


def record(
    session: Session,
    actor: Principal | None,
    action: str,
    entity_type: str,
    entity_id: uuid.UUID | str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> AuditEvent:
    """Append one event; `actor` None means the system (seed, CLI without a user)."""
    event = AuditEvent(
        actor_id=actor.user_id if actor else None,
        action=action,
        entity_type=entity_type,
        entity_id=str(entity_id),
        before=before,
        after=after,
    )
    session.add(event)
    return event


def record_many(
    session: Session,
    actor: Principal | None,
    events: Sequence[
        tuple[str, str, uuid.UUID | str, dict[str, Any] | None, dict[str, Any] | None]
    ],
) -> None:
    """Append many events ((action, entity type, entity id, before, after) each) in one
    statement: a survey wave's ten thousand pools are audited without ten thousand objects."""
    if not events:
        return
    at = utcnow()
    actor_id = actor.user_id if actor else None
    session.execute(
        insert(AuditEvent),
        [
            {
                "actor_id": actor_id,
                "action": action,
                "entity_type": entity_type,
                "entity_id": str(entity_id),
                "at": at,
                "before": before,
                "after": after,
            }
            for action, entity_type, entity_id, before, after in events
        ],
    )
