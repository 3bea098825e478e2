"""Helpers of the web tests: demo users, signing in through the form, CSRF tokens."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.auth.ratelimit import FAILED_AUTH
from app.config import PROJECT_ROOT, Settings
from app.db import Database
from app.matches import service as matches
from app.matches.service import RankedMatch

_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture(scope="session")
def demo_people() -> dict[str, dict[str, str]]:
    """organisation slug or email -> demo user (with the clear demo password)."""
    users = json.loads((PROJECT_ROOT / "seed_data/demo/organisations.json").read_text())["users"]
    out: dict[str, dict[str, str]] = {}
    for u in users:
        out.setdefault(u["organisation"], u)
        out[u["email"]] = u
    return out


OFFICER = "officer1@imdi-facilitation.example.org"
EMPLOYER_ORG = "de-alpenblick-hotels"
OTHER_EMPLOYER_ORG = "gb-northshire-nhs"
MINISTRY_ORG = "ph-dmw"


@pytest.fixture(autouse=True)
def _fresh_limiter() -> Iterator[None]:
    FAILED_AUTH.reset()
    yield
    FAILED_AUTH.reset()


def csrf_of(html: str) -> str:
    found = _TOKEN.search(html)
    assert found, "the page has no CSRF field"
    return found.group(1)


def sign_in(client: TestClient, email: str, password: str) -> str:
    """Sign in through the form; returns the session's CSRF token."""
    token = csrf_of(client.get("/signin").text)
    r = client.post(
        "/signin",
        data={"csrf_token": token, "email": email, "password": password, "next": "/"},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    return csrf_of(client.get("/").text)


@pytest.fixture
def officer(demo_client: TestClient, demo_people) -> tuple[TestClient, str]:
    return demo_client, sign_in(demo_client, OFFICER, demo_people[OFFICER]["password"])


def as_user(client: TestClient, demo_people, key: str) -> str:
    user = demo_people[key]
    return sign_in(client, user["email"], user["password"])


def settings_of(database: Database) -> Settings:
    return Settings(environment="test", database_url=database.url)


def ranking(
    database: Database,
    vacancy_id: uuid.UUID | None = None,
    *,
    k: int | None = None,
    include_ineligible: bool = False,
    explain: bool = False,
) -> dict[uuid.UUID, list[RankedMatch]]:
    """Open vacancies' rankings (one, or all) as the matches service ranks them: matches are
    ranked on read, and only decided pairs have a stored row."""
    with database.session() as s:
        return dict(
            matches.ranked_pairs(
                s,
                settings_of(database),
                None if vacancy_id is None else [vacancy_id],
                k=k,
                include_ineligible=include_ineligible,
                explain=explain,
            )
        )


def top_match(database: Database, vacancy_id: uuid.UUID) -> RankedMatch:
    """The vacancy's best eligible match (the first of its ranked page)."""
    ranked = ranking(database, vacancy_id, k=1).get(vacancy_id)
    assert ranked, "the vacancy has an eligible match"
    return ranked[0]
