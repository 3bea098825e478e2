"""API schemas of matches."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from pydantic import BaseModel

from app.common.schemas import UtcDatetime


class Reason(BaseModel):
    code: str
    message: str


class PoolSummary(BaseModel):
    """What a match shows of a pool: aggregates only."""

    id: uuid.UUID
    origin_country: str
    region: str | None
    occupation: str
    headcount: int
    isced_level: int
    experience_years: float
    available_from: date | None


class VacancySummary(BaseModel):
    id: uuid.UUID
    title: str
    destination_country: str
    occupation: str
    openings: int
    start_date: date
    status: str


class MatchOut(BaseModel):
    id: uuid.UUID
    vacancy_id: uuid.UUID
    pool_id: uuid.UUID
    rank: int | None = None
    score: float
    components: dict[str, float]
    eligible: bool
    pathway: str | None
    eligible_headcount: int
    reasons: list[Reason]
    explanation: dict[str, Any]
    engine_version: str
    weights_hash: str
    computed_at: UtcDatetime
    pool: PoolSummary | None = None
    vacancy: VacancySummary | None = None


class MatchPage(BaseModel):
    items: list[MatchOut]
    total: int
    limit: int
    offset: int
