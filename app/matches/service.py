"""Matches, ranked on read from the live market; stored only once decided.

Rankings: a vacancy's pools (or a pool's vacancies) are ranked by the engine at read time from
this process's live market (app/matches/live.py), which reflects every write committed before
the request began. Nothing is written when a vacancy, pool, pathway, rate or decision changes
but the change feed's batch (app/changes/service.py): the write path is one straight line.

Ids: a match's id is its pair's id (app/matches/ids.py), so any ranked pair can be read or
decided on by id, from any process, without a row.

Decisions: at the moment of a decision the pair is scored again from the database as it is
under the decision's locks (quota use, openings, pool headcount, the pathways and rates), and
the result is kept as the pair's match row: the history its decisions hang on. A vacancy that
is no longer open (or a pool no longer active) has no ranking; its decided pairs are listed
from those rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.common.principal import Principal, Role
from app.config import Settings
from app.db import in_chunks, settings_of, utcnow
from app.errors import NotFound
from app.matches import adapters, ids, live
from app.matches.models import Match as MatchRow
from app.pools import service as pools_service
from app.pools.models import Pool as PoolRow
from app.pools.models import PoolStatus
from app.vacancies import visibility as vacancy_visibility
from app.vacancies.models import Vacancy as VacancyRow
from app.vacancies.models import VacancyStatus


@dataclass(frozen=True, slots=True)
class RankedMatch:
    """A match as the API and the pages show it (the fields of a stored match row)."""

    id: uuid.UUID
    vacancy_id: uuid.UUID
    pool_id: uuid.UUID
    score: float
    components: dict[str, float]
    eligible: bool
    pathway_code: str | None
    eligible_headcount: int
    reasons: list[dict[str, str]]
    explanation: dict[str, Any]
    engine_version: str
    weights_hash: str
    computed_at: datetime

    @classmethod
    def of(cls, m: Any, computed_at: datetime) -> RankedMatch:
        """From an engine Match with its explanation."""
        values = adapters.match_values(m)
        return cls(
            id=ids.pair_id(values["vacancy_id"], values["pool_id"]),
            computed_at=computed_at,
            **values,
        )

    @classmethod
    def of_row(cls, row: MatchRow) -> RankedMatch:
        return cls(
            id=row.id,
            vacancy_id=row.vacancy_id,
            pool_id=row.pool_id,
            score=row.score,
            components=row.components,
            eligible=row.eligible,
            pathway_code=row.pathway_code,
            eligible_headcount=row.eligible_headcount,
            reasons=list(row.reasons or []),
            # Rows of older engines are served in today's shape (converted on read).
            explanation=adapters.stored_explanation(
                row.explanation,
                eligible=row.eligible,
                pathway=row.pathway_code,
                eligible_headcount=row.eligible_headcount,
                reasons=row.reasons or [],
            ),
            engine_version=row.engine_version,
            weights_hash=row.weights_hash,
            computed_at=row.computed_at,
        )


# ---- reading ---------------------------------------------------------------------------------


def market(session: Session, settings: Settings) -> live.Market:
    return live.current(session, settings)


def open_vacancies(session: Session, destinations: Iterable[str] | None = None) -> list[VacancyRow]:
    stmt = select(VacancyRow).where(VacancyRow.status == VacancyStatus.OPEN)
    if destinations is not None:
        stmt = stmt.where(VacancyRow.destination_country.in_(sorted(set(destinations))))
    return list(session.scalars(stmt))


# ---- who sees what ----------------------------------------------------------------------------


def visible_vacancy(session: Session, principal: Principal, vacancy_id: uuid.UUID) -> VacancyRow:
    vacancy = vacancy_visibility.visible_vacancy(session, principal, vacancy_id)
    if vacancy is None:
        raise NotFound("Vacancy", vacancy_id)
    return vacancy


def vacancy_seen_on_market(m: live.Market, principal: Principal, vacancy_id: uuid.UUID) -> bool:
    """Whether the principal sees this open vacancy by the market alone, as visible_vacancy
    would: False means "ask the database", never "hidden"."""
    label = m.vacancies.label_of(str(vacancy_id))
    if label is None:
        return False
    if principal.role is Role.EMPLOYER:
        return label == m.labels.find(principal.organisation_id)
    return True  # open: officers, admins and ministries see it


def pool_seen_on_market(m: live.Market, principal: Principal, pool_id: uuid.UUID) -> bool:
    """As vacancy_seen_on_market, for an active pool (employers see one through their matches:
    always the database)."""
    label = m.pools.label_of(str(pool_id))
    if label is None or principal.role is Role.EMPLOYER:
        return False
    if principal.role is Role.MINISTRY:
        return label == m.labels.find(principal.organisation_id)
    return True


def visible_pool(
    session: Session, principal: Principal, pool_id: uuid.UUID, settings: Settings | None = None
) -> PoolRow:
    pool = session.get(PoolRow, pool_id)
    if pool is None:
        raise NotFound("Pool", pool_id)
    if principal.role is Role.MINISTRY and pool.ministry_id != principal.organisation_id:
        raise NotFound("Pool", pool_id)
    if principal.role is Role.EMPLOYER and not _employer_sees_pool(
        session, settings or settings_of(session), principal, pool
    ):
        raise NotFound("Pool", pool_id)
    return pool


def _employer_sees_pool(
    session: Session, settings: Settings, principal: Principal, pool: PoolRow
) -> bool:
    """Employers see a pool only through a match with one of their own vacancies: a pair in
    the pool's ranking now, or a decided pair (history)."""
    decided = session.scalar(
        select(func.count())
        .select_from(MatchRow)
        .join(VacancyRow, VacancyRow.id == MatchRow.vacancy_id)
        .where(MatchRow.pool_id == pool.id, VacancyRow.employer_id == principal.organisation_id)
    )
    if decided:
        return True
    m = market(session, settings)
    if str(pool.id) not in m.pools:
        return False
    _, total = m.vacancies.rank_counted(
        m.pools.get(str(pool.id)),
        m.context(settings),
        0,
        include_ineligible=True,
        explain=False,
        within=m.vacancies.labelled(m.labels.find(principal.organisation_id)),
    )
    return total > 0


pools_service.employer_visibility(
    lambda session, principal, pool: _employer_sees_pool(
        session, settings_of(session), principal, pool
    )
)


def page_scope(principal: Principal) -> str:
    """Principals who see the same rows of a ranking share cached pages."""
    if principal.role is Role.MINISTRY:
        return f"ministry:{principal.organisation_id}"
    if principal.role is Role.EMPLOYER:
        return f"employer:{principal.organisation_id}"
    return "all"


# ---- rankings ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _History:
    """How one side's decided pairs are read when it is off the market."""

    own: Any  # the match column of the object (MatchRow.vacancy_id or .pool_id)
    other: Any  # the match column of its counterparts
    other_model: type[VacancyRow] | type[PoolRow]
    other_live: Any  # counterparts still on the market
    scoped_role: Role  # the role that sees only its own counterparts
    owner: Any  # the counterparts' owning organisation column


_OF_VACANCY = _History(
    MatchRow.vacancy_id,
    MatchRow.pool_id,
    PoolRow,
    PoolRow.status == PoolStatus.ACTIVE,
    Role.MINISTRY,
    PoolRow.ministry_id,
)
_OF_POOL = _History(
    MatchRow.pool_id,
    MatchRow.vacancy_id,
    VacancyRow,
    VacancyRow.status == VacancyStatus.OPEN,
    Role.EMPLOYER,
    VacancyRow.employer_id,
)


def _history_page(
    session: Session,
    principal: Principal,
    side: _History,
    ident: uuid.UUID,
    *,
    include_ineligible: bool,
    limit: int,
    offset: int,
) -> tuple[list[RankedMatch], int]:
    """Decided pairs of a vacancy no longer open (or a pool no longer active) whose
    counterparts are still on the market, best first, as the principal may see them."""
    stmt = (
        select(MatchRow)
        .join(side.other_model, side.other_model.id == side.other)
        .where(side.own == ident, side.other_live)
    )
    if principal.role is side.scoped_role:
        stmt = stmt.where(side.owner == principal.organisation_id)
    if not include_ineligible:
        stmt = stmt.where(MatchRow.eligible.is_(True))
    rows = [
        RankedMatch.of_row(r)
        for r in session.scalars(
            stmt.order_by(MatchRow.score.desc(), MatchRow.eligible_headcount.desc(), MatchRow.id)
        )
    ]
    return rows[offset : offset + limit], len(rows)


def vacancy_ranking(
    session: Session,
    settings: Settings,
    principal: Principal,
    vacancy_id: uuid.UUID,
    *,
    include_ineligible: bool,
    limit: int,
    offset: int,
    explain: bool = True,
) -> tuple[list[RankedMatch], int]:
    """One page of a (visible) vacancy's ranked pools, and how many the ranking holds
    (`explain`: with explanations; pages of figures only can do without)."""
    m = market(session, settings)
    key = str(vacancy_id)
    if key not in m.vacancies:
        return _history_page(
            session,
            principal,
            _OF_VACANCY,
            vacancy_id,
            include_ineligible=include_ineligible,
            limit=limit,
            offset=offset,
        )
    record = m.vacancies.get(key)
    within = None
    if principal.role is Role.MINISTRY:
        within = m.pools.labelled(m.labels.find(principal.organisation_id))
    ctx = m.context(settings)
    found, total = m.pools.rank_counted(
        record,
        ctx,
        offset + limit,
        include_ineligible=include_ineligible,
        explain=False,
        within=within,
    )
    page = found[offset : offset + limit]
    if explain:
        page = m.pools.explained(record, page, ctx)
    return [RankedMatch.of(x, m.as_of) for x in page], total


def pool_ranking(
    session: Session,
    settings: Settings,
    principal: Principal,
    pool: PoolRow,
    *,
    include_ineligible: bool,
    limit: int,
    offset: int,
    explain: bool = True,
) -> tuple[list[RankedMatch], int]:
    """One page of a (visible) pool's ranked open vacancies, and how many the ranking holds."""
    m = market(session, settings)
    key = str(pool.id)
    if key not in m.pools:
        return _history_page(
            session,
            principal,
            _OF_POOL,
            pool.id,
            include_ineligible=include_ineligible,
            limit=limit,
            offset=offset,
        )
    record = m.pools.get(key)
    within = None
    if principal.role is Role.EMPLOYER:
        within = m.vacancies.labelled(m.labels.find(principal.organisation_id))
    ctx = m.context(settings)
    found, total = m.vacancies.rank_counted(
        record,
        ctx,
        offset + limit,
        include_ineligible=include_ineligible,
        explain=False,
        within=within,
    )
    page = found[offset : offset + limit]
    if explain:
        page = m.vacancies.explained(record, page, ctx)
    return [RankedMatch.of(x, m.as_of) for x in page], total


def matches_of_vacancy(
    session: Session,
    settings: Settings,
    principal: Principal,
    vacancy_id: uuid.UUID,
    *,
    include_ineligible: bool,
    limit: int,
    offset: int,
) -> tuple[VacancyRow, list[RankedMatch], int]:
    vacancy = visible_vacancy(session, principal, vacancy_id)
    rows, total = vacancy_ranking(
        session,
        settings,
        principal,
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
) -> tuple[PoolRow, list[RankedMatch], int]:
    pool = visible_pool(session, principal, pool_id, settings)
    rows, total = pool_ranking(
        session,
        settings,
        principal,
        pool,
        include_ineligible=include_ineligible,
        limit=limit,
        offset=offset,
    )
    return pool, rows, total


class PairFigures(NamedTuple):
    """A ranked pair's figures only (batch readers: allocation, analytics)."""

    vacancy_id: uuid.UUID
    pool_id: uuid.UUID
    score: float
    eligible: bool
    eligible_headcount: int
    pathway_code: str | None


#: Batches of fewer vacancies than this are ranked in the server process itself.
PARALLEL_FROM = 256


def _batch(
    session: Session,
    settings: Settings,
    vacancy_ids: Iterable[uuid.UUID] | None,
    k: int | None,
    include_ineligible: bool,
    progress: Callable[[int, int], None] | None,
) -> Iterator[tuple[live.Market, Any, Any, list[Any]]]:
    m = market(session, settings)
    ctx = m.context(settings)
    if vacancy_ids is None:
        records = m.vacancies.records()
    else:
        records = [m.vacancies.get(str(v)) for v in vacancy_ids if str(v) in m.vacancies]
    workers = settings.ranking_workers if len(records) >= PARALLEL_FROM else 1
    ranked = m.pools.rank_many(
        records, ctx, k, include_ineligible=include_ineligible, workers=workers
    )
    by_id = {r.id: r for r in records}
    for i, (vid, found) in enumerate(ranked, 1):
        yield m, ctx, by_id[vid], found
        if progress is not None and (i % 100 == 0 or i == len(records)):
            progress(i, len(records))


def ranked_pairs(
    session: Session,
    settings: Settings,
    vacancy_ids: Iterable[uuid.UUID] | None = None,
    *,
    k: int | None = None,
    explain: bool = False,
    include_ineligible: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[tuple[uuid.UUID, list[RankedMatch]]]:
    """The rankings of many open vacancies (all, or these), each its best k pairs (None: all),
    eligible ones unless asked, from one state of the market: what analytics read, in batch
    (in parallel processes for large batches). Without `explain` the matches carry scores,
    headcounts and reasons only. `progress(done, total)` every 100 vacancies and at the end."""
    for m, ctx, record, found in _batch(
        session, settings, vacancy_ids, k, include_ineligible, progress
    ):
        if explain:
            found = m.pools.explained(record, found, ctx)
        yield uuid.UUID(record.id), [RankedMatch.of(x, m.as_of) for x in found]


def pair_figures(
    session: Session,
    settings: Settings,
    vacancy_ids: Iterable[uuid.UUID] | None = None,
    *,
    k: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[tuple[uuid.UUID, list[PairFigures]]]:
    """ranked_pairs' eligible pairs as figures only: cheap enough for ten thousand vacancies'
    best hundreds of pools (an allocation plan)."""
    for _, _, record, found in _batch(session, settings, vacancy_ids, k, False, progress):
        vid = uuid.UUID(record.id)
        yield vid, [adapters.pair_figures(vid, x, PairFigures) for x in found]


# ---- one pair ---------------------------------------------------------------------------------


def pair_of(
    session: Session, principal: Principal, match_id: uuid.UUID
) -> tuple[VacancyRow, PoolRow]:
    """The vacancy and pool a match id names, if the principal may see the match (section 8:
    an employer's own vacancies; a ministry's own pools, with open vacancies)."""
    vacancy, pool = ids.resolve(session, match_id)
    if principal.role is Role.MINISTRY and pool.ministry_id != principal.organisation_id:
        raise NotFound("Match", match_id)
    if vacancy_visibility.visible_vacancy(session, principal, vacancy.id) is None:
        raise NotFound("Match", match_id)
    return vacancy, pool


def stored(session: Session, match_id: uuid.UUID) -> MatchRow | None:
    return session.get(MatchRow, match_id)


def stored_many(session: Session, match_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, MatchRow]:
    """The stored rows among these pairs, read at once (a batch of decisions: most pairs have
    none, and asking for each would be a query per pair)."""
    found: dict[uuid.UUID, MatchRow] = {}
    for chunk in in_chunks(sorted(set(match_ids))):
        found.update(
            (r.id, r) for r in session.scalars(select(MatchRow).where(MatchRow.id.in_(chunk)))
        )
    return found


def evaluate(
    session: Session, settings: Settings, pairs: Sequence[tuple[VacancyRow, PoolRow]]
) -> dict[tuple[uuid.UUID, uuid.UUID], RankedMatch]:
    """Score these pairs now from the database (not the market): the pathways, rates, quota
    use and approvals as they are in this transaction, for decisions taken under their locks.
    Pairs that are not matches (not relevant) are left out."""
    if not pairs:
        return {}
    m = market(session, settings)  # the taxonomy only: it changes by imports, not decisions
    vacancies = {v.id: v for v, _ in pairs}
    pools = {p.id: p for _, p in pairs}
    pathways = adapters.pathway_records(
        session, {v.destination_country for v in vacancies.values()}
    )
    ctx = adapters.engine_context(
        m.taxonomy,
        pathways,
        adapters.exchange_rates(session, settings.base_currency),
        adapters.quota_used(session, [p.code for p in pathways]),
        adapters.approved_pairs(session, list(pools)),
        settings,
    )
    v_records = dict(
        zip(vacancies, adapters.vacancy_records(session, list(vacancies.values())), strict=True)
    )
    p_records = dict(zip(pools, adapters.pool_records(session, list(pools.values())), strict=True))
    wanted: dict[uuid.UUID, list[uuid.UUID]] = {}
    for v, p in pairs:
        wanted.setdefault(v.id, []).append(p.id)
    now = utcnow()
    out: dict[tuple[uuid.UUID, uuid.UUID], RankedMatch] = {}
    for vid, pids in wanted.items():
        scored = adapters.score_pairs(v_records[vid], [p_records[p] for p in pids], ctx)
        for pid in pids:
            found = scored.get(str(pid))
            if found is not None:
                out[(vid, pid)] = RankedMatch.of(found, now)
    return out


def remember(
    session: Session, match: RankedMatch, stored: dict[uuid.UUID, MatchRow] | None = None
) -> MatchRow:
    """Keep a decided pair as it was scored for the decision (its row, under its pair id).
    `stored`: a batch's rows from stored_many (a pair missing from it has none; a row made
    here joins it)."""
    row = session.get(MatchRow, match.id) if stored is None else stored.get(match.id)
    values = {
        "vacancy_id": match.vacancy_id,
        "pool_id": match.pool_id,
        "score": match.score,
        "components": match.components,
        "eligible": match.eligible,
        "pathway_code": match.pathway_code,
        "eligible_headcount": match.eligible_headcount,
        "reasons": match.reasons,
        "explanation": match.explanation,
        "engine_version": match.engine_version,
        "weights_hash": match.weights_hash,
        "computed_at": match.computed_at,
    }
    if row is None:
        row = MatchRow(id=match.id, **values)
        session.add(row)
        if stored is not None:
            stored[match.id] = row
    else:
        for name, value in values.items():
            setattr(row, name, value)
    session.flush()
    return row


def get_match(
    session: Session, settings: Settings, principal: Principal, match_id: uuid.UUID
) -> RankedMatch:
    """A match as it stands now: scored from the market while both sides are on it, else
    as last decided (a pair that is neither a match now nor decided is a 404)."""
    vacancy, pool = pair_of(session, principal, match_id)
    m = market(session, settings)
    vkey, pkey = str(vacancy.id), str(pool.id)
    if vkey in m.vacancies and pkey in m.pools:
        record = m.vacancies.get(vkey)
        scored = adapters.score_pairs(record, [m.pools.get(pkey)], m.context(settings))
        if pkey in scored:
            return RankedMatch.of(scored[pkey], m.as_of)
    row = stored(session, match_id)
    if row is None:
        raise NotFound("Match", match_id)
    return RankedMatch.of_row(row)
