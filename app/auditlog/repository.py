"""Reading the audit log: events newest first, with their actors' email."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, func, select, tuple_
from sqlalchemy.orm import Session

from app.audit.models import AuditEvent
from app.auditlog.schemas import AuditFilters
from app.auth.models import User
from app.db import Database, as_utc

#: Events read per query by an export (keyset pages, each in a session of its own).
EXPORT_PAGE = 1000


def _filtered(stmt: Select[Any], filters: AuditFilters) -> Select[Any]:
    if filters.entity_type:
        stmt = stmt.where(AuditEvent.entity_type == filters.entity_type)
    if filters.entity_id:
        stmt = stmt.where(AuditEvent.entity_id == filters.entity_id)
    if filters.actor_id:
        stmt = stmt.where(AuditEvent.actor_id == filters.actor_id)
    if filters.action:
        stmt = stmt.where(AuditEvent.action == filters.action)
    if filters.since:
        stmt = stmt.where(AuditEvent.at >= as_utc(filters.since).astimezone(UTC))
    if filters.until:
        stmt = stmt.where(AuditEvent.at < as_utc(filters.until).astimezone(UTC))
    return stmt


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
    filters = AuditFilters(
        entity_type=entity_type,
        entity_id=entity_id,
        actor_id=actor_id,
        action=action,
        since=since,
        until=until,
    )
    stmt = _filtered(select(AuditEvent), filters)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.execute(
        stmt.add_columns(User.email)
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return [(event, email) for event, email in rows], total


#: An event's columns in an export, in order (named as the API's AuditEventOut fields).
EXPORT_COLUMNS = (
    AuditEvent.id,
    AuditEvent.at,
    AuditEvent.actor_id,
    User.email,
    AuditEvent.action,
    AuditEvent.entity_type,
    AuditEvent.entity_id,
    AuditEvent.before,
    AuditEvent.after,
)


def export_events(db: Database, filters: AuditFilters) -> Iterator[tuple[Any, ...]]:
    """Every event list_events would page through, in its order (newest first, ties by id),
    as EXPORT_COLUMNS' values, for a stream: read EXPORT_PAGE at a time by keyset (the last
    row's (at, id)), each page in a short session of its own, so that a log of millions is
    neither held in memory nor read under one long transaction. The events written after the
    export began are left out (they are newer than its first page, or above its highest id)."""
    with db.session() as session:
        ceiling = session.scalar(select(func.max(AuditEvent.id)))
    if ceiling is None:
        return
    base = (
        _filtered(select(*EXPORT_COLUMNS), filters)
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .where(AuditEvent.id <= ceiling)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(EXPORT_PAGE)
    )
    after: tuple[Any, Any] | None = None
    while True:
        stmt = base if after is None else base.where(tuple_(AuditEvent.at, AuditEvent.id) < after)
        with db.session() as session:
            rows = [tuple(row) for row in session.execute(stmt)]
        yield from rows
        if len(rows) < EXPORT_PAGE:
            return
        after = (rows[-1][1], rows[-1][0])
