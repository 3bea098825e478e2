"""A match's id is its pair's id: stable, and known without a stored row.

Rankings are computed on read, so most pairs never have a row; yet a ranked page must give
each match an id a client can decide on or read again later, from any server process. The id
is the first 8 bytes of the vacancy id followed by the first 8 bytes of the pool id: it names
the pair for as long as both exist, and reading it back is two primary-key range scans.

Ids are random (uuid4: 60 random bits in each half), so two vacancies (or two pools) sharing a
half is about n^2 / 2^61 likely: ~4e-7 with a million pools. Should it ever happen the id is
ambiguous, and resolving it says so (a 409) rather than guess.
"""

from __future__ import annotations

import uuid
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound, ProblemError
from app.pools.models import Pool as PoolRow
from app.vacancies.models import Vacancy as VacancyRow


def pair_id(vacancy_id: uuid.UUID | str, pool_id: uuid.UUID | str) -> uuid.UUID:
    v = vacancy_id if isinstance(vacancy_id, uuid.UUID) else uuid.UUID(vacancy_id)
    p = pool_id if isinstance(pool_id, uuid.UUID) else uuid.UUID(pool_id)
    return uuid.UUID(bytes=v.bytes[:8] + p.bytes[:8])


_Row = TypeVar("_Row", VacancyRow, PoolRow)


def _by_half(session: Session, model: type[_Row], half: bytes) -> list[_Row]:
    low, high = uuid.UUID(bytes=half + b"\x00" * 8), uuid.UUID(bytes=half + b"\xff" * 8)
    return list(session.scalars(select(model).where(model.id.between(low, high)).limit(2)))


def resolve(session: Session, match_id: uuid.UUID) -> tuple[VacancyRow, PoolRow]:
    """The vacancy and pool a match id names (NotFound when either is gone)."""
    vacancies = _by_half(session, VacancyRow, match_id.bytes[:8])
    pools = _by_half(session, PoolRow, match_id.bytes[8:])
    if not vacancies or not pools:
        raise NotFound("Match", match_id)
    if len(vacancies) > 1 or len(pools) > 1:
        raise ProblemError(
            409,
            "This match id names more than one pair (two ids share a half); read the match "
            "from the vacancy's or the pool's ranking instead.",
            title="Ambiguous match id",
            code="ambiguous_match",
        )
    return vacancies[0], pools[0]
