"""Fixtures for the ESCO tests.

The full ESCO v1.1.1 download (../shared) is imported ONCE per backend and session into the
"esco" template (the demo data plus ESCO, see tests/conftest.py); each test gets a copy of it.
Tests on layouts and updates use a tiny synthetic download instead (tests/esco/synthetic.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.db import Database
from app.taxonomy.esco import EscoReport, import_esco
from tests.conftest import Backend, make_test_app
from tests.esco import synthetic
from tests.shared_data import esco_zips


@pytest.fixture
def esco_db_url(backend: Backend) -> Iterator[str]:
    """A fresh database with the demo data and the full ESCO v1.1.1 loaded."""
    esco_zips()  # skip (or on CI fail) before building anything when ../shared is missing
    url = backend.copy_of("esco")
    yield url
    backend.drop(url)


@pytest.fixture
def esco_database(esco_db_url: str) -> Iterator[Database]:
    db = Database(esco_db_url, **({} if esco_db_url.startswith("sqlite") else {"pool_size": 20}))
    yield db
    db.dispose()


@pytest.fixture
def esco_client(esco_database: Database) -> Iterator[TestClient]:
    with TestClient(make_test_app(esco_database), raise_server_exceptions=False) as c:
        yield c


def load(database: Database, *paths: str | Path) -> EscoReport:
    """Import (committed) and return the report."""
    with database.transaction() as session:
        report = import_esco(session, list(paths))
    return report


@pytest.fixture
def tiny_esco(tmp_path: Path) -> Path:
    """The synthetic download in the v1.1.x layout, as a folder of CSV files."""
    return synthetic.write(tmp_path / "esco-v1.1.9")
