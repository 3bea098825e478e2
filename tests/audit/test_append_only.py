"""The audit trail is append-only in the database (migration 0010): rows cannot be changed or
removed by any statement, on both databases, while new events are still written."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DBAPIError

from app.audit.models import AuditEvent
from app.db import Database
from tests.audit.helpers import stored_events

pytestmark = pytest.mark.postgres


def _an_event(client, actors) -> AuditEvent:
    r = client.post(
        "/api/v1/admin/organisations",
        json={"slug": "acme-audit", "name": "Acme", "kind": "employer", "country": "DE"},
        headers=actors["admin"].headers,
    )
    assert r.status_code == 201, r.text
    return stored_events(client.app.state.db, entity_type="organisation")[-1]


@pytest.mark.parametrize(
    "statement",
    [
        lambda e: update(AuditEvent).where(AuditEvent.id == e.id).values(action="nothing"),
        lambda e: update(AuditEvent).values(after=None),
        lambda e: delete(AuditEvent).where(AuditEvent.id == e.id),
        lambda e: delete(AuditEvent),
    ],
    ids=["update-one", "update-all", "delete-one", "delete-all"],
)
def test_audit_events_cannot_be_changed_or_removed(
    client, database: Database, actors, statement
) -> None:
    event = _an_event(client, actors)
    before = [(e.id, e.action, e.after) for e in stored_events(database)]
    with pytest.raises(DBAPIError, match="append-only"), database.transaction() as session:
        session.execute(statement(event))
    assert [(e.id, e.action, e.after) for e in stored_events(database)] == before


def test_the_audit_table_cannot_be_truncated_on_postgresql(client, database, actors) -> None:
    if database.engine.dialect.name != "postgresql":
        pytest.skip("TRUNCATE is PostgreSQL's")
    _an_event(client, actors)
    n = len(stored_events(database))
    with pytest.raises(DBAPIError, match="append-only"), database.transaction() as session:
        session.execute(text("TRUNCATE audit_events"))
    assert len(stored_events(database)) == n


def test_events_are_still_appended(client, database, actors) -> None:
    n = len(stored_events(database))
    _an_event(client, actors)
    assert len(stored_events(database)) == n + 1
