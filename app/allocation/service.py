"""Allocation plans (design section 6): build the integer programme from the engine's rankings
of a scope's open vacancies, solve it (matching.allocation), store the plan, and adopt it.

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

Pairs: by default the live ranking of the scope's open vacancies, in the request. At a national
scale that is too slow for a request: a plan can take a batch run's stored pairs instead
(`batch_run_id`, `imdi batch-rank`): each vacancy's first PAIRS_PER_VACANCY, of the vacancies
still open and pools still active, with the same filters; the capacities and quotas are read
now all the same, and adoption checks every pair again. The run (id, as of, change number, top
k, engine version, weights hash, scope) is kept in `options` under "batch_run". The plan's
scope must lie within the run's: a run of Germany's vacancies has no pairs for Spain's, and a
plan silently empty there would say otherwise.
"""

from __future__ import annotations

import hashlib
import math
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.allocation.models import AllocationAssignment, AllocationPlan
from app.allocation.schemas import PlanIn, PlanScope
from app.audit.service import record
from app.batch import service as batch
from app.batch.service import RunPair, Scope
from app.common.principal import Principal
from app.config import Settings
from app.db import as_utc, in_chunks, settings_of, utcnow
from app.decisions.models import Decision
from app.decisions.totals import approved_headcount
from app.errors import NotFound, ProblemError, invalid
from app.matches import adapters
from app.matches import service as matches
from app.matches.adapters import (
    AllocationOptions,
    AllocationPair,
    AllocationProblem,
    AllocationResult,
    allocate,
)
from app.pathways.models import LegalPathway
from app.pools.models import Pool, PoolStatus
from app.reviews import service as reviews
from app.vacancies.models import Vacancy

ENTITY = "allocation_plan"


# ---- building the problem --------------------------------------------------------------------


#: Pairs per vacancy the problem takes: its best eligible ones, as ranked. Pools beyond a
#: vacancy's best hundred add variables, not better plans: the plan for 9,224 vacancies of
#: bench_service's database had the same optimum with 50, 100 and 200 (and 19 s of solving
#: at 200, 11 s at 100, 6 s at 50); 100 keeps room for pools many vacancies want.
PAIRS_PER_VACANCY = 100


def build_problem(
    session: Session,
    settings: Settings,
    scope: PlanScope,
    min_score: float,
    *,
    batch_run_id: uuid.UUID | None = None,
) -> AllocationProblem:
    """The allocation problem of a scope, from the engine's rankings of its open vacancies
    (one state of the live market, read in batch), or from batch run `batch_run_id`'s stored
    pairs (a usable run: create_plan checks it)."""
    stmt = select(Vacancy.id, Vacancy.openings).where(Vacancy.status == "open")
    if scope.destination:
        stmt = stmt.where(Vacancy.destination_country == scope.destination)
    if scope.occupation_prefix:
        stmt = stmt.where(Vacancy.occupation_code.startswith(scope.occupation_prefix))
    vac_openings = dict(session.execute(stmt.order_by(Vacancy.id)).all())
    ranked: Iterable[matches.PairFigures | RunPair]
    if batch_run_id is None:
        ranked = (
            m
            for _, pairs in matches.pair_figures(
                session, settings, list(vac_openings), k=PAIRS_PER_VACANCY
            )
            for m in pairs
        )
    else:
        # The run's ranks are the live ranking's order, so its first PAIRS_PER_VACANCY are
        # the pairs a live plan takes (when the run kept that many).
        ranked = (
            p
            for p in batch.run_pairs(session, batch_run_id, max_rank=PAIRS_PER_VACANCY)
            if p.vacancy_id in vac_openings
        )
    found = [
        m
        for m in ranked
        if m.pathway_code is not None
        and m.score >= min_score
        and (not scope.pathway or m.pathway_code == scope.pathway)
    ]
    pools: dict[uuid.UUID, tuple[str, int]] = {}
    pool_ids = sorted({m.pool_id for m in found})
    for chunk in in_chunks(pool_ids):
        pool_stmt = select(Pool.id, Pool.origin_country, Pool.headcount).where(Pool.id.in_(chunk))
        if batch_run_id is not None:
            # The live market holds active pools only; a run's may have been withdrawn since.
            pool_stmt = pool_stmt.where(Pool.status == PoolStatus.ACTIVE)
        pools.update({pid: (origin, hc) for pid, origin, hc in session.execute(pool_stmt)})
    if batch_run_id is not None:
        found = [m for m in found if m.pool_id in pools]
    vacancies = {
        v.id: v
        for v in session.execute(
            select(Vacancy.id, Vacancy.destination_country, Vacancy.start_date).where(
                Vacancy.id.in_(sorted({m.vacancy_id for m in found}))
            )
        )
    }
    by_vacancy = reviews.approved_totals(session, Decision.vacancy_id)
    by_pool = reviews.approved_totals(session, Decision.pool_id)
    by_pair = reviews.approved_totals(session, Decision.vacancy_id, Decision.pool_id)
    openings: dict[uuid.UUID, int] = {}
    pool_left: dict[uuid.UUID, int] = {}
    pairs: list[AllocationPair] = []
    for m in sorted(found, key=lambda m: (m.vacancy_id, m.pool_id)):
        vid, pid, pathway = m.vacancy_id, m.pool_id, m.pathway_code
        if pathway is None:
            continue  # never: found keeps eligible pairs only (this narrows the type)
        origin, pool_hc = pools[pid]
        if scope.origin and origin != scope.origin:
            continue
        if by_pair.get((vid, pid), 0) > 0:
            continue  # approved now: adoption would refuse it (approved_match)
        openings[vid] = vac_openings[vid] - by_vacancy.get((vid,), 0)
        pool_left[pid] = pool_hc - by_pool.get((pid,), 0)
        v = vacancies[vid]
        pairs.append(
            adapters.allocation_pair(
                vid,
                pid,
                pathway,
                m.score,
                m.eligible_headcount,
                origin,
                v.destination_country,
                v.start_date.year,
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


def usable_run(session: Session, run_id: uuid.UUID, scope: PlanScope) -> dict[str, Any]:
    """The batch run a plan is built from, as the plan keeps it (options["batch_run"]); a 422
    when its pairs cannot be read or the plan's scope reaches outside the run's."""
    try:
        run = batch.usable_run(session, run_id)
    except ProblemError as exc:
        kind = "unknown_batch_run" if exc.status == 404 else "unusable_batch_run"
        raise invalid(
            [{"field": "body.batch_run_id", "message": exc.detail, "type": kind}]
        ) from None
    covers = Scope.of(run.scope)
    outside = []
    for name, value in (("destination", covers.destination), ("origin", covers.origin)):
        if value is not None and getattr(scope, name) != value:
            outside.append((name, f"the batch run covers {name} {value} only: set {name} {value}"))
    prefix = covers.occupation_prefix
    if prefix is not None and not (scope.occupation_prefix or "").startswith(prefix):
        outside.append(
            (
                "occupation_prefix",
                f"the batch run covers occupations {prefix}* only: set a prefix starting "
                f"with {prefix}",
            )
        )
    if outside:
        raise invalid(
            [
                {"field": f"body.scope.{name}", "message": message, "type": "outside_batch_run"}
                for name, message in outside
            ]
        )
    return {
        "id": str(run.id),
        "as_of": as_utc(run.finished_at or run.started_at).isoformat(),
        "change_seq": run.change_seq,
        "top_k": run.top_k,
        "engine_version": run.engine_version,
        "weights_hash": run.weights_hash,
        "scope": covers.as_dict(),
    }


def batch_run_of(plan: AllocationPlan) -> dict[str, Any] | None:
    """The batch run the plan was built from (usable_run's record); None: the live ranking."""
    found = (plan.options or {}).get("batch_run")
    return dict(found) if isinstance(found, dict) else None


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
    run = None if data.batch_run_id is None else usable_run(session, data.batch_run_id, data.scope)
    problem = build_problem(
        session, settings_of(session), data.scope, data.min_score, batch_run_id=data.batch_run_id
    )
    result = allocate(problem, options)
    plan = AllocationPlan(
        scope=data.scope.model_dump(exclude_none=True),
        options={
            "min_score": data.min_score,
            "origin_cap": data.origin_cap,
            "time_limit_seconds": data.time_limit_seconds,
            "report": _report(result),
            **({} if run is None else {"batch_run": run}),
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
    run = batch_run_of(plan)
    return {
        "status": plan.status,
        "scope": plan.scope,
        **({} if run is None else {"batch_run_id": run["id"]}),
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


def export_plans(session: Session, *, status: str | None) -> list[tuple[Any, ...]]:
    """Every plan list_plans would page through, in its order (newest first), as tuples of
    the plan's columns (id, status, scope, options, solver_status, objective,
    greedy_objective, gap, created_by_id, created_at, adopted_by_id, adopted_at) and its
    number of assignments and total headcount: one query, no objects."""
    sizes = (
        select(
            AllocationAssignment.plan_id,
            func.count().label("n"),
            func.sum(AllocationAssignment.headcount).label("headcount"),
        )
        .group_by(AllocationAssignment.plan_id)
        .subquery()
    )
    stmt = select(
        AllocationPlan.id,
        AllocationPlan.status,
        AllocationPlan.scope,
        AllocationPlan.options,
        AllocationPlan.solver_status,
        AllocationPlan.objective,
        AllocationPlan.greedy_objective,
        AllocationPlan.gap,
        AllocationPlan.created_by_id,
        AllocationPlan.created_at,
        AllocationPlan.adopted_by_id,
        AllocationPlan.adopted_at,
        func.coalesce(sizes.c.n, 0),
        func.coalesce(sizes.c.headcount, 0),
    ).outerjoin(sizes, sizes.c.plan_id == AllocationPlan.id)
    if status:
        stmt = stmt.where(AllocationPlan.status == status)
    stmt = stmt.order_by(AllocationPlan.created_at.desc(), AllocationPlan.id.desc())
    return [tuple(row) for row in session.execute(stmt)]


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


_Row = TypeVar("_Row", Vacancy, Pool)


def _fresh(session: Session, model: type[_Row], ids: set[uuid.UUID]) -> dict[uuid.UUID, _Row]:
    rows = session.scalars(
        select(model).where(model.id.in_(sorted(ids))).execution_options(populate_existing=True)
    )
    return {r.id: r for r in rows}


def _require_proposed(plan: AllocationPlan, doing: str) -> None:
    if plan.status != "proposed":
        raise ProblemError(
            409,
            f"The plan is {plan.status}; only a proposed plan can be {doing}.",
            code="plan_not_proposed",
        )


def lines_digest(assignment_ids: Iterable[uuid.UUID]) -> str:
    """One value naming a set of plan lines: what a confirmation form carries, whatever the
    plan's size (a field per line would outgrow a form's limits)."""
    joined = "\n".join(sorted(str(i) for i in assignment_ids))
    return hashlib.sha256(joined.encode()).hexdigest()


def adopt(
    session: Session,
    settings: Settings,
    principal: Principal,
    plan_id: uuid.UUID,
    expected: str | None = None,
) -> PlanView:
    """Record an approval for every assignment of a proposed plan, checked against quotas,
    openings and pool headcount as they are now; all or nothing. `expected`: lines_digest of
    the assignments the adopter confirmed (the web's confirmation page); if the plan's lines
    are no longer exactly those (one was removed since), nothing is recorded (409
    plan_changed)."""
    plan = _lock_plan(session, plan_id)
    _require_proposed(plan, "adopted")
    rows = _assignments(session, plan.id)
    if expected is not None and lines_digest(a.id for a in rows) != expected:
        raise ProblemError(
            409,
            "The plan's lines changed after the confirmation was shown; nothing was recorded. "
            "Check what will be approved again.",
            code="plan_changed",
        )
    vacancies = _fresh(session, Vacancy, {a.vacancy_id for a in rows})
    pools = _fresh(session, Pool, {a.pool_id for a in rows})
    # Every lock the approvals need, up front and in the order single approvals take them,
    # so that an adoption and approvals racing it serialise instead of deadlocking; what
    # others committed before we got them counts (lock_pairs re-reads the rows).
    matches.market(session, settings)  # caught up before the locks, not while holding them
    reviews.lock_pairs(session, list(vacancies.values()), list(pools.values()))
    # What is approved on them, read once under the locks; each approval below keeps it current.
    tally = reviews.Tally.read(session, vacancies.values(), pools.values())
    # Every pair scored now, under the locks, in one batch (one context for all), and the
    # match rows the pairs have (most have none), read at once.
    scored = matches.evaluate(
        session, settings, [(vacancies[a.vacancy_id], pools[a.pool_id]) for a in rows]
    )
    stored = matches.stored_many(session, (m.id for m in scored.values()))
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
        match = scored.get((a.vacancy_id, a.pool_id))
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
                tally,
                stored,
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


# ---- editing a proposed plan -----------------------------------------------------------------


def line_of(a: AllocationAssignment) -> dict[str, Any]:
    """An assignment as the plan stores a removed one (and the audit log shows it)."""
    return {
        "id": str(a.id),
        "vacancy_id": str(a.vacancy_id),
        "pool_id": str(a.pool_id),
        "pathway": a.pathway_code,
        "headcount": a.headcount,
        "score": a.score,
    }


def remove_assignment(
    session: Session, principal: Principal, plan_id: uuid.UUID, assignment_id: uuid.UUID
) -> PlanView:
    """Take one line out of a proposed plan before adoption (an officer who will not approve
    that pair), audited. The line is deleted, so adoption records only the remaining ones; the
    plan keeps what was removed, by whom and when, in options["removed"], and its objective
    becomes the remaining lines' (the solver's figures stay in options["report"])."""
    plan = _lock_plan(session, plan_id)
    _require_proposed(plan, "changed")
    row = session.get(AllocationAssignment, assignment_id)
    if row is None or row.plan_id != plan.id:
        raise NotFound("Assignment", assignment_id)
    rows = _assignments(session, plan.id)
    before = {"assignments": len(rows), "headcount": sum(a.headcount for a in rows)}
    line = line_of(row)
    options = dict(plan.options or {})  # a new dict: the JSON column sees a new value
    options["removed"] = [
        *options.get("removed", []),
        {**line, "removed_by_id": str(principal.user_id), "removed_at": utcnow().isoformat()},
    ]
    plan.options = options
    session.delete(row)
    remaining = [a for a in rows if a.id != row.id]
    # The plan's objective is its lines' sum of score times headcount, as the solver's was.
    plan.objective = math.fsum(a.score * a.headcount for a in remaining)
    session.flush()
    record(
        session,
        principal,
        "remove_assignment",
        ENTITY,
        plan.id,
        before,
        {
            "assignments": len(remaining),
            "headcount": sum(a.headcount for a in remaining),
            "removed": line,
        },
    )
    return PlanView(plan, remaining)


def plan_headers(
    session: Session, ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, tuple[datetime, dict[str, Any]]]:
    """id -> (created at, scope) of these plans (one query; the audit log names plans so)."""
    rows = session.execute(
        select(AllocationPlan.id, AllocationPlan.created_at, AllocationPlan.scope).where(
            AllocationPlan.id.in_(sorted(set(ids)))
        )
    )
    return {i: (created_at, scope or {}) for i, created_at, scope in rows}


def removed_lines(plan: AllocationPlan) -> list[dict[str, Any]]:
    """The lines taken out of the plan before adoption, oldest first."""
    return list((plan.options or {}).get("removed", []))


# ---- what adoption will approve --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuotaEffect:
    """What adopting the plan does to one pathway's quota of one year."""

    pathway_code: str
    pathway_name: str
    year: int
    #: The annual quota; None: the pathway has none.
    quota: int | None
    #: Workers approved under it for that year now.
    used: int
    #: Workers the plan would approve under it.
    adds: int

    @property
    def used_after(self) -> int:
        return self.used + self.adds

    @property
    def left_after(self) -> int | None:
        return None if self.quota is None else self.quota - self.used_after


def quota_effects(
    session: Session, rows: Sequence[AllocationAssignment]
) -> tuple[list[QuotaEffect], dict[uuid.UUID, tuple[str, int]]]:
    """Per pathway and quota year (the vacancy's start year), what the plan's lines add to what
    is approved now; and each line's (pathway, year). Read now, outside the adoption's locks:
    adoption checks again and refuses what no longer fits."""
    starts = dict(
        session.execute(
            select(Vacancy.id, Vacancy.start_date).where(
                Vacancy.id.in_(sorted({a.vacancy_id for a in rows}))
            )
        ).all()
    )
    keys = {a.id: (a.pathway_code, starts[a.vacancy_id].year) for a in rows}
    adds: dict[tuple[str, int], int] = {}
    for a in rows:
        adds[keys[a.id]] = adds.get(keys[a.id], 0) + a.headcount
    pathways = {
        p.code: p
        for p in session.scalars(
            select(LegalPathway).where(LegalPathway.code.in_(sorted({c for c, _ in adds})))
        )
    }
    effects = []
    for code, year in sorted(adds):
        pathway = pathways.get(code)
        used = approved_headcount(
            session, Decision.pathway_code == code, Decision.quota_year == year
        )
        effects.append(
            QuotaEffect(
                pathway_code=code,
                pathway_name=pathway.name if pathway is not None else code,
                year=year,
                quota=pathway.annual_quota if pathway is not None else None,
                used=used,
                adds=adds[(code, year)],
            )
        )
    return effects, keys
