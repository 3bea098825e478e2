"""Live rankings for tests: the pairs the API would list, read from the engine (not a table).

Rankings are computed on read (app/matches/live.py); only decided pairs have rows. Tests that
need "an eligible match" pick it here, as the ranked pages would show it.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from app.auth.models import Organisation
from app.config import Settings
from app.db import Database
from app.matches.service import RankedMatch, ranked_pairs
from app.pools.models import Pool
from app.vacancies.models import Vacancy


def ranked(
    db: Database,
    *,
    include_ineligible: bool = False,
    explain: bool = False,
    where: Callable[[RankedMatch], bool] | None = None,
) -> list[RankedMatch]:
    """Every open vacancy's ranked pairs (eligible ones unless asked), best score first (then
    id), optionally filtered; as the service ranks them under the test settings."""
    settings = Settings(environment="test", database_url=db.url)
    with db.session() as s:
        found = [
            m
            for _, ms in ranked_pairs(
                s, settings, include_ineligible=include_ineligible, explain=explain
            )
            for m in ms
            if where is None or where(m)
        ]
    found.sort(key=lambda m: (-m.score, str(m.id)))
    return found


def eligible(db: Database, min_headcount: int = 0) -> list[RankedMatch]:
    return ranked(db, where=lambda m: m.eligible and m.eligible_headcount >= min_headcount)


def pair(db: Database, match_id: object) -> RankedMatch | None:
    """The pair `match_id` names as it is ranked now (eligible or not), None when it is not
    in any open vacancy's ranking."""
    found = ranked(db, include_ineligible=True, where=lambda m: str(m.id) == str(match_id))
    return found[0] if found else None


def owners(db: Database, vacancy_id: object, pool_id: object) -> tuple[str, str]:
    """The slugs of a pair's employer and ministry (the demo's keys and users are by slug)."""
    with db.session() as s:
        employer = s.scalar(
            select(Organisation.slug)
            .join(Vacancy, Vacancy.employer_id == Organisation.id)
            .where(Vacancy.id == vacancy_id)
        )
        ministry = s.scalar(
            select(Organisation.slug)
            .join(Pool, Pool.ministry_id == Organisation.id)
            .where(Pool.id == pool_id)
        )
    assert employer and ministry
    return employer, ministry
