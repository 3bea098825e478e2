"""Reads of decisions that pages show: a page's decisions in one query and approved headcounts."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.decisions.models import Decision
from app.decisions.totals import approved_headcount, approved_totals


def decisions_by_match(
    session: Session, match_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[Decision]]:
    """The decisions on each of these matches, oldest first (every id is a key)."""
    out: dict[uuid.UUID, list[Decision]] = {m: [] for m in match_ids}
    if match_ids:
        for d in session.scalars(
            select(Decision)
            .where(Decision.match_id.in_(list(match_ids)))
            .order_by(Decision.created_at, Decision.id)
        ):
            out[d.match_id].append(d)
    return out


def approved_by_pair(
    session: Session, pairs: Iterable[tuple[uuid.UUID, uuid.UUID]]
) -> dict[tuple[uuid.UUID, uuid.UUID], int]:
    """Headcount approved now (approvals less withdrawals) on each of these (vacancy, pool)
    pairs, in one query."""
    wanted = list(pairs)
    if not wanted:
        return {}
    return approved_totals(
        session,
        Decision.vacancy_id,
        Decision.pool_id,
        where=(
            Decision.vacancy_id.in_(sorted({v for v, _ in wanted})),
            Decision.pool_id.in_(sorted({p for _, p in wanted})),
        ),
    )


def approved_on_vacancy(session: Session, vacancy_id: uuid.UUID) -> int:
    """Headcount approved now on the vacancy."""
    return approved_headcount(session, Decision.vacancy_id == vacancy_id)


def approved_on_pool(session: Session, pool_id: uuid.UUID) -> int:
    """Headcount approved now from the pool."""
    return approved_headcount(session, Decision.pool_id == pool_id)


def approved_by_pool_of_vacancy(session: Session, vacancy_id: uuid.UUID) -> dict[uuid.UUID, int]:
    """Headcount approved now on the vacancy, by pool (pools with some only)."""
    totals = approved_totals(session, Decision.pool_id, where=(Decision.vacancy_id == vacancy_id,))
    return {pool_id: n for (pool_id,), n in totals.items() if n > 0}
