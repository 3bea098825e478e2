"""API schemas of allocation plans."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Query
from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import JsonDict, JsonValue

from app.common.schemas import Country, SingleLine, Strict, UtcDatetime

MAX_TIME_LIMIT_SECONDS = 120.0

#: A plan's state: proposed (solved, for an officer to read) or adopted (its assignments
#: recorded as approvals).
PlanState = Literal["proposed", "adopted"]
#: How the solve ended.
SolverStatus = Literal["optimal", "feasible", "time_limit", "infeasible", "error"]
#: Which computation gave the plan.
PlanSource = Literal["milp", "lp", "greedy"]

# The examples: Spain's GECCO seasonal agriculture scheme with Morocco (Huelva soft fruit).
_PLAN_ID = "7b3e9d21-c4a8-4f6e-9b05-1d8a2c6e4f93"
_OFFICER_ID = "5e9c0b7a-2f14-4a86-b3d9-07a6e8c1f249"
_HUELVA_PICKERS = "2c91f4e8-5a3d-4b67-8e10-f6d2a9c3b754"
_HUELVA_PACKERS = "9e4a7c13-b82f-4d05-a6c9-3f1e8b2d7a60"
_SOUSS_MASSA_POOL = "4d8b2f6a-1e93-4c7d-b5a0-8c6f3e9d1b27"
_ORIENTAL_POOL = "f1a6c3e9-7d24-4b8a-9e53-2b7d0c4a6f18"
_SCOPE: JsonDict = {"destination": "ES", "origin": "MA", "pathway": "ES-GECCO-MA"}
_BATCH_RUN = "3c7e1a94-8b2d-4f60-a5e3-d19b7c2f8e41"
_ASSIGNMENTS: list[JsonValue] = [
    {
        "id": "b6e2d8f4-3c71-4a95-8e0d-5f9a1c7b2e36",
        "vacancy_id": _HUELVA_PICKERS,
        "pool_id": _SOUSS_MASSA_POOL,
        "pathway": "ES-GECCO-MA",
        "headcount": 120,
        "score": 0.84,
    },
    {
        "id": "0d4f7a2c-9e15-4b68-a3c7-e21b8f5d6a90",
        "vacancy_id": _HUELVA_PACKERS,
        "pool_id": _ORIENTAL_POOL,
        "pathway": "ES-GECCO-MA",
        "headcount": 35,
        "score": 0.71,
    },
]
# An adopted plan: the document's examples have no nulls (FastAPI leaves null values out).
_SUMMARY_EXAMPLE: JsonDict = {
    "id": _PLAN_ID,
    "status": "adopted",
    "scope": _SCOPE,
    "min_score": 0.5,
    "origin_cap": 1.0,
    "time_limit_seconds": 10.0,
    "solver_status": "optimal",
    "objective": 125.65,
    "greedy_objective": 118.2,
    "improvement": 7.45,
    "gap": 0.0,
    "assignment_count": 2,
    "headcount": 155,
    "created_by_id": _OFFICER_ID,
    "created_at": "2025-11-18T10:03:51.207113Z",
    "adopted_by_id": _OFFICER_ID,
    "adopted_at": "2025-11-18T10:12:09.644580Z",
    "batch_run_id": _BATCH_RUN,
    "batch_run_as_of": "2025-11-18T03:12:40.518204Z",
}


class PlanScope(Strict):
    """Which open vacancies and active pools a plan covers; every field narrows it (none: the
    whole market)."""

    model_config = ConfigDict(json_schema_extra={"examples": [_SCOPE, {"destination": "DE"}]})

    destination: Annotated[
        Country | None,
        Field(description="vacancies to this destination country (ISO 3166-1 alpha-2)"),
    ] = None
    origin: Annotated[
        Country | None, Field(description="pools of this origin country (ISO 3166-1 alpha-2)")
    ] = None
    occupation_prefix: Annotated[
        SingleLine | None,
        Field(
            pattern=r"^\d{1,4}$",
            description="vacancies whose ISCO-08 occupation code starts with this (1 to 4 "
            'digits: "2" professionals, "222" nursing and midwifery, "2221" nurses)',
        ),
    ] = None
    pathway: Annotated[
        SingleLine | None,
        Field(
            min_length=1,
            max_length=40,
            description="only pairs admitted under this legal pathway code, e.g. ES-GECCO-MA",
        ),
    ] = None


class PlanIn(Strict):
    """What to plan: a scope and the solver's options. Solving takes up to
    `time_limit_seconds`; the plan is stored as proposed, for an officer to read and adopt."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"scope": _SCOPE, "min_score": 0.5, "time_limit_seconds": 10.0},
                {"scope": {"destination": "DE"}, "origin_cap": 0.4},
                {"scope": {"destination": "DE"}, "batch_run_id": _BATCH_RUN},
            ]
        }
    )

    scope: PlanScope = Field(
        default_factory=PlanScope, description="the vacancies and pools covered (default: all)"
    )
    min_score: Annotated[
        float,
        Field(
            ge=0.0,
            le=1.0,
            allow_inf_nan=False,
            description="pairs scoring below this (0..1) are left out (default 0)",
        ),
    ] = 0.0
    origin_cap: Annotated[
        float | None,
        Field(
            gt=0.0,
            le=1.0,
            allow_inf_nan=False,
            description="largest share (0..1) of a destination's placements any one origin "
            "country (ISO 3166-1 alpha-2, of the pools) may take; null: no cap",
        ),
    ] = None
    time_limit_seconds: Annotated[
        float,
        Field(
            gt=0.0,
            le=MAX_TIME_LIMIT_SECONDS,
            allow_inf_nan=False,
            description="the solver's time limit in seconds (at most 120; default 10); when it "
            "runs out the best plan found is kept (solver_status time_limit)",
        ),
    ] = 10.0
    batch_run_id: Annotated[
        uuid.UUID | None,
        Field(
            description="plan from this batch run's stored pairs (`imdi batch-rank`: each "
            "vacancy's best pairs, as of the run's end) instead of ranking the live market; "
            "the run must have succeeded and still be its scope's results (else a 422, "
            "`unknown_batch_run` or `unusable_batch_run`), and the plan's scope must lie "
            "within the run's (`outside_batch_run`). Capacities and quotas are read now, as "
            "for a live plan. Null: the live ranking"
        ),
    ] = None


class AssignmentOut(BaseModel):
    """Workers of one pool the plan assigns to one vacancy, under one legal pathway."""

    model_config = ConfigDict(json_schema_extra={"examples": [_ASSIGNMENTS[0]]})

    id: uuid.UUID = Field(
        description="the assignment's id (DELETE /api/v1/allocation-plans/{plan_id}/assignments/"
        "{assignment_id} removes it from a proposed plan)"
    )
    vacancy_id: uuid.UUID = Field(description="the vacancy")
    pool_id: uuid.UUID = Field(description="the pool")
    pathway: str = Field(description="the legal pathway code the pair is admitted under")
    headcount: int = Field(description="workers assigned")
    score: float = Field(description="the pair's match score, 0..1")


class GreedySummary(BaseModel):
    """The greedy baseline (highest score first, same constraints), for comparison."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"objective": 118.2, "assignments": 2, "headcount": 150}]}
    )

    objective: float = Field(description="its sum of score times headcount")
    assignments: int = Field(description="how many assignments it has")
    headcount: int = Field(description="how many workers it assigns")


class PlanSummaryOut(BaseModel):
    """An allocation plan without its assignments: an optimised assignment of pools to
    vacancies maximising the sum of score times headcount, within every vacancy's openings,
    pool's headcount and pathway's quota left when it was solved."""

    model_config = ConfigDict(json_schema_extra={"examples": [_SUMMARY_EXAMPLE]})

    id: uuid.UUID = Field(description="the plan's id")
    status: PlanState = Field(
        description="proposed (solved, for an officer to read) or adopted (its assignments "
        "recorded as approvals)"
    )
    scope: dict[str, str] = Field(
        description="the scope as asked (destination, origin, occupation_prefix, pathway; "
        "those not given are left out)"
    )
    min_score: float = Field(description="the minimum score asked for, 0..1")
    origin_cap: float | None = Field(
        description="the cap asked for on any one origin country's (ISO 3166-1 alpha-2) share "
        "of a destination's placements; null: none"
    )
    time_limit_seconds: float = Field(description="the solver's time limit, in seconds")
    solver_status: SolverStatus = Field(
        description="how the solve ended: optimal (proven), feasible (a plan with a proven "
        "gap), time_limit (the best found in time), infeasible, or error (the greedy plan is "
        "reported)"
    )
    objective: float = Field(description="the plan's sum of score times headcount")
    greedy_objective: float = Field(description="the greedy baseline's objective")
    improvement: float = Field(description="objective minus greedy_objective")
    gap: float | None = Field(
        description="relative optimality gap, (bound - objective) / objective; 0 when proven "
        "optimal; null when undefined"
    )
    assignment_count: int = Field(description="how many assignments the plan has")
    headcount: int = Field(description="how many workers it assigns in all")
    created_by_id: uuid.UUID = Field(description="the officer who created it")
    created_at: UtcDatetime = Field(description="when it was solved (RFC 3339, UTC)")
    adopted_by_id: uuid.UUID | None = Field(description="the officer who adopted it; null: not")
    adopted_at: UtcDatetime | None = Field(description="when it was adopted; null: not yet")
    batch_run_id: uuid.UUID | None = Field(
        description="the batch run whose stored pairs the plan was built from; null: the live "
        "ranking when it was solved"
    )
    batch_run_as_of: UtcDatetime | None = Field(
        description="when that batch run finished: what its pairs are as of (RFC 3339, UTC); "
        "null: the live ranking"
    )


class PlanOut(PlanSummaryOut):
    """An allocation plan with its assignments and the solver's report."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_SUMMARY_EXAMPLE,
                    "dual_bound": 125.65,
                    "source": "milp",
                    "solver_message": "Optimal",
                    "solve_seconds": 0.412,
                    "pairs_considered": 38,
                    "greedy": {"objective": 118.2, "assignments": 2, "headcount": 150},
                    "assignments": _ASSIGNMENTS,
                }
            ]
        }
    )

    dual_bound: float | None = Field(
        description="upper bound on the best objective proven by the solver; null: none"
    )
    source: PlanSource | None = Field(
        description="which computation gave the plan: milp (the integer programme), lp (the "
        "rounded LP relaxation) or greedy"
    )
    solver_message: str | None = Field(description="the solver's own words on the solve")
    solve_seconds: float | None = Field(description="seconds the solve took")
    pairs_considered: int | None = Field(
        description="eligible (vacancy, pool) pairs the problem had"
    )
    greedy: GreedySummary | None = Field(description="the greedy baseline, for comparison")
    assignments: list[AssignmentOut] = Field(
        description="the assignments, by vacancy id then pool id"
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanFilters:
    """The query parameters of GET /api/v1/allocation-plans (and of its CSV export)."""

    status: Annotated[
        PlanState | None, Query(description="only plans in this state: proposed or adopted")
    ] = None
