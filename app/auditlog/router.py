"""The audit log: officers and admins read it; nobody writes it through the API."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from app.auditlog import repository
from app.auditlog.schemas import AuditEventOut
from app.auth.deps import require_roles
from app.common.principal import Role
from app.common.schemas import MAX_OFFSET, Page, SingleLine
from app.db import as_utc
from app.deps import SessionDep

router = APIRouter(
    prefix="/api/v1/audit-events",
    tags=["audit"],
    dependencies=[Depends(require_roles(Role.OFFICER, Role.ADMIN))],
)


Short = Annotated[SingleLine | None, Query(max_length=255)]


@router.get("", response_model=Page[AuditEventOut])
def list_events(
    session: SessionDep,
    entity_type: Short = None,
    entity_id: Short = None,
    actor_id: uuid.UUID | None = None,
    action: Short = None,
    since: Annotated[datetime | None, Query(description="inclusive; ISO 8601")] = None,
    until: Annotated[datetime | None, Query(description="exclusive; ISO 8601")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Page[AuditEventOut]:
    rows, total = repository.list_events(
        session,
        entity_type=entity_type,
        entity_id=entity_id,
        actor_id=actor_id,
        action=action,
        since=since,
        until=until,
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
