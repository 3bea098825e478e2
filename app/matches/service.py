"""Stored matches: when they are recomputed, and how they are read.

When matches are recomputed (all in the same transaction as the change, so no reader ever sees
a match computed from data that has since changed):
- a vacancy is created or changed: it is re-ranked against every active pool;
- a pool is created, changed or withdrawn: it is re-scored against every open vacancy;
- a legal pathway changes, or an approval consumes its quota: every open vacancy of the
  pathway's destination is re-ranked;
- exchange rates change: every open vacancy is re-ranked;
- the weights or the engine version change (configuration, at deployment): stored rows carry
  both; a vacancy whose rows were computed under others is re-ranked before it is served.

What is stored (one rule, `_chosen`, applied from whichever side changed): for each open vacancy
(or active pool) its best MAX_ELIGIBLE eligible pairs and its best MAX_BLOCKED ineligible ones,
so that officers can see which pools a rule blocks and why. The engine ranks relevant pairs only
(same ISCO minor group, or skills component >= 0.5): an unrelated pair is never a match, so it
is never stored, counted or listed as blocked. Rows that carry decisions are history and are kept
(and kept up to date) whatever their rank. Known limit: a pair kept for one side's ranking can
be dropped when the other side is re-ranked and the pair is beyond its caps; with the caps at
500 and 100 this matters only for objects with more than 500 eligible counterparts.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.principal import Principal, Role
from app.config import Settings, get_settings
from app.db import serialise_writes, utcnow
from app.errors import NotFound
from app.matches import adapters
from app.matches.models import Match as MatchRow
from app.pools.models import Pool as PoolRow
from app.reviews.models import Decision
from app.vacancies.models import Vacancy as VacancyRow
from matching import ENGINE_VERSION
from matching.explain import explain
from matching.records import Context, Match
from matching.weights import weights_hash

MAX_ELIGIBLE = 500
MAX_BLOCKED = 100


def _decided(
    session: Session, column, ids: Sequence[uuid.UUID]
) -> set[tuple[uuid.UUID, uuid.UUID]]:
    rows = session.execute(
        select(Decision.vacancy_id, Decision.pool_id).where(column.in_(ids)).distinct()
    )
    return {(v, p) for v, p in rows}


def open_vacancies(session: Session, destinations: Iterable[str] | None = None) -> list[VacancyRow]:
    stmt = select(VacancyRow).where(VacancyRow.status == "open")
    if destinations is not None:
        stmt = stmt.where(VacancyRow.destination_country.in_(sorted(set(destinations))))
    return list(session.scalars(stmt))


def _explained(m: Match, vacancy, pool, ctx: Context) -> Match:
    return replace(m, explanation=explain(vacancy, pool, ctx, m.eligibility))


def _store(
    session: Session,
    existing: dict[tuple[uuid.UUID, uuid.UUID], MatchRow],
    matches: Iterable[Match],
) -> None:
    for m in matches:
        values = adapters.match_values(m)
        row = existing.pop((values["vacancy_id"], values["pool_id"]), None)
        if row is None:
            session.add(MatchRow(**values))
        else:
            for name, value in values.items():
                setattr(row, name, value)
            row.computed_at = utcnow()


def _chosen(ranked: Sequence[Match], is_decided: Callable[[Match], bool]) -> list[Match]:
    """The pairs stored for one vacancy (or one pool), from its ranking best first: the best
    MAX_ELIGIBLE eligible ones, the best MAX_BLOCKED related blocked ones, and any pair a
    decision refers to; in ranking order."""
    eligible = blocked = 0
    keep = []
    for m in ranked:
        if m.eligibility.eligible:
            eligible += 1
            chosen = eligible <= MAX_ELIGIBLE
        else:
            blocked += 1
            chosen = blocked <= MAX_BLOCKED
        if chosen or is_decided(m):
            keep.append(m)
    return keep


def _drop_or_touch(session: Session, row: MatchRow, decided: bool) -> None:
    """A row not chosen this time goes, unless a decision refers to it: then it stays as
    history, and its computation time moves so that every fingerprint that counts it (the
    cached pages of both its vacancy and its pool) changes too."""
    if decided:
        row.computed_at = utcnow()
    else:
        session.delete(row)


def recompute_vacancies(
    session: Session, settings: Settings, vacancies: Sequence[VacancyRow]
) -> None:
    """Re-rank these vacancies against every active pool and store the result."""
    if not vacancies:
        return
    serialise_writes(session)
    session.flush()
    ctx = adapters.load_context(session, settings, settings.weights)
    index = adapters.active_pool_index(session, ctx)
    ids = [v.id for v in vacancies]
    decided = _decided(session, Decision.vacancy_id, ids)
    existing = {
        (r.vacancy_id, r.pool_id): r
        for r in session.scalars(select(MatchRow).where(MatchRow.vacancy_id.in_(ids)))
    }
    for row, vac in zip(vacancies, adapters.vacancy_records(session, vacancies), strict=True):
        if row.status != "open" or not len(index):
            keep: list[Match] = []
        else:
            ranked = index.rank(vac, ctx, None, include_ineligible=True, explain=False)
            keep = _chosen(
                ranked, lambda m: (uuid.UUID(m.vacancy_id), uuid.UUID(m.pool_id)) in decided
            )
        _store(
            session,
            existing,
            (_explained(m, vac, index.pool(index.row(m.pool_id)), ctx) for m in keep),
        )
    # What is left was not chosen this time: drop it unless a decision refers to it.
    for pair, row in existing.items():
        _drop_or_touch(session, row, pair in decided)
    session.flush()


def recompute_pools(session: Session, settings: Settings, pools: Sequence[PoolRow]) -> None:
    """Re-score these pools against every open vacancy and store the pairs worth keeping."""
    if not pools:
        return
    serialise_writes(session)
    session.flush()
    ids = [p.id for p in pools]
    decided = _decided(session, Decision.pool_id, ids)
    existing = {
        (r.vacancy_id, r.pool_id): r
        for r in session.scalars(select(MatchRow).where(MatchRow.pool_id.in_(ids)))
    }
    active = [p for p in pools if p.status == "active"]
    if active:
        ctx = adapters.load_context(session, settings, settings.weights)
        records = adapters.pool_records(session, active)
        by_id = {p.id: p for p in records}
        vacancies = {v.id: v for v in adapters.vacancy_records(session, open_vacancies(session))}
        ranked = adapters.rank_pools(ctx, records, list(vacancies.values()))
        for pool_id, found in ranked.items():
            keep = _chosen(
                found, lambda m: (uuid.UUID(m.vacancy_id), uuid.UUID(m.pool_id)) in decided
            )
            _store(
                session,
                existing,
                (_explained(m, vacancies[m.vacancy_id], by_id[pool_id], ctx) for m in keep),
            )
    for pair, row in existing.items():
        _drop_or_touch(session, row, pair in decided)
    session.flush()


def settings_of(session: Session) -> Settings:
    """The settings of the unit of work (set by the request boundary), else the process's."""
    settings = session.info.get("settings")
    return settings if isinstance(settings, Settings) else get_settings()


def vacancies_changed(session: Session, vacancies: Sequence[VacancyRow]) -> None:
    """Called by the vacancy service after it created or changed these vacancies."""
    recompute_vacancies(session, settings_of(session), vacancies)


def pools_changed(session: Session, pools: Sequence[PoolRow]) -> None:
    """Called by the pool service after it created, changed or withdrew these pools."""
    recompute_pools(session, settings_of(session), pools)


def recompute_destinations(
    session: Session, settings: Settings, destinations: Iterable[str] | None
) -> None:
    """Re-rank the open vacancies of these destinations (None: all)."""
    recompute_vacancies(session, settings, open_vacancies(session, destinations))


def _fingerprint(session: Session, settings: Settings, column, ident: uuid.UUID) -> tuple:
    """What the stored matches of one vacancy or pool were built from, in one indexed query."""
    current = weights_hash(settings.weights)
    count, latest, stale = session.execute(
        select(
            func.count(),
            func.max(MatchRow.computed_at),
            func.count().filter(
                (MatchRow.weights_hash != current) | (MatchRow.engine_version != ENGINE_VERSION)
            ),
        ).where(column == ident)
    ).one()
    return count, str(latest), stale, current


def vacancy_fingerprint(session: Session, settings: Settings, vacancy: VacancyRow) -> tuple:
    """The fingerprint of a vacancy's stored ranking. Rows computed under other weights or
    another engine version are re-ranked first, so what is served is always current."""
    fp = _fingerprint(session, settings, MatchRow.vacancy_id, vacancy.id)
    if fp[2]:
        recompute_vacancies(session, settings, [vacancy])
        fp = _fingerprint(session, settings, MatchRow.vacancy_id, vacancy.id)
    return (*fp, ENGINE_VERSION, vacancy.version, vacancy.status)


def pool_fingerprint(session: Session, settings: Settings, pool: PoolRow) -> tuple:
    fp = _fingerprint(session, settings, MatchRow.pool_id, pool.id)
    if fp[2]:
        recompute_pools(session, settings, [pool])
        fp = _fingerprint(session, settings, MatchRow.pool_id, pool.id)
    return (*fp, ENGINE_VERSION, pool.version, pool.status)


def recompute_stale(session: Session, settings: Settings) -> int:
    """Re-rank every vacancy with rows from other weights or engine (e.g. at start-up)."""
    current = weights_hash(settings.weights)
    ids = set(
        session.scalars(
            select(MatchRow.vacancy_id)
            .where((MatchRow.weights_hash != current) | (MatchRow.engine_version != ENGINE_VERSION))
            .distinct()
        )
    )
    rows = [v for v in session.scalars(select(VacancyRow).where(VacancyRow.id.in_(ids)))]
    recompute_vacancies(session, settings, rows)
    return len(rows)


# ---- reading ---------------------------------------------------------------------------------

_RANK_ORDER = (MatchRow.score.desc(), MatchRow.eligible_headcount.desc())


def visible_vacancy(session: Session, principal: Principal, vacancy_id: uuid.UUID) -> VacancyRow:
    vacancy = session.get(VacancyRow, vacancy_id)
    if vacancy is None:
        raise NotFound("Vacancy", vacancy_id)
    if principal.role is Role.EMPLOYER and vacancy.employer_id != principal.organisation_id:
        raise NotFound("Vacancy", vacancy_id)
    if principal.role is Role.MINISTRY and vacancy.status != "open":
        raise NotFound("Vacancy", vacancy_id)
    return vacancy


def visible_pool(session: Session, principal: Principal, pool_id: uuid.UUID) -> PoolRow:
    pool = session.get(PoolRow, pool_id)
    if pool is None:
        raise NotFound("Pool", pool_id)
    if principal.role is Role.MINISTRY and pool.ministry_id != principal.organisation_id:
        raise NotFound("Pool", pool_id)
    if principal.role is Role.EMPLOYER:
        # Employers see a pool only through a match with one of their own vacancies.
        shared = session.scalar(
            select(func.count())
            .select_from(MatchRow)
            .join(VacancyRow, VacancyRow.id == MatchRow.vacancy_id)
            .where(MatchRow.pool_id == pool_id, VacancyRow.employer_id == principal.organisation_id)
        )
        if not shared:
            raise NotFound("Pool", pool_id)
    return pool


def _scoped(stmt, principal: Principal):
    """Restrict a match query to what the principal may see (design section 8)."""
    if principal.role is Role.EMPLOYER:
        stmt = stmt.where(
            MatchRow.vacancy_id.in_(
                select(VacancyRow.id).where(VacancyRow.employer_id == principal.organisation_id)
            )
        )
    elif principal.role is Role.MINISTRY:
        # Ministries read open vacancies only, also through a match of their own pools.
        stmt = stmt.where(
            MatchRow.pool_id.in_(
                select(PoolRow.id).where(PoolRow.ministry_id == principal.organisation_id)
            ),
            MatchRow.vacancy_id.in_(select(VacancyRow.id).where(VacancyRow.status == "open")),
        )
    return stmt


@dataclass(frozen=True, slots=True)
class Side:
    """One side of the matches table: whose ranking is read, and its counterparts."""

    name: str
    own: Any  # the match column of the object ranked (MatchRow.vacancy_id or .pool_id)
    other: Any  # the match column of its counterparts
    other_model: type[VacancyRow] | type[PoolRow]
    other_live: Any  # counterparts still on the market


VACANCY = Side(
    "vacancy", MatchRow.vacancy_id, MatchRow.pool_id, PoolRow, PoolRow.status == "active"
)
POOL = Side("pool", MatchRow.pool_id, MatchRow.vacancy_id, VacancyRow, VacancyRow.status == "open")


def ranked(
    session: Session,
    principal: Principal,
    side: Side,
    ident: uuid.UUID,
    *,
    include_ineligible: bool,
    limit: int,
    offset: int,
) -> tuple[list[MatchRow], int]:
    """One page of a (visible, current) vacancy's pools or pool's vacancies, and their total."""
    stmt = _scoped(
        select(MatchRow)
        .join(side.other_model, side.other_model.id == side.other)
        .where(side.own == ident, side.other_live),
        principal,
    )
    if not include_ineligible:
        stmt = stmt.where(MatchRow.eligible.is_(True))
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(
        stmt.order_by(*_RANK_ORDER, side.other).limit(limit).offset(offset)
    ).all()
    return list(rows), total


def matches_of_vacancy(
    session: Session,
    settings: Settings,
    principal: Principal,
    vacancy_id: uuid.UUID,
    *,
    include_ineligible: bool,
    limit: int,
    offset: int,
) -> tuple[VacancyRow, list[MatchRow], int]:
    vacancy = visible_vacancy(session, principal, vacancy_id)
    vacancy_fingerprint(session, settings, vacancy)
    rows, total = ranked(
        session,
        principal,
        VACANCY,
        vacancy.id,
        include_ineligible=include_ineligible,
        limit=limit,
        offset=offset,
    )
    return vacancy, rows, total


def matches_of_pool(
    session: Session,
    settings: Settings,
    principal: Principal,
    pool_id: uuid.UUID,
    *,
    include_ineligible: bool,
    limit: int,
    offset: int,
) -> tuple[PoolRow, list[MatchRow], int]:
    pool = visible_pool(session, principal, pool_id)
    pool_fingerprint(session, settings, pool)
    rows, total = ranked(
        session,
        principal,
        POOL,
        pool.id,
        include_ineligible=include_ineligible,
        limit=limit,
        offset=offset,
    )
    return pool, rows, total


def page_scope(principal: Principal) -> str:
    """Principals who see the same rows of a ranking share cached pages."""
    if principal.role is Role.MINISTRY:
        return f"ministry:{principal.organisation_id}"
    if principal.role is Role.EMPLOYER:
        return f"employer:{principal.organisation_id}"
    return "all"


def get_match(session: Session, principal: Principal, match_id: uuid.UUID) -> MatchRow:
    row = session.scalar(_scoped(select(MatchRow).where(MatchRow.id == match_id), principal))
    if row is None:
        raise NotFound("Match", match_id)
    return row
