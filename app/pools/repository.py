"""Reads of pools that pages show (figures, a page's related rows in one query each)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import rows_by_id
from app.pools.models import Pool, PoolStatus

_ACTIVE = Pool.status == PoolStatus.ACTIVE


def pools_by_id(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Pool]:
    return rows_by_id(session, Pool, ids)


def active_totals(session: Session) -> tuple[int, int]:
    """How many pools are active, and their headcount."""
    count, headcount = session.execute(
        select(func.count(), func.coalesce(func.sum(Pool.headcount), 0)).where(_ACTIVE)
    ).one()
    return int(count or 0), int(headcount or 0)


def largest_active(session: Session, ministry_id: uuid.UUID, limit: int) -> tuple[list[Pool], int]:
    """A ministry's active pools, largest first (at most `limit`), and how many it has."""
    own = Pool.ministry_id == ministry_id
    total = session.scalar(select(func.count()).select_from(Pool).where(own, _ACTIVE)) or 0
    rows = session.scalars(
        select(Pool).where(own, _ACTIVE).order_by(Pool.headcount.desc(), Pool.id).limit(limit)
    )
    return list(rows), total
