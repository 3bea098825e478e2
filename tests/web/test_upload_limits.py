"""The web upload form: bounded bodies, sign-in before the body is read, no half-done writes."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.db import Database
from app.pools.models import Pool
from app.surveys import service as surveys
from app.surveys.models import SurveyUpload
from tests.conftest import make_test_app
from tests.web.conftest import MINISTRY_ORG, as_user

HEADER = (
    "origin_country,region,occupation,sector,headcount,skills,languages,isced_level,"
    "experience_years,available_from"
)
GOOD = "PH,Central Luzon,2221,86,120,patient-assessment,en:B2:0.6,6,4.5,2027-03-01"
#: Well-formed, but 9999 is no ISCO-08 unit group: only the taxonomy check refuses it.
UNKNOWN_CODE = "PH,Visayas,9999,86,40,patient-assessment,en:B2:0.6,6,4.5,2027-03-01"


def _count(database: Database, model, *where) -> int:
    with database.session() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _form(token: str, **fields: str) -> dict[str, str]:
    return {"csrf_token": token, "mode": "pool_table", "on_error": "reject", **fields}


class _BodyReads:
    """ASGI wrapper that counts the request-body messages the app reads."""

    def __init__(self, app) -> None:
        self.app = app
        self.reads = 0

    async def __call__(self, scope, receive, send) -> None:
        async def counted():
            message = await receive()
            if message["type"] == "http.request":
                self.reads += 1
            return message

        await self.app(scope, counted if scope["type"] == "http" else receive, send)


def test_an_anonymous_upload_is_refused_unread(demo_database) -> None:
    wrapped = _BodyReads(make_test_app(demo_database))
    with TestClient(wrapped, raise_server_exceptions=False) as client:
        r = client.post(
            "/upload",
            data={"mode": "pool_table"},
            files={"file": ("pools.csv", b"x" * 100_000, "text/csv")},
            follow_redirects=False,
        )
    assert r.status_code == 303 and r.headers["location"].startswith("/signin")
    assert wrapped.reads == 0
    assert _count(demo_database, SurveyUpload) == 0


def test_a_long_text_field_is_refused(demo_client, demo_people, demo_database) -> None:
    token = as_user(demo_client, demo_people, MINISTRY_ORG)
    r = demo_client.post(
        "/upload",
        data=_form(token, on_error="x" * (64 * 1024 + 1)),
        files={"file": ("pools.csv", f"{HEADER}\n{GOOD}".encode(), "text/csv")},
    )
    assert r.status_code == 400 and "could not be read" in r.text
    assert _count(demo_database, SurveyUpload) == 0


def test_pools_refused_after_the_record_was_written_store_nothing(
    demo_client, demo_people, demo_database, monkeypatch
) -> None:
    token = as_user(demo_client, demo_people, MINISTRY_ORG)
    content = f"{HEADER}\n{GOOD}\n{UNKNOWN_CODE}\n".encode()
    pools_before = _count(demo_database, Pool)
    # The rows pass the checks made while reading (as if the taxonomy had changed in between),
    # so the upload record is flushed as accepted before create_pools refuses the unknown code.
    monkeypatch.setattr(surveys, "check_pool_codes", lambda *a, **k: {})
    r = demo_client.post(
        "/upload", data=_form(token), files={"file": ("pools.csv", content, "text/csv")}
    )
    assert r.status_code == 422 and "9999" in r.text
    assert _count(demo_database, SurveyUpload) == 0
    assert _count(demo_database, Pool) == pools_before

    # Not replayed as an accepted upload: sent again, the file is checked and rejected as usual.
    monkeypatch.undo()
    again = demo_client.post(
        "/upload", data=_form(token), files={"file": ("pools.csv", content, "text/csv")}
    )
    # Post/redirect/get: the rejected upload's report is at its own address.
    assert again.status_code == 200 and again.url.path.startswith("/uploads/")
    assert "rejected" in again.text
    assert _count(demo_database, SurveyUpload, SurveyUpload.status == "rejected") == 1
    assert _count(demo_database, SurveyUpload, SurveyUpload.status != "rejected") == 0
    assert _count(demo_database, Pool) == pools_before
