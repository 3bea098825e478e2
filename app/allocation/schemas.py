"""API schemas of allocation plans."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from app.common.schemas import Country, SingleLine, Strict

MAX_TIME_LIMIT_SECONDS = 120.0


class PlanScope(Strict):
    """Which open vacancies and active pools a plan covers; every field narrows it."""

    destination: Annotated[Country | None, Field(description="vacancy destination country")] = None
    origin: Annotated[Country | None, Field(description="pool origin country")] = None
    occupation_prefix: Annotated[
        SingleLine | None,
        Field(pattern=r"^\d{1,4}$", description="ISCO-08 code prefix of the vacancy occupation"),
    ] = None
    pathway: Annotated[
        SingleLine | None, Field(min_length=1, max_length=40, description="legal pathway code")
    ] = None


class PlanIn(Strict):
    scope: PlanScope = Field(default_factory=PlanScope)
    min_score: Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)] = 0.0
    origin_cap: Annotated[
        float | None,
        Field(
            gt=0.0,
            le=1.0,
            allow_inf_nan=False,
            description="largest share of a destination's placements any one origin may take",
        ),
    ] = None
    time_limit_seconds: Annotated[
        float, Field(gt=0.0, le=MAX_TIME_LIMIT_SECONDS, allow_inf_nan=False)
    ] = 10.0


class AssignmentOut(BaseModel):
    vacancy_id: uuid.UUID
    pool_id: uuid.UUID
    pathway: str
    headcount: int
    score: float


class GreedySummary(BaseModel):
    """The greedy baseline (highest score first, same constraints), for comparison."""

    objective: float
    assignments: int
    headcount: int


class PlanSummaryOut(BaseModel):
    id: uuid.UUID
    status: str  # proposed | adopted
    scope: dict[str, str]
    min_score: float
    origin_cap: float | None
    time_limit_seconds: float
    solver_status: str  # optimal | feasible | time_limit | infeasible | error
    objective: float
    greedy_objective: float
    improvement: float
    gap: float | None
    assignment_count: int
    headcount: int
    created_by_id: uuid.UUID
    created_at: datetime
    adopted_by_id: uuid.UUID | None
    adopted_at: datetime | None


class PlanOut(PlanSummaryOut):
    dual_bound: float | None
    #: "milp", "lp" (the rounded LP relaxation) or "greedy": which computation gave the plan.
    source: str | None
    solver_message: str | None
    solve_seconds: float | None
    pairs_considered: int | None
    greedy: GreedySummary | None
    assignments: list[AssignmentOut]
