"""API keys may expire (issue 13, item 9): an admin gives a key an end; after it the key is a
401 like a revoked one (also when its principal was cached), and the lists show when it ends."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from app.auth import service as auth_service

pytestmark = pytest.mark.postgres

ADMIN = "/api/v1/admin"


def _key(client, actors, **body):
    user = actors["employer"].user_id
    return client.post(
        f"{ADMIN}/users/{user}/keys",
        json={"name": "season", **body},
        headers=actors["admin"].headers,
    )


def test_a_key_with_an_end_works_until_it_and_is_refused_after(
    client, database, actors, monkeypatch
) -> None:
    end = datetime.now(UTC) + timedelta(days=90)
    r = _key(client, actors, expires_at=end.isoformat())
    assert r.status_code == 201, r.text
    created = r.json()
    assert abs(datetime.fromisoformat(created["expires_at"]) - end) < timedelta(seconds=1)
    headers = {"Authorization": f"Bearer {created['key']}"}
    assert client.get("/api/v1/me", headers=headers).status_code == 200  # cached from here
    listed = client.get(f"{ADMIN}/keys", headers=actors["admin"].headers).json()["items"]
    assert [k["expires_at"] for k in listed if k["id"] == created["id"]] == [created["expires_at"]]
    # Ninety-one days pass, for the service's clock.
    later = datetime.now(UTC) + timedelta(days=91)
    monkeypatch.setattr(auth_service, "utcnow", lambda: later)
    assert client.get("/api/v1/me", headers=headers).status_code == 401
    with database.transaction() as session:  # the database refuses it too, not just the cache
        assert auth_service.authenticate_key(session, created["key"]) is None


def test_a_cached_key_is_refused_at_its_end_without_any_write(client, database, actors) -> None:
    end = datetime.now(UTC) + timedelta(seconds=2)
    created = _key(client, actors, expires_at=end.isoformat()).json()
    headers = {"Authorization": f"Bearer {created['key']}"}
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    time.sleep(max(0.0, (end - datetime.now(UTC)).total_seconds()) + 0.1)
    assert client.get("/api/v1/me", headers=headers).status_code == 401


@pytest.mark.parametrize("value", ["past", "next tuesday"])
def test_an_end_in_the_past_or_not_a_moment_is_a_422(client, actors, value) -> None:
    if value == "past":
        value = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    r = _key(client, actors, expires_at=value)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "body.expires_at"


def test_keys_without_an_end_work_until_revoked(client, actors) -> None:
    created = _key(client, actors).json()
    assert created["expires_at"] is None
    headers = {"Authorization": f"Bearer {created['key']}"}
    assert client.get("/api/v1/me", headers=headers).status_code == 200
