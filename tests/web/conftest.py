"""Helpers of the web tests: demo users, signing in through the form, CSRF tokens."""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from collections.abc import Iterator

import pytest
import uvicorn
from fastapi.testclient import TestClient

from app.auth.ratelimit import FAILED_AUTH
from app.config import PROJECT_ROOT, Settings
from app.db import Database
from app.main import create_app
from app.matches import service as matches
from app.matches.service import RankedMatch
from tests.web import browser as browser_support

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


def assert_no_inline_code(html: str) -> None:
    """Scripts only as the site's own files (static/picker.js), never inline; no inline style:
    the Content-Security-Policy would refuse them."""
    scripts = re.findall(r"<script[^>]*>", html)
    assert all(re.fullmatch(r'<script src="/static/[\w.-]+\.js" defer>', s) for s in scripts)
    assert "style=" not in html and "<style" not in html


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


# ---- the browser tests' site, browser and page (tests/web/browser.py) -------------------------


@pytest.fixture(scope="module")
def site(backend) -> Iterator[browser_support.Site]:
    if backend.name != "sqlite":
        pytest.skip("the browser tests run on SQLite (the pages are the same on PostgreSQL)")
    browser_support.chromium()
    url = backend.copy_of("demo")
    database = Database(url)
    app = create_app(Settings(environment="test", database_url=url), database)
    port = browser_support.free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield browser_support.Site(f"http://127.0.0.1:{port}", database)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        database.dispose()
        backend.drop(url)


@pytest.fixture(scope="module")
def browser(site: browser_support.Site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=browser_support.chromium(), args=browser_support.CHROMIUM_ARGS
        )
        yield b
        b.close()


@pytest.fixture
def page(browser, site: browser_support.Site):
    context = browser.new_context(base_url=site.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(browser_support.TIMEOUT_MS)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    # Nothing may be fetched from anywhere but the app (no CDN, no fonts, no analytics).
    foreign: list[str] = []
    pg.on("request", lambda r: None if r.url.startswith(site.url) else foreign.append(r.url))
    yield pg
    context.close()
    assert not foreign, f"requests outside the app: {foreign}"
    # 4xx pages (404, 403, a rejected upload's 422) are asked for on purpose; anything else in
    # the console is a fault.
    faults = [e for e in errors if not re.search(r"responded with a status of 4\d\d", e)]
    assert not faults, f"console errors (CSP violations show here): {faults}"
