"""Test fixtures: every database test runs on SQLite and, when switched on, on PostgreSQL.

The schema is built by the Alembic migrations, then seeded once per backend into a template;
each test gets a fresh copy of that template (a file copy on SQLite, CREATE DATABASE ... TEMPLATE
on PostgreSQL), so tests may commit, race and roll back as the real service does.
Switch PostgreSQL on with IMDI_TEST_POSTGRES=1 (CI does); IMDI_TEST_PG_URL points at the server.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.config import PROJECT_ROOT, Settings
from app.db import Database
from app.main import create_app
from app.migrate import upgrade
from app.seed import seed

# Settings built from the environment in tests are test settings (the default is production),
# with a secret of their own: only development may sign with the published one.
os.environ["IMDI_ENVIRONMENT"] = "test"
os.environ["IMDI_SECRET_KEY"] = "test-only-secret-key-" + uuid.uuid4().hex
#: Cookies are Secure outside development, so the test clients speak https.
BASE_URL = "https://testserver"

PG_ON = os.environ.get("IMDI_TEST_POSTGRES") == "1"
PG_ADMIN_URL = os.environ.get(
    "IMDI_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
BACKENDS = ["sqlite", "postgresql"] if PG_ON else ["sqlite"]


def _seed_into(url: str, *, demo: bool) -> None:
    db = Database(url)
    try:
        with db.transaction() as session:
            seed(session, demo=demo)
    finally:
        db.dispose()


def _import_esco_into(url: str) -> None:
    from app.taxonomy.esco import import_esco
    from tests.shared_data import esco_zips

    db = Database(url)
    try:
        with db.transaction() as session:
            import_esco(session, esco_zips())
    finally:
        db.dispose()


class Backend:
    """Builds seeded template databases lazily and hands out fresh copies of them."""

    def __init__(self, name: str, workdir: Path) -> None:
        self.name = name
        self.workdir = workdir
        self.run_id = f"{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self.templates: dict[str, str] = {}
        self.created: list[str] = []

    # -- naming
    def _url(self, dbname: str) -> str:
        if self.name == "sqlite":
            return f"sqlite:///{self.workdir / (dbname + '.db')}"
        return make_url(PG_ADMIN_URL).set(database=dbname).render_as_string(hide_password=False)

    def _admin(self, sql: str) -> None:
        engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text(sql))
        finally:
            engine.dispose()

    # -- databases
    def empty(self) -> str:
        """A new, empty database (no schema): for migration tests."""
        dbname = f"imdi_t_{self.run_id}_{len(self.created)}"
        if self.name == "postgresql":
            self._admin(f'CREATE DATABASE "{dbname}"')
        self.created.append(dbname)
        return self._url(dbname)

    def template(self, kind: str) -> str:
        if kind == "esco" and kind not in self.templates:
            # The demo data plus ESCO v1.1.1 from ../shared (tests/esco): a copy of "demo".
            url = self.copy_of("demo")
            _import_esco_into(url)
            self.templates[kind] = url
        if kind not in self.templates:
            url = self.empty()
            upgrade(url)
            if kind != "schema":
                _seed_into(url, demo=kind == "demo")
            self.templates[kind] = url
        return self.templates[kind]

    def copy_of(self, kind: str) -> str:
        source = self.template(kind)
        dbname = f"imdi_t_{self.run_id}_{len(self.created)}"
        self.created.append(dbname)
        url = self._url(dbname)
        if self.name == "sqlite":
            shutil.copyfile(source.split("///", 1)[1], url.split("///", 1)[1])
        else:
            self._admin(f'CREATE DATABASE "{dbname}" TEMPLATE "{make_url(source).database}"')
        return url

    def drop(self, url: str) -> None:
        if self.name == "sqlite":
            path = Path(url.split("///", 1)[1])
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
        else:
            self._admin(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')

    def close(self) -> None:
        for url in self.templates.values():
            self.drop(url)
        if self.name == "postgresql":
            for dbname in self.created:
                self._admin(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


@pytest.fixture(scope="session", params=BACKENDS)
def backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Backend]:
    b = Backend(request.param, tmp_path_factory.mktemp(f"db_{request.param}"))
    yield b
    b.close()


def _fresh(backend: Backend, kind: str) -> Iterator[str]:
    url = backend.copy_of(kind)
    yield url
    backend.drop(url)


@pytest.fixture
def db_url(backend: Backend) -> Iterator[str]:
    """A fresh database with the schema, taxonomies and reference data (no demo data)."""
    yield from _fresh(backend, "base")


@pytest.fixture
def demo_db_url(backend: Backend) -> Iterator[str]:
    """A fresh database with everything `make run` loads, demo data included."""
    yield from _fresh(backend, "demo")


def _database(url: str) -> Iterator[Database]:
    db = Database(url, **({} if url.startswith("sqlite") else {"pool_size": 20}))
    yield db
    db.dispose()


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    yield from _database(db_url)


@pytest.fixture
def demo_database(demo_db_url: str) -> Iterator[Database]:
    yield from _database(demo_db_url)


@pytest.fixture
def session(database: Database) -> Iterator[Session]:
    with database.session() as s:
        yield s


def make_test_app(database: Database) -> FastAPI:
    # No market follower: a test's own reads catch up (tests/matches/test_follower.py has it).
    settings = Settings(environment="test", database_url=database.url, market_follow_seconds=0)
    return create_app(settings, database)


@pytest.fixture
def app(database: Database) -> FastAPI:
    return make_test_app(database)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url=BASE_URL, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def demo_client(demo_database: Database) -> Iterator[TestClient]:
    app = make_test_app(demo_database)
    with TestClient(app, base_url=BASE_URL, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def count_rows(database: Database) -> Callable[[str], int]:
    """Rows in a table, read in a session of its own (sees only committed data)."""

    def count(table: str) -> int:
        with database.engine.connect() as conn:
            return int(conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one())

    return count


class Actor:
    """A user of a given role in an organisation, with an API key, for API tests."""

    def __init__(self, user_id: uuid.UUID, org_id: uuid.UUID, role: str, key: str) -> None:
        self.user_id = user_id
        self.org_id = org_id
        self.role = role
        self.key = key

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}


def create_actor(
    database: Database,
    role: str,
    *,
    org_kind: str | None = None,
    country: str = "DE",
    org_slug: str | None = None,
) -> Actor:
    """Create (committed) an organisation, a user of `role` in it and an API key."""
    from app.auth.models import Organisation
    from app.auth.service import create_api_key, create_organisation, create_user
    from app.common.principal import Role

    kind = org_kind or {"employer": "employer", "ministry": "ministry"}.get(role, "agency")
    slug = org_slug or f"{role}-{uuid.uuid4().hex[:8]}"
    with database.transaction() as s:
        from sqlalchemy import select

        org = s.scalar(select(Organisation).where(Organisation.slug == slug))
        if org is None:
            org = create_organisation(
                s, None, slug=slug, name=slug.title(), kind=kind, country=country
            )
        user = create_user(
            s,
            None,
            email=f"{uuid.uuid4().hex[:10]}@{slug}.example.org",
            name=f"{role} user",
            role=Role(role),
            organisation=org,
        )
        _, key = create_api_key(s, None, user, "test")
        return Actor(user.id, org.id, role, key)


@pytest.fixture
def actors(database: Database) -> dict[str, Actor]:
    """One actor per role: employer (DE), ministry (PH), officer and admin (agency), plus a
    second employer and a second ministry in other organisations, for scoping tests."""
    from app.auth.ratelimit import FAILED_AUTH

    FAILED_AUTH.reset()
    return {
        "employer": create_actor(database, "employer", country="DE"),
        "employer2": create_actor(database, "employer", country="GB"),
        "ministry": create_actor(database, "ministry", country="PH"),
        "ministry2": create_actor(database, "ministry", country="IN"),
        "officer": create_actor(database, "officer", country="CH", org_slug="agency"),
        "admin": create_actor(database, "admin", country="CH", org_slug="agency"),
    }


# ---- the demo's own credentials (seed_data/demo/organisations.json) -----------------------------


@pytest.fixture(scope="session")
def demo_users() -> list[dict[str, Any]]:
    data = json.loads((PROJECT_ROOT / "seed_data/demo/organisations.json").read_text())
    return data["users"]


@pytest.fixture(scope="session")
def demo_keys(demo_users: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, str]]]:
    """role -> {organisation slug: Authorization header}; the first user of each org."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    for u in demo_users:
        out.setdefault(u["role"], {}).setdefault(
            u["organisation"], {"Authorization": f"Bearer {u['api_key']}"}
        )
    return out


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Any]:
    """A LocalCluster of 2 worker processes (the issue's test cluster) for a module's
    national-scale tests. Per module, not per session: the cluster's scheduler runs in this
    process, and its periodic work, left running, contends for the GIL with every later test
    (the suite ran at half speed, half of it system time)."""
    from app.common.cluster import dask_client as open_client

    with open_client(local=2, memory_limit="2GB") as client:
        yield client
