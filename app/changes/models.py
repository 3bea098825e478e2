"""The change feed's tables: a head that orders commits and one batch per committed write."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, utcnow


class ChangeHead(Base):
    """The change feed's head: the sequence number of the last committed change batch.

    A writer bumps it as the very last statement of its transaction (app/changes/service.py), so
    on PostgreSQL the row lock orders commits and is held for milliseconds; a reader that sees
    seq N has every batch up to N committed and visible. `epoch` names the database: a market
    built from another database (or one restored from a backup) is rebuilt, never caught up.
    """

    __tablename__ = "change_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    epoch: Mapped[str] = mapped_column(String(36))


class ChangeBatch(Base):
    """What one committed transaction changed, as ids: what a live market re-reads."""

    __tablename__ = "change_batches"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    committed_at: Mapped[datetime] = mapped_column(default=utcnow)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
