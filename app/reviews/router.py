"""Officers' decisions on matches."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Response, status

from app.auth.deps import CurrentPrincipal, require_roles
from app.common.csv_safe import CSV_EXPORT, csv_response
from app.common.principal import Principal, Role
from app.common.schemas import MAX_OFFSET
from app.deps import SessionDep, SettingsDep
from app.reviews import service
from app.reviews.schemas import (
    DecisionFilters,
    DecisionIn,
    DecisionOut,
    DecisionPage,
    DecisionSortParam,
)

router = APIRouter(prefix="/api/v1", tags=["decisions"])

Officer = Annotated[Principal, Depends(require_roles(Role.OFFICER, Role.ADMIN))]
Limit = Annotated[int, Query(ge=1, le=200, description="page size, 1..200")]
Offset = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description="how many matching items to skip (offset paging)")
]
MatchId = Annotated[
    uuid.UUID, Path(description="the match's id (as GET /api/v1/vacancies/{id}/matches lists it)")
]

_DECIDE_CONFLICTS: dict[int | str, dict[str, Any]] = {
    409: {
        "description": "the decision conflicts with the match's state; `code` says which: "
        "`approved_match` (workers are approved on it: withdraw first), `not_open` (the vacancy "
        "is not open or the pool not active), `openings_exhausted`, `quota_exhausted` and "
        "`pool_exhausted` (fewer places left than the headcount: `remaining` says how many), "
        "`not_a_match` (its occupations and skills are unrelated now), no `code` when the pair "
        "is eligible under no legal pathway (`reasons`) or its pathway no longer exists, "
        "`pathways_changed` (a pathway was created meanwhile: retry), `not_approved` (a "
        "withdrawal with nothing approved), `placement_departed` (a withdrawal of an approval "
        "whose workers have departed: `departed`)"
    }
}

#: A decision's CSV columns: DecisionOut's fields, in order.
DECISION_COLUMNS = (
    "id",
    "match_id",
    "vacancy_id",
    "pool_id",
    "officer_id",
    "decision",
    "note",
    "headcount",
    "pathway_code",
    "quota_year",
    "created_at",
)


@router.post(
    "/matches/{match_id}/decisions",
    response_model=DecisionOut,
    status_code=status.HTTP_201_CREATED,
    responses=_DECIDE_CONFLICTS,
)
def create_decision(
    match_id: MatchId,
    data: DecisionIn,
    session: SessionDep,
    settings: SettingsDep,
    principal: Officer,
) -> DecisionOut:
    """Record a decision on a match

    Shortlist, reject, ask for information, approve or withdraw. An approval is checked, under
    locks, against the pair as it is scored now: it must still be eligible under a legal
    pathway, and its headcount must fit the pathway's quota for the vacancy's start year, the
    vacancy's openings left and the pool's eligible headcount left; it then consumes them and
    starts a placement (GET /api/v1/placements). Concurrent approvals never exceed any of
    them. A match with workers approved takes no other decision until the approval is
    withdrawn; a withdrawal (note required) releases exactly what the approval consumed and
    reopens a vacancy it filled, and is refused once workers of the approval have departed.
    Decisions are append-only history: the answer is the row recorded (the last one when a
    withdrawal releases approvals of several pathways or years). Not idempotent: a retried
    approval is refused by the checks (409 `approved_match`), never recorded twice.
    """
    return DecisionOut.model_validate(service.decide(session, settings, principal, match_id, data))


@router.get(
    "/matches/{match_id}/decisions.csv",
    response_class=Response,
    responses={**CSV_EXPORT},
)
def export_match_decisions(
    match_id: MatchId, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    """Download a match's decision history as CSV

    The rows of GET /api/v1/matches/{match_id}/decisions, oldest first, one per decision, with
    the same access rules (an employer for its vacancies' matches, a ministry for its pools',
    officers for all; another organisation's match is a 404). Columns, named as the JSON
    fields: id, match_id, vacancy_id, pool_id, officer_id, decision, note, headcount,
    pathway_code, quota_year, created_at (RFC 3339, UTC); an empty cell is null.
    """
    rows = service.export_history(session, principal, match_id)
    return csv_response(DECISION_COLUMNS, rows, f"match-{match_id}-decisions.csv")


@router.get("/matches/{match_id}/decisions", response_model=list[DecisionOut])
def list_match_decisions(
    match_id: MatchId, session: SessionDep, principal: CurrentPrincipal
) -> list[DecisionOut]:
    """List the decisions on a match

    The match's whole history, oldest first (not paged: a match has a handful): every
    officer's decision, and the `released` rows of its placement's moves that gave workers
    back. An employer reads those on its vacancies' matches, a ministry those on its pools',
    officers and admins all; another organisation's match is a 404.
    """
    return [DecisionOut.model_validate(d) for d in service.history(session, principal, match_id)]


@router.get("/decisions.csv", response_class=Response, responses={**CSV_EXPORT})
def export_decisions(
    session: SessionDep,
    principal: CurrentPrincipal,
    filters: Annotated[DecisionFilters, Depends()],
    sort: DecisionSortParam = None,
) -> Response:
    """Download the decisions as CSV

    Every decision GET /api/v1/decisions would list with the same filters and search, unpaged,
    in the same order (newest first unless `sort` says, ties by id) and with the same access
    rules (an employer those on
    its vacancies, a ministry those on its pools, officers and admins all). Columns, named as
    the JSON fields: id, match_id, vacancy_id, pool_id, officer_id, decision, note, headcount,
    pathway_code, quota_year, created_at (RFC 3339, UTC); an empty cell is null.
    """
    rows = service.export_decisions(
        session,
        principal,
        vacancy_id=filters.vacancy_id,
        pool_id=filters.pool_id,
        decision=filters.decision,
        q=filters.q,
        sort=sort,
    )
    return csv_response(DECISION_COLUMNS, rows, "decisions.csv")


@router.get("/decisions", response_model=DecisionPage)
def list_decisions(
    session: SessionDep,
    principal: CurrentPrincipal,
    filters: Annotated[DecisionFilters, Depends()],
    limit: Limit = 50,
    offset: Offset = 0,
    sort: DecisionSortParam = None,
) -> DecisionPage:
    """List decisions

    The decisions the caller may read, newest first (ties by id, so that pages neither repeat
    nor skip) unless `sort` names another order: an employer those on its vacancies, a
    ministry those on its pools, officers and admins all. Filter by vacancy, pool or kind of
    decision, and search (`q`: every word in the vacancy's title or employer, the pool's
    origin, region, occupation or sector, or the note); page with limit (1..200) and
    offset. The rows include the `released` ones of placements' moves (no `decision` filter
    selects them).
    """
    rows, total = service.list_decisions(
        session,
        principal,
        vacancy_id=filters.vacancy_id,
        pool_id=filters.pool_id,
        decision=filters.decision,
        limit=limit,
        offset=offset,
        q=filters.q,
        sort=sort,
    )
    return DecisionPage(
        items=[DecisionOut.model_validate(d) for d in rows], total=total, limit=limit, offset=offset
    )
