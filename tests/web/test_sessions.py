"""Web sessions end on the server: sign-out, a password change, deactivation, the idle timeout and
the lifetime each make the cookie worthless, and a form posted with it saves nothing."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from app.auth.models import User, UserSession
from app.auth.sessions import token_digest
from app.db import Database, as_utc, utcnow
from app.decisions.models import Decision
from app.web import session as web_session
from tests.audit.helpers import stored_events
from tests.conftest import BASE_URL, make_test_app
from tests.web.conftest import OFFICER, csrf_of, ranking, sign_in

pytestmark = pytest.mark.postgres

ADMIN = "admin@imdi-facilitation.example.org"


def _decisions(database: Database) -> int:
    with database.session() as s:
        return int(s.scalar(select(func.count()).select_from(Decision)) or 0)


def _eligible_match(database: Database) -> uuid.UUID:
    """An eligible match's id: the lowest among the open vacancies' best ones."""
    found = [ranked[0].id for ranked in ranking(database, k=1).values() if ranked]
    assert found
    return min(found)


def _post_decision(client: TestClient, token: str, match_id: uuid.UUID):
    return client.post(
        f"/matches/{match_id}/decision",
        data={"csrf_token": token, "decision": "rejected", "note": "late", "next": "/"},
        follow_redirects=False,
    )


def _to_signin(response) -> bool:
    return response.status_code == 303 and response.headers["location"].startswith("/signin")


def _sessions_of(database: Database, email: str) -> list[UserSession]:
    with database.session() as s:
        return list(
            s.scalars(
                select(UserSession)
                .join(User, User.id == UserSession.user_id)
                .where(User.email == email)
                .order_by(UserSession.created_at)
            )
        )


def _admin_headers(demo_keys) -> dict[str, str]:
    return next(iter(demo_keys["admin"].values()))


def _user_id(database: Database, email: str) -> uuid.UUID:
    with database.session() as s:
        return s.scalar(select(User.id).where(User.email == email))


def test_an_old_cookie_after_sign_out_opens_nothing_and_saves_nothing(
    demo_client, demo_people, demo_database
) -> None:
    token = sign_in(demo_client, OFFICER, demo_people[OFFICER]["password"])
    stolen = demo_client.cookies[web_session.COOKIE]  # a copy kept elsewhere
    match_id = _eligible_match(demo_database)
    r = demo_client.post("/signout", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303

    demo_client.cookies.set(web_session.COOKIE, stolen)
    assert _to_signin(demo_client.get("/", follow_redirects=False))
    before = _decisions(demo_database)
    r = _post_decision(demo_client, token, match_id)
    assert _to_signin(r), r.text
    assert _decisions(demo_database) == before
    # The sign-in page treats it as no session too (it offers the form, not a redirect).
    assert demo_client.get("/signin", follow_redirects=False).status_code == 200

    [row] = _sessions_of(demo_database, OFFICER)
    assert row.revoked_at is not None and row.revoked_reason == "signed_out"
    assert [e.action for e in stored_events(demo_database, entity_id=str(row.id))] == [
        "sign_in",
        "sign_out",
    ]


def test_the_cookie_holds_a_token_whose_digest_only_is_stored(
    demo_client, demo_people, demo_database
) -> None:
    sign_in(demo_client, OFFICER, demo_people[OFFICER]["password"])
    settings = demo_client.app.state.settings
    from starlette.requests import Request

    scope = {
        "type": "http",
        "headers": [
            (b"cookie", f"{web_session.COOKIE}={demo_client.cookies[web_session.COOKIE]}".encode())
        ],
    }
    ws = web_session.read(Request(scope), settings)
    assert ws is not None and ws.token
    [row] = _sessions_of(demo_database, OFFICER)
    assert row.token_hash == token_digest(ws.token) != ws.token


def test_signing_out_in_one_browser_leaves_the_other_signed_in(demo_database, demo_people) -> None:
    app = make_test_app(demo_database)
    password = demo_people[OFFICER]["password"]
    with (
        TestClient(app, base_url=BASE_URL) as laptop,
        TestClient(app, base_url=BASE_URL) as phone,
    ):
        laptop_token = sign_in(laptop, OFFICER, password)
        sign_in(phone, OFFICER, password)
        laptop.post("/signout", data={"csrf_token": laptop_token}, follow_redirects=False)
        assert _to_signin(laptop.get("/", follow_redirects=False))
        assert phone.get("/", follow_redirects=False).status_code == 200


def test_a_password_change_ends_every_session_of_the_user(
    demo_database, demo_people, demo_keys
) -> None:
    app = make_test_app(demo_database)
    old = demo_people[OFFICER]["password"]
    match_id = _eligible_match(demo_database)
    with (
        TestClient(app, base_url=BASE_URL) as laptop,
        TestClient(app, base_url=BASE_URL) as phone,
        TestClient(app, base_url=BASE_URL) as other_user,
    ):
        token = sign_in(laptop, OFFICER, old)
        sign_in(phone, OFFICER, old)
        sign_in(other_user, ADMIN, demo_people[ADMIN]["password"])

        new = "a brand new passphrase"
        r = laptop.post(
            f"/api/v1/admin/users/{_user_id(demo_database, OFFICER)}/password",
            headers=_admin_headers(demo_keys),
            json={"password": new},
        )
        assert r.status_code == 200, r.text

        before = _decisions(demo_database)
        assert _to_signin(_post_decision(laptop, token, match_id))
        assert _decisions(demo_database) == before
        assert _to_signin(phone.get("/", follow_redirects=False))
        assert other_user.get("/", follow_redirects=False).status_code == 200  # not theirs

        # The old password no longer signs in; the new one does.
        page = laptop.get("/signin")
        refused = laptop.post(
            "/signin",
            data={"csrf_token": csrf_of(page.text), "email": OFFICER, "password": old},
        )
        assert refused.status_code == 401
        sign_in(laptop, OFFICER, new)
        assert laptop.get("/", follow_redirects=False).status_code == 200

    reasons = [row.revoked_reason for row in _sessions_of(demo_database, OFFICER)]
    assert reasons == ["password_changed", "password_changed", None]
    [event] = stored_events(demo_database, action="set_password")
    assert event.after == {"has_password": True, "sessions_ended": 2}
    assert event.before == {"has_password": True}  # that it changed, nothing about it


def test_deactivating_a_user_ends_their_sessions_and_stops_their_keys(
    demo_client, demo_people, demo_keys, demo_database
) -> None:
    token = sign_in(demo_client, OFFICER, demo_people[OFFICER]["password"])
    officer_key = {"Authorization": f"Bearer {demo_people[OFFICER]['api_key']}"}
    admin = _admin_headers(demo_keys)
    user_id = _user_id(demo_database, OFFICER)
    match_id = _eligible_match(demo_database)

    r = demo_client.post(f"/api/v1/admin/users/{user_id}/deactivate", headers=admin)
    assert r.status_code == 200 and r.json()["is_active"] is False
    before = _decisions(demo_database)
    assert _to_signin(_post_decision(demo_client, token, match_id))
    assert _decisions(demo_database) == before
    assert demo_client.get("/api/v1/me", headers=officer_key).status_code == 401
    [row] = _sessions_of(demo_database, OFFICER)
    assert row.revoked_reason == "deactivated"

    # Reactivated: the key works again, the ended session stays ended.
    r = demo_client.post(f"/api/v1/admin/users/{user_id}/activate", headers=admin)
    assert r.status_code == 200 and r.json()["is_active"] is True
    assert demo_client.get("/api/v1/me", headers=officer_key).status_code == 200
    assert _to_signin(demo_client.get("/", follow_redirects=False))
    actions = [e.action for e in stored_events(demo_database, entity_id=str(user_id))]
    assert actions[-2:] == ["deactivate", "activate"]


def test_an_admin_cannot_deactivate_itself(demo_client, demo_keys, demo_database) -> None:
    admin_id = _user_id(demo_database, ADMIN)
    r = demo_client.post(
        f"/api/v1/admin/users/{admin_id}/deactivate", headers=_admin_headers(demo_keys)
    )
    assert r.status_code == 409
    with demo_database.session() as s:
        assert s.get(User, admin_id).is_active
    missing = demo_client.post(
        f"/api/v1/admin/users/{uuid.uuid4()}/password",
        headers=_admin_headers(demo_keys),
        json={"password": "long enough passphrase"},
    )
    assert missing.status_code == 404
    short = demo_client.post(
        f"/api/v1/admin/users/{admin_id}/password",
        headers=_admin_headers(demo_keys),
        json={"password": "short"},
    )
    assert short.status_code == 422


def _age(database: Database, email: str, **columns: timedelta) -> None:
    """Move a user's session times into the past."""
    now = utcnow()
    with database.transaction() as s:
        user_id = s.scalar(select(User.id).where(User.email == email))
        s.execute(
            update(UserSession)
            .where(UserSession.user_id == user_id)
            .values({name: now - ago for name, ago in columns.items()})
        )


def test_a_session_unused_for_the_idle_timeout_ends(
    demo_client, demo_people, demo_database
) -> None:
    settings = demo_client.app.state.settings
    token = sign_in(demo_client, OFFICER, demo_people[OFFICER]["password"])
    idle = timedelta(minutes=settings.session_idle_minutes)
    _age(demo_database, OFFICER, last_seen_at=idle - timedelta(minutes=2))
    assert demo_client.get("/", follow_redirects=False).status_code == 200  # still in time

    _age(demo_database, OFFICER, last_seen_at=idle + timedelta(minutes=1))
    match_id = _eligible_match(demo_database)
    before = _decisions(demo_database)
    assert _to_signin(_post_decision(demo_client, token, match_id))
    assert _decisions(demo_database) == before
    assert _to_signin(demo_client.get("/", follow_redirects=False))


def test_a_busy_session_still_ends_at_the_end_of_its_lifetime(
    demo_client, demo_people, demo_database
) -> None:
    settings = demo_client.app.state.settings
    sign_in(demo_client, OFFICER, demo_people[OFFICER]["password"])
    lifetime = timedelta(hours=settings.session_max_hours)
    _age(demo_database, OFFICER, created_at=lifetime + timedelta(minutes=1))
    assert _to_signin(demo_client.get("/", follow_redirects=False))


def test_last_seen_is_written_at_most_once_a_minute(
    demo_client, demo_people, demo_database
) -> None:
    sign_in(demo_client, OFFICER, demo_people[OFFICER]["password"])
    _age(demo_database, OFFICER, last_seen_at=timedelta(seconds=20))
    [row] = _sessions_of(demo_database, OFFICER)
    for _ in range(3):
        assert demo_client.get("/", follow_redirects=False).status_code == 200
    [same] = _sessions_of(demo_database, OFFICER)
    assert same.last_seen_at == row.last_seen_at  # no write for requests within the minute

    _age(demo_database, OFFICER, last_seen_at=timedelta(minutes=5))
    assert demo_client.get("/", follow_redirects=False).status_code == 200
    [touched] = _sessions_of(demo_database, OFFICER)
    assert utcnow() - as_utc(touched.last_seen_at) < timedelta(minutes=1)


def test_signing_in_again_ends_the_previous_session_and_prunes_dead_ones(
    demo_client, demo_people, demo_database
) -> None:
    password = demo_people[OFFICER]["password"]
    sign_in(demo_client, OFFICER, password)
    first = demo_client.cookies[web_session.COOKIE]
    # Sign in again from the same browser (the form, posted while signed in).
    r = demo_client.post(
        "/signin",
        data={
            "csrf_token": csrf_of(demo_client.get("/").text),
            "email": OFFICER,
            "password": password,
            "next": "/",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303
    rows = _sessions_of(demo_database, OFFICER)
    assert [row.revoked_reason for row in rows] == ["signed_in_again", None]
    demo_client.cookies.set(web_session.COOKIE, first)
    assert _to_signin(demo_client.get("/", follow_redirects=False))

    # Rows past the idle timeout go at the next sign-in, anyone's.
    _age(demo_database, OFFICER, last_seen_at=timedelta(days=1))
    demo_client.cookies.clear()
    sign_in(demo_client, ADMIN, demo_people[ADMIN]["password"])
    assert _sessions_of(demo_database, OFFICER) == []
