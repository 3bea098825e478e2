"""HTTP API of placements: what becomes of each approval, stage by stage."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Response
from fastapi.responses import JSONResponse

from app.auth.deps import CurrentPrincipal
from app.common.concurrency import etag, parse_if_match
from app.common.schemas import Page
from app.deps import SessionDep
from app.idempotency import service as idempotency
from app.idempotency.service import IdempotencyDep
from app.intake.endpoints import problems, tagged
from app.intake.listing import Paging
from app.placements import service
from app.placements.schemas import (
    BulkMovesIn,
    BulkMovesOut,
    MoveIn,
    PlacementFilters,
    PlacementOut,
)

router = APIRouter(prefix="/api/v1/placements", tags=["placements"])

_PROBLEMS = problems("placement")
_MOVE_PROBLEMS: dict[int | str, dict[str, Any]] = {
    **_PROBLEMS,
    403: {"description": "the role does not record this stage"},
    409: {
        "description": "the counts do not allow it (`errors` name the moves: not enough "
        "workers at the stage, a withdrawn approval), a stale If-Match, or an Idempotency-Key "
        "conflict"
    },
}


@router.get("", response_model=Page[PlacementOut], responses=_PROBLEMS)
def list_placements(
    session: SessionDep,
    principal: CurrentPrincipal,
    filters: Annotated[PlacementFilters, Depends()],
    page: Annotated[Paging, Depends()],
) -> Page[PlacementOut]:
    """Placements you may read: officers every one, an employer its vacancies', a ministry
    its pools'. Newest approval first."""
    return service.list_placements(
        session, principal, filters, limit=page.limit, offset=page.offset
    )


@router.get("/{placement_id}", response_model=PlacementOut, responses=_PROBLEMS)
def get_placement(
    placement_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> PlacementOut:
    return tagged(response, service.get_placement(session, principal, placement_id))


@router.post(
    "/{placement_id}/moves",
    response_model=PlacementOut,
    status_code=201,
    responses=_MOVE_PROBLEMS,
)
def move(
    placement_id: uuid.UUID,
    data: MoveIn,
    session: SessionDep,
    principal: CurrentPrincipal,
    idem: IdempotencyDep,
    if_match: Annotated[
        str | None, Header(alias="If-Match", description="optional: the version you read")
    ] = None,
) -> JSONResponse:
    """Move workers of the placement on to the next stage. Officers record every stage; the
    pool's ministry the origin side (selected, visa applied, departed); the vacancy's employer
    the destination side (contract signed, arrived, started work, completed contract, left
    early). A refused visa or leaving before departure gives the workers' quota, opening and
    pool headcount back."""
    expected = parse_if_match(if_match, required=False)

    def work() -> tuple[int, Any]:
        out = service.move(session, principal, placement_id, data, expected_version=expected)
        return 201, out.model_dump(mode="json")

    stored = idempotency.run(session, principal, idem, work)
    return idempotency.to_response(stored, {"ETag": etag(stored.body["version"])})


@router.post("/moves", response_model=BulkMovesOut, status_code=201, responses=_MOVE_PROBLEMS)
def bulk_moves(
    data: BulkMovesIn, session: SessionDep, principal: CurrentPrincipal, idem: IdempotencyDep
) -> JSONResponse:
    """Moves from an HR system, in order, all or none (send an Idempotency-Key to retry
    safely)."""

    def work() -> tuple[int, Any]:
        placements = service.bulk_moves(session, principal, data)
        body = BulkMovesOut(placements=placements, moves=len(data.moves))
        return 201, body.model_dump(mode="json")

    return idempotency.to_response(idempotency.run(session, principal, idem, work))
