"""The audit log: officers and admins read it; nobody writes it through the API."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response

from app.auditlog import repository
from app.auditlog.schemas import AuditEventOut, AuditFilters
from app.auth.deps import require_roles
from app.common.csv_safe import CSV_EXPORT, csv_response
from app.common.principal import Role
from app.common.schemas import MAX_OFFSET, Page
from app.db import Database, as_utc
from app.deps import SessionDep, get_database

router = APIRouter(
    prefix="/api/v1/audit-events",
    tags=["audit"],
    dependencies=[Depends(require_roles(Role.OFFICER, Role.ADMIN))],
)

Limit = Annotated[int, Query(ge=1, le=200, description="page size, 1..200")]
Offset = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description="how many matching items to skip (offset paging)")
]
Filters = Annotated[AuditFilters, Depends()]

#: An event's CSV columns: AuditEventOut's fields, in order.
AUDIT_COLUMNS = (
    "id",
    "at",
    "actor_id",
    "actor_email",
    "action",
    "entity_type",
    "entity_id",
    "before",
    "after",
)


def _cells(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """An export row as the JSON shows it: the time RFC 3339 (UTC), before and after as JSON."""
    event_id, at, actor_id, email, action, entity_type, entity_id, before, after = row
    return (
        event_id,
        at,
        actor_id,
        email,
        action,
        entity_type,
        entity_id,
        _json(before),
        _json(after),
    )


def _json(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


@router.get("", response_model=Page[AuditEventOut])
def list_audit_events(
    session: SessionDep,
    filters: Filters,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[AuditEventOut]:
    """List audit events

    Every write the service recorded, newest first (ties by id, so that pages neither repeat
    nor skip), with who made it and the fields before and after. Filter by object (kind and
    id), actor, action and time (`since` inclusive, `until` exclusive); page with limit
    (1..200) and offset. For a long log, GET /api/v1/audit-events.csv exports every match at
    once.
    """
    rows, total = repository.list_events(
        session,
        entity_type=filters.entity_type,
        entity_id=filters.entity_id,
        actor_id=filters.actor_id,
        action=filters.action,
        since=filters.since,
        until=filters.until,
        limit=limit,
        offset=offset,
    )
    items = [
        AuditEventOut(
            id=e.id,
            at=as_utc(e.at),
            actor_id=e.actor_id,
            actor_email=email,
            action=e.action,
            entity_type=e.entity_type,
            entity_id=e.entity_id,
            before=e.before,
            after=e.after,
        )
        for e, email in rows
    ]
    return Page(items=items, total=total, limit=limit, offset=offset)


@router.get(".csv", response_class=Response, responses={**CSV_EXPORT})
def export_audit_events(
    filters: Filters, db: Annotated[Database, Depends(get_database)]
) -> Response:
    """Download the audit log as CSV

    Every event GET /api/v1/audit-events would list with the same filters, unpaged, in the
    same order (newest first, ties by id). Streamed as it is read (a thousand events at a
    time), so that a log of millions downloads without a limit; the events written after the
    download began are not in it. Columns, named as the JSON fields: id, at (RFC 3339, UTC),
    actor_id, actor_email (empty: the system), action, entity_type, entity_id, before and
    after (each the JSON object as text; empty: null).
    """
    rows = (_cells(r) for r in repository.export_events(db, filters))
    return csv_response(AUDIT_COLUMNS, rows, "audit-events.csv")
