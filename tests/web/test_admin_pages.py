"""The admin console through the TestClient, on every backend: who reaches it, organisations,
users (invite, role, disable, password reset), API keys (shown once, last use, revoke with a
confirmation), the audit events in words, and the CSV exports."""

from __future__ import annotations

import csv
import html as htmllib
import io
import re
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.audit.service import record
from app.auth.models import ApiKey, Organisation, User
from app.db import Database
from app.web import session as web_session
from tests.conftest import BASE_URL
from tests.web.conftest import MINISTRY_ORG, OFFICER, as_user, assert_no_inline_code, sign_in

pytestmark = pytest.mark.postgres

ADMIN = "admin@imdi-facilitation.example.org"
OFFICER2 = "officer2@imdi-facilitation.example.org"
MINISTRY_USER = "labour-mobility@ph-dmw.example.org"
_PASSWORD_SHOWN = re.compile(r'<textarea id="secret" class="secret"[^>]*>([^<]+)</textarea>')


@pytest.fixture
def admin(demo_client: TestClient, demo_people) -> tuple[TestClient, str]:
    return demo_client, as_user(demo_client, demo_people, ADMIN)


def _other_client(client: TestClient) -> TestClient:
    """A second browser on the same app (its own cookies)."""
    return TestClient(client.app, base_url=BASE_URL, raise_server_exceptions=False)


def _user(database: Database, email: str) -> User:
    with database.session() as s:
        user = s.scalars(select(User).where(User.email == email)).one()
        s.expunge(user)
        return user


def _count(database: Database, model: type) -> int:
    with database.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _field_error(page: str, field_id: str) -> str:
    """The text of the error shown next to a field (the span its aria-describedby names)."""
    found = re.search(
        rf'<span class="error-message" id="{field_id}-error">(.*?)</span>\s*(?:<input|<select)',
        page,
        re.S,
    )
    assert found, f"no error next to {field_id}"
    assert 'aria-describedby="' in page and f"{field_id}-error" in page
    text = re.sub(r"<[^>]+>", "", found.group(1))
    return htmllib.unescape(text).removeprefix("Error: ").strip()


def _value_of(page: str, field_id: str) -> str:
    found = re.search(rf'id="{field_id}"[^>]*value="([^"]*)"', page)
    assert found, f"no field {field_id}"
    return htmllib.unescape(found.group(1))


# ---- access ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/admin",
        "/admin/organisations",
        "/admin/organisations/new",
        "/admin/users",
        "/admin/users/new",
        "/admin/users.csv",
        "/admin/keys",
        "/admin/keys.csv",
        "/admin/organisations.csv",
    ],
)
def test_officers_get_a_403_page_and_strangers_the_sign_in(
    demo_client: TestClient, demo_people, path: str
) -> None:
    r = demo_client.get(path, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/signin?next=")
    as_user(demo_client, demo_people, OFFICER)
    r = demo_client.get(path)
    assert r.status_code == 403
    assert r.headers["content-type"].startswith("text/html")
    assert "not available for your role" in r.text


def test_an_officer_cannot_post_to_the_console(demo_client, demo_database, demo_people) -> None:
    csrf = as_user(demo_client, demo_people, OFFICER)
    target = _user(demo_database, MINISTRY_USER)
    for path, data in (
        (f"/admin/users/{target.id}/active", {"active": "no"}),
        (f"/admin/users/{target.id}/password", {"password_mode": "generate"}),
        (f"/admin/users/{target.id}/keys", {"name": "sneaky"}),
        ("/admin/organisations/new", {"name": "X", "kind": "employer", "country": "DE"}),
    ):
        r = demo_client.post(path, data={"csrf_token": csrf, **data})
        assert r.status_code == 403, path
    assert _user(demo_database, MINISTRY_USER).is_active
    with demo_database.session() as s:
        assert not s.scalar(select(ApiKey).where(ApiKey.name == "sneaky"))


def test_the_nav_links_admins_to_the_console(admin) -> None:
    client, _ = admin
    page = client.get("/").text
    assert '<a href="/admin">Administration</a>' in page


# ---- overview --------------------------------------------------------------------------------


def test_the_overview_counts_and_links(admin, demo_database: Database) -> None:
    client, _ = admin
    r = client.get("/admin")
    assert r.status_code == 200
    assert_no_inline_code(r.text)
    with demo_database.session() as s:
        orgs = s.scalar(select(func.count()).select_from(Organisation))
        active = s.scalar(select(func.count()).where(User.is_active.is_(True)))
    assert re.search(rf'<span class="big">{orgs}</span> organisations', r.text)
    assert re.search(rf'<span class="big">{active}</span> active users', r.text)
    assert "1 agency)" in r.text and "2 officers, 1 admin)" in r.text
    for href in ("/admin/organisations/new", "/admin/users/new", "/admin/keys/new"):
        assert f'href="{href}"' in r.text


def test_console_events_name_and_link_as_the_audit_log_does(admin, demo_database: Database) -> None:
    """The console's event tables are app/web/audit_view.py's views: the actor and the entity
    by name with their admin pages, ids inside a change by name; its own actions in a
    sentence, any other as its action and the field-by-field diff."""
    client, csrf = admin
    data = {"csrf_token": csrf, "name": "Acme Farms", "kind": "employer", "country": "NZ"}
    assert client.post("/admin/organisations/new", data=data).status_code == 200
    admin_user = _user(demo_database, ADMIN)
    with demo_database.transaction() as s:
        org = s.scalars(select(Organisation).where(Organisation.slug == "nz-acme-farms")).one()
        org_id = org.id
        # An action the console has no sentence for (as a script might record it).
        record(
            s,
            None,
            "rename",
            "organisation",
            org.id,
            {"name": "Acme Farms", "user_id": None},
            {"name": "Acme Farms Ltd", "user_id": str(admin_user.id)},
        )
    overview = htmllib.unescape(client.get("/admin").text)
    table = overview.split("Recent changes</h2>", 1)[1]
    assert "Created the organisation Acme Farms (nz-acme-farms): employer in New Zealand" in table
    assert f'<a href="/admin/users/{admin_user.id}">{admin_user.name} <{ADMIN}></a>' in table
    assert 'organisation: <a href="/admin/organisations/nz-acme-farms">' in table
    assert "Rename" in table
    assert '<span class="diff-field">name</span>: <del>Acme Farms</del>' in table
    assert "<ins>Acme Farms Ltd</ins>" in table
    # The id in the change reads as the user it names.
    assert f"<ins>{admin_user.name} <{ADMIN}></ins>" in table
    page = htmllib.unescape(client.get("/admin/organisations/nz-acme-farms").text)
    assert "<ins>Acme Farms Ltd</ins>" in page and "Created the organisation Acme Farms" in page
    # The sentence replaces the creation's diff: no "slug: nz-acme-farms" line under it.
    assert '<span class="diff-field">slug</span>' not in page
    assert str(org_id) not in table.split("</table>", 1)[0].replace(f"/{org_id}", "")


# ---- organisations ---------------------------------------------------------------------------


def test_creating_an_organisation_takes_a_country_name_and_makes_the_slug(
    admin, demo_database: Database
) -> None:
    client, csrf = admin
    r = client.post(
        "/admin/organisations/new",
        data={"csrf_token": csrf, "name": "Acme Farms", "kind": "employer", "country": "new zea"},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    assert r.headers["location"] == "/admin/organisations/nz-acme-farms"
    page = client.get(r.headers["location"]).text
    assert "Organisation Acme Farms (nz-acme-farms) is created" in page  # the flash
    assert "Created the organisation Acme Farms (nz-acme-farms): employer in New Zealand" in page
    assert ADMIN in page  # who did it
    with demo_database.session() as s:
        org = s.scalars(select(Organisation).where(Organisation.slug == "nz-acme-farms")).one()
        assert (org.country, org.kind) == ("NZ", "employer")


def test_an_organisation_form_with_errors_keeps_its_values_and_writes_nothing(
    admin, demo_database: Database
) -> None:
    client, csrf = admin
    before = _count(demo_database, Organisation)
    r = client.post(
        "/admin/organisations/new",
        data={"csrf_token": csrf, "name": "Acme GmbH", "kind": "employer", "country": "Germny"},
    )
    assert r.status_code == 422
    assert "Did you mean Germany (DE)" in _field_error(r.text, "f-country")
    assert _value_of(r.text, "f-country") == "Germny"
    assert _value_of(r.text, "f-name") == "Acme GmbH"

    r = client.post(
        "/admin/organisations/new",
        data={"csrf_token": csrf, "name": "Copy", "slug": MINISTRY_ORG, "kind": "ministry"}
        | {"country": "PH"},
    )
    assert r.status_code == 409
    assert "exists already" in _field_error(r.text, "f-slug")

    r = client.post(
        "/admin/organisations/new",
        data={"csrf_token": csrf, "name": "Bad", "slug": "Bad Slug", "kind": "employer"}
        | {"country": "DE"},
    )
    assert r.status_code == 422
    assert "pattern" in _field_error(r.text, "f-slug")
    assert _count(demo_database, Organisation) == before


def test_organisations_are_searched_and_exported(admin) -> None:
    client, _ = admin
    page = client.get("/admin/organisations", params={"q": "philippines"}).text
    assert 'href="/admin/organisations/ph-dmw"' in page
    assert 'href="/admin/organisations/in-mole"' not in page
    page = client.get("/admin/organisations", params={"kind": "agency"}).text
    assert 'href="/admin/organisations/imdi-facilitation"' in page
    assert 'href="/admin/organisations/ph-dmw"' not in page

    r = client.get("/admin/organisations.csv", params={"kind": "ministry"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["cache-control"] == "no-store"
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and {row["kind"] for row in rows} == {"ministry"}
    ph = next(row for row in rows if row["slug"] == "ph-dmw")
    assert ph["country"] == "PH" and int(ph["users"]) >= 1


def test_an_organisation_page_lists_its_users_and_keys(admin) -> None:
    client, _ = admin
    page = client.get(f"/admin/organisations/{MINISTRY_ORG}").text
    assert MINISTRY_USER in page
    assert "Invite a user to" in page and "organisation=ph-dmw" in page
    assert client.get("/admin/organisations/no-such-org").status_code == 404


# ---- users -----------------------------------------------------------------------------------


def _invite(client: TestClient, csrf: str, **fields: str):
    data = {
        "csrf_token": csrf,
        "email": "new.officer@ph-dmw.example.org",
        "name": "Maria Santos",
        "organisation": "Department of Migrant Workers, Philippines (demo) (ph-dmw)",
        "role": "ministry",
        "password_mode": "generate",
        **fields,
    }
    return client.post("/admin/users/new", data=data, follow_redirects=False)


def test_inviting_a_user_shows_a_generated_password_once(
    admin, demo_client: TestClient, demo_database: Database
) -> None:
    client, csrf = admin
    r = _invite(client, csrf)
    assert r.status_code == 201, r.text
    # The secret is the answer to the POST itself: no redirect, no cookie, no cache.
    assert "location" not in r.headers
    assert r.headers["cache-control"] == "no-store"
    assert web_session.FLASH_COOKIE not in r.headers.get("set-cookie", "")
    password = htmllib.unescape(_PASSWORD_SHOWN.search(r.text).group(1))
    assert re.fullmatch(r"[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}", password)
    assert "only time the password is shown" in r.text
    assert all(password not in v for v in r.headers.values())

    created = _user(demo_database, "new.officer@ph-dmw.example.org")
    assert (created.role, created.name, created.is_active) == ("ministry", "Maria Santos", True)
    page = client.get(f"/admin/users/{created.id}").text
    assert password not in page  # never again
    assert "Created the user new.officer@ph-dmw.example.org as ministry in ph-dmw" in page
    assert "Set a web password" not in page  # created with it: one event

    # The person signs in with it.
    other = _other_client(demo_client)
    with other:
        sign_in(other, "new.officer@ph-dmw.example.org", password)
        assert "Maria Santos" in other.get("/").text


def test_inviting_with_a_set_password_or_none(admin, demo_database: Database) -> None:
    client, csrf = admin
    r = _invite(
        client, csrf, email="api.only@ph-dmw.example.org", password_mode="none", password=""
    )
    assert r.status_code == 303
    assert _user(demo_database, "api.only@ph-dmw.example.org").password_hash is None
    r = _invite(
        client,
        csrf,
        email="chosen@ph-dmw.example.org",
        password_mode="set",
        password="a long chosen password",
    )
    assert r.status_code == 303
    page = client.get(r.headers["location"]).text
    assert "can sign in with the password you set" in page
    assert "a long chosen password" not in page
    assert _user(demo_database, "chosen@ph-dmw.example.org").password_hash is not None


def test_an_invitation_with_errors_keeps_the_form_and_writes_nothing(
    admin, demo_database: Database
) -> None:
    client, csrf = admin
    before = _count(demo_database, User)
    # A ministry user in an employer: the role does not fit the organisation's kind.
    r = _invite(client, csrf, organisation="de-alpenblick-hotels")
    assert r.status_code == 422
    assert "organisation of kind ministry" in _field_error(r.text, "f-role")
    assert _value_of(r.text, "f-email") == "new.officer@ph-dmw.example.org"
    assert _value_of(r.text, "f-organisation").endswith("(de-alpenblick-hotels)")

    r = _invite(client, csrf, organisation="Departmnt of Migrant Workers")
    assert r.status_code == 422
    assert "No organisation is called" in _field_error(r.text, "f-organisation")
    assert _value_of(r.text, "f-organisation") == "Departmnt of Migrant Workers"

    r = _invite(client, csrf, email=MINISTRY_USER)
    assert r.status_code == 409
    assert "exists already" in _field_error(r.text, "f-email")

    r = _invite(client, csrf, email="not-an-address", password_mode="set", password="short")
    assert r.status_code == 422
    assert "not an email address" in _field_error(r.text, "f-email")
    assert "at least 12 characters" in _field_error(r.text, "f-password")
    assert 'value="short"' not in r.text  # a password is never sent back
    assert _count(demo_database, User) == before


def test_users_are_filtered_searched_and_exported(admin, demo_database: Database) -> None:
    client, _ = admin
    page = client.get(
        "/admin/users", params={"organisation": "Department of Migrant Workers"}
    ).text  # a name, completed to the organisation
    assert MINISTRY_USER in page and OFFICER not in page
    assert _value_of(page, "u-org") == "Department of Migrant Workers, Philippines (demo) (ph-dmw)"

    page = client.get("/admin/users", params={"role": "officer"}).text
    assert OFFICER in page and OFFICER2 in page and MINISTRY_USER not in page
    page = client.get("/admin/users", params={"q": "OFFICER2"}).text
    assert OFFICER2 in page and OFFICER not in page.replace(OFFICER2, "")

    page = client.get("/admin/users", params={"organisation": "Atlantis"}).text
    assert "No organisation is called 'Atlantis'" in _field_error(page, "u-org")
    assert "No user matches." in page

    r = client.get("/admin/users.csv", params={"role": "officer"})
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
    assert 'filename="users.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["email"] for row in rows} == {OFFICER, OFFICER2}
    assert rows[0]["is_active"] == "true" and rows[0]["organisation_slug"] == "imdi-facilitation"
    assert client.get("/admin/users.csv", params={"organisation": "Atlantis"}).status_code == 422

    with demo_database.transaction() as s:
        s.scalars(select(User).where(User.email == OFFICER2)).one().is_active = False
    page = client.get("/admin/users", params={"active": "no"}).text
    assert OFFICER2 in page and OFFICER not in page.replace(OFFICER2, "")


def test_disabling_a_user_ends_its_sessions_and_keys_until_enabled(
    admin, demo_client: TestClient, demo_database: Database, demo_people, demo_keys
) -> None:
    client, csrf = admin
    target = _user(demo_database, MINISTRY_USER)
    key = demo_keys["ministry"][MINISTRY_ORG]
    other = _other_client(demo_client)
    with other:
        sign_in(other, MINISTRY_USER, demo_people[MINISTRY_USER]["password"])
        r = client.post(
            f"/admin/users/{target.id}/active",
            data={"csrf_token": csrf, "active": "no"},
            follow_redirects=False,
        )
        assert r.status_code == 303
        page = client.get(r.headers["location"]).text
        assert "is disabled: API keys stopped working and 1 web session ended" in page
        assert "Disabled the user: API keys and web sign-in stopped working; 1 web session" in page
        assert other.get("/", follow_redirects=False).status_code == 303  # signed out
        assert demo_client.get("/api/v1/me", headers=key).status_code == 401

        r = client.post(
            f"/admin/users/{target.id}/active", data={"csrf_token": csrf, "active": "yes"}
        )
        assert r.status_code == 200 and "is enabled" in r.text
        assert "Enabled the user again" in r.text
        assert demo_client.get("/api/v1/me", headers=key).status_code == 200


def test_an_admin_cannot_disable_or_demote_itself(admin, demo_database: Database) -> None:
    client, csrf = admin
    me = _user(demo_database, ADMIN)
    page = client.get(f"/admin/users/{me.id}").text
    assert "You cannot disable your own account." in page
    assert f'action="/admin/users/{me.id}/active"' not in page
    r = client.post(f"/admin/users/{me.id}/active", data={"csrf_token": csrf, "active": "no"})
    assert "You cannot deactivate your own account." in r.text
    r = client.post(f"/admin/users/{me.id}/role", data={"csrf_token": csrf, "role": "officer"})
    assert r.status_code == 422 and "cannot change your own role" in r.text
    assert _user(demo_database, ADMIN).is_active and _user(demo_database, ADMIN).role == "admin"


def test_a_password_reset_generates_one_shown_once_and_ends_the_sessions(
    admin, demo_client: TestClient, demo_database: Database, demo_people
) -> None:
    client, csrf = admin
    target = _user(demo_database, MINISTRY_USER)
    old = demo_people[MINISTRY_USER]["password"]
    other = _other_client(demo_client)
    with other:
        sign_in(other, MINISTRY_USER, old)
        r = client.post(
            f"/admin/users/{target.id}/password",
            data={"csrf_token": csrf, "password_mode": "generate"},
            follow_redirects=False,
        )
        assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
        assert "1 web session ended" in r.text
        password = htmllib.unescape(_PASSWORD_SHOWN.search(r.text).group(1))
        assert other.get("/", follow_redirects=False).status_code == 303
        sign_in(other, MINISTRY_USER, password)
    page = client.get(f"/admin/users/{target.id}").text
    assert password not in page
    assert "Reset the web password; 1 web session ended" in page


def test_a_password_set_by_the_admin_is_checked_next_to_the_field(
    admin, demo_database: Database
) -> None:
    client, csrf = admin
    target = _user(demo_database, MINISTRY_USER)
    r = client.post(
        f"/admin/users/{target.id}/password",
        data={"csrf_token": csrf, "password_mode": "set", "password": "too short"},
    )
    assert r.status_code == 422
    assert "at least 12 characters" in _field_error(r.text, "p-password")
    assert _user(demo_database, MINISTRY_USER).password_hash == target.password_hash
    r = client.post(
        f"/admin/users/{target.id}/password",
        data={"csrf_token": csrf, "password_mode": "set", "password": "agreed on the phone"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert _user(demo_database, MINISTRY_USER).password_hash != target.password_hash


def test_an_agency_user_changes_between_officer_and_admin(admin, demo_database: Database) -> None:
    client, csrf = admin
    officer = _user(demo_database, OFFICER2)
    page = client.get(f"/admin/users/{officer.id}").text
    assert f'action="/admin/users/{officer.id}/role"' in page
    r = client.post(
        f"/admin/users/{officer.id}/role",
        data={"csrf_token": csrf, "role": "admin"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    page = client.get(r.headers["location"]).text
    assert "is now admin (was officer)" in page
    assert "Changed the role from officer to admin" in page
    assert _user(demo_database, OFFICER2).role == "admin"

    ministry = _user(demo_database, MINISTRY_USER)
    page = client.get(f"/admin/users/{ministry.id}").text
    assert f'action="/admin/users/{ministry.id}/role"' not in page  # one role fits a ministry
    r = client.post(f"/admin/users/{ministry.id}/role", data={"csrf_token": csrf, "role": "admin"})
    assert r.status_code == 422
    assert "organisation of kind agency" in r.text
    assert _user(demo_database, MINISTRY_USER).role == "ministry"


def test_unknown_users_and_keys_are_404_pages(admin) -> None:
    client, _ = admin
    for path in (f"/admin/users/{uuid.uuid4()}", f"/admin/keys/{uuid.uuid4()}", "/admin/users/x"):
        r = client.get(path)
        assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")


# ---- API keys --------------------------------------------------------------------------------


def test_a_key_is_shown_once_works_shows_its_last_use_and_is_revoked_after_confirming(
    admin, demo_client: TestClient, demo_database: Database
) -> None:
    client, csrf = admin
    target = _user(demo_database, MINISTRY_USER)
    r = client.post(
        f"/admin/users/{target.id}/keys",
        data={"csrf_token": csrf, "name": "Survey pipeline", "expires_on": ""},
        follow_redirects=False,
    )
    assert r.status_code == 201, r.text
    assert "location" not in r.headers and r.headers["cache-control"] == "no-store"
    assert web_session.FLASH_COOKIE not in r.headers.get("set-cookie", "")
    key = _PASSWORD_SHOWN.search(r.text).group(1)
    assert key.startswith("imdi_") and "only time the key is shown" in r.text
    with demo_database.session() as s:
        stored = s.scalars(select(ApiKey).where(ApiKey.name == "Survey pipeline")).one()
        assert stored.key_hash != key and stored.last_used_at is None

    keys_page = client.get("/admin/keys", params={"q": "survey pipeline"}).text
    assert key not in keys_page and stored.prefix in keys_page
    row = re.search(r"Survey pipeline</a>.*?</tr>", keys_page, re.S).group(0)
    assert "never" in row and "in force" in row

    me = demo_client.get("/api/v1/me", headers={"Authorization": f"Bearer {key}"})
    assert me.status_code == 200 and me.json()["email"] == MINISTRY_USER
    keys_page = client.get("/admin/keys", params={"q": "survey pipeline"}).text
    row = re.search(r"Survey pipeline</a>.*?</tr>", keys_page, re.S).group(0)
    assert "never" not in row.split("</td>")[4]  # "Last used" has a time now

    key_page = client.get(f"/admin/keys/{stored.id}").text
    assert key not in key_page
    assert "Created the key “Survey pipeline”" in key_page and f"for {MINISTRY_USER}" in key_page

    confirm = client.get(f"/admin/keys/{stored.id}/revoke")
    assert confirm.status_code == 200 and "Revoke the key “Survey pipeline”?" in confirm.text
    assert "Revoking is for good" in confirm.text
    assert demo_client.get("/api/v1/me", headers={"Authorization": f"Bearer {key}"}).is_success
    r = client.post(
        f"/admin/keys/{stored.id}/revoke", data={"csrf_token": csrf}, follow_redirects=False
    )
    assert r.status_code == 303
    page = client.get(r.headers["location"]).text
    assert "is revoked: it no longer authenticates" in page
    assert "Revoked the key: it no longer authenticates" in page
    me = demo_client.get("/api/v1/me", headers={"Authorization": f"Bearer {key}"})
    assert me.status_code == 401
    # Revoked already: the confirmation is not offered again.
    r = client.get(f"/admin/keys/{stored.id}/revoke", follow_redirects=False)
    assert r.status_code == 303


def test_a_key_created_from_the_keys_page_with_an_expiry(admin, demo_database: Database) -> None:
    client, csrf = admin
    r = client.post(
        "/admin/keys/new",
        data={
            "csrf_token": csrf,
            "email": OFFICER,
            "name": "Reporting",
            "expires_on": "2099-12-31",
        },
    )
    assert r.status_code == 201
    assert "until 2100-01-01 00:00 UTC" in r.text
    page = client.get("/admin/keys", params={"q": "Reporting"}).text
    assert "2100-01-01 00:00 UTC" in page and OFFICER in page


def test_a_key_form_with_errors_writes_nothing(admin, demo_database: Database) -> None:
    client, csrf = admin
    before = _count(demo_database, ApiKey)
    r = client.post(
        "/admin/keys/new",
        data={
            "csrf_token": csrf,
            "email": "nobody@example.org",
            "name": "",
            "expires_on": "2020-01-01",
        },
    )
    assert r.status_code == 422
    assert "No user has the email" in _field_error(r.text, "f-email")
    assert _field_error(r.text, "f-name")
    assert "today or later" in _field_error(r.text, "f-expires_on")
    assert _value_of(r.text, "f-email") == "nobody@example.org"
    target = _user(demo_database, MINISTRY_USER)
    r = client.post(
        f"/admin/users/{target.id}/keys",
        data={"csrf_token": csrf, "name": "x", "expires_on": "someday"},
    )
    assert r.status_code == 422
    assert "YYYY-MM-DD" in _field_error(r.text, "k-expires")
    assert _value_of(r.text, "k-name") == "x"
    assert _count(demo_database, ApiKey) == before


def test_keys_are_filtered_by_state_and_organisation_and_exported(
    admin, demo_database: Database
) -> None:
    client, _ = admin
    page = client.get("/admin/keys", params={"organisation": MINISTRY_ORG}).text
    assert MINISTRY_USER in page and OFFICER not in page
    assert "in force" in page
    page = client.get("/admin/keys", params={"state": "revoked"}).text
    assert "No key matches." in page  # the demo revokes none

    r = client.get("/admin/keys.csv", params={"organisation": MINISTRY_ORG})
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and {row["user_email"] for row in rows} == {MINISTRY_USER}
    assert {row["state"] for row in rows} == {"in_force"}
    assert "key_hash" not in rows[0] and all(len(row["prefix"]) == 12 for row in rows)
    with demo_database.session() as s:
        hashes = set(s.scalars(select(ApiKey.key_hash)))
    assert not any(h in r.text for h in hashes)


def test_csv_cells_that_would_run_as_formulas_are_neutralised(admin) -> None:
    client, csrf = admin
    client.post(
        "/admin/organisations/new",
        data={"csrf_token": csrf, "name": "=HYPERLINK(1)", "slug": "formula-org"}
        | {"kind": "employer", "country": "DE"},
    )
    rows = list(csv.DictReader(io.StringIO(client.get("/admin/organisations.csv").text)))
    assert next(r for r in rows if r["slug"] == "formula-org")["name"] == "'=HYPERLINK(1)"


def test_the_console_pages_have_no_inline_code(admin, demo_database: Database) -> None:
    client, _ = admin
    target = _user(demo_database, MINISTRY_USER)
    with demo_database.session() as s:
        key_id = s.scalars(select(ApiKey.id).where(ApiKey.user_id == target.id)).first()
    for path in (
        "/admin",
        "/admin/organisations",
        "/admin/organisations/new",
        f"/admin/organisations/{MINISTRY_ORG}",
        "/admin/users",
        "/admin/users/new",
        f"/admin/users/{target.id}",
        "/admin/keys",
        "/admin/keys/new",
        f"/admin/keys/{key_id}",
        f"/admin/keys/{key_id}/revoke",
    ):
        r = client.get(path)
        assert r.status_code == 200, path
        assert_no_inline_code(r.text)
        assert 'class="table-wrap"' in r.text or "<table" not in r.text, path
