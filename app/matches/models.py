"""Matches that carry decisions (as scored when last decided).

Rankings are computed on read from the live market (app/matches/live.py); a pair is stored
only once an officer decides on it: its row is the history the decisions hang on."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, new_id, utcnow


class Match(Base):
    __tablename__ = "matches"
    __table_args__ = (
        UniqueConstraint("vacancy_id", "pool_id"),
        # Serves "ranked pools of a vacancy" straight from the index.
        Index("ix_matches_vacancy_rank", "vacancy_id", "eligible", "score"),
        Index("ix_matches_pool_rank", "pool_id", "eligible", "score"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    vacancy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("vacancies.id", ondelete="CASCADE"))
    pool_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pools.id", ondelete="CASCADE"))
    score: Mapped[float] = mapped_column(Float)
    components: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    eligible: Mapped[bool] = mapped_column(Boolean)
    pathway_code: Mapped[str | None] = mapped_column(String(40))
    eligible_headcount: Mapped[int] = mapped_column(Integer, default=0)
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    explanation: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    engine_version: Mapped[str] = mapped_column(String(20))
    weights_hash: Mapped[str] = mapped_column(String(16))
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)
