"""HTTP API of the analytics (officers and admins): JSON, and the same tables as CSV; the
decisions dataset."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response, StreamingResponse

from app.analytics import outcomes as outcomes_service
from app.analytics import service
from app.analytics.outcomes import OutcomeBy
from app.analytics.schemas import (
    DatasetPageOut,
    DatasetRowOut,
    OutcomesOut,
    ShortageSurplusOut,
    SkillsGapOut,
)
from app.analytics.service import GroupBy
from app.auth.deps import require_roles
from app.common.principal import Role
from app.db import Database
from app.deps import SessionDep, SettingsDep, get_database

router = APIRouter(
    prefix="/api/v1/analytics",
    tags=["analytics"],
    dependencies=[Depends(require_roles(Role.OFFICER, Role.ADMIN))],
)
TopN = Annotated[
    int, Query(ge=1, le=50, description="how many of each open vacancy's top matches to look at")
]
RunId = Annotated[
    uuid.UUID | None,
    Query(
        description="a batch run's id (`imdi batch-rank`): its stored pairs instead of ranking "
        "the live market, for the vacancies still open and pools still active of its scope; "
        "absent: the live ranking. A run that is unknown, did not succeed, was superseded by a "
        "newer run of its scope or wrote Parquet is a 422 (`unknown_batch_run`, "
        "`unusable_batch_run`)"
    ),
]
BalanceGrouping = Annotated[
    GroupBy,
    Query(
        description="occupation (the vacancies' ISCO-08 unit group), destination (the "
        "vacancies' ISO 3166-1 alpha-2 country) or origin (the pools' ISO 3166-1 alpha-2 "
        "country)"
    ),
]


def _csv(columns: Sequence[str], example: str, filename: str | None = None) -> dict[int | str, Any]:
    """The OpenAPI answer of a CSV route: text/csv with a header row of `columns`, an example
    row, and the attachment's name if it has one."""
    header = ",".join(columns)
    response: dict[str, Any] = {
        "description": "The table as CSV (UTF-8, CRLF line ends, a header row first; a text "
        "cell that a spreadsheet would run as a formula is prefixed with an apostrophe)",
        "content": {
            "text/csv": {
                "schema": {"type": "string", "description": f"CSV with the columns {header}"},
                "example": f"{header}\r\n{example}\r\n",
            }
        },
    }
    if filename is not None:
        response["headers"] = {
            "Content-Disposition": {
                "description": f'attachment; filename="{filename}"',
                "schema": {"type": "string"},
            }
        }
    return {200: response}


_RUN_422: dict[int | str, Any] = {
    422: {
        "description": "`run` is not a batch run whose pairs can be read (`unknown_batch_run`, "
        "`unusable_batch_run`), or a parameter is invalid"
    }
}


@router.get("/shortage-surplus", response_model=ShortageSurplusOut, responses=_RUN_422)
def get_shortage_surplus(
    session: SessionDep,
    settings: SettingsDep,
    by: BalanceGrouping = GroupBy.OCCUPATION,
    run: RunId = None,
) -> dict[str, Any]:
    """Show labour shortage and surplus

    Demand (openings of open vacancies not yet approved) against eligible supply (active pools
    with an eligible match in a related occupation, each counted once), per occupation,
    destination or origin, computed from one ranking of the live market, or from the stored
    pairs of batch run `run` (its scope only; with its top k, only the pairs in each vacancy's
    top k count as supply); `source` says which, as of when. Biggest shortage first (then
    biggest surplus, then key). Not paged: one row per group.
    """
    market = service.balance_market(session, settings, service.pair_source(session, settings, run))
    rows = service.shortage_surplus(session, settings, by, market)
    return {"by": by.value, "source": market.source.as_dict(), "items": [r.as_dict() for r in rows]}


@router.get(
    "/shortage-surplus.csv",
    response_class=Response,
    responses={
        **_csv(service.BALANCE_COLUMNS, "2221,Nursing professionals,120,45,-75,75,0,6,3,310"),
        **_RUN_422,
    },
)
def get_shortage_surplus_csv(
    session: SessionDep,
    settings: SettingsDep,
    by: BalanceGrouping = GroupBy.OCCUPATION,
    run: RunId = None,
) -> Response:
    """Download labour shortage and surplus as CSV

    The rows of GET /api/v1/analytics/shortage-surplus with the same `by` and `run`, in the
    same order (the JSON's `source` says where the pairs come from). Columns: key, label,
    demand, supply, balance, shortage, surplus, vacancies, pools, active_headcount (empty by
    destination).
    """
    market = service.balance_market(session, settings, service.pair_source(session, settings, run))
    return Response(
        service.balance_csv(service.shortage_surplus(session, settings, by, market)),
        media_type="text/csv; charset=utf-8",
    )


_GAP_422: dict[int | str, Any] = {
    422: {
        "description": "`run` is not a batch run whose pairs can be read (`unknown_batch_run`, "
        "`unusable_batch_run`), `top` is beyond what the run kept (`beyond_explain_top`), or a "
        "parameter is invalid"
    }
}


@router.get("/skills-gap", response_model=SkillsGapOut, responses=_GAP_422)
def get_skills_gap(
    session: SessionDep,
    settings: SettingsDep,
    top: TopN = service.DEFAULT_TOP_N,
    run: RunId = None,
) -> dict[str, Any]:
    """Show the skills gap

    For each open vacancy, its `top` eligible matches in ranking order; the essential skills
    their pools give no credit for, counted per (occupation, skill): in how many matches the
    skill is missing, for how many vacancies, and the eligible workers of those matches.
    Most often missing first (then most workers, occupation, skill). Not paged. From batch run
    `run`: its pairs' missing skills, kept for each vacancy's first `explain_top` pairs, so
    `top` can be at most the run's `explain_top` (and its `top_k`); `source` says where the
    pairs come from.
    """
    source = service.pair_source(session, settings, run)
    rows = service.skills_gap(session, settings, top, source)
    return {"top": top, "source": source.as_dict(), "items": [r.as_dict() for r in rows]}


@router.get(
    "/skills-gap.csv",
    response_class=Response,
    responses={
        **_csv(
            service.SKILL_GAP_COLUMNS,
            "2221,Nursing professionals,intravenous-therapy,Intravenous therapy,14,6,380",
        ),
        **_GAP_422,
    },
)
def get_skills_gap_csv(
    session: SessionDep,
    settings: SettingsDep,
    top: TopN = service.DEFAULT_TOP_N,
    run: RunId = None,
) -> Response:
    """Download the skills gap as CSV

    The rows of GET /api/v1/analytics/skills-gap with the same `top` and `run`, in the same
    order (the JSON's `source` says where the pairs come from). Columns: occupation,
    occupation_title, skill, skill_label, matches_missing, vacancies, workers.
    """
    source = service.pair_source(session, settings, run)
    return Response(
        service.skills_gap_csv(service.skills_gap(session, settings, top, source)),
        media_type="text/csv; charset=utf-8",
    )


# ---- outcomes of placements ------------------------------------------------------------------

OutcomeGrouping = Annotated[
    OutcomeBy,
    Query(
        description="pathway (the legal pathway's code), origin (the pool's country, ISO "
        "3166-1 alpha-2), occupation (the vacancy's ISCO-08 unit group) or employer (the "
        "vacancy's employer organisation)"
    ),
]


@router.get("/outcomes", response_model=OutcomesOut)
def get_outcomes(session: SessionDep, by: OutcomeGrouping = OutcomeBy.PATHWAY) -> dict[str, Any]:
    """Show the outcomes of placements

    What became of approvals, per group: workers who reached each stage, placement, visa
    refusal and early-leaving rates, median days from approval to start of work; the
    programme's totals, and the groups whose refusal or early-leaving rate is far above the
    programme's (at least 10 workers at risk, at least 1.5 times the programme's rate, and a
    one-sided exact binomial test at p < 0.01). Withdrawn approvals are left out. Groups come
    most approved workers first, then by key; not paged.
    """
    return outcomes_service.outcomes(session, by).as_dict()


@router.get(
    "/outcomes.csv",
    response_class=Response,
    responses=_csv(
        outcomes_service.OUTCOME_COLUMNS,
        "ES-GECCO-MA,Collective recruitment in origin (GECCO) - Morocco seasonal agriculture,"
        "5,250,250,248,248,240,8,236,236,236,150,4,31,12,0.944,0.03225806451612903,"
        "0.13135593220338984,38.0,early_leaving",
        "outcomes-by-pathway.csv",
    ),
)
def get_outcomes_csv(session: SessionDep, by: OutcomeGrouping = OutcomeBy.PATHWAY) -> Response:
    """Download the outcomes of placements as CSV

    The groups of GET /api/v1/analytics/outcomes, in the same order, as an attachment named
    outcomes-by-<by>.csv (the programme's totals are the sums of the counts; its rates are in
    the JSON). Columns: key, label, placements, approved, selected, contract_signed,
    visa_applied, visa_granted, visa_refused, departed, arrived, started_work,
    completed_contract, dropped_out, left_early_abroad, released, placement_rate,
    visa_refusal_rate, early_leaving_rate, median_days_to_start (an empty cell: no figure),
    flags (the outlier measures, separated by ';').
    """
    return Response(
        outcomes_service.outcomes_csv(outcomes_service.outcomes(session, by)),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="outcomes-by-{by.value}.csv"'},
    )


# ---- the decisions dataset -------------------------------------------------------------------

DatasetLimit = Annotated[int, Query(ge=1, le=200, description="rows per page, 1..200")]
DatasetAfter = Annotated[
    uuid.UUID | None,
    Query(description="the `next_after` of the previous page; absent: the first page"),
]


@router.get("/decisions-dataset.json", response_model=DatasetPageOut)
def get_decisions_dataset(
    session: SessionDep, limit: DatasetLimit = 100, after: DatasetAfter = None
) -> DatasetPageOut:
    """List the decisions dataset

    One row per officer decision on a (vacancy, pool) pair, oldest first (ties by decision id),
    with the score it was taken on and, for approvals, whether it was withdrawn and how many
    workers reached each stage: aggregates, never persons (docs/datasets.md). Paged by keyset:
    pass the page's `next_after` as `after` (pages never overlap, also while decisions are
    added); an `after` that is not the id of a row is a 422 (`unknown_cursor`).
    """
    rows, next_after = outcomes_service.dataset_page(session, after=after, limit=limit)
    return DatasetPageOut(
        items=[DatasetRowOut.model_validate(r) for r in rows],
        total=outcomes_service.dataset_total(session),
        limit=limit,
        next_after=next_after,
    )


@router.get(
    "/decisions-dataset.csv",
    response_class=StreamingResponse,
    responses=_csv(
        outcomes_service.DATASET_COLUMNS,
        "8d1e4f2a-63b7-4c95-a0e8-5f9b2c7d1e36,2025-03-14T10:22:05+00:00,approved,"
        "b47c9e13-2a58-4f6d-9c31-e8a5d0f7b294,5a9e3c71-0d4b-4e82-b6f5-19c7a2d8e043,"
        "c2f8a6d4-9b13-4e57-8a0c-6d3e1f5b7a92,3f2c8a51-7d4e-4b9a-a6c1-2e8f5d7b9c04,"
        "DE-TRIPLE-WIN,2025,2221,2221,PH,DE,86,86,12,0.8125,0.78,1.0,1.0,0.62,1.0,0.9,0.85,"
        "true,34,1.4.0,9f2c41d7a0b3,2025-03-14T10:21:48+00:00,true,false,12,12,12,11,1,11,11,"
        "10,0,0,1,1",
        "decisions-dataset.csv",
    ),
)
def get_decisions_dataset_csv(database: Annotated[Database, Depends(get_database)]) -> Response:
    """Download the decisions dataset as CSV

    The whole dataset as one attachment (decisions-dataset.csv), streamed a page at a time (any
    size fits), in the order of the JSON pages; booleans are true/false, an empty cell is a
    JSON null. Columns (docs/datasets.md has each one's meaning): decision_id, decided_at,
    decision, match_id, vacancy_id, pool_id, employer_id, pathway_code, quota_year,
    occupation, pool_occupation, origin_country, destination_country, sector, pool_sector,
    headcount, score, score_skills, score_occupation, score_sector, score_language,
    score_education, score_experience, score_availability, eligible, eligible_headcount,
    engine_version, weights_hash, scored_at, score_is_of_this_decision, withdrawn,
    reached_selected, reached_contract_signed, reached_visa_applied, reached_visa_granted,
    reached_visa_refused, reached_departed, reached_arrived, reached_started_work,
    reached_completed_contract, reached_dropped_out, reached_left_early_abroad, released.
    """

    def body() -> Iterator[str]:
        # A session of its own: the request's ends before the stream is read.
        with database.session() as session:
            yield from outcomes_service.dataset_csv(session)

    return StreamingResponse(
        body(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="decisions-dataset.csv"'},
    )
