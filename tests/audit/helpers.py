"""Reading stored audit events in tests (a session of its own: only committed events)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, select

from app.audit.models import AuditEvent
from app.db import Database


def stored_events(database: Database, **where: Any) -> list[AuditEvent]:
    """Events matching the column values in `where`, oldest first."""
    with database.session() as s:
        stmt = select(AuditEvent).order_by(AuditEvent.id)
        for name, value in where.items():
            stmt = stmt.where(getattr(AuditEvent, name) == value)
        return list(s.scalars(stmt))


@contextmanager
def rewritable_audit(database: Database) -> Iterator[Connection]:
    """A connection on which audit events may be changed (tests that backdate events): the
    append-only triggers (migration 0010) are lifted for the block, as only the schema's owner
    can, and are back in place after it."""
    with database.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("ALTER TABLE audit_events DISABLE TRIGGER USER")
            yield conn
            conn.exec_driver_sql("ALTER TABLE audit_events ENABLE TRIGGER USER")
            return
        triggers = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name = 'audit_events'"
        ).all()
        for name, _ in triggers:
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
        yield conn
        for _, sql in triggers:
            conn.exec_driver_sql(sql)
