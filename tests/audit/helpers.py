"""Reading stored audit events in tests (a session of its own: only committed events)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.audit.models import AuditEvent
from app.db import Database


def stored_events(database: Database, **where: Any) -> list[AuditEvent]:
    """Events matching the column values in `where`, oldest first."""
    with database.session() as s:
        stmt = select(AuditEvent).order_by(AuditEvent.id)
        for name, value in where.items():
            stmt = stmt.where(getattr(AuditEvent, name) == value)
        return list(s.scalars(stmt))
