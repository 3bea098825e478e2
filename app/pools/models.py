"""Labour pools (supply): aggregates of available workers, never individuals.

Identity (design section 3): a ministry has at most one active pool per (origin country,
region, occupation, sector experience). `identity_key` is that tuple normalised (the region
compared case- and whitespace-insensitively, a missing region or sector as empty), kept in step
with the columns by the ORM events below, so that every writer (service, seed, tests) stores it
and a partial unique index on (ministry_id, identity_key) over active pools enforces it in the
database, NULL region and sector included. Withdrawn pools keep their key: a later wave naming
that identity brings the pool back instead of adding a second one.

`PoolVersion` keeps the figures a pool had before a write replaced them (a new survey wave, an
API update, a withdrawal); the current figures are the pool itself.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    event,
    inspect,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app import changes
from app.common.vocabulary import CefrLevel
from app.db import Base, Versioned, new_id, utcnow

#: Longest identity key: a 100-character region may grow when case-folded ("ß" -> "ss").
IDENTITY_KEY_LENGTH = 320
_ACTIVE = text("status = 'active'")


def normalise_region(region: str | None) -> str:
    """The region as the identity compares it: case-folded, whitespace collapsed."""
    return " ".join((region or "").split()).casefold()


def identity_key(origin: str, region: str | None, occupation: str, sector: str | None) -> str:
    """'PH|central luzon|2221|86': the pool identity of design section 3 (within a ministry)."""
    return "|".join((origin.upper(), normalise_region(region), occupation, sector or ""))


class PoolStatus(StrEnum):
    ACTIVE = "active"
    WITHDRAWN = "withdrawn"  # by its ministry, or left out of a later survey wave


class Pool(Versioned, Base):
    __tablename__ = "pools"
    __table_args__ = (
        UniqueConstraint("ministry_id", "external_ref"),
        CheckConstraint("headcount >= 1", name="headcount_positive"),
        Index("ix_pools_status_origin", "status", "origin_country"),
        # The sorts of the list of pools (app/pools/search.py POOL_SORTS), read from an index
        # whatever the number of pools: newest first, by origin and region, by headcount.
        Index("ix_pools_created", "created_at", "id"),
        Index("ix_pools_origin_region", "origin_country", "region", "id"),
        Index("ix_pools_headcount", "headcount", "id"),
        # Lookups by identity (any status) and a ministry's pools.
        Index("ix_pools_ministry_identity", "ministry_id", "identity_key"),
        # One active pool per identity: a concurrent second writer fails here (409).
        Index(
            "uq_pools_active_identity",
            "ministry_id",
            "identity_key",
            unique=True,
            sqlite_where=_ACTIVE,
            postgresql_where=_ACTIVE,
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    ministry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisations.id"))
    external_ref: Mapped[str | None] = mapped_column(String(100))
    origin_country: Mapped[str] = mapped_column(String(2))
    region: Mapped[str | None] = mapped_column(String(100))
    occupation_code: Mapped[str] = mapped_column(ForeignKey("occupations.code"), index=True)
    esco_occupation_uri: Mapped[str | None] = mapped_column(String(255))
    sector_code: Mapped[str | None] = mapped_column(ForeignKey("sectors.code"))
    #: identity_key(origin_country, region, occupation_code, sector_code), set on every flush.
    identity_key: Mapped[str] = mapped_column(String(IDENTITY_KEY_LENGTH))
    #: How a job title sent instead of an ISCO code was coded: {input, code, title, confidence}.
    occupation_coding: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    headcount: Mapped[int] = mapped_column(Integer)
    isced_level: Mapped[int] = mapped_column(Integer)
    experience_years: Mapped[float] = mapped_column(Float)
    available_from: Mapped[date | None]
    upload_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("survey_uploads.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(10), default=PoolStatus.ACTIVE)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))

    @property
    def current_identity_key(self) -> str:
        return identity_key(
            self.origin_country, self.region, self.occupation_code, self.sector_code
        )


_IDENTITY_COLUMNS = ("origin_country", "region", "occupation_code", "sector_code")


@event.listens_for(Pool, "before_insert")
def _identity_on_insert(_mapper: object, _connection: object, pool: Pool) -> None:
    # Derived from the columns, so no writer can store a pool whose key disagrees with them.
    pool.identity_key = pool.current_identity_key


@event.listens_for(Pool, "before_update")
def _identity_on_update(_mapper: object, _connection: object, pool: Pool) -> None:
    # Only when an identity column changed: the others may not even be loaded (no SQL here).
    attrs = inspect(pool).attrs
    if any(attrs[name].history.has_changes() for name in _IDENTITY_COLUMNS):
        pool.identity_key = pool.current_identity_key


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
    level: Mapped[CefrLevel] = mapped_column(String(2), primary_key=True)
    share: Mapped[float] = mapped_column(Float)


class PoolVersion(Base):
    """The figures of one earlier version of a pool, kept when a write replaced them.

    `figures` is the pool's state as the audit log records it (identity, headcount, skills,
    languages, ISCED, experience, availability, source upload, status). Who made a version is
    the `replaced_by` of the version before it (the pool's creator for version 1)."""

    __tablename__ = "pool_versions"

    pool_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("pools.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    figures: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: When this version was made (the pool's updated_at then).
    valid_from: Mapped[datetime]
    replaced_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: What replaced this version.
    replaced_by_action: Mapped[Literal["update", "withdraw"]] = mapped_column(String(10))
    replaced_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    replaced_by_upload_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("survey_uploads.id", ondelete="SET NULL")
    )


class MinistryOrigin(Base):
    """An origin country other than its own that an officer allowed a ministry to publish
    pools for (a regional labour office, a ministry that also registers its diaspora)."""

    __tablename__ = "ministry_origins"

    ministry_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    origin_country: Mapped[str] = mapped_column(String(2), primary_key=True)
    granted_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)


# The change feed notes every write to these (app/changes/service.py).
changes.watch_ids(Pool, "pools")
changes.watch_ids(PoolSkill, "pools", "pool_id")
changes.watch_ids(PoolLanguage, "pools", "pool_id")
