"""Batch runs over the API (GET /api/v1/batch-runs, GET /api/v1/batch-runs/{id}, POST
/api/v1/batch-runs/{id}/cancel): runs newest first with their filters and pages, a run's record
with its inputs' version and progress, which run is its scope's results now, a cancel that is
recorded and audited (and a 409 once the run has ended), and officers and admins only.

The runs are made with the service's own calls (start_run, progress, succeed, end_unfinished),
as the command makes them, without a cluster: these tests are about what the API shows."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.batch import service
from app.batch.models import BatchRun, RunOutput, RunStatus
from app.batch.service import RunPair, Scope
from app.db import Database, as_utc
from tests.conftest import Actor

pytestmark = pytest.mark.postgres

URL = "/api/v1/batch-runs"
T0 = datetime(2025, 11, 20, 2, 0, tzinfo=UTC)


def make_run(
    database: Database,
    *,
    status: RunStatus = RunStatus.SUCCEEDED,
    scope: Scope = Scope(),
    started_at: datetime = T0,
    tasks_total: int = 4,
    tasks_done: int = 0,
    change_seq: int = 17,
) -> uuid.UUID:
    """A run as `imdi batch-rank` records one, ended in `status` (or still running)."""
    with database.transaction(writes=False) as s:
        run = service.start_run(
            s,
            scope=scope,
            top_k=5,
            explain_top=2,
            output=RunOutput.DATABASE,
            output_path=None,
            cluster="local:2",
            workers=2,
            change_seq=change_seq,
            change_epoch="3c9e0d4a-7b21-4f6e-8a15-2d9b7c0e1f43",
            engine_version="2.1.0",
            weights_hash="b73d328e7af18cf1",
            vacancies=10,
            pools=20,
            tasks_total=tasks_total,
            started_by="ops@example.org",
        )
        run.started_at = started_at
        s.flush()
        run_id = run.id
        pair = RunPair(uuid.uuid4(), 1, uuid.uuid4(), 0.8, 12, "DE-THAMM-PILOT", None)
        if status is RunStatus.SUCCEEDED:
            service.store_pairs(s, run_id, [pair])
            service.succeed(s, run_id, pairs_ranked=150, pairs_stored=1)
        elif status is RunStatus.RUNNING:
            service.progress(s, run_id, tasks_done=tasks_done, pairs_ranked=40, pairs_stored=10)
        else:
            service.end_unfinished(s, run_id, status, "injected worker fault")
    return run_id


def _stored(database: Database, run_id: uuid.UUID) -> BatchRun:
    with database.session() as s:
        run = s.get(BatchRun, run_id)
        assert run is not None
        s.expunge(run)
        return run


def _cancel_events(database: Database, run_id: uuid.UUID) -> list[AuditEvent]:
    with database.session() as s:
        rows = s.scalars(
            select(AuditEvent).where(
                AuditEvent.entity_type == "batch_run",
                AuditEvent.entity_id == str(run_id),
                AuditEvent.action == "cancel",
            )
        ).all()
        s.expunge_all()
        return list(rows)


def test_runs_are_listed_newest_first_with_filters_and_pages(
    client: TestClient, database: Database, actors: dict[str, Actor]
) -> None:
    first = make_run(database, started_at=T0)
    failed = make_run(database, status=RunStatus.FAILED, started_at=T0 + timedelta(hours=1))
    second = make_run(database, started_at=T0 + timedelta(hours=2))
    other_scope = make_run(
        database, scope=Scope(destination="DE"), started_at=T0 + timedelta(days=3)
    )
    running = make_run(
        database, status=RunStatus.RUNNING, started_at=T0 + timedelta(days=4), tasks_done=1
    )
    headers = actors["officer"].headers

    r = client.get(URL, headers=headers)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == 5 and body["limit"] == 50 and body["offset"] == 0
    assert [i["id"] for i in body["items"]] == [
        str(running),
        str(other_scope),
        str(second),
        str(failed),
        str(first),
    ]
    # A scope's results are its latest succeeded run's: the earlier one is superseded.
    current = {i["id"]: (i["current"], i["superseded"]) for i in body["items"]}
    assert current == {
        str(running): (False, False),
        str(other_scope): (True, False),
        str(second): (True, False),
        str(failed): (False, False),
        str(first): (False, True),
    }

    r = client.get(URL, params={"status": "succeeded"}, headers=headers)
    assert [i["id"] for i in r.json()["items"]] == [str(other_scope), str(second), str(first)]
    assert r.json()["total"] == 3
    r = client.get(URL, params={"status": "failed"}, headers=headers)
    assert [(i["id"], i["error"]) for i in r.json()["items"]] == [
        (str(failed), "injected worker fault")
    ]

    page = client.get(URL, params={"limit": 2, "offset": 2}, headers=headers).json()
    assert [i["id"] for i in page["items"]] == [str(second), str(failed)]
    assert (page["total"], page["limit"], page["offset"]) == (5, 2, 2)

    assert client.get(URL, params={"status": "done"}, headers=headers).status_code == 422
    assert client.get(URL, params={"limit": 0}, headers=headers).status_code == 422


def test_a_run_shows_its_record_inputs_and_progress(
    client: TestClient, database: Database, actors: dict[str, Actor]
) -> None:
    run_id = make_run(
        database,
        status=RunStatus.RUNNING,
        scope=Scope(destination="DE", occupation_prefix="2221"),
        tasks_total=4,
        tasks_done=3,
        change_seq=4821,
    )
    r = client.get(f"{URL}/{run_id}", headers=actors["admin"].headers)
    assert r.status_code == 200, r.text
    got: dict[str, Any] = r.json()
    started = got.pop("started_at")
    assert datetime.fromisoformat(started) == T0
    assert datetime.fromisoformat(got.pop("heartbeat_at")) >= T0
    assert got == {
        "id": str(run_id),
        "status": "running",
        "current": False,
        "scope": {"destination": "DE", "origin": None, "occupation_prefix": "2221"},
        "top_k": 5,
        "explain_top": 2,
        "output": "database",
        "output_path": None,
        "cluster": "local:2",
        "workers": 2,
        "inputs": {"change_seq": 4821, "change_epoch": "3c9e0d4a-7b21-4f6e-8a15-2d9b7c0e1f43"},
        "engine_version": "2.1.0",
        "weights_hash": "b73d328e7af18cf1",
        "vacancies": 10,
        "pools": 20,
        "pairs_ranked": 40,
        "pairs_stored": 10,
        "progress": {"tasks_done": 3, "tasks_total": 4, "fraction": 0.75},
        "cancel_requested": False,
        "superseded": False,
        "error": None,
        "started_by": "ops@example.org",
        "stale": False,
        "finished_at": None,
        "duration_s": None,
    }

    done = make_run(database)
    got = client.get(f"{URL}/{done}", headers=actors["officer"].headers).json()
    assert got["status"] == "succeeded" and got["current"] is True
    assert got["progress"] == {"tasks_done": 4, "tasks_total": 4, "fraction": 1.0}
    assert (got["pairs_ranked"], got["pairs_stored"]) == (150, 1)
    stored = _stored(database, done)
    assert stored.finished_at is not None
    assert datetime.fromisoformat(got["finished_at"]) == as_utc(stored.finished_at)
    assert got["duration_s"] == stored.duration_s

    # A scope with no vacancy has no task: done once it succeeds.
    empty = make_run(database, tasks_total=0)
    got = client.get(f"{URL}/{empty}", headers=actors["officer"].headers).json()
    assert got["progress"] == {"tasks_done": 0, "tasks_total": 0, "fraction": 1.0}


def test_an_unknown_run_is_a_404(client: TestClient, actors: dict[str, Actor]) -> None:
    headers = actors["officer"].headers
    missing = uuid.uuid4()
    for r in (
        client.get(f"{URL}/{missing}", headers=headers),
        client.post(f"{URL}/{missing}/cancel", headers=headers),
    ):
        assert r.status_code == 404, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
    assert client.get(f"{URL}/not-a-uuid", headers=headers).status_code == 422


def test_cancelling_a_running_run_is_recorded_and_audited(
    client: TestClient, database: Database, actors: dict[str, Actor]
) -> None:
    officer = actors["officer"]
    run_id = make_run(database, status=RunStatus.RUNNING, tasks_done=1)

    r = client.post(f"{URL}/{run_id}/cancel", headers=officer.headers)
    assert r.status_code == 202, r.text
    assert r.json()["cancel_requested"] is True and r.json()["status"] == "running"
    stored = _stored(database, run_id)
    assert stored.cancel_requested is True and stored.status == "running"
    # What the command polls for: it then stops the run.
    with database.transaction(writes=False) as s:
        assert service.progress(s, run_id, tasks_done=2, pairs_ranked=0, pairs_stored=0)
    events = _cancel_events(database, run_id)
    assert len(events) == 1
    assert events[0].actor_id == officer.user_id
    assert events[0].before is not None and events[0].before["cancel_requested"] is False
    assert events[0].after is not None and events[0].after["cancel_requested"] is True

    # Asking again while it stops changes nothing, and records nothing more.
    again = client.post(f"{URL}/{run_id}/cancel", headers=actors["admin"].headers)
    assert again.status_code == 202 and again.json()["cancel_requested"] is True
    assert len(_cancel_events(database, run_id)) == 1

    # Once the command has stopped it, there is nothing to cancel.
    with database.transaction(writes=False) as s:
        service.end_unfinished(s, run_id, RunStatus.CANCELLED)
    ended = client.post(f"{URL}/{run_id}/cancel", headers=officer.headers)
    assert ended.status_code == 409, ended.text
    assert ended.headers["content-type"].startswith("application/problem+json")
    assert "cancelled" in ended.json()["detail"]
    got = client.get(f"{URL}/{run_id}", headers=officer.headers).json()
    assert got["status"] == "cancelled" and got["pairs_stored"] == 0


def test_a_run_whose_command_stopped_reporting_is_stale_and_a_cancel_ends_it(
    client: TestClient, database: Database, actors: dict[str, Actor]
) -> None:
    run_id = make_run(database, status=RunStatus.RUNNING, tasks_done=1)
    officer = actors["officer"]
    assert client.get(f"{URL}/{run_id}", headers=officer.headers).json()["stale"] is False
    with database.transaction(writes=False) as s:
        stored = s.get(BatchRun, run_id)
        assert stored is not None
        stored.heartbeat_at = stored.heartbeat_at - timedelta(seconds=service.STALE_AFTER_S + 1)
    assert client.get(f"{URL}/{run_id}", headers=officer.headers).json()["stale"] is True

    r = client.post(f"{URL}/{run_id}/cancel", headers=officer.headers)
    assert r.status_code == 202, r.text
    got = r.json()
    assert got["status"] == "failed" and got["stale"] is False and got["pairs_stored"] == 0
    assert "stopped reporting" in got["error"]
    with database.session() as s:
        assert list(service.run_pairs(s, run_id)) == []
    assert len(_cancel_events(database, run_id)) == 1
    # A command that was only slow finds its run ended at its next report, and stops.
    with database.transaction(writes=False) as s:
        assert service.progress(s, run_id, tasks_done=2, pairs_ranked=0, pairs_stored=0)


@pytest.mark.parametrize("status", [RunStatus.SUCCEEDED, RunStatus.FAILED])
def test_an_ended_run_cannot_be_cancelled(
    client: TestClient, database: Database, actors: dict[str, Actor], status: RunStatus
) -> None:
    run_id = make_run(database, status=status)
    r = client.post(f"{URL}/{run_id}/cancel", headers=actors["officer"].headers)
    assert r.status_code == 409, r.text
    assert status.value in r.json()["detail"]
    stored = _stored(database, run_id)
    assert stored.cancel_requested is False and stored.status == status.value
    assert _cancel_events(database, run_id) == []


@pytest.mark.parametrize("role", ["employer", "ministry"])
def test_employers_and_ministries_get_403(
    client: TestClient, database: Database, actors: dict[str, Actor], role: str
) -> None:
    run_id = make_run(database, status=RunStatus.RUNNING)
    headers = actors[role].headers
    for r in (
        client.get(URL, headers=headers),
        client.get(f"{URL}/{run_id}", headers=headers),
        client.post(f"{URL}/{run_id}/cancel", headers=headers),
        # Whatever the id: a 403 reveals nothing.
        client.get(f"{URL}/{uuid.uuid4()}", headers=headers),
    ):
        assert r.status_code == 403, (role, r.request.url, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
    assert _stored(database, run_id).cancel_requested is False
    assert _cancel_events(database, run_id) == []


def test_a_key_is_needed(client: TestClient, database: Database) -> None:
    run_id = make_run(database, status=RunStatus.RUNNING)
    assert client.get(URL).status_code == 401
    assert client.post(f"{URL}/{run_id}/cancel").status_code == 401
    assert _stored(database, run_id).cancel_requested is False
