"""Writing audit events: called by services in the same transaction as the write."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from app.audit.models import AuditEvent

if TYPE_CHECKING:
    from app.auth.principal import Principal


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
