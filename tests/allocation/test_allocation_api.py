"""Allocation plans over the API, on the demo data: plans that hold every constraint (checked
against the database independently of the service: the eligible pairs are the live rankings,
tests/market.py, the capacities are read from the tables), adoption, adoption that lost a
race, options, scope and access."""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit.models import AuditEvent
from app.db import Database
from app.decisions.models import Decision
from app.matches.ids import pair_id
from app.pathways.models import LegalPathway
from app.pools.models import Pool
from app.vacancies.models import Vacancy
from tests.allocation_check import Pair, Row, violations
from tests.conftest import make_test_app
from tests.market import eligible

URL = "/api/v1/allocation-plans"


def _key(demo_keys: dict[str, dict[str, str]], role: str) -> dict[str, str]:
    return next(iter(demo_keys[role].values()))


def _approved_by(s: Session) -> tuple[Counter[Any], Counter[Any], Counter[Any], Counter[Any]]:
    """Headcount approved now per vacancy, pool, (vacancy, pool) and (pathway, year):
    approvals less withdrawals (each withdrawal records what it releases)."""
    per_v: Counter[Any] = Counter()
    per_p: Counter[Any] = Counter()
    per_pair: Counter[Any] = Counter()
    per_q: Counter[Any] = Counter()
    approved = s.execute(
        select(
            Decision.vacancy_id,
            Decision.pool_id,
            Decision.pathway_code,
            Decision.quota_year,
            Decision.headcount,
            Decision.decision,
        ).where(Decision.decision.in_(["approved", "withdrawn"]))
    ).all()
    for v, p, code, year, n, kind in approved:
        n = n if kind == "approved" else -n
        per_v[v] += n
        per_p[p] += n
        per_pair[(v, p)] += n
        per_q[(code, year)] += n
    return per_v, per_p, per_pair, per_q


def _state(db: Database) -> dict[str, Any]:
    """What is left for allocation right now: the eligible pairs as ranked now (of open
    vacancies and active pools), the capacities read straight from the tables."""
    ranked = eligible(db)
    with db.session() as s:
        per_v, per_p, per_pair, per_q = _approved_by(s)
        vacancies = {v.id: v for v in s.scalars(select(Vacancy).where(Vacancy.status == "open"))}
        pools = {p.id: p for p in s.scalars(select(Pool).where(Pool.status == "active"))}
        rows = [(m, vacancies[m.vacancy_id], pools[m.pool_id]) for m in ranked]
        # A pair with workers approved now takes no other approval until it is withdrawn.
        pairs = [
            Pair(
                str(v.id),
                str(p.id),
                m.pathway_code,
                v.start_date.year,
                m.score,
                0 if per_pair[(v.id, p.id)] > 0 else m.eligible_headcount,
                p.origin_country,
                v.destination_country,
            )
            for m, v, p in rows
        ]
        openings = {str(v.id): v.openings - per_v[v.id] for _, v, _ in rows}
        pools = {str(p.id): p.headcount - per_p[p.id] for _, _, p in rows}
        years = {pr.year for pr in pairs}
        quotas = {
            (pw.code, y): pw.annual_quota - per_q[(pw.code, y)]
            for pw in s.scalars(select(LegalPathway).where(LegalPathway.annual_quota.is_not(None)))
            for y in years
        }
        destination = {str(v.id): v.destination_country for _, v, _ in rows}
    return {
        "pairs": pairs,
        "openings": openings,
        "pools": pools,
        "quotas": quotas,
        "destination": destination,
    }


def _rows(plan: dict[str, Any], state: dict[str, Any]) -> list[Row]:
    year = {(p.vacancy, p.pool): p.year for p in state["pairs"]}
    return [
        Row(
            a["vacancy_id"],
            a["pool_id"],
            a["pathway"],
            year.get((a["vacancy_id"], a["pool_id"]), -1),
            a["headcount"],
            a["score"],
        )
        for a in plan["assignments"]
    ]


def _violations(plan: dict[str, Any], state: dict[str, Any]) -> list[str]:
    return violations(
        state["pairs"],
        state["openings"],
        state["pools"],
        state["quotas"],
        _rows(plan, state),
        min_score=plan["min_score"],
        origin_cap=plan["origin_cap"],
    )


def _approved(db: Database, *where: Any) -> int:
    """Headcount approved now: approvals less withdrawals."""
    with db.session() as s:
        rows = s.execute(select(Decision.decision, Decision.headcount).where(*where)).all()
    return sum(n for d, n in rows if d == "approved") - sum(n for d, n in rows if d == "withdrawn")


def _count(db: Database, model: type, *where: Any) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _create(client: TestClient, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    r = client.post(URL, headers=headers, json=body)
    assert r.status_code == 201, r.text
    return r.json()


def test_demo_plan_is_at_least_greedy_and_holds_every_constraint(
    demo_client: TestClient,
    demo_database: Database,
    demo_keys: dict[str, dict[str, str]],
) -> None:
    officer = _key(demo_keys, "officer")
    state = _state(demo_database)
    plan = _create(demo_client, officer)
    assert plan["status"] == "proposed" and plan["solver_status"] == "optimal"
    assert plan["assignments"], "the demo data has eligible matches to allocate"
    assert plan["objective"] >= plan["greedy_objective"] - 1e-9
    assert plan["improvement"] == pytest.approx(plan["objective"] - plan["greedy_objective"])
    assert plan["gap"] is not None and plan["gap"] <= 1e-6
    assert plan["objective"] == pytest.approx(
        sum(a["score"] * a["headcount"] for a in plan["assignments"])
    )
    assert plan["headcount"] == sum(a["headcount"] for a in plan["assignments"])
    assert plan["greedy"]["objective"] == pytest.approx(plan["greedy_objective"])
    assert plan["pairs_considered"] > 0 and plan["source"] in {"milp", "lp", "greedy"}
    assert _violations(plan, state) == []
    # Read back, and listed.
    got = demo_client.get(f"{URL}/{plan['id']}", headers=officer)
    assert got.status_code == 200 and got.json() == plan
    listed = demo_client.get(URL, headers=officer).json()
    assert listed["total"] == 1 and listed["items"][0]["id"] == plan["id"]
    assert listed["items"][0]["assignment_count"] == len(plan["assignments"])
    # Audited.
    assert (
        _count(
            demo_database,
            AuditEvent,
            AuditEvent.entity_type == "allocation_plan",
            AuditEvent.action == "create",
            AuditEvent.entity_id == plan["id"],
        )
        == 1
    )


def test_origin_cap_and_min_score_on_demo_data(
    demo_client: TestClient,
    demo_database: Database,
    demo_keys: dict[str, dict[str, str]],
) -> None:
    officer = _key(demo_keys, "officer")
    state = _state(demo_database)
    plan = _create(demo_client, officer, origin_cap=0.5, min_score=0.5, time_limit_seconds=20)
    assert plan["origin_cap"] == 0.5 and plan["min_score"] == 0.5
    assert plan["objective"] >= plan["greedy_objective"] - 1e-9
    assert all(a["score"] >= 0.5 for a in plan["assignments"])
    assert _violations(plan, state) == []


def test_scope_narrows_the_plan_and_an_empty_scope_is_an_empty_plan(
    demo_client: TestClient,
    demo_database: Database,
    demo_keys: dict[str, dict[str, str]],
) -> None:
    officer = _key(demo_keys, "officer")
    state = _state(demo_database)
    full = _create(demo_client, officer)
    destination = state["destination"][full["assignments"][0]["vacancy_id"]]
    scoped = _create(demo_client, officer, scope={"destination": destination})
    assert scoped["assignments"]
    assert {state["destination"][a["vacancy_id"]] for a in scoped["assignments"]} == {destination}
    assert scoped["scope"] == {"destination": destination}
    pathway = full["assignments"][0]["pathway"]
    by_pathway = _create(demo_client, officer, scope={"pathway": pathway})
    assert {a["pathway"] for a in by_pathway["assignments"]} == {pathway}
    for scope in (
        {"pathway": "NO-SUCH-PATHWAY"},
        {"destination": "IS"},
        {"occupation_prefix": "0"},
    ):
        empty = _create(demo_client, officer, scope=scope)
        assert empty["assignments"] == [] and empty["objective"] == 0.0
        assert empty["greedy_objective"] == 0.0 and empty["solver_status"] == "optimal"
        assert empty["pairs_considered"] == 0


@pytest.mark.parametrize(
    "body, field",
    [
        ({"origin_cap": 0}, "body.origin_cap"),
        ({"origin_cap": 1.5}, "body.origin_cap"),
        ({"min_score": -0.1}, "body.min_score"),
        ({"min_score": 2}, "body.min_score"),
        ({"time_limit_seconds": 0}, "body.time_limit_seconds"),
        ({"time_limit_seconds": 500}, "body.time_limit_seconds"),
        ({"scope": {"destination": "XX"}}, "body.scope.destination"),
        ({"scope": {"occupation_prefix": "2a"}}, "body.scope.occupation_prefix"),
        ({"scope": {"region": "north"}}, "body.scope.region"),
    ],
)
def test_invalid_options_are_422_and_store_nothing(
    demo_client: TestClient,
    demo_database: Database,
    demo_keys: dict[str, dict[str, str]],
    body: dict[str, Any],
    field: str,
) -> None:
    from app.allocation.models import AllocationPlan

    r = demo_client.post(URL, headers=_key(demo_keys, "officer"), json=body)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["errors"][0]["field"] == field
    assert _count(demo_database, AllocationPlan) == 0


def test_only_officers_and_admins(
    demo_client: TestClient,
    demo_keys: dict[str, dict[str, str]],
) -> None:
    plan = _create(demo_client, _key(demo_keys, "admin"), scope={"destination": "IS"})
    for role in ("employer", "ministry"):
        headers = _key(demo_keys, role)
        assert demo_client.post(URL, headers=headers, json={}).status_code == 403
        assert demo_client.get(URL, headers=headers).status_code == 403
        assert demo_client.get(f"{URL}/{plan['id']}", headers=headers).status_code == 403
        assert demo_client.post(f"{URL}/{plan['id']}/adopt", headers=headers).status_code == 403
    assert demo_client.get(URL).status_code == 401
    officer = _key(demo_keys, "officer")
    missing = "00000000-0000-0000-0000-000000000000"
    assert demo_client.get(f"{URL}/{missing}", headers=officer).status_code == 404
    assert demo_client.post(f"{URL}/{missing}/adopt", headers=officer).status_code == 404


def test_adoption_records_the_approvals_and_moves_openings_and_quota(
    demo_client: TestClient,
    demo_database: Database,
    demo_keys: dict[str, dict[str, str]],
) -> None:
    officer = _key(demo_keys, "officer")
    plan = _create(demo_client, officer)
    assert _approved(demo_database) == 0
    r = demo_client.post(f"{URL}/{plan['id']}/adopt", headers=officer)
    assert r.status_code == 200, r.text
    adopted = r.json()
    assert adopted["status"] == "adopted" and adopted["adopted_by_id"]
    assert adopted["adopted_at"] and adopted["assignments"] == plan["assignments"]
    # One approval per assignment, with its headcount and pathway.
    with demo_database.session() as s:
        decisions = s.execute(
            select(
                Decision.vacancy_id,
                Decision.pool_id,
                Decision.pathway_code,
                Decision.headcount,
                Decision.decision,
            )
        ).all()
    assert sorted((str(v), str(p), c, n) for v, p, c, n, d in decisions if d == "approved") == (
        sorted(
            (a["vacancy_id"], a["pool_id"], a["pathway"], a["headcount"])
            for a in plan["assignments"]
        )
    )
    # Openings and quotas moved by exactly the plan.
    per_vacancy: Counter[str] = Counter()
    per_pathway: Counter[str] = Counter()
    for a in plan["assignments"]:
        per_vacancy[a["vacancy_id"]] += a["headcount"]
        per_pathway[a["pathway"]] += a["headcount"]
    for vid, n in per_vacancy.items():
        assert _approved(demo_database, Decision.vacancy_id == uuid.UUID(vid)) == n
    for code, n in per_pathway.items():
        assert _approved(demo_database, Decision.pathway_code == code) == n
    assert (
        _count(
            demo_database,
            AuditEvent,
            AuditEvent.entity_type == "allocation_plan",
            AuditEvent.action == "adopt",
            AuditEvent.entity_id == plan["id"],
        )
        == 1
    )
    # Adopting twice is refused; nothing more is recorded.
    again = demo_client.post(f"{URL}/{plan['id']}/adopt", headers=officer)
    assert again.status_code == 409 and again.json()["code"] == "plan_not_proposed"
    assert _approved(demo_database) == sum(per_vacancy.values())
    # A plan made now allocates only what is left, and still holds every constraint.
    state = _state(demo_database)
    later = _create(demo_client, officer)
    assert _violations(later, state) == []
    assert later["headcount"] <= sum(max(0, n) for n in state["openings"].values())


def _match_id(assignment: dict[str, Any]) -> str:
    """The id of an assignment's match: its pair's id (decided on or not)."""
    return str(pair_id(assignment["vacancy_id"], assignment["pool_id"]))


def _max_direct_approval(client: TestClient, headers: dict[str, str], match_id: str) -> int:
    """Approve as many workers on a match as its checks allow (each 409 names what is left)."""
    want = 1_000_000
    while want > 0:
        r = client.post(
            f"/api/v1/matches/{match_id}/decisions",
            headers=headers,
            json={"decision": "approved", "headcount": want},
        )
        if r.status_code == 201:
            return want
        assert r.status_code == 409, r.text
        want = min(want - 1, r.json().get("remaining", 0))
    return 0


def test_adoption_that_lost_a_race_is_409_and_records_nothing(
    demo_client: TestClient,
    demo_database: Database,
    demo_keys: dict[str, dict[str, str]],
) -> None:
    from app.allocation.models import AllocationPlan

    officer = _key(demo_keys, "officer")
    plan = _create(demo_client, officer)
    first = plan["assignments"][0]
    match_id = _match_id(first)
    # Another officer approves, directly, everything that pair can still take.
    taken = _max_direct_approval(demo_client, officer, match_id)
    assert taken >= first["headcount"]
    before = _count(demo_database, Decision)
    r = demo_client.post(f"{URL}/{plan['id']}/adopt", headers=officer)
    assert r.status_code == 409, r.text
    body = r.json()
    assert body["code"] == "plan_out_of_date"
    failed = {(f["vacancy_id"], f["pool_id"]) for f in body["failures"]}
    assert (first["vacancy_id"], first["pool_id"]) in failed
    assert all(
        f["code"]
        in {
            "openings_exhausted",
            "pool_exhausted",
            "quota_exhausted",
            "match_changed",
            "approved_match",
            "conflict",
        }
        for f in body["failures"]
    )
    # Nothing from the plan was recorded: only the direct approval is there.
    assert _count(demo_database, Decision) == before
    assert _approved(demo_database) == taken
    assert _count(demo_database, Decision, Decision.note.like("%allocation plan%")) == 0
    with demo_database.session() as s:
        assert s.get(AllocationPlan, uuid.UUID(plan["id"])).status == "proposed"
    assert _count(demo_database, AuditEvent, AuditEvent.action == "adopt") == 0


def test_a_plan_after_a_withdrawal_uses_the_released_capacity(
    demo_client: TestClient,
    demo_database: Database,
    demo_keys: dict[str, dict[str, str]],
) -> None:
    officer = _key(demo_keys, "officer")
    first = _create(demo_client, officer)
    assert demo_client.post(f"{URL}/{first['id']}/adopt", headers=officer).status_code == 200
    # What a plan finds once the first one is adopted ...
    before = _create(demo_client, officer)
    assert before["solver_status"] == "optimal"
    # ... and after one of the adopted approvals is withdrawn.
    taken = max(first["assignments"], key=lambda a: (a["score"] * a["headcount"], a["pool_id"]))
    r = demo_client.post(
        f"/api/v1/matches/{_match_id(taken)}/decisions",
        headers=officer,
        json={"decision": "withdrawn", "note": "the employer cut the openings"},
    )
    assert r.status_code == 201, r.text
    assert r.json()["headcount"] == taken["headcount"]
    state = _state(demo_database)
    after = _create(demo_client, officer)
    assert after["solver_status"] == "optimal"
    assert _violations(after, state) == []
    # The release is the withdrawn pair's openings, pool headcount and quota: giving the pair
    # its workers back is feasible again, so the optimum gains at least that much.
    gain = taken["score"] * taken["headcount"]
    assert after["objective"] >= before["objective"] + gain - 1e-6, (before, after, taken)
    # And the plan can be adopted: the released capacity is really there.
    r = demo_client.post(f"{URL}/{after['id']}/adopt", headers=officer)
    assert r.status_code == 200, r.text
    with demo_database.session() as s:
        per_v, per_p, _, per_q = _approved_by(s)
        openings = {v: n for v, n in s.execute(select(Vacancy.id, Vacancy.openings))}
        headcount = {p: n for p, n in s.execute(select(Pool.id, Pool.headcount))}
        quotas = {
            p.code: p.annual_quota
            for p in s.scalars(select(LegalPathway).where(LegalPathway.annual_quota.is_not(None)))
        }
    assert all(n <= openings[v] for v, n in per_v.items())
    assert all(n <= headcount[p] for p, n in per_p.items())
    assert all(n <= quotas[code] for (code, _), n in per_q.items() if code in quotas)


def test_adoption_refuses_a_pair_approved_now_and_plans_leave_it_out(
    demo_client: TestClient,
    demo_database: Database,
    demo_keys: dict[str, dict[str, str]],
) -> None:
    from app.allocation.models import AllocationPlan

    officer = _key(demo_keys, "officer")
    plan = _create(demo_client, officer)
    first = plan["assignments"][0]
    match_id = _match_id(first)
    # One worker approved directly on a pair of the plan: the pair is approved now.
    r = demo_client.post(
        f"/api/v1/matches/{match_id}/decisions",
        headers=officer,
        json={"decision": "approved", "headcount": 1},
    )
    assert r.status_code == 201, r.text
    before = _count(demo_database, Decision)
    r = demo_client.post(f"{URL}/{plan['id']}/adopt", headers=officer)
    assert r.status_code == 409, r.text
    body = r.json()
    assert body["code"] == "plan_out_of_date"
    refused = [
        f
        for f in body["failures"]
        if (f["vacancy_id"], f["pool_id"]) == (first["vacancy_id"], first["pool_id"])
    ]
    assert [f["code"] for f in refused] == ["approved_match"], body["failures"]
    assert refused[0]["headcount"] == first["headcount"] and "withdraw" in refused[0]["detail"]
    # Nothing from the plan was recorded.
    assert _count(demo_database, Decision) == before
    with demo_database.session() as s:
        assert s.get(AllocationPlan, uuid.UUID(plan["id"])).status == "proposed"
    # A plan made now leaves the approved pair out ...
    pair = (first["vacancy_id"], first["pool_id"])
    later = _create(demo_client, officer)
    assert pair not in {(a["vacancy_id"], a["pool_id"]) for a in later["assignments"]}
    assert later["pairs_considered"] < plan["pairs_considered"]
    assert _violations(later, _state(demo_database)) == []
    # ... and once the approval is withdrawn, everything is as before it: the same plan.
    r = demo_client.post(
        f"/api/v1/matches/{match_id}/decisions",
        headers=officer,
        json={"decision": "withdrawn", "note": "approved by mistake"},
    )
    assert r.status_code == 201, r.text
    again = _create(demo_client, officer)
    assert again["pairs_considered"] == plan["pairs_considered"]
    assert again["objective"] == pytest.approx(plan["objective"])


def test_adoption_racing_approvals_never_exceeds_any_limit(
    demo_database: Database,
    demo_keys: dict[str, dict[str, str]],
) -> None:
    officer = _key(demo_keys, "officer")
    app = make_test_app(demo_database)
    with TestClient(app, raise_server_exceptions=False) as c:
        plan = _create(c, officer)
    state = _state(demo_database)
    match_ids = [_match_id(a) for a in plan["assignments"][:3]]
    heads = [a["headcount"] for a in plan["assignments"][:3]]
    barrier = threading.Barrier(1 + len(match_ids))
    codes: dict[str, int] = {}
    lock = threading.Lock()

    def adopt() -> None:
        with TestClient(app, raise_server_exceptions=False) as c:
            barrier.wait()
            r = c.post(f"{URL}/{plan['id']}/adopt", headers=officer)
            with lock:
                codes["adopt"] = r.status_code

    def approve(i: int) -> None:
        with TestClient(app, raise_server_exceptions=False) as c:
            barrier.wait()
            r = c.post(
                f"/api/v1/matches/{match_ids[i]}/decisions",
                headers=officer,
                json={"decision": "approved", "headcount": heads[i]},
            )
            with lock:
                codes[f"approve{i}"] = r.status_code

    threads = [threading.Thread(target=adopt)] + [
        threading.Thread(target=approve, args=(i,)) for i in range(len(match_ids))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert codes["adopt"] in (200, 409), codes
    assert all(codes[f"approve{i}"] in (201, 409) for i in range(len(match_ids))), codes
    plan_approvals = _count(demo_database, Decision, Decision.note.like("%allocation plan%"))
    assert plan_approvals == (len(plan["assignments"]) if codes["adopt"] == 200 else 0)
    # Whatever the interleaving, no limit known before the race is exceeded.
    with demo_database.session() as s:
        per_v, per_p, _, per_q = _approved_by(s)
    assert all(n <= state["openings"][str(v)] for v, n in per_v.items())
    assert all(n <= state["pools"][str(p)] for p, n in per_p.items())
    assert all(n <= state["quotas"][k] for k, n in per_q.items() if k in state["quotas"])
