"""Batch rankings: a run record and the pairs it ranked (imdi batch-rank)."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, new_id, utcnow


class RunStatus(StrEnum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"  # its pairs are the scope's results
    FAILED = "failed"  # its pairs were removed; the previous run's stay the results
    CANCELLED = "cancelled"


class RunOutput(StrEnum):
    DATABASE = "database"  # batch_pairs rows
    PARQUET = "parquet"  # part files under output_path (very large scopes)


class BatchRun(Base):
    """One batch ranking of a scope: what it ranked (the inputs' versions), how, and when."""

    __tablename__ = "batch_runs"
    # A scope's latest run of a status (the results "as of").
    __table_args__ = (Index("ix_batch_runs_scope_status", "scope_key", "status", "started_at"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    #: {"destination", "origin", "occupation_prefix"}: None each = everything.
    scope: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: The scope as one canonical text, to find a scope's latest run with an index.
    scope_key: Mapped[str] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(20), default=RunStatus.RUNNING)
    #: Pairs kept per vacancy (None: every eligible pair).
    top_k: Mapped[int | None] = mapped_column(Integer)
    #: The first pairs of each vacancy whose missing essential skills are kept (skills gap).
    explain_top: Mapped[int] = mapped_column(Integer, default=0)
    output: Mapped[str] = mapped_column(String(20), default=RunOutput.DATABASE)
    output_path: Mapped[str | None] = mapped_column(Text)
    #: "local:N" or the scheduler's address.
    cluster: Mapped[str] = mapped_column(String(200))
    workers: Mapped[int] = mapped_column(Integer, default=0)
    # The inputs' versions: the change feed's position the snapshot was read at.
    change_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    change_epoch: Mapped[str | None] = mapped_column(String(64))
    engine_version: Mapped[str] = mapped_column(String(20))
    weights_hash: Mapped[str] = mapped_column(String(80))
    vacancies: Mapped[int] = mapped_column(Integer, default=0)
    pools: Mapped[int] = mapped_column(Integer, default=0)
    #: Eligible pairs found (before the top k cut); pairs kept.
    pairs_ranked: Mapped[int] = mapped_column(BigInteger, default=0)
    pairs_stored: Mapped[int] = mapped_column(BigInteger, default=0)
    tasks_total: Mapped[int] = mapped_column(Integer, default=0)
    tasks_done: Mapped[int] = mapped_column(Integer, default=0)
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    #: A newer run of the scope succeeded: this one's pairs were removed.
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)
    error: Mapped[str | None] = mapped_column(Text)
    started_by: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: The command's last report (every poll, a few seconds apart): a running run whose
    #: heartbeat is old lost its command (a killed process, a lost machine).
    heartbeat_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    duration_s: Mapped[float | None] = mapped_column(Float)


class BatchPair(Base):
    """One vacancy's ranked pair of a run. vacancy_id and pool_id carry no foreign keys: a
    national run writes tens of millions of rows, and vacancies and pools are never deleted
    (they close and withdraw)."""

    __tablename__ = "batch_pairs"

    run_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("batch_runs.id", ondelete="CASCADE"), primary_key=True
    )
    vacancy_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    rank: Mapped[int] = mapped_column(Integer, primary_key=True)  # 1 = best
    pool_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    score: Mapped[float] = mapped_column(Float)
    eligible_headcount: Mapped[int] = mapped_column(Integer)
    pathway_code: Mapped[str] = mapped_column(String(40))
    #: Essential skills of the vacancy the pool gives no credit for (first explain_top only).
    missing_essential: Mapped[list[str] | None] = mapped_column(JSON)
