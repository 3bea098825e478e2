"""Reads around rankings: the rows a page of matches shows next to its pairs, and the read
models the web pages build from rankings (blocked pairs, vacancies waiting for a decision, a
ministry's matched vacancies).

Matches are ranked on read (app/matches/service.py): only decided pairs have a stored row. What
a page shows of undecided pairs comes from the rankings, each read bounded so that a page view
does not rank the whole market."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.common.lru import Lru
from app.common.principal import Principal
from app.config import Settings
from app.decisions.models import Decision
from app.matches.service import RankedMatch, market, pool_ranking, vacancy_ranking
from app.pools import repository as pools
from app.pools.models import Pool
from app.vacancies import repository as vacancies
from app.vacancies.models import Vacancy

# ---- the counterparts of a page of matches ----------------------------------------------------


def pools_by_id(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Pool]:
    return pools.pools_by_id(session, ids)


def vacancies_by_id(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Vacancy]:
    return vacancies.vacancies_by_id(session, ids)


def pair_rows(session: Session, match: RankedMatch) -> tuple[Pool | None, Vacancy | None]:
    """The pool and the vacancy of one match."""
    return session.get(Pool, match.pool_id), session.get(Vacancy, match.vacancy_id)


# ---- blocked pairs ----------------------------------------------------------------------------

#: How deep into a ranking (eligible pairs included) blocked pairs are looked for.
BLOCKED_DEPTH = 2000
_BLOCKED_CHUNK = 100


def _blocked(
    rank: Callable[[int, int], tuple[list[RankedMatch], int]], limit: int
) -> list[RankedMatch]:
    """The ineligible pairs of a ranking with ineligible pairs (`rank(limit, offset)`), best
    first, up to `limit`: the ranking interleaves them with the eligible ones by score, so it
    is read page by page, at most BLOCKED_DEPTH pairs deep."""
    found: list[RankedMatch] = []
    offset = 0
    chunk = max(limit, _BLOCKED_CHUNK)
    while len(found) < limit and offset < BLOCKED_DEPTH:
        page, total = rank(chunk, offset)
        found.extend(m for m in page if not m.eligible)
        offset += chunk
        if offset >= total:
            break
    return found[:limit]


def blocked_of_vacancy(
    session: Session,
    settings: Settings,
    principal: Principal,
    vacancy: Vacancy,
    limit: int = 100,
) -> list[RankedMatch]:
    """Ineligible pairs of a vacancy (related occupations, active pools), best score first."""
    return _blocked(
        lambda n, offset: vacancy_ranking(
            session,
            settings,
            principal,
            vacancy.id,
            include_ineligible=True,
            limit=n,
            offset=offset,
        ),
        limit,
    )


def blocked_of_pool(
    session: Session, settings: Settings, principal: Principal, pool: Pool, limit: int = 100
) -> list[RankedMatch]:
    """Ineligible pairs of a pool (related occupations, open vacancies), best score first."""
    return _blocked(
        lambda n, offset: pool_ranking(
            session, settings, principal, pool, include_ineligible=True, limit=n, offset=offset
        ),
        limit,
    )


# ---- vacancies waiting for a decision ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Waiting:
    vacancy: Vacancy
    eligible: int
    best_score: float


#: Vacancies the officer's dashboard lists as waiting for a decision.
WAITING_SHOWN = 8
#: Undecided vacancies (soonest start first) ranked per dashboard view to find those.
WAITING_RANKED = 50


def best_of_vacancy(
    session: Session, settings: Settings, principal: Principal, vacancy_id: uuid.UUID
) -> tuple[int, float] | None:
    """How many eligible matches the vacancy has and the best one's score (None: none)."""
    best, eligible = vacancy_ranking(
        session,
        settings,
        principal,
        vacancy_id,
        include_ineligible=False,
        limit=1,
        offset=0,
        explain=False,
    )
    return (eligible, best[0].score) if eligible and best else None


def waiting_vacancies(
    session: Session, settings: Settings, principal: Principal
) -> tuple[list[Waiting], int]:
    """Open vacancies with eligible matches and no decision yet, soonest start first (at most
    WAITING_SHOWN, among the WAITING_RANKED soonest-starting undecided vacancies: rankings are
    computed on read, so a page view ranks a bounded number), and how many open vacancies have
    no decision yet (with eligible matches or not)."""
    undecided, total = vacancies.undecided_open(session, WAITING_RANKED)
    waiting: list[Waiting] = []
    for vacancy in undecided:
        best = best_of_vacancy(session, settings, principal, vacancy.id)
        if best is not None:
            waiting.append(Waiting(vacancy, *best))
            if len(waiting) == WAITING_SHOWN:
                break
    return waiting, total


# ---- a ministry's matched vacancies -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MatchedVacancy:
    vacancy: Vacancy
    pools: int
    best_score: float
    eligible_headcount: int


@dataclass(frozen=True, slots=True)
class MatchedVacancies:
    items: list[MatchedVacancy]  # the page asked for
    total: int  # vacancies found
    pools_ranked: int  # the ministry's active pools whose rankings were read
    pools_active: int  # the ministry's active pools
    per_pool: int  # best vacancies read of each pool's ranking

    @property
    def capped(self) -> bool:
        return self.pools_ranked < self.pools_active


#: Best open vacancies read from each pool's ranking, for a ministry's matched vacancies.
MATCHED_PER_POOL = 25
#: A ministry's active pools (largest first) ranked per view of its matched vacancies.
MATCHED_POOLS = 100


def vacancies_matching_pools(
    session: Session, settings: Settings, principal: Principal, *, limit: int, offset: int
) -> MatchedVacancies:
    """Open vacancies with an eligible match for one of the ministry's active pools, best
    match first: the best MATCHED_PER_POOL vacancies of each of its (at most MATCHED_POOLS,
    largest first) active pools' rankings, by vacancy: how many of those pools, the best
    score, and the eligible workers of those matches. Rankings are computed on read: a view
    reads a bounded number of them, whatever the size of the market."""
    # One market state gives one answer: the rankings are read once per state and ministry,
    # and paging, reloading or going back costs nothing until the market moves (the rankings
    # of a ministry's largest pools take seconds at national scale: bench/bench_pages.py).
    state = market(session, settings)
    key = (
        session.get_bind().engine.url.render_as_string(hide_password=True),  # as live markets
        state.epoch,
        state.seq,
        settings.model_dump_json(),  # weights and the rest that ranking reads
        principal.organisation_id,
    )
    cached = _MATCHED.get(key)
    if cached is None:
        cached = _matched(session, settings, principal)
        _MATCHED.put(key, cached)
    order, found, ranked_pools, pools_active = cached
    wanted = order[offset : offset + limit]
    rows = vacancies.vacancies_by_id(session, wanted)
    items = [MatchedVacancy(rows[v], *found[v]) for v in wanted if v in rows]
    return MatchedVacancies(items, len(order), ranked_pools, pools_active, MATCHED_PER_POOL)


_Matched = tuple[list[uuid.UUID], dict[uuid.UUID, tuple[int, float, int]], int, int]
#: Ministries' matched vacancies by (database, market epoch and change seq, settings,
#: ministry): a few per process.
_MATCHED: Lru[tuple[str, str | None, int, str, uuid.UUID], _Matched] = Lru(64)


def _matched(session: Session, settings: Settings, principal: Principal) -> _Matched:
    """The ministry's matched vacancies, best first, each with (pools, best score, eligible
    workers), and how many of its active pools were ranked of how many."""
    own, pools_active = pools.largest_active(session, principal.organisation_id, MATCHED_POOLS)
    found: dict[uuid.UUID, list[Any]] = {}  # vacancy id -> [pools, best score, headcount]
    for pool in own:
        ranked, _ = pool_ranking(
            session,
            settings,
            principal,
            pool,
            include_ineligible=False,
            limit=MATCHED_PER_POOL,
            offset=0,
            explain=False,
        )
        for m in ranked:
            acc = found.setdefault(m.vacancy_id, [0, m.score, 0])
            acc[0] += 1
            acc[1] = max(acc[1], m.score)
            acc[2] += m.eligible_headcount
    order = sorted(found, key=lambda v: (-found[v][1], v))
    return order, {v: (a[0], a[1], a[2]) for v, a in found.items()}, len(own), pools_active


# ---- the officers' work queue: pairs waiting on a decision -------------------------------------

#: Open vacancies (soonest start first) whose rankings one view of the queue reads.
QUEUE_VACANCIES = 50
#: Best undecided eligible pools read of each of those vacancies' rankings.
QUEUE_DEPTH = 10


def undecided_pairs(
    session: Session,
    settings: Settings,
    principal: Principal,
    vacancies: Sequence[Vacancy],
    depth: int = QUEUE_DEPTH,
) -> list[RankedMatch]:
    """The best `depth` eligible pairs of each of these vacancies that no decision was taken
    on yet, best first within a vacancy: one query for the pairs they already have decisions
    on, and one ranking per vacancy, read `depth` plus its decided pairs deep (so that pairs
    decided on do not crowd out the undecided ones). Without explanations: figures only."""
    ids = [v.id for v in vacancies]
    decided: set[tuple[uuid.UUID, uuid.UUID]] = set()
    if ids:
        decided = {
            (v, p)
            for v, p in session.execute(
                select(Decision.vacancy_id, Decision.pool_id)
                .where(Decision.vacancy_id.in_(ids))
                .distinct()
            )
        }
    on_vacancy: dict[uuid.UUID, int] = {}
    for v, _ in decided:
        on_vacancy[v] = on_vacancy.get(v, 0) + 1
    found: list[RankedMatch] = []
    for vacancy in vacancies:
        ranked, _ = vacancy_ranking(
            session,
            settings,
            principal,
            vacancy.id,
            include_ineligible=False,
            limit=depth + on_vacancy.get(vacancy.id, 0),
            offset=0,
            explain=False,
        )
        found.extend([m for m in ranked if (m.vacancy_id, m.pool_id) not in decided][:depth])
    return found
