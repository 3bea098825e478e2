"""API keys are read once per change-feed head (app/auth/service.py, KeyCache): a key used
again while nothing changed costs no query, and every change to a user, a key or an
organisation, made through any session (another process, the CLI), is seen by the next
request, as without the cache."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, select

from app.auth import service as auth
from app.auth.models import User
from app.db import Database
from tests.conftest import BASE_URL, make_test_app

pytestmark = pytest.mark.postgres


@contextmanager
def key_reads(database: Database) -> Iterator[list[str]]:
    """The statements that read the api_keys table while the block runs."""
    seen: list[str] = []

    def _before(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if "FROM api_keys" in statement:
            seen.append(statement)

    event.listen(database.engine, "before_cursor_execute", _before)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", _before)


def test_a_key_used_again_while_nothing_changed_is_not_read_again(
    client: TestClient, database: Database, actors
) -> None:
    headers = actors["employer"].headers
    assert client.get("/api/v1/me", headers=headers).status_code == 200  # cached from here
    with key_reads(database) as reads:
        for _ in range(3):
            assert client.get("/api/v1/me", headers=headers).status_code == 200
    assert reads == []


def test_a_user_disabled_elsewhere_is_refused_by_the_next_request(
    client: TestClient, database: Database, actors
) -> None:
    employer = actors["employer"]
    assert client.get("/api/v1/me", headers=employer.headers).status_code == 200
    # As the CLI or another server process would: a session of its own, not this app's.
    with database.transaction() as session:
        user = session.get(User, employer.user_id)
        auth.set_active(session, None, user, False)
    with key_reads(database) as reads:
        assert client.get("/api/v1/me", headers=employer.headers).status_code == 401
    assert reads, "the head moved: the key is read again"
    with database.transaction() as session:
        auth.set_active(session, None, session.get(User, employer.user_id), True)
    assert client.get("/api/v1/me", headers=employer.headers).status_code == 200


def test_a_role_changed_elsewhere_is_the_role_of_the_next_request(
    client: TestClient, database: Database, actors
) -> None:
    officer = actors["officer"]
    assert client.get("/api/v1/me", headers=officer.headers).json()["role"] == "officer"
    with database.transaction() as session:
        session.scalars(select(User).where(User.id == officer.user_id)).one().role = "admin"
    assert client.get("/api/v1/me", headers=officer.headers).json()["role"] == "admin"


def test_a_key_revoked_through_one_app_is_refused_by_another_that_had_it_cached(
    client: TestClient, database: Database, actors
) -> None:
    employer = actors["employer"]
    with TestClient(make_test_app(database), base_url=BASE_URL) as other:
        assert other.get("/api/v1/me", headers=employer.headers).status_code == 200
        [key] = client.get("/api/v1/me/keys", headers=employer.headers).json()["items"]
        revoked = client.post(f"/api/v1/me/keys/{key['id']}/revoke", headers=employer.headers)
        assert revoked.status_code == 200
        assert other.get("/api/v1/me", headers=employer.headers).status_code == 401
