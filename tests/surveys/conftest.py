"""Survey tests use few of the six actors each; creating a user hashes a password (argon2, slow
on purpose), so here the actors other than "ministry" are made on first use (which writes audit
events: take database snapshots after touching them), with the same roles and countries as the
suite-wide fixture."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.db import Database
from tests.conftest import Actor, create_actor

_SPECS: dict[str, dict[str, str]] = {
    "employer": {"role": "employer", "country": "DE"},
    "employer2": {"role": "employer", "country": "GB"},
    "ministry": {"role": "ministry", "country": "PH"},
    "ministry2": {"role": "ministry", "country": "IN"},
    "officer": {"role": "officer", "country": "CH", "org_slug": "agency"},
    "admin": {"role": "admin", "country": "CH", "org_slug": "agency"},
}


class LazyActors(dict[str, Actor]):
    def __init__(self, database: Database) -> None:
        super().__init__()
        self._database = database

    def __missing__(self, name: str) -> Actor:
        spec = dict(_SPECS[name])
        actor = create_actor(self._database, spec.pop("role"), **spec)
        self[name] = actor
        return actor


@pytest.fixture
def actors(database: Database) -> Iterator[LazyActors]:
    from app.auth.ratelimit import FAILED_AUTH

    FAILED_AUTH.reset()
    lazy = LazyActors(database)
    lazy["ministry"]  # nearly every test uploads; made now, before any database snapshot
    yield lazy
