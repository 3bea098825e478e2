"""Only development is lax: the demo data is refused in production, and every environment but
development refuses the published development secret and keeps cookies Secure."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from pydantic import ValidationError
from sqlalchemy import func, select
from starlette.responses import Response

from app import cli
from app.auth.models import User
from app.config import DEV_SECRET, Settings, get_settings
from app.db import SETTINGS, Database
from app.seed import DemoRefused, seed
from app.web import session as web_session

DEMO_ADMIN_EMAIL = "admin@imdi-facilitation.example.org"


@pytest.fixture
def production(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The CLI in production (with a proper secret) on this test's database."""
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("IMDI_ENVIRONMENT", "production")
    monkeypatch.setenv("IMDI_SECRET_KEY", "a-production-secret-" + "s" * 40)
    get_settings.cache_clear()
    yield db_url
    get_settings.cache_clear()


@pytest.mark.postgres
def test_seed_demo_is_refused_in_production(production, count_rows, capsys) -> None:
    users, keys, events = count_rows("users"), count_rows("api_keys"), count_rows("audit_events")
    assert cli.main(["seed", "--demo"]) == 1
    assert "never loaded in production" in capsys.readouterr().err
    assert (count_rows("users"), count_rows("api_keys")) == (users, keys) == (0, 0)
    assert count_rows("audit_events") == events
    assert count_rows("vacancies") == 0 and count_rows("pools") == 0
    # Without --demo the seed runs (reference data only), as the Docker image does.
    assert cli.main(["seed"]) == 0
    assert count_rows("users") == 0


@pytest.mark.postgres
def test_the_seed_loader_refuses_the_demo_in_production_too(database: Database) -> None:
    settings = Settings(environment="production", database_url=database.url)
    with pytest.raises(DemoRefused), database.transaction() as s:
        s.info[SETTINGS] = settings
        seed(s, demo=True)
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 0


@pytest.mark.parametrize("environment", ["test", "production"])
def test_only_development_accepts_the_development_secret(environment: str) -> None:
    with pytest.raises(ValidationError, match="IMDI_SECRET_KEY must be set"):
        Settings(environment=environment, secret_key=DEV_SECRET)
    with pytest.raises(ValidationError, match="at least 32 characters"):
        Settings(environment=environment, secret_key="short")
    assert Settings(environment="development", secret_key=DEV_SECRET).is_development


@pytest.mark.parametrize(("environment", "secure"), [("test", True), ("development", False)])
def test_only_development_drops_the_secure_flag(environment: str, secure: bool) -> None:
    settings = Settings(environment=environment, secret_key="k" * 40, database_url="sqlite://")
    response = Response()
    web_session.write(response, settings, web_session.WebSession.signed_in(uuid.uuid4().hex))
    web_session.set_flash(response, settings, "info", "hello")
    cookies = [v.lower() for k, v in response.raw_headers if k == b"set-cookie"]
    assert len(cookies) == 2
    assert all(("; secure" in c.decode()) is secure for c in cookies)
