"""The admin commands of the `imdi` CLI, against the test database."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from app import cli
from app.auth.models import ApiKey, Organisation, User, UserSession
from app.auth.security import hash_api_key, verify_password
from app.config import get_settings
from tests.audit.helpers import stored_events
from tests.conftest import create_actor
from tests.web.conftest import sign_in


@pytest.fixture
def imdi(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """cli.main with DATABASE_URL pointing at this test's database."""
    monkeypatch.setenv("DATABASE_URL", db_url)
    get_settings.cache_clear()
    yield cli.main
    get_settings.cache_clear()  # the next user of get_settings reads the real environment


def test_create_org_user_and_key_then_revoke(imdi, client, database, capsys) -> None:
    assert (
        imdi(
            [
                "create-org",
                "--slug",
                "acme",
                "--name",
                "Acme Farms",
                "--kind",
                "employer",
                "--country",
                "nz",
            ]
        )
        == 0
    )
    assert (
        imdi(
            [
                "create-user",
                "--email",
                "Ana@Acme.example",
                "--name",
                "Ana",
                "--role",
                "employer",
                "--org",
                "acme",
                "--password",
                "a long enough passphrase",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert imdi(["create-key", "--email", "ana@acme.example", "--name", "HR sync"]) == 0
    out, err = capsys.readouterr()
    key = out.strip()
    assert key.startswith("imdi_") and "\n" not in key  # only the key goes to stdout
    assert "shown only this once" in err

    with database.session() as s:
        org = s.scalar(select(Organisation).where(Organisation.slug == "acme"))
        assert (org.name, org.kind, org.country) == ("Acme Farms", "employer", "NZ")
        user = s.scalar(select(User).where(User.email == "ana@acme.example"))
        assert (user.role, user.organisation_id) == ("employer", org.id)
        assert user.password_hash and user.password_hash.startswith("$argon2")
        api_key = s.scalar(select(ApiKey).where(ApiKey.user_id == user.id))
        assert api_key.key_hash == hash_api_key(key) and api_key.name == "HR sync"
        assert api_key.revoked_at is None

    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {key}"})
    assert me.status_code == 200 and me.json()["organisation"]["slug"] == "acme"

    assert imdi(["revoke-key", "--id", str(api_key.id)]) == 0
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {key}"}).status_code == 401

    events = [(e.entity_type, e.action, e.actor_id) for e in stored_events(database)]
    assert events == [
        ("organisation", "create", None),
        ("user", "create", None),
        ("api_key", "create", None),
        ("api_key", "revoke", None),
    ]


def test_refused_commands_exit_1_and_store_nothing(imdi, count_rows, capsys) -> None:
    assert (
        imdi(
            [
                "create-org",
                "--slug",
                "acme",
                "--name",
                "Acme",
                "--kind",
                "employer",
                "--country",
                "XX",
            ]
        )
        == 1
    )
    assert "--country" in capsys.readouterr().err
    assert count_rows("organisations") == 0

    assert (
        imdi(
            [
                "create-org",
                "--slug",
                "acme",
                "--name",
                "Acme",
                "--kind",
                "employer",
                "--country",
                "DE",
            ]
        )
        == 0
    )
    assert (
        imdi(
            [
                "create-org",
                "--slug",
                "acme",
                "--name",
                "Again",
                "--kind",
                "employer",
                "--country",
                "DE",
            ]
        )
        == 1
    )
    assert "exists already" in capsys.readouterr().err
    assert (
        imdi(
            [
                "create-user",
                "--email",
                "x@y.example",
                "--name",
                "X",
                "--role",
                "officer",
                "--org",
                "acme",
            ]
        )
        == 1
    )  # an officer does not belong to an employer
    assert "agency" in capsys.readouterr().err
    assert (
        imdi(
            [
                "create-user",
                "--email",
                "x@y.example",
                "--name",
                "X",
                "--role",
                "employer",
                "--org",
                "nowhere",
            ]
        )
        == 1
    )
    assert "no organisation 'nowhere'" in capsys.readouterr().err
    assert imdi(["create-key", "--email", "nobody@y.example", "--name", "k"]) == 1
    assert imdi(["revoke-key", "--id", "not-a-uuid"]) == 1
    assert imdi(["revoke-key", "--id", "00000000-0000-0000-0000-000000000000"]) == 1
    assert count_rows("organisations") == 1
    assert count_rows("users") == 0 and count_rows("api_keys") == 0
    assert count_rows("audit_events") == 1

    with pytest.raises(SystemExit):  # argparse refuses an unknown role itself
        imdi(
            [
                "create-user",
                "--email",
                "x@y.example",
                "--name",
                "X",
                "--role",
                "king",
                "--org",
                "acme",
            ]
        )


def test_set_password_and_deactivate_end_the_users_web_sessions(
    imdi, client, database, monkeypatch, capsys
) -> None:
    actor = create_actor(database, "officer")
    with database.session() as s:
        email = s.get_one(User, actor.user_id).email
    monkeypatch.setattr("sys.stdin", io.StringIO("a passphrase from stdin\n"))
    assert imdi(["set-password", "--email", email]) == 0
    assert "0 web session(s) ended" in capsys.readouterr().out

    # Signed in twice, then deactivated: both sessions end, the key stops.
    for _ in range(2):
        client.cookies.clear()
        sign_in(client, email, "a passphrase from stdin")
    assert imdi(["deactivate-user", "--email", email]) == 0
    assert "2 web session(s) ended" in capsys.readouterr().out
    assert client.get("/", follow_redirects=False).status_code == 303
    assert client.get("/api/v1/me", headers=actor.headers).status_code == 401
    assert imdi(["activate-user", "--email", email]) == 0
    assert client.get("/api/v1/me", headers=actor.headers).status_code == 200
    assert imdi(["set-password", "--email", email, "--password", "short"]) == 1
    assert imdi(["deactivate-user", "--email", "nobody@example.org"]) == 1

    with database.session() as s:
        user = s.get_one(User, actor.user_id)
        assert verify_password(user.password_hash, "a passphrase from stdin")
        reasons = s.scalars(
            select(UserSession.revoked_reason).where(UserSession.user_id == user.id)
        )
        assert sorted(reasons) == ["deactivated", "deactivated"]
    actions = [e.action for e in stored_events(database, entity_id=str(actor.user_id))]
    assert actions[-3:] == ["set_password", "deactivate", "activate"]
