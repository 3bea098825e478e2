"""Webhooks end to end (issue 16): endpoints registered through the API hear, signed, of each
event type, delivered by the worker to a receiver on 127.0.0.1; failures are retried with
backoff and recorded with status and latency; deliveries can be replayed; secrets rotate without
a gap; the outbox commits or rolls back with the write; nobody hears of another organisation's
events. On every backend."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.config import PROJECT_ROOT, Settings
from app.db import Database
from app.decisions.models import Decision
from app.matches.watch import RankingWatch
from app.webhooks import signing
from app.webhooks.delivery import Worker, backoff
from app.webhooks.models import WebhookDelivery, WebhookEvent
from app.webhooks.schemas import EVENT_BODIES
from tests.market import eligible, owners
from tests.surveys.helpers import GOOD_ROW, csv_bytes, upload
from tests.webhooks import receiver as receiver_support

HOOKS = "/api/v1/webhooks"
TODAY = datetime.now(UTC).date().isoformat()


@pytest.fixture
def receiver() -> Iterator[receiver_support.Receiver]:
    r, thread = receiver_support.start()
    yield r
    r.server.shutdown()
    thread.join(timeout=5)


def _settings(db: Database, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "webhook_backoff_seconds": 0.0,  # retries are due at once: the test drives the loop
        "webhook_max_attempts": 3,
        "webhook_watch_seconds": 0.0,
        **extra,
    }
    return Settings(environment="test", database_url=db.url, **values)


@pytest.fixture
def worker(demo_database: Database) -> Iterator[Worker]:
    settings = _settings(demo_database)
    w = Worker(demo_database, settings, watchers=[RankingWatch(settings)])
    yield w
    w.client.close()


def _drain(worker: Worker, passes: int = 6) -> None:
    for _ in range(passes):
        worker.watch()
        worker.fan_out()
        worker.deliver_due()


def _register(
    client: TestClient, headers: dict[str, str], url: str, events: list[str]
) -> dict[str, Any]:
    r = client.post(f"{HOOKS}/endpoints", headers=headers, json={"url": url, "events": events})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["secret"].startswith("whsec_")
    return body


def readme_verify() -> Callable[[str, dict[str, str], bytes], bool]:
    """The receiver's verification code exactly as the README shows it."""
    readme = (PROJECT_ROOT / "README.md").read_text()
    section = readme.split("### Verifying a delivery", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code is not None, "README: the verification code block"
    scope: dict[str, Any] = {}
    exec(compile(code.group(1), "README.md", "exec"), scope)
    verify: Callable[[str, dict[str, str], bytes], bool] = scope["verify"]
    return verify


#: The demo ministry whose uploads the tests send (GOOD_ROW's pools are of its origin, PH).
PH = "ph-dmw"


def _pair(demo_database: Database, demo_keys: dict[str, Any], headcount: int = 5) -> Any:
    """An undecided eligible pair of a Philippine pool, with its employer's and ministry's keys."""
    with demo_database.session() as s:
        decided = set(s.scalars(select(Decision.match_id)))
    for m in eligible(demo_database, headcount):
        employer, ministry = owners(demo_database, m.vacancy_id, m.pool_id)
        if m.id not in decided and ministry == PH:
            return m, demo_keys["employer"][employer], demo_keys["ministry"][ministry]
    raise AssertionError("the demo has an eligible pair of a Philippine pool")


def test_each_event_type_is_delivered_signed_and_retried(
    demo_client: TestClient, demo_database: Database, demo_keys, receiver, worker
) -> None:
    m, employer, ministry = _pair(demo_database, demo_keys)
    officer = next(iter(demo_keys["officer"].values()))
    employer_hook = _register(
        demo_client,
        employer,
        receiver.url + "/employer",
        ["ranking.changed", "decision.recorded", "placement.moved"],
    )
    ministry_hook = _register(
        demo_client, ministry, receiver.url + "/ministry", ["upload.finished", "decision.recorded"]
    )
    # The first pass only marks the watched rankings: nothing has changed yet.
    _drain(worker)
    assert receiver.received == []

    receiver.answers.extend([500])  # the first delivery fails once, and is retried
    r = demo_client.post(
        f"/api/v1/matches/{m.id}/decisions",
        headers=officer,
        json={"decision": "approved", "headcount": 5},
    )
    assert r.status_code == 201, r.text
    placement = demo_client.get(
        "/api/v1/placements", headers=officer, params={"vacancy_id": str(m.vacancy_id)}
    ).json()["items"][0]
    r = demo_client.post(
        f"/api/v1/placements/{placement['id']}/moves",
        headers=officer,
        json={"from_stage": None, "to_stage": "selected", "count": 2, "on": TODAY},
    )
    assert r.status_code == 201, r.text
    r = upload(demo_client, ministry, csv_bytes(GOOD_ROW), mode="pool_table")
    assert r.status_code in (200, 201), r.text
    _drain(worker)

    verify = readme_verify()
    secret_of = {
        "/hooks/employer": employer_hook["secret"],
        "/hooks/ministry": ministry_hook["secret"],
    }
    assert receiver.received
    for got in receiver.received:  # each signed with its own endpoint's secret, not the other's
        other = next(s for p, s in secret_of.items() if p != got.path)
        assert verify(secret_of[got.path], got.headers, got.body)
        assert not verify(other, got.headers, got.body)
    # Each body is what the OpenAPI document's `webhooks` says it is.
    for got in receiver.received:
        EVENT_BODIES[json.loads(got.body)["type"]].model_validate_json(got.body)

    decisions = receiver.of_type("decision.recorded")
    assert len(decisions) >= 2  # the employer's and the ministry's endpoint
    data = json.loads(decisions[-1].body)["data"]
    assert data["vacancy_id"] == str(m.vacancy_id) and data["decision"] == "approved"
    moved = json.loads(receiver.of_type("placement.moved")[0].body)["data"]
    assert moved["to_stage"] == "selected" and moved["count"] == 2
    finished = json.loads(receiver.of_type("upload.finished")[0].body)["data"]
    assert finished["rows_accepted"] == 1
    ranking = json.loads(receiver.of_type("ranking.changed")[0].body)["data"]
    assert ranking["subject"] == "vacancy" and ranking["top"] != ranking["previous_top"]

    # The failed first attempt was retried: same webhook-id, a log of both attempts.
    first = receiver.received[0]
    assert first.status == 500
    retried = [
        r
        for r in receiver.received
        if r.headers["webhook-id"] == first.headers["webhook-id"] and r.path == first.path
    ]
    assert [r.status for r in retried] == [500, 204]
    owner_of: dict[str, dict[str, str]] = {}
    for hook, headers in ((employer_hook, employer), (ministry_hook, ministry)):
        listed = demo_client.get(f"{HOOKS}/endpoints/{hook['id']}/deliveries", headers=headers)
        owner_of.update({d["id"]: headers for d in listed.json()["items"]})
        assert all(d["status"] == "succeeded" for d in listed.json()["items"])
    details = [
        demo_client.get(f"{HOOKS}/deliveries/{d}", headers=h).json() for d, h in owner_of.items()
    ]
    twice = next(d for d in details if d["attempts"] == 2)
    assert twice["event_id"] == first.headers["webhook-id"]
    assert twice["attempts"] == 2 and twice["last_status_code"] == 204
    detail = twice
    assert [a["status_code"] for a in detail["attempt_log"]] == [500, 204]
    assert all(a["latency_ms"] >= 0 for a in detail["attempt_log"])
    assert detail["body"]["id"] == first.headers["webhook-id"]


def test_nobody_hears_of_another_organisations_events(
    demo_client: TestClient, demo_database: Database, demo_keys, receiver, worker
) -> None:
    m, employer, _ = _pair(demo_database, demo_keys)
    other_employer = next(h for h in demo_keys["employer"].values() if h != employer)
    officer = next(iter(demo_keys["officer"].values()))
    _register(demo_client, other_employer, receiver.url, ["decision.recorded", "upload.finished"])
    programme = _register(demo_client, officer, receiver.url + "/programme", ["decision.recorded"])
    assert programme["programme"] is True
    r = demo_client.post(
        f"/api/v1/matches/{m.id}/decisions", headers=officer, json={"decision": "shortlisted"}
    )
    assert r.status_code == 201, r.text
    _drain(worker)
    # Only the programme endpoint hears of it; the other employer's hears nothing.
    assert len(receiver.received) == 1
    assert signing.verify(
        programme["secret"], receiver.received[0].headers, receiver.received[0].body
    )
    # Another organisation's endpoint is a 404 (ids reveal nothing), for reading and writing.
    assert (
        demo_client.get(f"{HOOKS}/endpoints/{programme['id']}", headers=employer).status_code == 404
    )
    r = demo_client.post(f"{HOOKS}/endpoints/{programme['id']}/rotate-secret", headers=employer)
    assert r.status_code == 404
    listed = demo_client.get(f"{HOOKS}/endpoints", headers=other_employer).json()
    assert listed["total"] == 1 and "secret" not in listed["items"][0]


def test_replay_and_rotation(
    demo_client: TestClient, demo_database: Database, demo_keys, receiver, worker
) -> None:
    ministry = demo_keys["ministry"][PH]
    hook = _register(demo_client, ministry, receiver.url, ["upload.finished"])
    ping = demo_client.post(f"{HOOKS}/endpoints/{hook['id']}/test", headers=ministry)
    assert ping.status_code == 202, ping.text
    _drain(worker)
    assert len(receiver.received) == 1 and receiver.of_type("webhook.ping")

    r = demo_client.post(f"{HOOKS}/endpoints/{hook['id']}/rotate-secret", headers=ministry)
    assert r.status_code == 200, r.text
    new_secret = r.json()["secret"]
    assert new_secret != hook["secret"] and r.json()["endpoint"]["previous_secret_until"]
    again = demo_client.post(f"{HOOKS}/deliveries/{ping.json()['id']}/replay", headers=ministry)
    assert again.status_code == 202 and again.json()["replay_of_id"] == ping.json()["id"]
    _drain(worker)
    replayed = receiver.received[1]
    assert replayed.headers["webhook-id"] == receiver.received[0].headers["webhook-id"]
    # During the grace period both secrets sign: old and new receivers accept it.
    assert len(replayed.headers["webhook-signature"].split()) == 2
    assert signing.verify(new_secret, replayed.headers, replayed.body)
    assert signing.verify(hook["secret"], replayed.headers, replayed.body)
    assert not signing.verify(signing.new_secret(), replayed.headers, replayed.body)
    # A tampered body does not verify.
    assert not signing.verify(new_secret, replayed.headers, replayed.body + b" ")


def test_a_delivery_gives_up_after_its_attempts_and_the_write_never_waits(
    demo_client: TestClient, demo_database: Database, demo_keys, worker
) -> None:
    ministry = demo_keys["ministry"][PH]
    # Nothing listens there: the write succeeds all the same, the delivery fails later.
    dead = f"http://127.0.0.1:{_closed_port()}/hooks"
    hook = _register(demo_client, ministry, dead, ["upload.finished"])
    r = upload(demo_client, ministry, csv_bytes(GOOD_ROW), mode="pool_table")
    assert r.status_code in (200, 201), r.text
    _drain(worker, passes=5)
    deliveries = demo_client.get(
        f"{HOOKS}/endpoints/{hook['id']}/deliveries", headers=ministry
    ).json()["items"]
    assert len(deliveries) == 1
    d = deliveries[0]
    assert d["status"] == "failed" and d["attempts"] == 3 and d["last_status_code"] is None
    assert "Connect" in d["last_error"]
    failed = demo_client.get(
        f"{HOOKS}/endpoints/{hook['id']}/deliveries", headers=ministry, params={"status": "failed"}
    ).json()
    assert failed["total"] == 1


def test_the_event_rolls_back_with_its_write(
    demo_client: TestClient, demo_database: Database, demo_keys, monkeypatch
) -> None:
    """The outbox row is in the write's transaction: a write that fails after its event was
    added leaves neither (here the request fails just after decision.recorded is emitted)."""
    from app.reviews import service as reviews

    m, _, _ = _pair(demo_database, demo_keys)
    officer = next(iter(demo_keys["officer"].values()))
    emitted = reviews.decision_recorded

    def emit_then_fail(session: Any, decision: Any) -> None:
        emitted(session, decision)
        session.flush()  # the event's INSERT has run
        raise RuntimeError("the write fails after its event")

    monkeypatch.setattr(reviews, "decision_recorded", emit_then_fail)
    with demo_database.session() as s:
        events = s.scalar(select(func.count()).select_from(WebhookEvent))
        decisions = s.scalar(select(func.count()).select_from(Decision))
    r = demo_client.post(
        f"/api/v1/matches/{m.id}/decisions", headers=officer, json={"decision": "shortlisted"}
    )
    assert r.status_code == 500
    with demo_database.session() as s:
        assert s.scalar(select(func.count()).select_from(WebhookEvent)) == events
        assert s.scalar(select(func.count()).select_from(Decision)) == decisions


def _ministry_events(db: Database, n: int) -> None:
    """`n` upload.finished events of the Philippine ministry, as uploads would write them."""
    from app.auth.models import Organisation
    from app.webhooks.events import EventType, emit

    with db.transaction() as s:
        org = s.scalar(select(Organisation.id).where(Organisation.slug == PH))
        for i in range(n):
            emit(s, EventType.UPLOAD_FINISHED, {"n": i}, organisation_id=org)


def test_two_workers_deliver_each_event_once(
    demo_client: TestClient, demo_database: Database, demo_keys, receiver
) -> None:
    ministry = demo_keys["ministry"][PH]
    _register(demo_client, ministry, receiver.url, ["upload.finished"])
    _ministry_events(demo_database, 40)
    settings = _settings(demo_database)
    workers = [Worker(demo_database, settings) for _ in range(2)]

    def drain(w: Worker) -> None:
        idle = 0
        while idle < 3:
            idle = 0 if w.run_once() else idle + 1

    threads = [threading.Thread(target=drain, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    ids = [r.headers["webhook-id"] for r in receiver.received]
    assert len(ids) == 40 and len(set(ids)) == 40  # every event, each exactly once
    with demo_database.session() as s:
        assert s.scalar(select(func.count()).select_from(WebhookDelivery)) == 40
    for w in workers:
        w.client.close()


def test_a_paused_endpoint_keeps_its_pending_deliveries(
    demo_client: TestClient, demo_database: Database, demo_keys, receiver, worker
) -> None:
    ministry = demo_keys["ministry"][PH]
    hook = _register(demo_client, ministry, receiver.url, ["upload.finished"])
    _ministry_events(demo_database, 2)
    worker.fan_out()
    url = f"{HOOKS}/endpoints/{hook['id']}"
    r = demo_client.patch(url, headers={**ministry, "If-Match": '"1"'}, json={"active": False})
    assert r.status_code == 200, r.text
    _ministry_events(demo_database, 1)  # while paused: not sent to it
    _drain(worker)
    assert receiver.received == []
    pending = demo_client.get(f"{url}/deliveries", headers=ministry, params={"status": "pending"})
    assert pending.json()["total"] == 2 and {d["attempts"] for d in pending.json()["items"]} == {0}
    r = demo_client.patch(url, headers={**ministry, "If-Match": '"2"'}, json={"active": True})
    assert r.status_code == 200, r.text
    _drain(worker)
    assert len(receiver.received) == 2


def test_an_endpoint_deleted_mid_delivery_loses_no_other_outcome(
    demo_client: TestClient, demo_database: Database, demo_keys, receiver, worker
) -> None:
    ministry = demo_keys["ministry"][PH]
    kept = _register(demo_client, ministry, receiver.url + "/kept", ["upload.finished"])
    gone = _register(demo_client, ministry, receiver.url + "/gone", ["upload.finished"])
    _ministry_events(demo_database, 1)
    worker.fan_out()
    sends = worker._claim()
    assert len(sends) == 2
    assert (
        demo_client.delete(f"{HOOKS}/endpoints/{gone['id']}", headers=ministry).status_code == 204
    )
    worker._record([worker._post(s) for s in sends])  # the deleted one's outcome is left out
    listed = demo_client.get(f"{HOOKS}/endpoints/{kept['id']}/deliveries", headers=ministry)
    [delivery] = listed.json()["items"]
    assert delivery["status"] == "succeeded" and delivery["attempts"] == 1


def test_endpoint_urls_and_events_are_checked(demo_client: TestClient, demo_keys) -> None:
    employer = next(iter(demo_keys["employer"].values()))
    for url in ("ftp://hr.example.org/hooks", "https://user:pw@hr.example.org/hooks", "hooks"):
        r = demo_client.post(
            f"{HOOKS}/endpoints",
            headers=employer,
            json={"url": url, "events": ["decision.recorded"]},
        )
        assert r.status_code == 422, (url, r.text)
        assert r.json()["errors"][0]["field"] == "body.url"
    r = demo_client.post(
        f"{HOOKS}/endpoints",
        headers=employer,
        json={"url": "https://hr.example.org/hooks", "events": ["vacancy.deleted"]},
    )
    assert r.status_code == 422 and r.json()["errors"][0]["field"].startswith("body.events")
    assert demo_client.get(f"{HOOKS}/endpoints").status_code == 401


def test_an_update_needs_the_version_read(demo_client: TestClient, demo_keys) -> None:
    employer = next(iter(demo_keys["employer"].values()))
    hook = _register(demo_client, employer, "https://hr.example.org/hooks", ["decision.recorded"])
    url = f"{HOOKS}/endpoints/{hook['id']}"
    assert demo_client.patch(url, headers=employer, json={"active": False}).status_code == 428
    r = demo_client.patch(url, headers={**employer, "If-Match": '"1"'}, json={"active": False})
    assert r.status_code == 200 and r.json()["active"] is False and r.json()["version"] == 2
    stale = demo_client.patch(url, headers={**employer, "If-Match": '"1"'}, json={"active": True})
    assert stale.status_code == 409
    assert demo_client.delete(url, headers=employer).status_code == 204
    assert demo_client.get(url, headers=employer).status_code == 404


def test_backoff_doubles_up_to_its_cap(database: Database) -> None:
    settings = Settings(
        environment="test",
        database_url=database.url,
        webhook_backoff_seconds=30,
        webhook_backoff_max_seconds=600,
    )
    waits = [backoff(settings, n).total_seconds() for n in range(1, 7)]
    for wait, expected in zip(waits, [30, 60, 120, 240, 480, 600], strict=True):
        assert expected * 0.9 <= wait <= expected * 1.1


def test_the_worker_command_delivers(
    demo_client: TestClient, demo_database: Database, demo_db_url: str, demo_keys, receiver
) -> None:
    """`imdi webhook-worker` (what `make run` starts beside the server) delivers a ping."""
    ministry = demo_keys["ministry"][PH]
    hook = _register(demo_client, ministry, receiver.url, ["upload.finished"])
    demo_client.post(f"{HOOKS}/endpoints/{hook['id']}/test", headers=ministry)
    env = {
        **os.environ,
        "IMDI_DATABASE_URL": demo_db_url,
        "IMDI_ENVIRONMENT": "test",
        "IMDI_SECRET_KEY": "a-test-secret-key-of-at-least-32-characters",
        "IMDI_WEBHOOK_POLL_SECONDS": "0.1",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "webhook-worker"],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not receiver.received and time.monotonic() < deadline:
            if process.poll() is not None:
                raise AssertionError(process.stderr.read().decode() if process.stderr else "")
            time.sleep(0.1)
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert receiver.received and signing.verify(
        hook["secret"], receiver.received[0].headers, receiver.received[0].body
    )
    assert process.returncode == 0


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_ids_of_unknown_deliveries_are_404(demo_client: TestClient, demo_keys) -> None:
    employer = next(iter(demo_keys["employer"].values()))
    missing = uuid.uuid4()
    assert demo_client.get(f"{HOOKS}/deliveries/{missing}", headers=employer).status_code == 404
    r = demo_client.post(f"{HOOKS}/deliveries/{missing}/replay", headers=employer)
    assert r.status_code == 404


def test_production_refuses_private_addresses(database: Database) -> None:
    production = Settings(
        environment="production",
        database_url=database.url,
        secret_key="a-production-secret-of-at-least-32-characters",
    )
    worker = Worker(database, production)
    try:
        assert "non-public address" in (worker._refused("https://127.0.0.1/hooks") or "")
        assert "non-public address" in (worker._refused("https://10.1.2.3/hooks") or "")
        assert "non-public address" in (worker._refused("https://100.64.0.1/hooks") or "")
        assert worker._refused("https://8.8.8.8/hooks") is None
        allowed = production.model_copy(update={"webhook_allow_private_addresses": True})
        assert Worker(database, allowed)._refused("https://127.0.0.1/hooks") is None
    finally:
        worker.client.close()


def test_production_endpoints_must_be_https(database: Database) -> None:
    from app.errors import ProblemError
    from app.webhooks.service import check_url

    production = Settings(
        environment="production",
        database_url=database.url,
        secret_key="a-production-secret-of-at-least-32-characters",
    )
    assert check_url("https://hr.example.org/hooks", production)
    with pytest.raises(ProblemError) as refused:
        check_url("http://hr.example.org/hooks", production)
    assert refused.value.status == 422 and "https" in refused.value.errors[0]["message"]
