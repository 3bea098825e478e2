"""The typed Python client generated from the OpenAPI document (issue 16).

Two guards keep it honest: the committed document is the one the service serves, and the
committed client is exactly what openapi-python-client makes of it (`make client` regenerates
both). Then an HR system's day, through the client only, against the real app on every backend:
post vacancies in bulk with an Idempotency-Key (a retry duplicates nothing), read a vacancy's
ranked matches with their typed explanations, upload a survey wave, record a decision."""

from __future__ import annotations

import copy
import filecmp
import io
import json
import os
import re
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.config import PROJECT_ROOT, Settings
from app.db import Database
from app.main import create_app
from app.vacancies.schemas import VacancyIn as VacancyInModel
from tests.clients.conftest import CLIENT_ROOT
from tests.conftest import BASE_URL, make_test_app
from tests.surveys.helpers import GOOD_ROW, csv_bytes

DOCUMENT = PROJECT_ROOT / "clients" / "openapi.json"
CONFIG = PROJECT_ROOT / "clients" / "openapi-python-client.yaml"
BIN = Path(os.environ.get("VIRTUAL_ENV", PROJECT_ROOT / ".venv")) / "bin"
STALE = "out of date: run `make client` and commit clients/"


def _served_document() -> dict[str, Any]:
    settings = Settings(environment="development", database_url="sqlite:///:memory:")
    database = Database(settings.database_url, settings)
    try:
        served: dict[str, Any] = json.loads(json.dumps(create_app(settings, database).openapi()))
        return served
    finally:
        database.dispose()


def test_the_committed_document_is_the_one_served() -> None:
    assert json.loads(DOCUMENT.read_text()) == _served_document(), (
        f"clients/openapi.json is {STALE}"
    )


def _tree(root: Path) -> list[Path]:
    return sorted(
        p.relative_to(root)
        for p in root.rglob("*")
        if p.is_file() and not {"__pycache__", ".ruff_cache", ".mypy_cache"} & set(p.parts)
    )


def test_the_committed_client_is_what_the_generator_makes(tmp_path: Path) -> None:
    generator = shutil.which("openapi-python-client", path=str(BIN)) or shutil.which(
        "openapi-python-client"
    )
    assert generator, "openapi-python-client (a dev dependency) is installed"
    out = tmp_path / "python"
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    subprocess.run(
        [
            generator,
            "generate",
            "--path",
            str(DOCUMENT),
            "--output-path",
            str(out),
            "--overwrite",
            "--meta",
            "setup",
            "--config",
            str(CONFIG),
        ],
        check=True,
        capture_output=True,
        env=env,
        cwd=tmp_path,
    )
    assert _tree(out) == _tree(CLIENT_ROOT), f"clients/python's files are {STALE}"
    differ = [
        str(p) for p in _tree(out) if not filecmp.cmp(out / p, CLIENT_ROOT / p, shallow=False)
    ]
    assert differ == [], f"clients/python is {STALE}"


# ---- an HR system's day, through the client ----------------------------------------------------


@pytest.fixture
def app(demo_database: Database):  # type: ignore[no-untyped-def]
    return make_test_app(demo_database)


def _client(app: Any, headers: dict[str, str]) -> Iterator[Any]:
    from imdi_match_client import AuthenticatedClient

    token = headers["Authorization"].removeprefix("Bearer ")
    client = AuthenticatedClient(base_url=BASE_URL, token=token, raise_on_unexpected_status=True)
    # The generated client over the app itself (TestClient is an httpx.Client).
    client.set_httpx_client(
        TestClient(app, base_url=BASE_URL, headers={"Authorization": f"Bearer {token}"})
    )
    return client


def _vacancy(external_ref: str) -> Any:
    from imdi_match_client.models import VacancyIn

    example = copy.deepcopy(VacancyInModel.model_config["json_schema_extra"]["examples"][0])  # type: ignore[index]
    example["external_ref"] = external_ref
    return VacancyIn.from_dict(example)


def test_an_hr_system_posts_reads_uploads_and_decides_through_the_client(app, demo_keys) -> None:
    from imdi_match_client.api.decisions import create_decision
    from imdi_match_client.api.matches import list_vacancy_matches
    from imdi_match_client.api.uploads import create_upload
    from imdi_match_client.api.vacancies import create_vacancies_bulk
    from imdi_match_client.models import (
        BulkResult,
        CreateUploadBody,
        CreateUploadMode,
        DecisionIn,
        MatchPage,
        UploadOut,
    )
    from imdi_match_client.types import File

    employer = _client(app, demo_keys["employer"]["de-rhein-ruhr-kliniken"])
    ministry = _client(app, demo_keys["ministry"]["ph-dmw"])
    officer = _client(app, next(iter(demo_keys["officer"].values())))
    run = uuid.uuid4().hex[:8]
    body = [_vacancy(f"HR-{run}-1"), _vacancy(f"HR-{run}-2")]
    key = f"hr-sync-{run}"

    first = create_vacancies_bulk.sync_detailed(client=employer, body=body, idempotency_key=key)
    assert first.status_code == 201, first.content
    assert isinstance(first.parsed, BulkResult)
    ids = [r.id for r in first.parsed.results]
    assert len(ids) == 2 and all(ids)
    # The HR system's retry (a lost answer) answers the same and stores nothing twice.
    again = create_vacancies_bulk.sync_detailed(client=employer, body=body, idempotency_key=key)
    assert again.status_code == 201 and [r.id for r in again.parsed.results] == ids

    page = list_vacancy_matches.sync(client=employer, vacancy_id=ids[0], include_ineligible=True)
    assert isinstance(page, MatchPage) and page.total >= 1
    best = page.items[0]
    assert best.vacancy_id == ids[0] and 0.0 <= best.score <= 1.0
    assert best.explanation.eligibility.checks_passed is not None

    upload = create_upload.sync_detailed(
        client=ministry,
        body=CreateUploadBody(
            file=File(payload=io.BytesIO(csv_bytes(GOOD_ROW)), file_name="wave.csv"),
        ),
        mode=CreateUploadMode.POOL_TABLE,
    )
    assert upload.status_code == 201, upload.content
    assert isinstance(upload.parsed, UploadOut) and upload.parsed.rows_accepted == 1

    eligible = list_vacancy_matches.sync(client=officer, vacancy_id=ids[0])
    assert isinstance(eligible, MatchPage)
    target = eligible.items[0] if eligible.items else best
    decided = create_decision.sync_detailed(
        client=officer,
        match_id=target.id,
        body=DecisionIn.from_dict({"decision": "shortlisted", "note": "via the HR client"}),
    )
    assert decided.status_code == 201, decided.content
    assert decided.parsed.decision.value == "shortlisted"


def test_the_readmes_hr_sync_example_runs(app, demo_keys) -> None:
    """The README's example, as it is printed there, against the app."""
    readme = (PROJECT_ROOT / "README.md").read_text()
    section = readme.split("### An HR system's sync", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code is not None
    scope: dict[str, Any] = {}
    exec(compile(code.group(1), "README.md", "exec"), scope)
    employer = _client(app, demo_keys["employer"]["de-rhein-ruhr-kliniken"])
    run = uuid.uuid4().hex[:8]
    good = _vacancy(f"SYNC-{run}-1").to_dict()
    bad = {**_vacancy(f"SYNC-{run}-2").to_dict(), "destination_country": "XX"}
    best = scope["sync_positions"](employer, [good, bad], f"sync-{run}")
    assert list(best) == [good["external_ref"]]
    assert all(0.0 <= score <= 1.0 for _, score, _ in best[good["external_ref"]])
