"""The audit log, with filters (officers and admins): each event's actor by name, its entity
by name with a link to its page, and the change as a readable diff (app/web/audit_view.py);
the same table as CSV at /audit.csv, with the page's filters."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, Query, Request
from starlette.responses import Response

from app.auditlog import repository as audit
from app.auditlog.schemas import AuditFilters
from app.auth import repository as users
from app.common.csv_safe import csv_response
from app.common.principal import Role
from app.common.schemas import SingleLine
from app.db import Database
from app.deps import SessionDep, get_database
from app.web import audit_view
from app.web.deps import OfficerUser
from app.web.pages.common import page_offset, web_router
from app.web.render import render

router = web_router()
PAGE = 50
Short = Annotated[SingleLine | None, Query(max_length=255)]
ENTITY_TYPES = [
    "vacancy",
    "pool",
    "match",
    "placement",
    "legal_pathway",
    "survey_upload",
    "exchange_rate",
    "organisation",
    "user",
    "api_key",
    "web_session",
    "allocation_plan",
    "webhook_endpoint",
]
CSV_COLUMNS = (
    "at",
    "actor",
    "actor_email",
    "action",
    "entity_type",
    "entity",
    "entity_id",
    "change",
)


@dataclass(frozen=True, slots=True)
class AuditSearch:
    """The page's filters as typed (for the form) and as the repository takes them; `filters`
    None: the actor's email names nobody, so nothing matches."""

    values: dict[str, str]
    filters: AuditFilters | None


def audit_query(
    session: SessionDep,
    entity_type: Short = None,
    entity_id: Short = None,
    action: Short = None,
    actor: Short = None,
    since: Annotated[date | None, Query()] = None,
    until: Annotated[date | None, Query()] = None,
) -> AuditSearch:
    values = {
        "entity_type": entity_type or "",
        "entity_id": entity_id or "",
        "action": action or "",
        "actor": actor or "",
        "since": since.isoformat() if since else "",
        "until": until.isoformat() if until else "",
    }
    actor_id = None
    if actor:
        actor_id = users.user_id_of(session, actor.strip().lower())
        if actor_id is None:
            return AuditSearch(values, None)
    filters = AuditFilters(
        entity_type=entity_type or None,
        entity_id=entity_id or None,
        actor_id=actor_id,
        action=action or None,
        since=datetime.combine(since, time.min, UTC) if since else None,
        # `until` is a day the officer wants included: events before the next midnight.
        until=datetime.combine(until + timedelta(days=1), time.min, UTC) if until else None,
    )
    return AuditSearch(values, filters)


AuditQuery = Annotated[AuditSearch, Depends(audit_query)]


@router.get("/audit")
def audit_log(
    request: Request,
    user: OfficerUser,
    session: SessionDep,
    query: AuditQuery,
    offset: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    start = page_offset(offset)
    rows: list[Any] = []
    total = 0
    if query.filters is not None:
        f = query.filters
        rows, total = audit.list_events(
            session,
            entity_type=f.entity_type,
            entity_id=f.entity_id,
            actor_id=f.actor_id,
            action=f.action,
            since=f.since,
            until=f.until,
            limit=PAGE,
            offset=start,
        )
    events = [audit_view.RawEvent.of(e, email) for e, email in rows]
    shown = {k: v for k, v in query.values.items() if v}
    return render(
        request,
        "audit.html",
        {
            "rows": audit_view.views(session, events, admin=user.principal.role is Role.ADMIN),
            "total": total,
            "offset": start,
            "page_size": PAGE,
            "filters": query.values,
            "query": shown,
            "csv_href": "/audit.csv" + (f"?{urlencode(shown)}" if shown else ""),
            "unknown_actor": query.filters is None,
            "entity_types": ENTITY_TYPES,
        },
    )


@router.get("/audit.csv")
def audit_csv(
    user: OfficerUser,
    query: AuditQuery,
    db: Annotated[Database, Depends(get_database)],
) -> Response:
    """Every event the page's filters match (not only the page shown), newest first, as the
    table shows them: names and the diff as text (csv_safe neutralises formula-like cells).
    Read a thousand events at a time (the repository's export pages), each chunk's names in
    one query per kind of entity."""
    admin = user.principal.role is Role.ADMIN
    rows = _csv_rows(db, query.filters, admin) if query.filters is not None else iter(())
    return csv_response(CSV_COLUMNS, rows, "audit-log.csv")


def _csv_rows(db: Database, filters: AuditFilters, admin: bool) -> Iterator[tuple[Any, ...]]:
    stream = audit.export_events(db, filters)
    while chunk := list(islice(stream, audit.EXPORT_PAGE)):
        events = [
            audit_view.RawEvent(i, at, actor_id, email, action, kind, entity_id, before, after)
            for i, at, actor_id, email, action, kind, entity_id, before, after in chunk
        ]
        with db.session() as session:
            shown = audit_view.views(session, events, admin=admin)
        for e in shown:
            yield (
                e.at,
                e.actor.name if e.actor else "system",
                e.actor_email or "",
                e.action,
                e.entity_type,
                e.entity.name,
                e.entity_id,
                audit_view.change_text(e.changes),
            )
