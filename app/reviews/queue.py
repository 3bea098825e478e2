"""The officers' work queue: matches shortlisted, needing information, or waiting on a decision.

A match's state is its latest decision (decisions are append-only history): "shortlisted" and
"needs_information" are read from the stored rows (only decided pairs have one), one query for
a page, sorted in the database. "waiting" pairs have no decision at all: they are ranked on read
(app/matches/repository.py undecided_pairs), so a view reads a bounded set, the best
QUEUE_DEPTH undecided pools of each of the QUEUE_VACANCIES soonest-starting open vacancies that
match the filters, and sorts and pages that set in memory.

Only work an officer can do is listed: open vacancies and active pools.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.auth import repository as auth_repository
from app.common import codes, search
from app.common.principal import Principal
from app.config import Settings
from app.decisions.models import Decision
from app.matches import repository as matches_repository
from app.matches.models import Match
from app.pools import search as pool_search
from app.pools.models import Pool, PoolStatus
from app.taxonomy import repository as taxonomy
from app.vacancies import search as vacancy_search
from app.vacancies.models import Vacancy, VacancyStatus

State = Literal["waiting", "shortlisted", "needs_information"]
STATES: tuple[State, ...] = ("waiting", "shortlisted", "needs_information")


@dataclass(frozen=True, slots=True, kw_only=True)
class QueueFilters:
    """What narrows the queue: codes (the page resolves names to them) and a search."""

    destination: str | None = None  # ISO code of the vacancy's country
    origin: str | None = None  # ISO code of the pool's country
    occupation: str | None = None  # ISCO-08 code or prefix of the vacancy's occupation
    q: str | None = None


@dataclass(frozen=True, slots=True)
class QueueItem:
    match_id: uuid.UUID
    vacancy: Vacancy
    pool: Pool
    employer: str
    score: float
    eligible_headcount: int
    pathway_code: str | None
    state: State
    decided_at: datetime | None  # the latest decision's time (None: waiting)
    note: str  # the latest decision's note


@dataclass(frozen=True, slots=True)
class QueuePage:
    items: list[QueueItem]
    total: int
    sort: str
    #: "waiting" only: open vacancies whose rankings were read, and how many match the filters.
    vacancies_ranked: int = 0
    vacancies_total: int = 0

    @property
    def capped(self) -> bool:
        return self.vacancies_ranked < self.vacancies_total


#: The columns the queue sorts by; each sort then goes by the best score and the match id, so
#: that pages never overlap.
SORTS: tuple[str, ...] = ("start", "score", "title", "destination", "origin", "workers", "decided")
DEFAULT_SORT = "start"


def _sql_order(sort: str) -> list[Any]:
    column = sort.lstrip("-")
    desc = sort.startswith("-")
    keys: dict[str, Any] = {
        "start": Vacancy.start_date,
        "score": Match.score,
        "title": Vacancy.title,
        "destination": Vacancy.destination_country,
        "origin": Pool.origin_country,
        "workers": Match.eligible_headcount,
        "decided": Decision.created_at,
    }
    key = keys[column]
    return [key.desc() if desc else key.asc(), Match.score.desc(), Match.id.asc()]


def _memory_key(sort: str) -> Callable[[QueueItem], Any]:
    column = sort.lstrip("-")
    keys: dict[str, Callable[[QueueItem], Any]] = {
        "start": lambda i: i.vacancy.start_date,
        "score": lambda i: i.score,
        "title": lambda i: i.vacancy.title.casefold(),
        "destination": lambda i: i.vacancy.destination_country,
        "origin": lambda i: i.pool.origin_country,
        "workers": lambda i: i.eligible_headcount,
        "decided": lambda i: i.decided_at or datetime.min,
    }
    return keys[column]


def _sorted(items: list[QueueItem], sort: str) -> list[QueueItem]:
    # Stable sorts, least significant key first: id, then best score, then the column.
    items = sorted(items, key=lambda i: i.match_id)
    items.sort(key=lambda i: i.score, reverse=True)
    items.sort(key=_memory_key(sort), reverse=sort.startswith("-"))
    return items


def chosen_sort(sort: str | None) -> str:
    return sort if sort and sort.lstrip("-") in SORTS else DEFAULT_SORT


# ---- what a word of the search matches ----------------------------------------------------------


def _vacancy_condition(word: str) -> ColumnElement[bool]:
    """The vacancy's title, employer, occupation or destination (the list of vacancies' own
    search), or its sector, contain `word`."""
    return or_(
        vacancy_search.vacancy_condition(word),
        Vacancy.sector_code.in_(pool_search.sector_codes(word)),
    )


def _pair_text(item: QueueItem, titles: dict[str, str], sectors: dict[str, str]) -> str:
    """Every readable name of a pair, folded, for matching a search in memory."""
    countries = codes.countries()
    v, p = item.vacancy, item.pool
    parts = [
        v.title,
        item.employer,
        v.destination_country,
        countries.get(v.destination_country, ("", ""))[1],
        v.occupation_code,
        titles.get(v.occupation_code, ""),
        sectors.get(v.sector_code or "", ""),
        p.origin_country,
        countries.get(p.origin_country, ("", ""))[1],
        p.region or "",
        p.occupation_code,
        titles.get(p.occupation_code, ""),
        sectors.get(p.sector_code or "", ""),
    ]
    return " | ".join(parts).casefold()


# ---- the stored states --------------------------------------------------------------------------


def _latest() -> ColumnElement[bool]:
    """The decision is its match's latest (no later one: served by the match_id index)."""
    later = aliased(Decision)
    return ~exists().where(
        later.match_id == Decision.match_id,
        or_(
            later.created_at > Decision.created_at,
            and_(later.created_at == Decision.created_at, later.id > Decision.id),
        ),
    )


def _stored(columns: Sequence[Any], filters: QueueFilters) -> Select[Any]:
    stmt = (
        select(*columns)
        .join(Match, Match.id == Decision.match_id)
        .join(Vacancy, Vacancy.id == Decision.vacancy_id)
        .join(Pool, Pool.id == Decision.pool_id)
        .where(
            _latest(),
            Vacancy.status == VacancyStatus.OPEN,
            Pool.status == PoolStatus.ACTIVE,
        )
    )
    if filters.destination:
        stmt = stmt.where(Vacancy.destination_country == filters.destination)
    if filters.origin:
        stmt = stmt.where(Pool.origin_country == filters.origin)
    if filters.occupation:
        stmt = stmt.where(Vacancy.occupation_code.startswith(filters.occupation))
    return stmt.where(*pool_search.matching(filters.q, _vacancy_condition))


def state_counts(session: Session, filters: QueueFilters | None = None) -> dict[str, int]:
    """How many matches are shortlisted and how many need information (latest decision), on
    open vacancies and active pools."""
    stmt = _stored([Decision.decision, func.count()], filters or QueueFilters()).where(
        Decision.decision.in_(("shortlisted", "needs_information"))
    )
    counts: dict[str, int] = {
        kind: int(n) for kind, n in session.execute(stmt.group_by(Decision.decision))
    }
    return {s: counts.get(s, 0) for s in ("shortlisted", "needs_information")}


def _stored_items(rows: Sequence[Any], employers: dict[uuid.UUID, str]) -> list[QueueItem]:
    return [
        QueueItem(
            match_id=m.id,
            vacancy=v,
            pool=p,
            employer=employers.get(v.employer_id, ""),
            score=m.score,
            eligible_headcount=m.eligible_headcount,
            pathway_code=m.pathway_code,
            state=d.decision,
            decided_at=d.created_at,
            note=d.note,
        )
        for d, m, v, p in rows
    ]


def _employers(session: Session, vacancies: Sequence[Vacancy]) -> dict[uuid.UUID, str]:
    return auth_repository.organisation_names(session, (v.employer_id for v in vacancies))


def _stored_page(
    session: Session,
    state: State,
    filters: QueueFilters,
    sort: str,
    limit: int | None,
    offset: int,
) -> QueuePage:
    stmt = _stored([Decision, Match, Vacancy, Pool], filters).where(Decision.decision == state)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    stmt = stmt.order_by(*_sql_order(sort)).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = session.execute(stmt).all()
    employers = _employers(session, [v for _, _, v, _ in rows])
    return QueuePage(_stored_items(rows, employers), total, sort)


# ---- pairs waiting on a decision ----------------------------------------------------------------


def _waiting_vacancies(session: Session, filters: QueueFilters) -> tuple[list[Vacancy], int]:
    """The soonest-starting open vacancies that match the filters (at most QUEUE_VACANCIES),
    and how many do. A word of the search that names a country, or a pool's region, may be
    the pool's: it does not narrow the vacancies (the pairs are matched against it after)."""
    stmt = select(Vacancy).where(Vacancy.status == VacancyStatus.OPEN)
    if filters.destination:
        stmt = stmt.where(Vacancy.destination_country == filters.destination)
    if filters.occupation:
        stmt = stmt.where(Vacancy.occupation_code.startswith(filters.occupation))
    for word in search.words(filters.q):
        if search.country_codes(word):
            continue
        in_region = exists().where(
            Pool.status == PoolStatus.ACTIVE, search.contains(Pool.region, word)
        )
        stmt = stmt.where(or_(_vacancy_condition(word), in_region))
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(
        stmt.order_by(Vacancy.start_date, Vacancy.id).limit(matches_repository.QUEUE_VACANCIES)
    )
    return list(rows), total


def _waiting_page(
    session: Session,
    settings: Settings,
    principal: Principal,
    filters: QueueFilters,
    sort: str,
    limit: int | None,
    offset: int,
) -> QueuePage:
    vacancies, vacancies_total = _waiting_vacancies(session, filters)
    ranked = matches_repository.undecided_pairs(session, settings, principal, vacancies)
    pools = matches_repository.pools_by_id(session, {m.pool_id for m in ranked})
    by_id = {v.id: v for v in vacancies}
    employers = _employers(session, vacancies)
    items = [
        QueueItem(
            match_id=m.id,
            vacancy=by_id[m.vacancy_id],
            pool=pools[m.pool_id],
            employer=employers.get(by_id[m.vacancy_id].employer_id, ""),
            score=m.score,
            eligible_headcount=m.eligible_headcount,
            pathway_code=m.pathway_code,
            state="waiting",
            decided_at=None,
            note="",
        )
        for m in ranked
        if m.pool_id in pools
        and pools[m.pool_id].status == PoolStatus.ACTIVE
        and (not filters.origin or pools[m.pool_id].origin_country == filters.origin)
    ]
    if wanted := search.words(filters.q):
        titles = taxonomy.occupation_titles(
            session,
            {i.vacancy.occupation_code for i in items} | {i.pool.occupation_code for i in items},
        )
        sectors = taxonomy.sector_names(session)
        items = [i for i in items if all(w in _pair_text(i, titles, sectors) for w in wanted)]
    items = _sorted(items, sort)
    shown = items[offset:] if limit is None else items[offset : offset + limit]
    return QueuePage(shown, len(items), sort, len(vacancies), vacancies_total)


def queue_page(
    session: Session,
    settings: Settings,
    principal: Principal,
    state: State,
    filters: QueueFilters,
    *,
    sort: str | None,
    limit: int | None,
    offset: int = 0,
) -> QueuePage:
    """A page of the queue in one state (`limit` None: every item, for an export), sorted by
    `sort` (one of SORTS, "-" first for descending; soonest start, then best score, unless
    said)."""
    chosen = chosen_sort(sort)
    if state == "waiting":
        return _waiting_page(session, settings, principal, filters, chosen, limit, offset)
    return _stored_page(session, state, filters, chosen, limit, offset)
