"""What the browser tests share: Debian's Chromium, the running site, screenshots, signing in.

The fixtures that use these (`site`, `browser`, `page`) are in tests/web/conftest.py."""

from __future__ import annotations

import os
import re
import shutil
import socket

import pytest
from sqlalchemy import select

from app.auth.models import Organisation
from app.config import PROJECT_ROOT
from app.db import Database
from app.vacancies.models import Vacancy

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
TIMEOUT_MS = 15_000


def chromium() -> str:
    path = CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")
    if path:
        return path
    reason = (
        "Debian's chromium is not installed (apt-get install -y chromium chromium-driver; "
        "`make test` installs it when run as root)"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI needs the browser tests: {reason}")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Site:
    def __init__(self, url: str, database: Database) -> None:
        self.url = url
        self.database = database

    def vacancy_of(self, org_slug: str, title: str | None = None) -> Vacancy:
        with self.database.session() as s:
            stmt = (
                select(Vacancy)
                .join(Organisation, Organisation.id == Vacancy.employer_id)
                .where(Organisation.slug == org_slug, Vacancy.status == "open")
                .order_by(Vacancy.title, Vacancy.id)
            )
            if title:
                stmt = stmt.where(Vacancy.title == title)
            v = s.scalars(stmt).first()
            assert v is not None
            s.expunge(v)
            return v


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def sign_in(page, demo_people, who: str) -> None:
    user = demo_people[who]
    page.goto("/signin")
    page.get_by_label("Email").fill(user["email"])
    page.get_by_label("Password").fill(user["password"])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/$"))


# ---- the scenarios ---------------------------------------------------------------------------
