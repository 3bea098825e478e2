"""Allocation plans: create (solve), read, list, remove a line, adopt. Officers and admins only.

The routes are sync on purpose: solving is CPU work and FastAPI runs sync routes in its thread
pool, so a solve never blocks the event loop (design section 10).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Response, status

from app.allocation import service
from app.allocation.models import AllocationPlan
from app.allocation.schemas import (
    AssignmentOut,
    GreedySummary,
    PlanFilters,
    PlanIn,
    PlanOut,
    PlanScope,
    PlanSummaryOut,
)
from app.auth.deps import require_roles
from app.common.csv_safe import CSV_EXPORT, csv_response
from app.common.principal import Principal, Role
from app.common.schemas import MAX_OFFSET, Page
from app.db import as_utc
from app.deps import SessionDep, SettingsDep

router = APIRouter(prefix="/api/v1/allocation-plans", tags=["allocation plans"])

Officer = Annotated[Principal, Depends(require_roles(Role.OFFICER, Role.ADMIN))]
Limit = Annotated[int, Query(ge=1, le=200, description="page size, 1..200")]
Offset = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description="how many matching items to skip (offset paging)")
]
PlanId = Annotated[uuid.UUID, Path(description="the plan's id")]
AssignmentId = Annotated[uuid.UUID, Path(description="the assignment's id (AssignmentOut.id)")]


def _batch_run(options: dict[str, Any]) -> tuple[str | None, datetime | None]:
    """The plan's batch run (id, as of) from its options; (None, None): the live ranking."""
    run = options.get("batch_run") or {}
    as_of = run.get("as_of")
    return run.get("id"), datetime.fromisoformat(as_of) if as_of else None


def _summary_fields(plan: AllocationPlan, count: int, headcount: int) -> dict[str, Any]:
    options = plan.options or {}
    run_id, run_as_of = _batch_run(options)
    return {
        "id": plan.id,
        "status": plan.status,
        "scope": plan.scope or {},
        "min_score": options.get("min_score", 0.0),
        "origin_cap": options.get("origin_cap"),
        "time_limit_seconds": options.get("time_limit_seconds", 0.0),
        "solver_status": plan.solver_status,
        "objective": plan.objective,
        "greedy_objective": plan.greedy_objective,
        "improvement": plan.objective - plan.greedy_objective,
        "gap": plan.gap,
        "assignment_count": count,
        "headcount": headcount,
        "created_by_id": plan.created_by_id,
        "created_at": as_utc(plan.created_at),
        "adopted_by_id": plan.adopted_by_id,
        "adopted_at": as_utc(plan.adopted_at) if plan.adopted_at else None,
        "batch_run_id": run_id,
        "batch_run_as_of": run_as_of,
    }


def to_out(view: service.PlanView) -> PlanOut:
    plan, rows = view.plan, view.assignments
    report = (plan.options or {}).get("report") or {}
    greedy = report.get("greedy")
    return PlanOut(
        **_summary_fields(plan, len(rows), sum(a.headcount for a in rows)),
        dual_bound=report.get("dual_bound"),
        source=report.get("source"),
        solver_message=report.get("message"),
        solve_seconds=report.get("solve_seconds"),
        pairs_considered=report.get("pairs"),
        greedy=GreedySummary(**greedy) if greedy else None,
        assignments=[
            AssignmentOut(
                id=a.id,
                vacancy_id=a.vacancy_id,
                pool_id=a.pool_id,
                pathway=a.pathway_code,
                headcount=a.headcount,
                score=a.score,
            )
            for a in rows
        ],
    )


#: A plan's CSV columns: PlanSummaryOut's fields, `scope` flattened per scope field.
PLAN_COLUMNS = (
    "id",
    "status",
    *(f"scope_{name}" for name in PlanScope.model_fields),
    "min_score",
    "origin_cap",
    "time_limit_seconds",
    "solver_status",
    "objective",
    "greedy_objective",
    "improvement",
    "gap",
    "assignment_count",
    "headcount",
    "created_by_id",
    "created_at",
    "adopted_by_id",
    "adopted_at",
    "batch_run_id",
    "batch_run_as_of",
)


def _cells(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """An export row (service.export_plans') in PLAN_COLUMNS' order, as the JSON shows it."""
    (plan_id, state, scope, options, solver, objective, greedy, gap) = row[:8]
    created_by, created_at, adopted_by, adopted_at, count, headcount = row[8:]
    scope, options = scope or {}, options or {}
    run_id, run_as_of = _batch_run(options)
    return (
        plan_id,
        state,
        *(scope.get(name) for name in PlanScope.model_fields),
        options.get("min_score", 0.0),
        options.get("origin_cap"),
        options.get("time_limit_seconds", 0.0),
        solver,
        objective,
        greedy,
        objective - greedy,
        gap,
        int(count),
        int(headcount or 0),
        created_by,
        created_at,
        adopted_by,
        adopted_at,
        run_id,
        run_as_of,
    )


@router.post("", response_model=PlanOut, status_code=status.HTTP_201_CREATED)
def create_allocation_plan(data: PlanIn, session: SessionDep, principal: Officer) -> PlanOut:
    """Create an allocation plan

    Solves, for the scope's open vacancies and active pools, the assignment of workers that
    maximises the sum of match score times headcount, within each vacancy's openings, each
    pool's headcount and each legal pathway's quota left now, and each pair's eligible
    headcount (pairs with workers approved now are left out). CPU work of up to
    `time_limit_seconds`; the greedy plan is computed too, for comparison. The plan is stored
    as proposed: nothing is approved until it is adopted. Not idempotent: each call stores a
    new plan.
    """
    return to_out(service.create_plan(session, principal, data))


@router.get("", response_model=Page[PlanSummaryOut])
def list_allocation_plans(
    session: SessionDep,
    _: Officer,
    filters: Annotated[PlanFilters, Depends()],
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[PlanSummaryOut]:
    """List allocation plans

    Plans newest first (ties by id, so that pages neither repeat nor skip), without their
    assignments (GET /api/v1/allocation-plans/{plan_id} has them); filter by status, page with
    limit (1..200) and offset.
    """
    rows, total = service.list_plans(session, status=filters.status, limit=limit, offset=offset)
    items = [PlanSummaryOut(**_summary_fields(p, n, h)) for p, n, h in rows]
    return Page(items=items, total=total, limit=limit, offset=offset)


@router.get(".csv", response_class=Response, responses={**CSV_EXPORT})
def export_allocation_plans(
    session: SessionDep, _: Officer, filters: Annotated[PlanFilters, Depends()]
) -> Response:
    """Download the allocation plans as CSV

    Every plan GET /api/v1/allocation-plans would list with the same filter, unpaged, in the
    same order (newest first, ties by id). Columns, named as the JSON fields: id, status,
    scope_destination, scope_origin, scope_occupation_prefix, scope_pathway (the `scope`
    object flattened; empty: not narrowed), min_score, origin_cap, time_limit_seconds,
    solver_status, objective, greedy_objective, improvement, gap, assignment_count,
    headcount, created_by_id, created_at, adopted_by_id, adopted_at (RFC 3339, UTC),
    batch_run_id, batch_run_as_of (empty: planned from the live ranking).
    """
    rows = service.export_plans(session, status=filters.status)
    return csv_response(PLAN_COLUMNS, [_cells(r) for r in rows], "allocation-plans.csv")


@router.get("/{plan_id}", response_model=PlanOut)
def get_allocation_plan(plan_id: PlanId, session: SessionDep, _: Officer) -> PlanOut:
    """Get an allocation plan

    The plan with its assignments (by vacancy id, then pool id) and the solver's report.
    """
    return to_out(service.get_plan(session, plan_id))


@router.post(
    "/{plan_id}/adopt",
    response_model=PlanOut,
    responses={
        409: {
            "description": "the plan cannot be adopted: it is adopted already (`code` "
            "plan_not_proposed), or some assignments no longer fit quotas, openings, pool "
            "headcount or eligibility as they are now (`code` plan_out_of_date, `failures` "
            "lists each with its own code and `remaining`); nothing is recorded: create a new "
            "plan"
        }
    },
)
def adopt_allocation_plan(
    plan_id: PlanId, session: SessionDep, settings: SettingsDep, principal: Officer
) -> PlanOut:
    """Adopt an allocation plan

    Records an approval for every assignment of a proposed plan, each checked as a single
    approval is (POST /api/v1/matches/{match_id}/decisions) against quotas, openings and pool
    headcount as they are now, under the same locks: all or nothing. Each approval starts a
    placement. A second adoption of the same plan is a 409 (plan_not_proposed), so a retry
    never approves twice.
    """
    return to_out(service.adopt(session, settings, principal, plan_id))


@router.delete(
    "/{plan_id}/assignments/{assignment_id}",
    response_model=PlanOut,
    responses={
        404: {"description": "no such plan, or the assignment is not one of the plan's"},
        409: {
            "description": "the plan is adopted already (`code` plan_not_proposed): its lines "
            "are approvals now (withdraw one through its match's decisions)"
        },
    },
)
def remove_allocation_assignment(
    plan_id: PlanId, assignment_id: AssignmentId, session: SessionDep, principal: Officer
) -> PlanOut:
    """Remove an assignment from a proposed plan

    Takes one line out of a plan before adoption, when an officer will not approve that pair:
    adoption then records only the remaining lines. The plan's objective becomes the sum of
    score times headcount of its remaining lines; the removal is in the audit log (action
    remove_assignment on the plan, with the line removed). Answers the plan as it is now.
    """
    return to_out(service.remove_assignment(session, principal, plan_id, assignment_id))
