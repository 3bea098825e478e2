"""Writing audit events (called by services in the same transaction as the write), and
reading them back for the audit log."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.audit.models import AuditEvent
from app.db import as_utc, utcnow

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


def list_events(
    session: Session,
    *,
    entity_type: str | None = None,
    entity_id: str | None = None,
    actor_id: uuid.UUID | None = None,
    action: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[tuple[AuditEvent, str | None]], int]:
    """Events newest first (ties broken by id, so pages never overlap), with the actor's
    email; `since` is inclusive, `until` exclusive."""
    from app.auth.models import User  # auth imports this module: import here, not at the top

    stmt = select(AuditEvent)
    if entity_type:
        stmt = stmt.where(AuditEvent.entity_type == entity_type)
    if entity_id:
        stmt = stmt.where(AuditEvent.entity_id == entity_id)
    if actor_id:
        stmt = stmt.where(AuditEvent.actor_id == actor_id)
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    if since:
        stmt = stmt.where(AuditEvent.at >= as_utc(since).astimezone(UTC))
    if until:
        stmt = stmt.where(AuditEvent.at < as_utc(until).astimezone(UTC))
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.execute(
        stmt.add_columns(User.email)
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return [(event, email) for event, email in rows], total
