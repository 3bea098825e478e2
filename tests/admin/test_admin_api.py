"""Admin API (organisations, users, API keys), "me", and the failed-authentication limit."""

from __future__ import annotations

import pytest

from app.auth.ratelimit import FAILED_AUTH
from tests.audit.helpers import stored_events

ADMIN = "/api/v1/admin"


@pytest.mark.parametrize(
    "method,path",
    [
        ("get", "/organisations"),
        ("post", "/organisations"),
        ("get", "/users"),
        ("post", "/users"),
        ("get", "/keys"),
        ("post", "/users/00000000-0000-0000-0000-000000000000/keys"),
        ("post", "/keys/00000000-0000-0000-0000-000000000000/revoke"),
    ],
)
def test_only_admins(client, actors, count_rows, method: str, path: str) -> None:
    for role in ("employer", "ministry", "officer"):
        r = client.request(method, ADMIN + path, json={}, headers=actors[role].headers)
        assert r.status_code == 403, (role, r.text)
    assert client.request(method, ADMIN + path, json={}).status_code == 401
    assert count_rows("organisations") == 5 and count_rows("users") == 6  # the fixtures' own


def test_organisations(client, database, actors, count_rows) -> None:
    admin = actors["admin"].headers
    body = {"slug": "acme-farms", "name": "Acme Farms", "kind": "employer", "country": "nz"}
    r = client.post(f"{ADMIN}/organisations", json=body, headers=admin)
    assert r.status_code == 201, r.text
    assert r.json()["country"] == "NZ" and r.json()["kind"] == "employer"
    assert client.post(f"{ADMIN}/organisations", json=body, headers=admin).status_code == 409

    bad = {"slug": "Bad Slug", "name": "", "kind": "club", "country": "XX", "extra": 1}
    r = client.post(f"{ADMIN}/organisations", json=bad, headers=admin)
    assert r.status_code == 422
    assert {e["field"] for e in r.json()["errors"]} == {
        "body.slug",
        "body.name",
        "body.kind",
        "body.country",
        "body.extra",
    }
    assert count_rows("organisations") == 6

    listed = client.get(f"{ADMIN}/organisations", params={"kind": "employer"}, headers=admin).json()
    assert listed["total"] == 3
    slugs = [o["slug"] for o in listed["items"]]
    assert "acme-farms" in slugs and slugs == sorted(slugs)

    [event] = stored_events(database, entity_type="organisation", actor_id=actors["admin"].user_id)
    assert event.action == "create" and event.after["slug"] == "acme-farms"


def _new_user(client, actors, **overrides) -> dict:
    body = {
        "email": "Ana@Example.org",
        "name": "Ana",
        "role": "officer",
        "organisation": "agency",
        **overrides,
    }
    r = client.post(f"{ADMIN}/users", json=body, headers=actors["admin"].headers)
    assert r.status_code == 201, r.text
    return r.json()


def test_users(client, database, actors, count_rows) -> None:
    admin = actors["admin"].headers
    user = _new_user(client, actors, password="a long enough passphrase")
    assert user["email"] == "ana@example.org" and user["role"] == "officer"
    assert user["organisation"]["slug"] == "agency" and user["has_password"] is True
    assert "password" not in user and "password_hash" not in user
    employer_org = client.get(
        f"{ADMIN}/organisations", params={"kind": "employer"}, headers=admin
    ).json()["items"][0]["slug"]
    no_password = _new_user(
        client, actors, email="bo@example.org", role="employer", organisation=employer_org
    )
    assert no_password["has_password"] is False

    cases = [
        ({"email": "ana@example.org"}, 409, None),
        ({"email": "not-an-email"}, 422, "body.email"),
        ({"role": "king"}, 422, "body.role"),
        ({"organisation": "nowhere"}, 422, "body.organisation"),
        ({"role": "ministry"}, 422, "body.role"),  # a ministry user in an agency
        ({"password": "short"}, 422, "body.password"),
    ]
    for overrides, status, field in cases:
        body = {
            "email": "cy@example.org",
            "name": "Cy",
            "role": "officer",
            "organisation": "agency",
            **overrides,
        }
        r = client.post(f"{ADMIN}/users", json=body, headers=admin)
        assert r.status_code == status, (overrides, r.text)
        if field:
            assert field in {e["field"] for e in r.json()["errors"]}, r.json()
    assert count_rows("users") == 8

    agency = client.get(f"{ADMIN}/users", params={"organisation": "agency"}, headers=admin).json()
    assert agency["total"] == 3
    emails = [u["email"] for u in agency["items"]]
    assert "ana@example.org" in emails and emails == sorted(emails)
    officers = client.get(f"{ADMIN}/users", params={"role": "officer"}, headers=admin).json()
    assert {u["role"] for u in officers["items"]} == {"officer"} and officers["total"] == 2

    events = stored_events(database, entity_type="user", actor_id=actors["admin"].user_id)
    assert [e.after["email"] for e in events] == ["ana@example.org", "bo@example.org"]
    assert all("password" not in str(e.after) for e in events)


def test_a_key_works_once_shown_and_stops_after_revocation(client, database, actors) -> None:
    admin = actors["admin"].headers
    user = _new_user(client, actors)
    r = client.post(f"{ADMIN}/users/{user['id']}/keys", json={"name": "laptop"}, headers=admin)
    assert r.status_code == 201, r.text
    created = r.json()
    key = created["key"]
    assert key.startswith("imdi_") and created["prefix"] == key[:12]
    assert created["last_used_at"] is None

    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {key}"})
    assert me.status_code == 200 and me.json()["email"] == "ana@example.org"

    listed = client.get(f"{ADMIN}/keys", params={"user_id": user["id"]}, headers=admin).json()
    [item] = listed["items"]
    assert item["id"] == created["id"] and item["last_used_at"] is not None
    assert "key" not in item and "key_hash" not in item and key not in str(listed)

    r = client.post(f"{ADMIN}/keys/{created['id']}/revoke", headers=admin)
    assert r.status_code == 200 and r.json()["revoked_at"] is not None
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {key}"}).status_code == 401
    active = client.get(
        f"{ADMIN}/keys", params={"user_id": user["id"], "include_revoked": False}, headers=admin
    ).json()
    assert active["total"] == 0

    actions = [
        (e.action, e.actor_id)
        for e in stored_events(database, entity_type="api_key", entity_id=created["id"])
    ]
    assert actions == [("create", actors["admin"].user_id), ("revoke", actors["admin"].user_id)]
    unknown = "00000000-0000-0000-0000-000000000000"
    assert (
        client.post(f"{ADMIN}/users/{unknown}/keys", json={"name": "x"}, headers=admin).status_code
        == 404
    )
    assert client.post(f"{ADMIN}/keys/{unknown}/revoke", headers=admin).status_code == 404


def test_me(client, actors) -> None:
    for role in ("employer", "ministry", "officer", "admin"):
        r = client.get("/api/v1/me", headers=actors[role].headers)
        assert r.status_code == 200
        body = r.json()
        assert body["role"] == role and body["id"] == str(actors[role].user_id)
        assert body["organisation"]["id"] == str(actors[role].org_id)
    assert client.get("/api/v1/me").status_code == 401


def test_users_list_and_revoke_their_own_keys_but_only_admins_create_them(
    client, database, actors
) -> None:
    employer = actors["employer"].headers
    # Design section 8: keys are managed by admins; a leaked key must not mint a second one.
    assert client.post("/api/v1/me/keys", json={"name": "x"}, headers=employer).status_code == 405
    r = client.post(
        f"/api/v1/admin/users/{actors['employer'].user_id}/keys",
        json={"name": "HR sync"},
        headers=actors["admin"].headers,
    )
    assert r.status_code == 201
    new = r.json()
    new_headers = {"Authorization": f"Bearer {new['key']}"}
    assert client.get("/api/v1/me", headers=new_headers).json()["role"] == "employer"

    mine = client.get("/api/v1/me/keys", headers=employer).json()
    assert mine["total"] == 2 and {k["name"] for k in mine["items"]} == {"test", "HR sync"}
    assert all("key" not in k for k in mine["items"])

    # Someone else's key is not found, and stays valid.
    other = client.post(f"/api/v1/me/keys/{new['id']}/revoke", headers=actors["employer2"].headers)
    assert other.status_code == 404
    assert client.get("/api/v1/me", headers=new_headers).status_code == 200

    assert client.post(f"/api/v1/me/keys/{new['id']}/revoke", headers=employer).status_code == 200
    assert client.get("/api/v1/me", headers=new_headers).status_code == 401
    assert client.get("/api/v1/me", headers=employer).status_code == 200  # the other key
    events = stored_events(database, entity_type="api_key", entity_id=new["id"])
    assert [(e.action, e.actor_id) for e in events] == [
        ("create", actors["admin"].user_id),
        ("revoke", actors["employer"].user_id),
    ]


def test_failed_authentications_are_limited(client, actors) -> None:
    FAILED_AUTH.reset()
    try:
        for i in range(FAILED_AUTH.max_failures):
            r = client.get("/api/v1/me", headers={"Authorization": f"Bearer imdi_wrong{i}"})
            assert r.status_code == 401
        blocked = client.get("/api/v1/me", headers={"Authorization": "Bearer imdi_wrong"})
        assert blocked.status_code == 429
        assert 1 <= int(blocked.headers["retry-after"]) <= FAILED_AUTH.window + 1
        # A good key from the same client is never held back by the bad ones.
        assert client.get("/api/v1/me", headers=actors["admin"].headers).status_code == 200
        assert client.get("/api/v1/me", headers={"Authorization": "Bearer x"}).status_code == 429
    finally:
        FAILED_AUTH.reset()
