"""HTTP API of the analytics (officers and admins): JSON, and the same tables as CSV; the
decisions dataset."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response, StreamingResponse

from app.analytics import outcomes as outcomes_service
from app.analytics import service
from app.analytics.outcomes import OutcomeBy
from app.analytics.schemas import DatasetPageOut, OutcomesOut
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
TopN = Annotated[int, Query(ge=1, le=50, description="top matches per vacancy")]
#: The CSV routes' response in the OpenAPI document.
_CSV: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {}}}}


@router.get("/shortage-surplus")
def shortage_surplus(
    session: SessionDep, settings: SettingsDep, by: GroupBy = GroupBy.OCCUPATION
) -> dict[str, Any]:
    rows = service.shortage_surplus(session, settings, by)
    return {"by": by.value, "items": [r.as_dict() for r in rows]}


@router.get("/shortage-surplus.csv", response_class=Response, responses=_CSV)
def shortage_surplus_csv(
    session: SessionDep, settings: SettingsDep, by: GroupBy = GroupBy.OCCUPATION
) -> Response:
    return Response(
        service.balance_csv(service.shortage_surplus(session, settings, by)),
        media_type="text/csv; charset=utf-8",
    )


@router.get("/skills-gap")
def skills_gap(
    session: SessionDep, settings: SettingsDep, top: TopN = service.DEFAULT_TOP_N
) -> dict[str, Any]:
    rows = service.skills_gap(session, settings, top)
    return {"top": top, "items": [r.as_dict() for r in rows]}


@router.get("/skills-gap.csv", response_class=Response, responses=_CSV)
def skills_gap_csv(
    session: SessionDep, settings: SettingsDep, top: TopN = service.DEFAULT_TOP_N
) -> Response:
    return Response(
        service.skills_gap_csv(service.skills_gap(session, settings, top)),
        media_type="text/csv; charset=utf-8",
    )


# ---- outcomes of placements ------------------------------------------------------------------

OutcomeGrouping = Annotated[
    OutcomeBy,
    Query(
        description="pathway, origin (the pool's country), occupation (the vacancy's ISCO "
        "unit group) or employer"
    ),
]


@router.get("/outcomes", response_model=OutcomesOut)
def outcomes(session: SessionDep, by: OutcomeGrouping = OutcomeBy.PATHWAY) -> dict[str, Any]:
    """What became of approvals, per group: workers who reached each stage, placement, visa
    refusal and early-leaving rates, median days from approval to start of work; the
    programme's totals, and the groups whose refusal or early-leaving rate is far above the
    programme's (at least 10 workers at risk, at least 1.5 times the programme's rate, and a
    one-sided exact binomial test at p < 0.01). Withdrawn approvals are left out."""
    return outcomes_service.outcomes(session, by).as_dict()


@router.get("/outcomes.csv", response_class=Response, responses=_CSV)
def outcomes_csv(session: SessionDep, by: OutcomeGrouping = OutcomeBy.PATHWAY) -> Response:
    """The groups of /outcomes as CSV (`flags`: outlier measures, separated by ';')."""
    return Response(
        outcomes_service.outcomes_csv(outcomes_service.outcomes(session, by)),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="outcomes-by-{by.value}.csv"'},
    )


# ---- the decisions dataset -------------------------------------------------------------------

DatasetLimit = Annotated[int, Query(ge=1, le=200, description="rows per page")]
DatasetAfter = Annotated[
    uuid.UUID | None, Query(description="the `next_after` of the previous page")
]


@router.get("/decisions-dataset.json", response_model=DatasetPageOut)
def decisions_dataset(
    session: SessionDep, limit: DatasetLimit = 100, after: DatasetAfter = None
) -> DatasetPageOut:
    """One row per officer decision on a (vacancy, pool) pair, oldest first, with the score it
    was taken on and, for approvals, whether it was withdrawn and how many workers reached
    each stage: aggregates, never persons (docs/datasets.md). Paged by keyset: pass the
    page's `next_after` as `after`."""
    rows, next_after = outcomes_service.dataset_page(session, after=after, limit=limit)
    return DatasetPageOut(
        items=rows,
        total=outcomes_service.dataset_total(session),
        limit=limit,
        next_after=next_after,
    )


@router.get("/decisions-dataset.csv", response_class=StreamingResponse, responses=_CSV)
def decisions_dataset_csv(database: Annotated[Database, Depends(get_database)]) -> Response:
    """The whole dataset as CSV, streamed (read a page at a time: any size fits)."""

    def body() -> Iterator[str]:
        # A session of its own: the request's ends before the stream is read.
        with database.session() as session:
            yield from outcomes_service.dataset_csv(session)

    return StreamingResponse(
        body(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="decisions-dataset.csv"'},
    )
