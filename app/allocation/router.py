"""Allocation plans: create (solve), read, list, adopt. Officers and admins only.

The routes are sync on purpose: solving is CPU work and FastAPI runs sync routes in its thread
pool, so a solve never blocks the event loop (design section 10).
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, status

from app.allocation import service
from app.allocation.models import AllocationPlan, PlanStatus
from app.allocation.schemas import (
    AssignmentOut,
    GreedySummary,
    PlanIn,
    PlanOut,
    PlanSummaryOut,
)
from app.auth.deps import require_roles
from app.common.principal import Principal, Role
from app.common.schemas import MAX_OFFSET, Page
from app.db import as_utc
from app.deps import SessionDep, SettingsDep

router = APIRouter(prefix="/api/v1/allocation-plans", tags=["allocation plans"])

Officer = Annotated[Principal, Depends(require_roles(Role.OFFICER, Role.ADMIN))]


def _summary_fields(plan: AllocationPlan, count: int, headcount: int) -> dict[str, Any]:
    options = plan.options or {}
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
                vacancy_id=a.vacancy_id,
                pool_id=a.pool_id,
                pathway=a.pathway_code,
                headcount=a.headcount,
                score=a.score,
            )
            for a in rows
        ],
    )


@router.post("", response_model=PlanOut, status_code=status.HTTP_201_CREATED)
def create_plan(data: PlanIn, session: SessionDep, principal: Officer) -> PlanOut:
    return to_out(service.create_plan(session, principal, data))


@router.get("", response_model=Page[PlanSummaryOut])
def list_plans(
    session: SessionDep,
    _: Officer,
    status: PlanStatus | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Page[PlanSummaryOut]:
    rows, total = service.list_plans(session, status=status, limit=limit, offset=offset)
    items = [PlanSummaryOut(**_summary_fields(p, n, h)) for p, n, h in rows]
    return Page(items=items, total=total, limit=limit, offset=offset)


@router.get("/{plan_id}", response_model=PlanOut)
def get_plan(plan_id: uuid.UUID, session: SessionDep, _: Officer) -> PlanOut:
    return to_out(service.get_plan(session, plan_id))


@router.post("/{plan_id}/adopt", response_model=PlanOut)
def adopt_plan(
    plan_id: uuid.UUID, session: SessionDep, settings: SettingsDep, principal: Officer
) -> PlanOut:
    return to_out(service.adopt(session, settings, principal, plan_id))
