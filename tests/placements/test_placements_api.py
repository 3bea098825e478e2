"""Placements through the API: an approval moves through the stages, refused visas and
dropouts before departure give their quota and openings back, and what may not be recorded
is refused with nothing written (on every backend)."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.db import Database
from app.decisions.models import Decision, Placement, PlacementMove
from app.matches.service import RankedMatch
from tests.conftest import make_test_app
from tests.market import eligible, owners

PL = "/api/v1/placements"
TODAY = datetime.now(UTC).date().isoformat()


def _key(demo_keys, role: str, slug: str) -> dict[str, str]:
    return demo_keys[role][slug]


def _owners(db: Database, m: RankedMatch) -> tuple[str, str]:
    return owners(db, m.vacancy_id, m.pool_id)


def _other(demo_keys, role: str, slug: str) -> dict[str, str]:
    return next(h for s, h in demo_keys[role].items() if s != slug)


def _approved_placement(
    client: TestClient, db: Database, demo_keys, headcount: int = 5
) -> tuple[RankedMatch, dict[str, Any]]:
    """An undecided eligible pair approved for `headcount` workers, and its placement."""
    with db.session() as s:
        decided = set(s.scalars(select(Decision.match_id)))
    m = next(x for x in eligible(db, headcount) if x.id not in decided)
    officer = next(iter(demo_keys["officer"].values()))
    r = client.post(
        f"/api/v1/matches/{m.id}/decisions",
        headers=officer,
        json={"decision": "approved", "headcount": headcount},
    )
    assert r.status_code == 201, r.text
    r = client.get(PL, headers=officer, params={"vacancy_id": str(m.vacancy_id)})
    assert r.status_code == 200, r.text
    placement = next(p for p in r.json()["items"] if p["pool_id"] == str(m.pool_id))
    return m, placement


def _move(client, headers, placement_id, source, to, count, **extra: Any):
    body = {"from_stage": source, "to_stage": to, "count": count, "on": TODAY, **extra}
    return client.post(f"{PL}/{placement_id}/moves", headers=headers, json=body)


def _approved_now(db: Database, m: RankedMatch) -> int:
    with db.session() as s:
        rows = s.execute(
            select(Decision.decision, Decision.headcount).where(
                Decision.vacancy_id == m.vacancy_id, Decision.pool_id == m.pool_id
            )
        ).all()
    return sum(n if d == "approved" else -n for d, n in rows if d != "shortlisted")


def test_an_approval_moves_through_the_stages(demo_client, demo_database, demo_keys) -> None:
    m, placement = _approved_placement(demo_client, demo_database, demo_keys)
    assert placement["approved"] == 5 and placement["awaiting"] == 5
    assert placement["status"] == "active" and set(placement["stages"].values()) == {0}
    employer_slug, ministry_slug = _owners(demo_database, m)
    employer = _key(demo_keys, "employer", employer_slug)
    ministry = _key(demo_keys, "ministry", ministry_slug)
    officer = next(iter(demo_keys["officer"].values()))
    pid = placement["id"]
    quota_url = f"/api/v1/pathways/{placement['pathway_code']}/quota"
    year = {"year": placement["quota_year"]}
    used_before = demo_client.get(quota_url, headers=officer, params=year).json()[0]["used"]

    steps = [
        (ministry, None, "selected", 5),
        (employer, "selected", "contract_signed", 5),
        (ministry, "contract_signed", "visa_applied", 5),
        (officer, "visa_applied", "visa_granted", 3),
        (officer, "visa_applied", "visa_refused", 2),
        (ministry, "visa_granted", "departed", 3),
        (employer, "departed", "arrived", 3),
        (employer, "arrived", "started_work", 3),
        (employer, "started_work", "completed_contract", 2),
        (employer, "started_work", "left_early", 1),
    ]
    for headers, source, to, n in steps:
        r = _move(demo_client, headers, pid, source, to, n, note=f"{to} recorded")
        assert r.status_code == 201, (to, r.text)
    body = r.json()
    assert body["stages"] == {
        "selected": 0,
        "contract_signed": 0,
        "visa_applied": 0,
        "visa_granted": 0,
        "visa_refused": 2,
        "departed": 0,
        "arrived": 0,
        "started_work": 0,
        "completed_contract": 2,
        "left_early": 1,
    }
    # The refused visas gave their quota and openings back; leaving early abroad did not.
    assert body["released"] == 2 and body["awaiting"] == 0
    assert _approved_now(demo_database, m) == 3
    used_after = demo_client.get(quota_url, headers=officer, params=year).json()[0]["used"]
    assert used_after == used_before - 2
    # Its history, oldest first, each move by whom and when; each one an audit event.
    detail = demo_client.get(f"{PL}/{pid}", headers=officer).json()
    assert [(x["from_stage"], x["to_stage"], x["count"]) for x in detail["moves"]] == [
        (s, t, n) for _, s, t, n in steps
    ]
    assert [x["released"] for x in detail["moves"]] == [0, 0, 0, 0, 2, 0, 0, 0, 0, 0]
    with demo_database.session() as s:
        audited = s.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.entity_type == "placement", AuditEvent.entity_id == pid)
        )
    assert audited == len(steps)


def test_moves_that_the_counts_or_the_roles_do_not_allow_write_nothing(
    demo_client, demo_database, demo_keys
) -> None:
    m, placement = _approved_placement(demo_client, demo_database, demo_keys, headcount=5)
    employer_slug, ministry_slug = _owners(demo_database, m)
    employer = _key(demo_keys, "employer", employer_slug)
    ministry = _key(demo_keys, "ministry", ministry_slug)
    pid = placement["id"]

    # Beyond the approved headcount.
    r = _move(demo_client, ministry, pid, None, "selected", 6)
    assert r.status_code == 409, r.text
    assert r.json()["errors"][0]["field"] == "body.count"
    assert r.json()["errors"][0]["available"] == 5
    # More than the previous stage passed on.
    assert _move(demo_client, ministry, pid, None, "selected", 2).status_code == 201
    r = _move(demo_client, employer, pid, "selected", "contract_signed", 3)
    assert r.status_code == 409 and r.json()["errors"][0]["available"] == 2
    # A move the pipeline has not, and a day ahead: 422.
    r = _move(demo_client, employer, pid, "selected", "arrived", 1)
    assert r.status_code == 422 and r.json()["errors"][0]["type"] == "invalid_move"
    tomorrow = (datetime.now(UTC).date() + timedelta(days=1)).isoformat()
    r = _move(demo_client, employer, pid, "selected", "contract_signed", 1, on=tomorrow)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "body.on"
    # The other side's stage: 403; another organisation's placement: 404.
    r = _move(demo_client, employer, pid, "selected", "visa_applied", 1)
    assert r.status_code in (403, 422)
    assert _move(demo_client, ministry, pid, "selected", "contract_signed", 1).status_code == 403
    assert _move(demo_client, employer, pid, None, "selected", 1).status_code == 403
    other = _other(demo_keys, "employer", employer_slug)
    assert _move(demo_client, other, pid, "selected", "contract_signed", 1).status_code == 404
    assert demo_client.get(f"{PL}/{pid}", headers=other).status_code == 404
    assert pid not in {p["id"] for p in demo_client.get(PL, headers=other).json()["items"]}
    with demo_database.session() as s:
        moves = s.scalar(
            select(func.count())
            .select_from(PlacementMove)
            .where(PlacementMove.placement_id == uuid.UUID(pid))
        )
    assert moves == 1


def test_bulk_moves_are_all_or_none_and_replayable(demo_client, demo_database, demo_keys) -> None:
    _, placement = _approved_placement(demo_client, demo_database, demo_keys, headcount=4)
    pid = placement["id"]
    officer = next(iter(demo_keys["officer"].values()))
    good = [
        {"placement_id": pid, "to_stage": "selected", "count": 4, "on": TODAY},
        {
            "placement_id": pid,
            "from_stage": "selected",
            "to_stage": "contract_signed",
            "count": 4,
            "on": TODAY,
        },
    ]
    bad = [
        *good,
        {**good[1], "from_stage": "contract_signed", "to_stage": "visa_applied", "count": 5},
    ]
    r = demo_client.post(f"{PL}/moves", headers=officer, json={"moves": bad})
    assert r.status_code == 409, r.text
    assert r.json()["errors"][0]["field"] == "body.moves[2].count"
    with demo_database.session() as s:
        assert s.get(Placement, uuid.UUID(placement["id"])) is not None
        assert (
            s.scalar(
                select(func.count())
                .select_from(PlacementMove)
                .where(PlacementMove.placement_id == uuid.UUID(pid))
            )
            == 0
        )
    headers = {**officer, "Idempotency-Key": f"bulk-{pid}"}
    r = demo_client.post(f"{PL}/moves", headers=headers, json={"moves": good})
    assert r.status_code == 201, r.text
    assert r.json()["placements"][0]["stages"]["contract_signed"] == 4
    again = demo_client.post(f"{PL}/moves", headers=headers, json={"moves": good})
    assert again.status_code == 201 and again.headers.get("Idempotent-Replayed") == "true"
    assert demo_client.get(f"{PL}/{pid}", headers=officer).json()["stages"]["contract_signed"] == 4


def test_withdrawal_ends_a_placement_until_workers_depart(
    demo_client, demo_database, demo_keys
) -> None:
    officer = next(iter(demo_keys["officer"].values()))
    m, placement = _approved_placement(demo_client, demo_database, demo_keys, headcount=3)
    pid = placement["id"]
    for source, to in (
        (None, "selected"),
        ("selected", "contract_signed"),
        ("contract_signed", "visa_applied"),
        ("visa_applied", "visa_granted"),
    ):
        assert _move(demo_client, officer, pid, source, to, 3).status_code == 201
    # A dropout before departure gives the worker back.
    r = _move(demo_client, officer, pid, "visa_granted", "left_early", 1)
    assert r.status_code == 201 and r.json()["released"] == 1
    assert _approved_now(demo_database, m) == 2
    assert _move(demo_client, officer, pid, "visa_granted", "departed", 1).status_code == 201
    url = f"/api/v1/matches/{m.id}/decisions"
    r = demo_client.post(url, headers=officer, json={"decision": "withdrawn", "note": "late"})
    assert r.status_code == 409 and r.json()["code"] == "placement_departed", r.text

    m2, placement2 = _approved_placement(demo_client, demo_database, demo_keys, headcount=2)
    assert _move(demo_client, officer, placement2["id"], None, "selected", 1).status_code == 201
    r = demo_client.post(
        f"/api/v1/matches/{m2.id}/decisions",
        headers=officer,
        json={"decision": "withdrawn", "note": "employer cancelled"},
    )
    assert r.status_code == 201, r.text
    after = demo_client.get(f"{PL}/{placement2['id']}", headers=officer).json()
    assert after["status"] == "withdrawn"
    assert _approved_now(demo_database, m2) == 0
    r = _move(demo_client, officer, placement2["id"], "selected", "contract_signed", 1)
    assert r.status_code == 409 and r.json()["errors"][0]["type"] == "placement_withdrawn"


# ---- races: threads with clients of their own, released together ----------------------------


def _race(database: Database, jobs: list[tuple[dict[str, str], str, dict[str, Any]]]) -> list:
    """POST every (headers, path, body) job at the same moment, each from a client of its own;
    (status, body) per job, in the jobs' order."""
    app = make_test_app(database)
    barrier = threading.Barrier(len(jobs))
    out: list[Any] = [None] * len(jobs)

    def go(i: int, headers: dict[str, str], path: str, body: dict[str, Any]) -> None:
        with TestClient(app, raise_server_exceptions=False) as c:
            barrier.wait()
            r = c.post(path, headers=headers, json=body)
            out[i] = (r.status_code, r.json())

    threads = [threading.Thread(target=go, args=(i, *job)) for i, job in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def test_concurrent_moves_never_move_a_worker_twice(demo_client, demo_database, demo_keys) -> None:
    officer = next(iter(demo_keys["officer"].values()))
    _, placement = _approved_placement(demo_client, demo_database, demo_keys, headcount=3)
    pid = placement["id"]
    body = {"to_stage": "selected", "count": 2, "on": TODAY}
    results = _race(demo_database, [(officer, f"{PL}/{pid}/moves", body)] * 3)
    assert sorted(status for status, _ in results) == [201, 409, 409], results
    after = demo_client.get(f"{PL}/{pid}", headers=officer).json()
    assert after["stages"]["selected"] == 2 and after["awaiting"] == 1


def test_concurrent_refusals_and_a_withdrawal_release_each_worker_once(
    demo_client, demo_database, demo_keys
) -> None:
    officer = next(iter(demo_keys["officer"].values()))
    m, placement = _approved_placement(demo_client, demo_database, demo_keys, headcount=4)
    pid = placement["id"]
    for source, to in ((None, "selected"), ("selected", "contract_signed")):
        assert _move(demo_client, officer, pid, source, to, 4).status_code == 201
    assert _move(demo_client, officer, pid, "contract_signed", "visa_applied", 4).status_code == 201
    refuse = {"from_stage": "visa_applied", "to_stage": "visa_refused", "count": 3, "on": TODAY}
    withdraw = {"decision": "withdrawn", "note": "the employer cancelled"}
    jobs = [
        (officer, f"{PL}/{pid}/moves", refuse),
        (officer, f"{PL}/{pid}/moves", refuse),
        (officer, f"/api/v1/matches/{m.id}/decisions", withdraw),
    ]
    results = _race(demo_database, jobs)
    assert all(status in (201, 409) for status, _ in results), results
    # Whatever the order, nothing is given back twice: the pair ends with nothing approved
    # (withdrawn), or with the one worker no refusal took (no withdrawal).
    withdrawn = results[2][0] == 201
    refused = [status for status, _ in results[:2]].count(201)
    assert refused <= 1
    assert _approved_now(demo_database, m) == (0 if withdrawn else 4 - 3 * refused)


def test_each_move_is_one_version_and_dropouts_before_selection_are_given_back(
    demo_client, demo_database, demo_keys
) -> None:
    officer = next(iter(demo_keys["officer"].values()))
    m, placement = _approved_placement(demo_client, demo_database, demo_keys, headcount=3)
    pid, version = placement["id"], placement["version"]
    r = _move(demo_client, officer, pid, None, "left_early", 1)  # dropped out before selection
    assert r.status_code == 201, r.text
    assert r.json()["version"] == version + 1 and r.json()["released"] == 1
    assert r.headers["ETag"] == f'"{version + 1}"'
    assert _approved_now(demo_database, m) == 2


def test_a_withdrawal_leaves_an_earlier_approval_that_was_given_back_alone(
    demo_client, demo_database, demo_keys
) -> None:
    officer = next(iter(demo_keys["officer"].values()))
    m, first = _approved_placement(demo_client, demo_database, demo_keys, headcount=2)
    for source, to in (
        (None, "selected"),
        ("selected", "contract_signed"),
        ("contract_signed", "visa_applied"),
        ("visa_applied", "visa_refused"),
    ):
        assert _move(demo_client, officer, first["id"], source, to, 2).status_code == 201
    # Nothing approved on the pair any more: it may be approved again, then withdrawn.
    url = f"/api/v1/matches/{m.id}/decisions"
    r = demo_client.post(url, headers=officer, json={"decision": "approved", "headcount": 1})
    assert r.status_code == 201, r.text
    r = demo_client.post(url, headers=officer, json={"decision": "withdrawn", "note": "no"})
    assert r.status_code == 201, r.text
    found = demo_client.get(PL, headers=officer, params={"vacancy_id": str(m.vacancy_id)})
    status = {p["id"]: p["status"] for p in found.json()["items"] if p["pool_id"] == str(m.pool_id)}
    assert status.pop(first["id"]) == "active"  # its refusals stay in the outcomes
    assert list(status.values()) == ["withdrawn"]
