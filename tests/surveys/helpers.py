"""Shared helpers of the survey upload tests: small files, uploading, and database snapshots."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from httpx import Response

from app.config import Settings
from app.db import Database
from app.main import create_app

SAMPLES = Path(__file__).resolve().parents[2] / "seed_data" / "samples"
URL = "/api/v1/uploads"
POOL_HEADER = (
    "origin_country,region,occupation,sector,headcount,skills,languages,isced_level,"
    "experience_years,available_from"
)
GOOD_ROW = (
    "PH,Central Luzon,2221,86,120,patient-assessment;wound-care:0.5,en:B2:0.6;fr:A2:0.3,6,4.5,"
    "2026-03-01"
)
#: Tables an upload may write to: a refused file must leave every one of them as it was.
TABLES = ("pools", "pool_skills", "pool_languages", "survey_uploads", "audit_events")


def csv_bytes(*rows: str, header: str = POOL_HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def upload(
    client: TestClient,
    headers: dict[str, str],
    content: bytes,
    *,
    name: str = "pools.csv",
    mode: str | None = "pool_table",
    **options: str,
) -> Response:
    data = {k: v for k, v in {"mode": mode, **options}.items() if v is not None}
    return client.post(URL, headers=headers, data=data, files={"file": (name, content)})


def snapshot(count_rows: Callable[[str], int]) -> dict[str, int]:
    return {table: count_rows(table) for table in TABLES}


def row_errors(body: dict[str, Any]) -> list[tuple[int, str]]:
    return [(e["row"], e["column"]) for e in body["errors"]]


@contextmanager
def client_with(database: Database, **settings: Any) -> Iterator[TestClient]:
    """A client of an app with custom settings (tiny limits) on the test database."""
    app = create_app(Settings(environment="test", database_url=database.url, **settings), database)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
