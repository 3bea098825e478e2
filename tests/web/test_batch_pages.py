"""Batch runs in the pages (/batch-runs, /batch-runs/{id}): officers and admins read the runs
and their figures, a running run shows its progress and a cancel form (CSRF, post/redirect/get,
a flash message, audited), an ended one has none; employers and ministries get 403, and
someone not signed in goes to the sign-in page."""

from __future__ import annotations

import re
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.auth.models import User
from app.batch.models import BatchRun, RunStatus
from app.batch.service import Scope
from app.db import Database
from app.web.pages.batch_runs import duration_text
from tests.batch.test_batch_api import make_run
from tests.web.conftest import (
    EMPLOYER_ORG,
    MINISTRY_ORG,
    OFFICER,
    as_user,
    assert_no_inline_code,
    csrf_of,
)

pytestmark = pytest.mark.postgres

ADMIN = "admin@imdi-facilitation.example.org"
_PROGRESS = re.compile(r"<progress[^>]*>")


def _nav(html: str) -> str:
    return html.split('<nav aria-label="Main">')[1].split("</nav>")[0]


def _row(html: str, run_id: uuid.UUID) -> str:
    """The list's row of a run."""
    rows = html.split('id="batch-runs"')[1].split("</table>")[0].split("<tr>")
    found = [r for r in rows if f'href="/batch-runs/{run_id}"' in r]
    assert len(found) == 1, run_id
    return found[0]


def _stored(database: Database, run_id: uuid.UUID) -> BatchRun:
    with database.session() as s:
        run = s.get(BatchRun, run_id)
        assert run is not None
        s.expunge(run)
        return run


def _cancels(database: Database, run_id: uuid.UUID) -> list[AuditEvent]:
    with database.session() as s:
        rows = s.scalars(
            select(AuditEvent).where(
                AuditEvent.entity_id == str(run_id), AuditEvent.action == "cancel"
            )
        ).all()
        s.expunge_all()
        return list(rows)


def test_an_officer_reads_the_runs_and_their_progress(
    officer: tuple[TestClient, str], demo_database: Database
) -> None:
    client, _ = officer
    done = make_run(demo_database, scope=Scope(destination="DE", occupation_prefix="2221"))
    running = make_run(demo_database, status=RunStatus.RUNNING, tasks_total=4, tasks_done=1)
    failed = make_run(demo_database, status=RunStatus.FAILED)

    r = client.get("/batch-runs")
    assert r.status_code == 200, r.text
    html = r.text
    assert_no_inline_code(html)
    assert "<h1>Batch runs</h1>" in html
    assert "<code>imdi batch-rank</code>" in html  # how runs are started, said plainly
    assert 'href="/batch-runs" aria-current="page">Batch runs</a>' in _nav(html)
    assert "3 runs, newest first." in html

    row = _row(html, done)
    assert "badge-succeeded" in row and "current results" in row
    assert "to Germany (DE), occupation 2221" in row
    assert "change 17" in row and "10 \u00d7 20" in row  # 10 vacancies x 20 pools
    assert not _PROGRESS.search(row) and "done" in row

    row = _row(html, running)
    assert "badge-running" in row and "not finished" in row
    bar = _PROGRESS.search(row)
    assert bar is not None
    assert 'value="25"' in bar.group(0) and 'max="100"' in bar.group(0)
    assert 'aria-label="Progress of the run started ' in bar.group(0)
    assert "25 % (1 of 4 blocks)" in row  # the bar's figure in words too
    assert "Refresh the progress" in html

    row = _row(html, failed)
    assert "badge-failed" in row and not _PROGRESS.search(row)
    assert "stopped at 0 of 4 blocks" in row

    page = client.get(f"/batch-runs/{done}").text
    assert_no_inline_code(page)
    for figure in (
        "its pairs are the scope's results now",
        "vacancies to Germany (DE) in occupations 2221",
        "pools of every origin",
        "change 17",
        "3c9e0d4a-7b21-4f6e-8a15-2d9b7c0e1f43",
        "ops@example.org",
        "<dt>Eligible pairs ranked</dt><dd>150</dd>",
        "<dt>Pairs stored</dt><dd>1</dd>",
        "the best 5; the first 2 with their missing essential skills",
        "<code>local:2</code>, 2 workers",
        "<dd>2.1.0</dd>",
        "<code>b73d328e7af18cf1</code>",
    ):
        assert figure in page, figure
    # An ended run: no progress bar, nothing to cancel.
    assert not _PROGRESS.search(page) and "Cancel run" not in page
    assert "injected worker fault" in client.get(f"/batch-runs/{failed}").text


def test_an_admin_reads_them_too(
    demo_client: TestClient, demo_people, demo_database: Database
) -> None:
    run_id = make_run(demo_database, status=RunStatus.RUNNING, tasks_done=2)
    as_user(demo_client, demo_people, ADMIN)
    listing = demo_client.get("/batch-runs")
    assert listing.status_code == 200 and f"/batch-runs/{run_id}" in listing.text
    assert 'href="/batch-runs"' in _nav(listing.text)
    page = demo_client.get(f"/batch-runs/{run_id}")
    assert page.status_code == 200
    assert "Cancel run" in page.text


def test_no_run_yet_says_how_to_start_one(officer: tuple[TestClient, str]) -> None:
    client, _ = officer
    html = client.get("/batch-runs").text
    assert "No batch run yet. Start one with <code>imdi batch-rank</code>." in html


def test_cancelling_a_running_run(officer: tuple[TestClient, str], demo_database: Database) -> None:
    client, _ = officer
    run_id = make_run(demo_database, status=RunStatus.RUNNING, tasks_total=8, tasks_done=2)
    page = client.get(f"/batch-runs/{run_id}").text
    bar = _PROGRESS.search(page)
    assert bar is not None and 'value="25"' in bar.group(0)
    assert "25 % done: 2 of 8 blocks of vacancies ranked and stored" in page
    assert "refresh the page</a> to see the run" in page
    form = page.split(f'action="/batch-runs/{run_id}/cancel"')[1].split("</form>")[0]
    assert 'name="csrf_token"' in form and ">Cancel run</button>" in form

    # Without the form's token: refused, nothing recorded.
    r = client.post(f"/batch-runs/{run_id}/cancel", data={}, follow_redirects=False)
    assert r.status_code == 403
    assert _stored(demo_database, run_id).cancel_requested is False

    r = client.post(
        f"/batch-runs/{run_id}/cancel", data={"csrf_token": csrf_of(page)}, follow_redirects=False
    )
    assert r.status_code == 303 and r.headers["location"] == f"/batch-runs/{run_id}"
    assert _stored(demo_database, run_id).cancel_requested is True
    with demo_database.session() as s:
        officer_id = s.scalar(select(User.id).where(User.email == OFFICER))
    events = _cancels(demo_database, run_id)
    assert [(e.entity_type, e.actor_id) for e in events] == [("batch_run", officer_id)]

    after = client.get(r.headers["location"]).text
    assert 'role="status"' in after and "Cancel requested. The command stops the run" in after
    assert "<strong>Cancel requested.</strong>" in after
    assert "Cancel run</button>" not in after  # asked already
    assert "cancel requested" in _row(client.get("/batch-runs").text, run_id)


def test_cancelling_an_ended_run_says_so(
    officer: tuple[TestClient, str], demo_database: Database
) -> None:
    client, token = officer
    run_id = make_run(demo_database, status=RunStatus.RUNNING)
    page = client.get(f"/batch-runs/{run_id}").text
    # The command finishes the run before the officer's click arrives.
    with demo_database.transaction(writes=False) as s:
        from app.batch import service

        service.succeed(s, run_id, pairs_ranked=3, pairs_stored=1)
    r = client.post(
        f"/batch-runs/{run_id}/cancel", data={"csrf_token": csrf_of(page)}, follow_redirects=False
    )
    assert r.status_code == 303 and r.headers["location"] == f"/batch-runs/{run_id}"
    after = client.get(r.headers["location"]).text
    assert "The run has ended (succeeded); there is nothing to cancel." in after
    stored = _stored(demo_database, run_id)
    assert stored.status == "succeeded" and stored.cancel_requested is False
    assert _cancels(demo_database, run_id) == []

    missing = client.post(
        f"/batch-runs/{uuid.uuid4()}/cancel", data={"csrf_token": token}, follow_redirects=False
    )
    assert missing.status_code == 404
    assert client.get(f"/batch-runs/{uuid.uuid4()}").status_code == 404


@pytest.mark.parametrize("who", [EMPLOYER_ORG, MINISTRY_ORG])
def test_employers_and_ministries_get_403(
    demo_client: TestClient, demo_people, demo_database: Database, who: str
) -> None:
    run_id = make_run(demo_database, status=RunStatus.RUNNING)
    token = as_user(demo_client, demo_people, who)
    assert 'href="/batch-runs"' not in _nav(demo_client.get("/").text)
    assert demo_client.get("/batch-runs").status_code == 403
    assert demo_client.get(f"/batch-runs/{run_id}").status_code == 403
    r = demo_client.post(
        f"/batch-runs/{run_id}/cancel", data={"csrf_token": token}, follow_redirects=False
    )
    assert r.status_code == 403
    assert _stored(demo_database, run_id).cancel_requested is False
    assert _cancels(demo_database, run_id) == []


def test_signing_in_comes_first(demo_client: TestClient, demo_database: Database) -> None:
    run_id = make_run(demo_database)
    r = demo_client.get(f"/batch-runs/{run_id}", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == f"/signin?next=/batch-runs/{run_id}"
    assert demo_client.get("/batch-runs", follow_redirects=False).status_code == 303


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (None, ""),
        (0.42, "0.4 s"),
        (12.4, "12 s"),
        (2493.8, "41 min 34 s"),
        (11100, "3 h 05 min"),
        (2 * 86400 + 4 * 3600 + 5, "2 d 04 h"),
    ],
)
def test_durations_read_at_a_glance(seconds: float | None, text: str) -> None:
    assert duration_text(seconds) == text
