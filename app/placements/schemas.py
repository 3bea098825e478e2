"""API schemas of placements: counts of an approval's workers by stage, and their moves."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from fastapi import Query
from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import JsonDict

from app.common.schemas import MultiLine, SingleLine, Strict, UtcDatetime
from app.decisions.models import PlacementStage, PlacementStatus

Count = Annotated[
    int, Field(ge=1, le=1_000_000, description="how many workers move (1..1,000,000)")
]

# Ids the examples share: the approval of 12 Philippine nurses (Western Visayas) for Rhein-Ruhr
# Kliniken's medical ward under the Triple Win programme, and its placement.
_PLACEMENT_ID = "a92c4e17-3d6b-4f05-8b1e-6c0d7a2f9e48"
_DECISION_ID = "d1f6a3b8-7c25-4e09-96b2-4a8e3d0c5f17"
_MATCH_ID = "c47e2a91-5b08-4d3f-8e6a-93f1b0d27c55"
_VACANCY_ID = "3f2b8c1e-6d4a-4e7b-9a51-2c8e0f7d9b34"
_POOL_ID = "8a1d5e62-0b3c-4f98-a7e4-51c9d2b6f803"
_MINISTRY_USER_ID = "b6d0e4f2-9a17-4c3e-8f25-d3a9c61e7b08"

_STAGE_DESCRIPTION = (
    "a stage of the pipeline: selected, contract_signed, visa_applied, visa_granted, "
    "visa_refused, departed, arrived, started_work, completed_contract, left_early"
)


class MoveIn(Strict):
    """Workers of one placement moved on to the next stage (counts only, never persons).

    The moves that exist: (approved) -> selected -> contract_signed -> visa_applied ->
    visa_granted -> departed -> arrived -> started_work -> completed_contract; visa_applied ->
    visa_refused; and from any stage before completion (the approved workers not selected yet
    too) -> left_early. A refused visa, and leaving before departure, give the workers' quota,
    opening and pool headcount back."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "from_stage": "visa_applied",
                    "to_stage": "visa_granted",
                    "count": 10,
                    "on": "2026-02-17",
                    "note": "National visas (section 18a) issued by the German embassy in Manila.",
                },
                {"to_stage": "selected", "count": 12, "on": "2025-11-20"},
            ]
        }
    )

    from_stage: PlacementStage | None = Field(
        None,
        description="the stage they leave; null or omitted: the approved workers not selected "
        "yet (towards `selected`, or `left_early` for those who drop out first)",
    )
    to_stage: PlacementStage = Field(description=f"the stage they reach: {_STAGE_DESCRIPTION}")
    count: Count
    on: date = Field(
        description="the day it happened (ISO 8601 date; not before the approval, not ahead of "
        "today)"
    )
    note: Annotated[
        MultiLine, Field(max_length=5000, description="a note for the history (optional)")
    ] = ""


class BulkMoveIn(MoveIn):
    """One move of a bulk request: a MoveIn naming its placement."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "placement_id": _PLACEMENT_ID,
                    "from_stage": "departed",
                    "to_stage": "arrived",
                    "count": 10,
                    "on": "2026-03-02",
                    "note": "Arrived at Düsseldorf airport; accommodation in the staff residence.",
                }
            ]
        }
    )

    placement_id: uuid.UUID = Field(description="the placement whose workers move")


class BulkMovesIn(Strict):
    """Moves from an HR system, applied in order, all or none: any error is one answer naming
    each failing item's path (`moves[3].count`), and nothing is recorded."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "moves": [
                        {
                            "placement_id": _PLACEMENT_ID,
                            "from_stage": "departed",
                            "to_stage": "arrived",
                            "count": 10,
                            "on": "2026-03-02",
                        },
                        {
                            "placement_id": _PLACEMENT_ID,
                            "from_stage": "arrived",
                            "to_stage": "started_work",
                            "count": 10,
                            "on": "2026-03-09",
                            "note": "Started as nursing assistants pending recognition.",
                        },
                    ]
                }
            ]
        }
    )

    moves: Annotated[
        list[BulkMoveIn],
        Field(
            min_length=1,
            max_length=500,
            description="1 to 500 moves, applied in this order (a later move may move workers "
            "an earlier one brought to a stage)",
        ),
    ]


# (The document's examples have no nulls: FastAPI leaves null values out of the OpenAPI JSON.)
_MOVE_OUT_EXAMPLE: JsonDict = {
    "id": "e3b7a150-48c2-4d9f-a6e1-0f5c28d4b973",
    "from_stage": "visa_applied",
    "to_stage": "visa_refused",
    "count": 1,
    "on": "2026-02-17",
    "recorded_at": "2026-02-17T14:20:03.120775Z",
    "actor_id": "5e9c0b7a-2f14-4a86-b3d9-07a6e8c1f249",
    "note": "Visa refused by the German embassy in Manila; the place goes back to the quota.",
    "released": 1,
}


class MoveOut(BaseModel):
    """One recorded move of a placement's workers (append-only: the placement's history)."""

    model_config = ConfigDict(json_schema_extra={"examples": [_MOVE_OUT_EXAMPLE]})

    id: uuid.UUID = Field(description="the move's id")
    from_stage: PlacementStage | None = Field(
        description="the stage they left; null: the approved workers not selected yet"
    )
    to_stage: PlacementStage = Field(description="the stage they reached")
    count: int = Field(description="how many workers moved")
    on: date = Field(description="the day it happened, as recorded (ISO 8601 date)")
    recorded_at: UtcDatetime = Field(description="when it was recorded (RFC 3339, UTC)")
    actor_id: uuid.UUID = Field(description="the user who recorded it")
    note: str = Field(description="the note sent with it (may be empty)")
    released: int = Field(description="workers this move gave back (quota, opening, pool)")


_PLACEMENT_OUT_EXAMPLE: JsonDict = {
    "id": _PLACEMENT_ID,
    "decision_id": _DECISION_ID,
    "match_id": _MATCH_ID,
    "vacancy_id": _VACANCY_ID,
    "pool_id": _POOL_ID,
    "pathway_code": "DE-TRIPLE-WIN",
    "quota_year": 2026,
    "approved": 12,
    "approved_at": "2025-11-12T09:41:27.518204Z",
    "status": "active",
    "awaiting": 0,
    "stages": {
        "selected": 0,
        "contract_signed": 0,
        "visa_applied": 0,
        "visa_granted": 10,
        "visa_refused": 1,
        "departed": 0,
        "arrived": 0,
        "started_work": 0,
        "completed_contract": 0,
        "left_early": 1,
    },
    "released": 2,
    "version": 7,
    "updated_at": "2026-02-17T14:20:03.120775Z",
}


class PlacementOut(BaseModel):
    """What became of one approval: how many of its workers are at each stage now (counts,
    never persons). The approved workers are `awaiting` plus the sum of `stages`."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _PLACEMENT_OUT_EXAMPLE,
                {**_PLACEMENT_OUT_EXAMPLE, "moves": [_MOVE_OUT_EXAMPLE]},
            ]
        }
    )

    id: uuid.UUID = Field(description="the placement's id")
    decision_id: uuid.UUID = Field(description="the approval it follows")
    match_id: uuid.UUID = Field(description="the approved match")
    vacancy_id: uuid.UUID = Field(description="the match's vacancy")
    pool_id: uuid.UUID = Field(description="the match's pool")
    pathway_code: str = Field(description="the legal pathway the workers were approved under")
    quota_year: int = Field(description="the calendar year whose quota the approval used")
    approved: int = Field(description="workers the approval approved")
    approved_at: UtcDatetime = Field(description="when the approval was recorded (RFC 3339)")
    status: PlacementStatus = Field(
        description="active, or withdrawn (its approval was withdrawn: no more moves)"
    )
    awaiting: int = Field(description="approved workers not selected yet")
    stages: dict[PlacementStage, int] = Field(
        description="workers at each stage now (every stage is listed, 0 included)"
    )
    released: int = Field(
        description="workers given back to the quota, the vacancy and the pool (refused visas, "
        "dropouts before departure)"
    )
    version: int = Field(description="the placement's version; its ETag, for If-Match")
    updated_at: UtcDatetime = Field(description="when it last changed (RFC 3339, UTC)")
    moves: list[MoveOut] | None = Field(
        None,
        description="its moves, oldest first (one placement read by id, or moved, only; null "
        "in lists)",
    )


class BulkMovesOut(BaseModel):
    """The answer to a bulk move: every placement moved, as it is now."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"placements": [_PLACEMENT_OUT_EXAMPLE], "moves": 2}]}
    )

    placements: list[PlacementOut] = Field(
        description="each placement moved, once, in the order of its first move (without its moves)"
    )
    moves: int = Field(description="how many moves were recorded")


@dataclass(frozen=True, slots=True, kw_only=True)
class PlacementFilters:
    """The query parameters of GET /api/v1/placements (and of its CSV export)."""

    vacancy_id: Annotated[
        uuid.UUID | None, Query(description="placements of this vacancy's approvals")
    ] = None
    pool_id: Annotated[
        uuid.UUID | None, Query(description="placements of this pool's approvals")
    ] = None
    pathway: Annotated[
        SingleLine | None,
        Query(max_length=40, description="legal pathway code, e.g. DE-TRIPLE-WIN"),
    ] = None
    stage: Annotated[
        PlacementStage | None, Query(description="placements with workers at this stage now")
    ] = None
    employer_id: Annotated[
        uuid.UUID | None, Query(description="placements of this employer's vacancies")
    ] = None
    ministry_id: Annotated[
        uuid.UUID | None, Query(description="placements of this ministry's pools")
    ] = None
    status: Annotated[
        Literal["active", "withdrawn"] | None,
        Query(description="active, or withdrawn (their approval was withdrawn)"),
    ] = None
