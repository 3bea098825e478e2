"""The auth service's functions for the admin console: the role change (audited, within the
organisation's kind), the searches of organisations, users and keys, a key's state, the
overview's counts and generated passwords."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.auth import service as auth
from app.auth import sessions
from app.auth.models import ApiKey, User
from app.auth.repository import principal_of
from app.auth.schemas import OrganisationKind
from app.auth.security import generate_password
from app.common.principal import Role
from app.config import Settings
from app.db import Database, utcnow
from app.errors import ProblemError
from tests.audit.helpers import stored_events

pytestmark = pytest.mark.postgres


def test_an_agency_user_changes_role_audited_and_effective_at_once(
    client: TestClient, database: Database, actors
) -> None:
    officer, admin = actors["officer"], actors["admin"]
    with database.transaction() as s:
        user = s.get_one(User, officer.user_id)
        principal = principal_of(s.get_one(User, admin.user_id))
        assert auth.set_role(s, principal, user, Role.ADMIN) is True
        assert auth.set_role(s, principal, user, Role.ADMIN) is False  # no change, no event
    [event] = stored_events(database, entity_type="user", action="change_role")
    assert (event.before, event.after) == ({"role": "officer"}, {"role": "admin"})
    assert event.actor_id == admin.user_id and event.entity_id == str(officer.user_id)
    # The key acts with the new role from its next request (the change feed moved).
    r = client.get("/api/v1/admin/users", headers=officer.headers)
    assert r.status_code == 200


def test_a_role_must_fit_the_organisation_and_an_admin_keeps_its_own(
    database: Database, actors
) -> None:
    with database.transaction() as s:
        admin_user = s.get_one(User, actors["admin"].user_id)
        principal = principal_of(admin_user)
        employer = s.get_one(User, actors["employer"].user_id)
        with pytest.raises(ProblemError) as caught:
            auth.set_role(s, principal, employer, Role.OFFICER)
        assert caught.value.status == 422
        assert caught.value.errors[0]["type"] == "role_organisation_kind"
        with pytest.raises(ProblemError) as caught:
            auth.set_role(s, principal, admin_user, Role.OFFICER)
        assert caught.value.status == 409
    with database.session() as s:
        assert s.get_one(User, actors["employer"].user_id).role == "employer"
        assert s.get_one(User, actors["admin"].user_id).role == "admin"
    assert not stored_events(database, action="change_role")


def test_roles_for_each_kind() -> None:
    assert auth.roles_for_kind("agency") == [Role.OFFICER, Role.ADMIN]
    assert auth.roles_for_kind("employer") == [Role.EMPLOYER]
    assert auth.roles_for_kind("ministry") == [Role.MINISTRY]


def test_searches_of_organisations_users_and_keys(database: Database, actors) -> None:
    with database.session() as s:
        orgs, total = auth.search_organisations(s, kind=OrganisationKind.AGENCY)
        assert total == 1 and orgs[0][0].slug == "agency" and orgs[0][1] == 2  # two users
        everyone, n = auth.search_organisations(s, limit=None)
        assert n == len(everyone) == 5
        assert [o.name for o, _ in everyone] == sorted(o.name for o, _ in everyone)
        # Text in the slug or the name, case-insensitive; % and _ are literal.
        assert auth.search_organisations(s, q="AGEN")[1] == 1
        assert auth.search_organisations(s, q="%")[1] == 0

        users, total = auth.search_users(s, role=Role.OFFICER)
        assert total == 1 and users[0][0].id == actors["officer"].user_id
        agency_id = actors["admin"].org_id
        assert auth.search_users(s, organisation_id=agency_id)[1] == 2
        assert auth.search_users(s, q="MINISTRY USER")[1] == 2  # in the name
        assert auth.search_users(s, active=False)[1] == 0

        keys, total = auth.search_keys(s, user_id=actors["ministry"].user_id)
        assert total == 1 and keys[0][1].id == actors["ministry"].user_id
        assert auth.search_keys(s, state="in_force")[1] == 6
        assert auth.search_keys(s, q=keys[0][0].prefix)[1] == 1


def test_a_keys_state_and_the_state_filter_agree(database: Database, actors) -> None:
    with database.transaction() as s:
        keys = {k.user_id: k for k in s.scalars(select(ApiKey))}
        keys[actors["employer"].user_id].revoked_at = utcnow()
        keys[actors["employer2"].user_id].expires_at = utcnow() - timedelta(minutes=1)
        s.get_one(User, actors["ministry"].user_id).is_active = False
    with database.session() as s:
        states = {}
        for state in auth.KEY_STATES:
            rows, _ = auth.search_keys(s, state=state)
            for k, u, _ in rows:
                assert auth.key_state(k, u) == state
                states[u.id] = state
        assert states[actors["employer"].user_id] == "revoked"
        assert states[actors["employer2"].user_id] == "expired"
        assert states[actors["ministry"].user_id] == "user_disabled"
        assert states[actors["officer"].user_id] == "in_force"
        counts = auth.admin_counts(s)
    assert counts.organisations == {"employer": 2, "ministry": 2, "agency": 1}
    assert counts.users == {"employer": 2, "ministry": 1, "officer": 1, "admin": 1}
    assert counts.users_disabled == 1 and counts.users_without_password == 5
    assert (counts.keys_in_force, counts.keys_revoked, counts.keys_expired) == (3, 1, 1)
    assert counts.keys_never_used == 3


def test_live_sessions_are_counted_and_end_with_a_password_reset(
    database: Database, actors
) -> None:
    settings = Settings(environment="test", database_url=database.url)
    officer = actors["officer"]
    with database.transaction() as s:
        principal = principal_of(s.get_one(User, officer.user_id))
        sessions.open_session(s, principal, settings)
        sessions.open_session(s, principal, settings)
    with database.transaction() as s:
        assert sessions.live_session_count(s, officer.user_id, settings) == 2
        ended = auth.set_password(s, None, s.get_one(User, officer.user_id), "x" * 12)
        assert ended == 2
        assert sessions.live_session_count(s, officer.user_id, settings) == 0


def test_generated_passwords_are_random_readable_and_long_enough() -> None:
    seen = {generate_password() for _ in range(50)}
    assert len(seen) == 50
    for p in seen:
        assert re.fullmatch(r"[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}", p)
        assert len(p) >= 12
