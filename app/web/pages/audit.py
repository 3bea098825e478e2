"""The audit log, with filters (officers and admins)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated

from fastapi import Query, Request
from starlette.responses import Response

from app.auditlog import repository as audit
from app.auth import repository as users
from app.common.schemas import SingleLine
from app.deps import SessionDep
from app.web.deps import OfficerUser
from app.web.pages.common import page_offset, web_router
from app.web.render import render

router = web_router()
PAGE = 50
Short = Annotated[SingleLine | None, Query(max_length=255)]


@router.get("/audit")
def audit_log(
    request: Request,
    user: OfficerUser,
    session: SessionDep,
    entity_type: Short = None,
    entity_id: Short = None,
    action: Short = None,
    actor: Short = None,
    since: Annotated[date | None, Query()] = None,
    until: Annotated[date | None, Query()] = None,
    offset: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    start = page_offset(offset)
    actor_id = None
    unknown_actor = False
    if actor:
        actor_id = users.user_id_of(session, actor.strip().lower())
        unknown_actor = actor_id is None
    rows, total = (
        ([], 0)
        if unknown_actor
        else audit.list_events(
            session,
            entity_type=entity_type or None,
            entity_id=entity_id or None,
            actor_id=actor_id,
            action=action or None,
            since=datetime.combine(since, time.min, UTC) if since else None,
            # `until` is a day the officer wants included: events before the next midnight.
            until=datetime.combine(until + timedelta(days=1), time.min, UTC) if until else None,
            limit=PAGE,
            offset=start,
        )
    )
    filters = {
        "entity_type": entity_type or "",
        "entity_id": entity_id or "",
        "action": action or "",
        "actor": actor or "",
        "since": since.isoformat() if since else "",
        "until": until.isoformat() if until else "",
    }
    return render(
        request,
        "audit.html",
        {
            "rows": rows,
            "total": total,
            "offset": start,
            "page_size": PAGE,
            "filters": filters,
            "query": {k: v for k, v in filters.items() if v},
            "unknown_actor": unknown_actor,
            "entity_types": [
                "vacancy",
                "pool",
                "match",
                "legal_pathway",
                "survey_upload",
                "exchange_rate",
                "organisation",
                "user",
                "api_key",
                "web_session",
                "allocation_plan",
            ],
        },
    )
