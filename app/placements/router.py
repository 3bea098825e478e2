"""HTTP API of placements: what becomes of each approval, stage by stage."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Response
from fastapi.responses import JSONResponse

from app.auth.deps import CurrentPrincipal, require_roles
from app.common.concurrency import etag, parse_if_match
from app.common.csv_safe import CSV_EXPORT, csv_response
from app.common.principal import Principal, Role
from app.common.schemas import MAX_OFFSET, Page
from app.deps import SessionDep
from app.idempotency import service as idempotency
from app.idempotency.service import IdempotencyDep
from app.intake.endpoints import tagged
from app.placements import export, service
from app.placements.schemas import (
    BulkMovesIn,
    BulkMovesOut,
    MoveIn,
    PlacementFilters,
    PlacementOut,
)

router = APIRouter(prefix="/api/v1/placements", tags=["placements"])

Limit = Annotated[int, Query(ge=1, le=200, description="page size, 1..200")]
Offset = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description="how many matching items to skip (offset paging)")
]
PlacementId = Annotated[uuid.UUID, Path(description="the placement's id")]
#: Every role moves workers, each on its side of the pipeline (a stage of the other side is a
#: 403): declared as a role requirement, so that the document lists the 403.
Mover = Annotated[
    Principal, Depends(require_roles(Role.EMPLOYER, Role.MINISTRY, Role.OFFICER, Role.ADMIN))
]

_ETAG = {
    "ETag": {"description": "the placement's version, for If-Match", "schema": {"type": "string"}}
}
_MOVE_PROBLEMS: dict[int | str, dict[str, Any]] = {
    403: {
        "description": "the caller's role does not record a move into this stage (`errors` "
        "name the moves): the pool's ministry records selected, visa_applied and departed; the "
        "vacancy's employer contract_signed, arrived, started_work, completed_contract and "
        "left_early; officers every stage (visa_granted and visa_refused only they)"
    },
    409: {
        "description": "the counts do not allow it, `code` placement_move with `errors` naming "
        "each move (not_enough_workers with `available`, placement_withdrawn, before_approval); "
        "or a request with the same Idempotency-Key is still in progress (Retry-After); or the "
        "placement changed meanwhile"
    },
}


@router.get("", response_model=Page[PlacementOut])
def list_placements(
    session: SessionDep,
    principal: CurrentPrincipal,
    filters: Annotated[PlacementFilters, Depends()],
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[PlacementOut]:
    """List placements

    The placements the caller may read: officers and admins every one, an employer its
    vacancies', a ministry its pools'. Newest approval first (ties by id, so that pages neither
    repeat nor skip); page with limit (1..200) and offset. Filter by vacancy, pool, pathway,
    employer, ministry, status, or a stage that has workers now. Items come without their
    moves (GET /api/v1/placements/{placement_id} has them).
    """
    return service.list_placements(session, principal, filters, limit=limit, offset=offset)


@router.get(".csv", response_class=Response, responses={**CSV_EXPORT})
def export_placements(
    session: SessionDep,
    principal: CurrentPrincipal,
    filters: Annotated[PlacementFilters, Depends()],
) -> Response:
    """Download the placements as CSV

    Every placement GET /api/v1/placements would list with the same filters, unpaged, in the
    same order (newest approval first, ties by id) and with the same access rules. Columns,
    named as the JSON fields: id, decision_id, match_id, vacancy_id, pool_id, pathway_code,
    quota_year, approved, approved_at, status, awaiting, one column per stage of `stages`
    (stages_selected, stages_contract_signed, stages_visa_applied, stages_visa_granted,
    stages_visa_refused, stages_departed, stages_arrived, stages_started_work,
    stages_completed_contract, stages_left_early), released, version, updated_at; timestamps
    RFC 3339, UTC.
    """
    rows = service.export_placements(session, principal, filters)
    return csv_response(export.COLUMNS, [export.cells(r) for r in rows], "placements.csv")


@router.post(
    "/moves",
    response_model=BulkMovesOut,
    status_code=201,
    responses={
        **_MOVE_PROBLEMS,
        422: {
            "description": "invalid moves (`errors` name each item's path, e.g. "
            "body.moves[3].to_stage: a move the pipeline does not have (invalid_move), a day "
            "ahead of today (future), a placement the caller may not read or that does not "
            "exist (unknown_placement)), or an Idempotency-Key that is malformed or was used "
            "for another request"
        },
    },
)
def create_placement_moves_bulk(
    data: BulkMovesIn, session: SessionDep, principal: Mover, idem: IdempotencyDep
) -> JSONResponse:
    """Record moves of several placements at once

    For an HR system: up to 500 moves, applied in order, all or none (any error answers once,
    naming every failing move, and records nothing). Each move is checked as single moves are
    (the caller's side of the pipeline, counts at the stage it leaves, dates), on the counts
    as the earlier moves of the request leave them. Send an Idempotency-Key to retry safely.
    The answer lists each placement moved, as it is now.
    """

    def work() -> tuple[int, Any]:
        placements = service.bulk_moves(session, principal, data)
        body = BulkMovesOut(placements=placements, moves=len(data.moves))
        return 201, body.model_dump(mode="json")

    return idempotency.to_response(idempotency.run(session, principal, idem, work))


@router.get("/{placement_id}", response_model=PlacementOut, responses={200: {"headers": _ETAG}})
def get_placement(
    placement_id: PlacementId, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> PlacementOut:
    """Get a placement with its moves

    The placement's counts by stage and every move recorded on it, oldest first; its version
    comes as the ETag. Another organisation's placement is a 404.
    """
    return tagged(response, service.get_placement(session, principal, placement_id))


@router.post(
    "/{placement_id}/moves",
    response_model=PlacementOut,
    status_code=201,
    responses={
        **_MOVE_PROBLEMS,
        201: {"headers": _ETAG},
        409: {
            "description": f"{_MOVE_PROBLEMS[409]['description']}; or If-Match names a "
            "version that is not the current one (`current_version`, ETag)"
        },
        422: {
            "description": "an invalid move (`errors`: a move the pipeline does not have, "
            "invalid_move; a day ahead of today, future), an If-Match that is not a version, or "
            "an Idempotency-Key that is malformed or was used for another request"
        },
    },
)
def create_placement_move(
    placement_id: PlacementId,
    data: MoveIn,
    session: SessionDep,
    principal: Mover,
    idem: IdempotencyDep,
    if_match: Annotated[
        str | None,
        Header(
            alias="If-Match",
            description='optional: the version (ETag) you read, as "3" or 3; a stale one is a '
            "409. Without it the move is checked against the counts as committed, so no move "
            "is lost",
        ),
    ] = None,
) -> JSONResponse:
    """Move workers of a placement to the next stage

    Officers and admins record every stage; the pool's ministry the origin side (selected,
    visa applied, departed); the vacancy's employer the destination side (contract signed,
    arrived, started work, completed contract, left early); visa granted and refused are the
    officers'. A refused visa, or leaving before departure, gives the workers' quota, opening
    and pool headcount back (a filled vacancy is open again). The answer is the placement with
    its moves, its version as the ETag. Send an Idempotency-Key to retry safely.
    """
    expected = parse_if_match(if_match, required=False)

    def work() -> tuple[int, Any]:
        out = service.move(session, principal, placement_id, data, expected_version=expected)
        return 201, out.model_dump(mode="json")

    stored = idempotency.run(session, principal, idem, work)
    return idempotency.to_response(stored, {"ETag": etag(stored.body["version"])})
