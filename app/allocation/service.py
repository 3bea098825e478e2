"""Allocation plans (design section 6): build the integer programme from the stored eligible
matches of a scope, solve it (matching.allocation), store the plan, and adopt it.

Capacities are what is left at planning time: vacancy openings less approved headcount, pool
headcount less approved headcount on the pool, the pair's eligible headcount, and each
pathway's quota left for the vacancy's start year; the same quantities app.reviews.service
checks an approval against. "Approved" is always approvals less withdrawals
(reviews.approved_totals), so a withdrawal's release is there for the next plan. A pair with
workers approved now is left out: it takes no other approval until it is withdrawn. Adoption
records one approval per assignment through app.reviews.service.approve (same checks, same
locks), all in the request's transaction: if any assignment no longer fits (an approved pair
included, code `approved_match`), a 409 lists them and nothing is recorded.

Solver details that have no column of their own (dual bound, which computation gave the plan,
solver message and time, pairs considered, the greedy plan's size) are kept in the plan's
`options` JSON under "report", beside the options themselves.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.allocation.models import AllocationAssignment, AllocationPlan
from app.allocation.schemas import PlanIn, PlanScope
from app.audit.service import record
from app.auth.principal import Principal
from app.config import Settings
from app.db import utcnow
from app.errors import NotFound, ProblemError, invalid
from app.matches import adapters
from app.matches.models import Match
from app.pathways.models import LegalPathway
from app.pools.models import Pool
from app.reviews import service as reviews
from app.reviews.models import Decision
from app.vacancies.models import Vacancy
from matching.allocation import (
    AllocationOptions,
    AllocationPair,
    AllocationProblem,
    AllocationResult,
    allocate,
)

ENTITY = "allocation_plan"


# ---- building the problem --------------------------------------------------------------------


def build_problem(session: Session, scope: PlanScope, min_score: float) -> AllocationProblem:
    """The allocation problem of a scope, from the stored eligible matches."""
    stmt = (
        select(
            Match.vacancy_id,
            Match.pool_id,
            Match.pathway_code,
            Match.score,
            Match.eligible_headcount,
            Pool.origin_country,
            Vacancy.destination_country,
            Vacancy.start_date,
            Vacancy.openings,
            Pool.headcount,
        )
        .join(Vacancy, Vacancy.id == Match.vacancy_id)
        .join(Pool, Pool.id == Match.pool_id)
        .where(
            Match.eligible.is_(True),
            Match.pathway_code.is_not(None),
            Match.score >= min_score,
            Vacancy.status == "open",
            Pool.status == "active",
        )
    )
    if scope.destination:
        stmt = stmt.where(Vacancy.destination_country == scope.destination)
    if scope.origin:
        stmt = stmt.where(Pool.origin_country == scope.origin)
    if scope.occupation_prefix:
        stmt = stmt.where(Vacancy.occupation_code.startswith(scope.occupation_prefix))
    if scope.pathway:
        stmt = stmt.where(Match.pathway_code == scope.pathway)
    rows = session.execute(stmt.order_by(Match.vacancy_id, Match.pool_id)).all()

    by_vacancy = reviews.approved_totals(session, Decision.vacancy_id)
    by_pool = reviews.approved_totals(session, Decision.pool_id)
    by_pair = reviews.approved_totals(session, Decision.vacancy_id, Decision.pool_id)
    openings: dict[uuid.UUID, int] = {}
    pool_left: dict[uuid.UUID, int] = {}
    pairs: list[AllocationPair] = []
    for vid, pid, code, score, eligible, origin, dest, start, vac_openings, pool_hc in rows:
        if by_pair.get((vid, pid), 0) > 0:
            continue  # approved now: adoption would refuse it (approved_match)
        openings[vid] = vac_openings - by_vacancy.get((vid,), 0)
        pool_left[pid] = pool_hc - by_pool.get((pid,), 0)
        pairs.append(
            adapters.allocation_pair(
                vid,
                pid,
                code,
                score,
                eligible,
                origin,
                dest,
                start.year,
            )
        )
    quotas: dict[tuple[str, int], int] = {}
    codes = sorted({p.pathway for p in pairs})
    pathways = {
        p.code: p for p in session.scalars(select(LegalPathway).where(LegalPathway.code.in_(codes)))
    }
    for code, year in sorted({p.quota_key for p in pairs}):
        left = reviews.quota_left(session, pathways[code], year) if code in pathways else 0
        if left is not None:
            quotas[(code, year)] = left
    return adapters.allocation_problem(pairs, openings, pool_left, quotas)


# ---- plans -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlanView:
    plan: AllocationPlan
    assignments: list[AllocationAssignment]


def _report(result: AllocationResult) -> dict[str, Any]:
    return {
        "dual_bound": result.dual_bound,
        "source": result.source,
        "message": result.message,
        "solve_seconds": round(result.solve_seconds, 3),
        "pairs": result.pairs,
        "greedy": {
            "objective": result.greedy_objective,
            "assignments": len(result.greedy_assignments),
            "headcount": sum(a.headcount for a in result.greedy_assignments),
        },
    }


def create_plan(session: Session, principal: Principal, data: PlanIn) -> PlanView:
    """Solve the allocation of a scope and store it as a proposed plan. CPU-bound: call it
    from a sync route (FastAPI runs those in its thread pool)."""
    options = AllocationOptions(
        min_score=data.min_score, origin_cap=data.origin_cap, time_limit=data.time_limit_seconds
    )
    try:
        options.validate()
    except ValueError as exc:  # the schema's bounds catch these first; kept as a backstop
        raise invalid([{"field": "body", "message": str(exc), "type": "value_error"}]) from exc
    problem = build_problem(session, data.scope, data.min_score)
    result = allocate(problem, options)
    plan = AllocationPlan(
        scope=data.scope.model_dump(exclude_none=True),
        options={
            "min_score": data.min_score,
            "origin_cap": data.origin_cap,
            "time_limit_seconds": data.time_limit_seconds,
            "report": _report(result),
        },
        solver_status=result.status.value,
        objective=result.objective,
        greedy_objective=result.greedy_objective,
        gap=result.gap,
        status="proposed",
        created_by_id=principal.user_id,
    )
    session.add(plan)
    session.flush()
    rows = [
        AllocationAssignment(
            plan_id=plan.id,
            vacancy_id=uuid.UUID(a.vacancy_id),
            pool_id=uuid.UUID(a.pool_id),
            pathway_code=a.pathway,
            headcount=a.headcount,
            score=a.score,
        )
        for a in result.assignments
    ]
    session.add_all(rows)
    session.flush()
    record(session, principal, "create", ENTITY, plan.id, None, _audited(plan, rows))
    return PlanView(plan, _ordered(rows))


def _audited(plan: AllocationPlan, rows: Sequence[AllocationAssignment]) -> dict[str, Any]:
    return {
        "status": plan.status,
        "scope": plan.scope,
        "solver_status": plan.solver_status,
        "objective": plan.objective,
        "greedy_objective": plan.greedy_objective,
        "assignments": len(rows),
        "headcount": sum(r.headcount for r in rows),
    }


def _ordered(rows: Sequence[AllocationAssignment]) -> list[AllocationAssignment]:
    return sorted(rows, key=lambda r: (str(r.vacancy_id), str(r.pool_id)))


def _assignments(session: Session, plan_id: uuid.UUID) -> list[AllocationAssignment]:
    return _ordered(
        session.scalars(
            select(AllocationAssignment).where(AllocationAssignment.plan_id == plan_id)
        ).all()
    )


def get_plan(session: Session, plan_id: uuid.UUID) -> PlanView:
    plan = session.get(AllocationPlan, plan_id)
    if plan is None:
        raise NotFound("Allocation plan", plan_id)
    return PlanView(plan, _assignments(session, plan.id))


def list_plans(
    session: Session, *, status: str | None, limit: int, offset: int
) -> tuple[list[tuple[AllocationPlan, int, int]], int]:
    """Plans newest first, each with its number of assignments and total headcount."""
    stmt = select(AllocationPlan)
    if status:
        stmt = stmt.where(AllocationPlan.status == status)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    plans = session.scalars(
        stmt.order_by(AllocationPlan.created_at.desc(), AllocationPlan.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    sizes = {
        pid: (int(n), int(h or 0))
        for pid, n, h in session.execute(
            select(
                AllocationAssignment.plan_id,
                func.count(),
                func.sum(AllocationAssignment.headcount),
            )
            .where(AllocationAssignment.plan_id.in_([p.id for p in plans]))
            .group_by(AllocationAssignment.plan_id)
        )
    }
    return [(p, *sizes.get(p.id, (0, 0))) for p in plans], total


# ---- adoption --------------------------------------------------------------------------------


def _lock_plan(session: Session, plan_id: uuid.UUID) -> AllocationPlan:
    """The plan, write-locked for the rest of the transaction (so that two officers cannot
    adopt it twice), read fresh after the lock."""
    if session.get_bind().dialect.name == "postgresql":
        stmt = select(AllocationPlan).where(AllocationPlan.id == plan_id).with_for_update()
    else:
        # SQLite has no row locks: a no-op UPDATE takes the database write lock.
        session.execute(
            update(AllocationPlan)
            .where(AllocationPlan.id == plan_id)
            .values(status=AllocationPlan.status)
        )
        stmt = select(AllocationPlan).where(AllocationPlan.id == plan_id)
    plan = session.scalar(stmt.execution_options(populate_existing=True))
    if plan is None:
        raise NotFound("Allocation plan", plan_id)
    return plan


def _fresh(session: Session, model: type, ids: set[uuid.UUID]) -> dict[uuid.UUID, Any]:
    rows = session.scalars(
        select(model).where(model.id.in_(sorted(ids))).execution_options(populate_existing=True)
    )
    return {r.id: r for r in rows}


def adopt(
    session: Session, settings: Settings, principal: Principal, plan_id: uuid.UUID
) -> PlanView:
    """Record an approval for every assignment of a proposed plan, checked against quotas,
    openings and pool headcount as they are now; all or nothing."""
    plan = _lock_plan(session, plan_id)
    if plan.status != "proposed":
        raise ProblemError(
            409,
            f"The plan is {plan.status}; only a proposed plan can be adopted.",
            code="plan_not_proposed",
        )
    rows = _assignments(session, plan.id)
    codes = sorted({a.pathway_code for a in rows})
    pathways = session.scalars(select(LegalPathway).where(LegalPathway.code.in_(codes))).all()
    vacancy_ids = {a.vacancy_id for a in rows}
    pool_ids = {a.pool_id for a in rows}
    # Every lock the approvals need, up front and in the order single approvals take them,
    # so that an adoption and approvals racing it serialise instead of deadlocking.
    reviews.lock_for_approvals(session, [p.id for p in pathways], vacancy_ids, pool_ids)
    # Read after the locks: what others committed before we got them counts.
    vacancies = _fresh(session, Vacancy, vacancy_ids)
    pools = _fresh(session, Pool, pool_ids)
    matches = {
        (m.vacancy_id, m.pool_id): m
        for m in session.scalars(
            select(Match)
            .where(Match.vacancy_id.in_(sorted(vacancy_ids)), Match.pool_id.in_(sorted(pool_ids)))
            .execution_options(populate_existing=True)
        )
    }
    failures: list[dict[str, Any]] = []
    recorded: list[Decision] = []
    note = f"Adopted from allocation plan {plan.id}."

    def fail(a: AllocationAssignment, code: str, detail: str, remaining: int | None) -> None:
        failures.append(
            {
                "vacancy_id": str(a.vacancy_id),
                "pool_id": str(a.pool_id),
                "pathway": a.pathway_code,
                "headcount": a.headcount,
                "code": code,
                "detail": detail,
                "remaining": remaining,
            }
        )

    for a in rows:
        match = matches.get((a.vacancy_id, a.pool_id))
        if match is None or not match.eligible or match.pathway_code != a.pathway_code:
            now = (
                "no longer eligible"
                if match is None or not match.eligible
                else (f"now under pathway {match.pathway_code}")
            )
            fail(a, "match_changed", f"The pair is {now}.", None)
            continue
        try:
            approved = reviews.approve(
                session,
                principal,
                match,
                vacancies[a.vacancy_id],
                pools[a.pool_id],
                a.headcount,
                note,
            )
        except ProblemError as exc:
            # Checks run before anything is written, so a refused assignment left nothing
            # behind; go on to report every assignment that no longer fits.
            fail(a, str(exc.extra.get("code", "conflict")), exc.detail, exc.extra.get("remaining"))
        else:
            recorded.append(approved)
    if failures:
        # Raising makes the request boundary roll back the approvals already flushed.
        raise ProblemError(
            409,
            f"{len(failures)} of {len(rows)} assignments no longer fit quotas, openings or "
            "pool headcount as they are now; nothing was recorded. Create a new plan.",
            title="Plan out of date",
            code="plan_out_of_date",
            failures=failures,
        )
    plan.status = "adopted"
    plan.adopted_by_id = principal.user_id
    plan.adopted_at = utcnow()
    if rows:
        reviews.rerank_after_approvals(
            session, settings, list(vacancies.values()), list(pools.values()), recorded
        )
    record(
        session,
        principal,
        "adopt",
        ENTITY,
        plan.id,
        {"status": "proposed"},
        {
            "status": "adopted",
            "approvals": len(rows),
            "headcount": sum(a.headcount for a in rows),
        },
    )
    session.flush()
    return PlanView(plan, rows)
