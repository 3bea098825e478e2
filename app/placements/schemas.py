"""API schemas of placements: counts of an approval's workers by stage, and their moves."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from fastapi import Query
from pydantic import BaseModel, Field

from app.common.schemas import MultiLine, SingleLine, Strict, UtcDatetime
from app.decisions.models import PlacementStage, PlacementStatus

Count = Annotated[int, Field(ge=1, le=1_000_000)]


class MoveIn(Strict):
    """Workers of one placement moved on to the next stage (counts only, never persons)."""

    from_stage: PlacementStage | None = Field(
        None,
        description="the stage they leave; null or omitted: the approved workers not selected "
        "yet (towards `selected`, or `left_early` for those who drop out first)",
    )
    to_stage: PlacementStage
    count: Count
    on: date = Field(description="the day it happened (not before the approval, not ahead)")
    note: Annotated[MultiLine, Field(max_length=5000)] = ""


class BulkMoveIn(MoveIn):
    placement_id: uuid.UUID


class BulkMovesIn(Strict):
    """Moves from an HR system, applied in order, all or none: any error is one 422 with the
    item's path (`moves[3].count`), and nothing is recorded."""

    moves: Annotated[list[BulkMoveIn], Field(min_length=1, max_length=500)]


class MoveOut(BaseModel):
    id: uuid.UUID
    from_stage: PlacementStage | None
    to_stage: PlacementStage
    count: int
    on: date
    recorded_at: UtcDatetime
    actor_id: uuid.UUID
    note: str
    released: int = Field(description="workers this move gave back (quota, opening, pool)")


class PlacementOut(BaseModel):
    id: uuid.UUID
    decision_id: uuid.UUID = Field(description="the approval it follows")
    match_id: uuid.UUID
    vacancy_id: uuid.UUID
    pool_id: uuid.UUID
    pathway_code: str
    quota_year: int
    approved: int
    approved_at: UtcDatetime
    status: PlacementStatus
    awaiting: int = Field(description="approved workers not selected yet")
    stages: dict[PlacementStage, int] = Field(description="workers at each stage now")
    released: int = Field(
        description="workers given back to the quota, the vacancy and the pool (refused visas, "
        "dropouts before departure)"
    )
    version: int
    updated_at: UtcDatetime
    moves: list[MoveOut] | None = Field(
        None, description="its moves, oldest first (one placement read by id only)"
    )


class BulkMovesOut(BaseModel):
    placements: list[PlacementOut]
    moves: int


@dataclass(frozen=True, slots=True, kw_only=True)
class PlacementFilters:
    """The query parameters of GET /api/v1/placements."""

    vacancy_id: uuid.UUID | None = None
    pool_id: uuid.UUID | None = None
    pathway: Annotated[SingleLine | None, Query(max_length=40)] = None
    stage: Annotated[
        PlacementStage | None, Query(description="placements with workers at this stage now")
    ] = None
    employer_id: uuid.UUID | None = None
    ministry_id: uuid.UUID | None = None
    status: Literal["active", "withdrawn"] | None = None
