"""Labour pools (supply): aggregates of available workers, never individuals."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, new_id, utcnow


class Pool(Base):
    __tablename__ = "pools"
    __table_args__ = (
        UniqueConstraint("ministry_id", "external_ref"),
        CheckConstraint("headcount >= 1", name="headcount_positive"),
        Index("ix_pools_status_origin", "status", "origin_country"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    ministry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisations.id"), index=True)
    external_ref: Mapped[str | None] = mapped_column(String(100))
    origin_country: Mapped[str] = mapped_column(String(2))
    region: Mapped[str | None] = mapped_column(String(100))
    occupation_code: Mapped[str] = mapped_column(ForeignKey("occupations.code"), index=True)
    esco_occupation_uri: Mapped[str | None] = mapped_column(String(255))
    sector_code: Mapped[str | None] = mapped_column(ForeignKey("sectors.code"))
    #: How a job title sent instead of an ISCO code was coded: {input, code, title, confidence}.
    occupation_coding: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    headcount: Mapped[int] = mapped_column(Integer)
    isced_level: Mapped[int] = mapped_column(Integer)
    experience_years: Mapped[float] = mapped_column(Float)
    available_from: Mapped[date | None]
    upload_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("survey_uploads.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(10), default="active")  # active | withdrawn
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": version}


class PoolSkill(Base):
    __tablename__ = "pool_skills"
    __table_args__ = (CheckConstraint("share >= 0 AND share <= 1", name="share_range"),)

    pool_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("pools.id", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[str] = mapped_column(ForeignKey("skills.id"), primary_key=True)
    share: Mapped[float] = mapped_column(Float, default=1.0)
    original_text: Mapped[str | None] = mapped_column(String(300))


class PoolLanguage(Base):
    __tablename__ = "pool_languages"
    __table_args__ = (CheckConstraint("share >= 0 AND share <= 1", name="share_range"),)

    pool_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("pools.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(2), primary_key=True)
    level: Mapped[str] = mapped_column(String(2), primary_key=True)
    share: Mapped[float] = mapped_column(Float)
