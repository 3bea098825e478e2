"""Read models of the web pages that no domain service has (the dashboard's figures, a page's
related rows in one query each). Writes never happen here: pages call the domain services.

Matches are ranked on read (app/matches/service.py): only decided pairs have a stored row. What a
page shows of undecided pairs (blocked pairs, the dashboard's waiting vacancies, a ministry's
matched vacancies) comes from the rankings, each read bounded so that a page view does not rank
the whole market."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from app.auth.models import Organisation, User
from app.auth.principal import Principal
from app.config import Settings
from app.db import utcnow
from app.matches import service as matches
from app.matches.models import Match
from app.matches.service import RankedMatch
from app.pathways.models import LegalPathway
from app.pools.models import Pool
from app.reviews import service as reviews
from app.reviews.models import Decision
from app.surveys.models import SurveyUpload
from app.taxonomy import lookup
from app.taxonomy.models import Skill
from app.vacancies.models import Vacancy

#: A quota this full (or fuller) is an alert on the dashboard.
QUOTA_ALERT_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class QuotaLine:
    pathway: str
    name: str
    year: int
    quota: int
    used: int

    @property
    def remaining(self) -> int:
        return max(self.quota - self.used, 0)

    @property
    def share(self) -> float:
        return self.used / self.quota if self.quota else 1.0

    @property
    def alert(self) -> bool:
        return self.share >= QUOTA_ALERT_SHARE


# ---- lookups for a page's rows (one query each) ----------------------------------------------


def by_id(session: Session, model: Any, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Any]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {o.id: o for o in session.scalars(select(model).where(model.id.in_(wanted)))}


def organisation_names(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = session.execute(
        select(Organisation.id, Organisation.name).where(Organisation.id.in_(wanted))
    )
    return {i: n for i, n in rows}


def user_emails(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {
        i: e for i, e in session.execute(select(User.id, User.email).where(User.id.in_(wanted)))
    }


def occupation_titles(session: Session, codes: Iterable[str]) -> dict[str, str]:
    return lookup.unit_groups(session, set(codes))


def skill_labels(session: Session, ids: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {
        i: label
        for i, label in session.execute(select(Skill.id, Skill.label).where(Skill.id.in_(wanted)))
    }


def decisions_by_match(
    session: Session, match_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[Decision]]:
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
    session: Session, rows: Sequence[RankedMatch]
) -> dict[tuple[uuid.UUID, uuid.UUID], int]:
    """Headcount approved now (approvals less withdrawals) on each of these pairs, in one query."""
    if not rows:
        return {}
    return reviews.approved_totals(
        session,
        Decision.vacancy_id,
        Decision.pool_id,
        where=(
            Decision.vacancy_id.in_(sorted({r.vacancy_id for r in rows})),
            Decision.pool_id.in_(sorted({r.pool_id for r in rows})),
        ),
    )


def approvals_in_force(session: Session, vacancy_id: uuid.UUID) -> list[tuple[Match, int]]:
    """The vacancy's matches with workers approved now, and how many, by pool: where an officer
    withdraws an approval whatever the match's ranking (an approval that used up its quota
    leaves its own pair blocked). Read from the stored rows: an approval stores its pair's."""
    held = {
        pool_id: n
        for (pool_id,), n in reviews.approved_totals(
            session, Decision.pool_id, where=(Decision.vacancy_id == vacancy_id,)
        ).items()
        if n > 0
    }
    if not held:
        return []
    rows = session.scalars(
        select(Match)
        .where(Match.vacancy_id == vacancy_id, Match.pool_id.in_(sorted(held)))
        .order_by(Match.pool_id)
    )
    return [(m, held[m.pool_id]) for m in rows]


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
        lambda n, offset: matches.vacancy_ranking(
            session, settings, principal, vacancy, include_ineligible=True, limit=n, offset=offset
        ),
        limit,
    )


def blocked_of_pool(
    session: Session, settings: Settings, principal: Principal, pool: Pool, limit: int = 100
) -> list[RankedMatch]:
    """Ineligible pairs of a pool (related occupations, open vacancies), best score first."""
    return _blocked(
        lambda n, offset: matches.pool_ranking(
            session, settings, principal, pool, include_ineligible=True, limit=n, offset=offset
        ),
        limit,
    )


# ---- quota -----------------------------------------------------------------------------------


def quota_lines(
    session: Session, wanted: Iterable[tuple[str, int]] | None = None
) -> list[QuotaLine]:
    """Usage of pathways with a quota, for the (pathway, year) pairs wanted; by default the
    current year and every start year of an open vacancy to the pathway's destination."""
    pathways = list(
        session.scalars(
            select(LegalPathway)
            .where(LegalPathway.annual_quota.is_not(None))
            .order_by(LegalPathway.code)
        )
    )
    if wanted is None:
        this_year = utcnow().year
        years: dict[str, set[int]] = {}
        for dest, start in session.execute(
            select(Vacancy.destination_country, Vacancy.start_date).where(Vacancy.status == "open")
        ):
            years.setdefault(dest, set()).add(start.year)
        pairs = {
            (p.code, y)
            for p in pathways
            for y in years.get(p.destination_country, set()) | {this_year}
        }
    else:
        pairs = set(wanted)
    codes = {c for c, _ in pairs}
    used = (
        reviews.approved_totals(
            session,
            Decision.pathway_code,
            Decision.quota_year,
            where=(Decision.pathway_code.in_(sorted(codes)),),
        )
        if codes
        else {}
    )
    by_code = {p.code: p for p in pathways}
    lines = [
        QuotaLine(
            code,
            by_code[code].name,
            year,
            int(by_code[code].annual_quota or 0),
            used.get((code, year), 0),
        )
        for code, year in pairs
        if code in by_code
    ]
    lines.sort(key=lambda q: (-q.share, q.pathway, q.year))
    return lines


# ---- dashboards ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Waiting:
    vacancy: Vacancy
    eligible: int
    best_score: float


#: Vacancies the officer's dashboard lists as waiting for a decision.
WAITING_SHOWN = 8
#: Undecided vacancies (soonest start first) ranked per dashboard view to find those.
WAITING_RANKED = 50


def waiting_vacancies(
    session: Session, settings: Settings, principal: Principal
) -> tuple[list[Waiting], int]:
    """Open vacancies with eligible matches and no decision yet, soonest start first (at most
    WAITING_SHOWN, among the WAITING_RANKED soonest-starting undecided vacancies: rankings are
    computed on read, so a page view ranks a bounded number), and how many open vacancies have
    no decision yet (with eligible matches or not)."""
    undecided = select(Vacancy).where(
        Vacancy.status == "open", Vacancy.id.not_in(select(Decision.vacancy_id).distinct())
    )
    total = session.scalar(select(func.count()).select_from(undecided.subquery())) or 0
    waiting: list[Waiting] = []
    for vacancy in session.scalars(
        undecided.order_by(Vacancy.start_date, Vacancy.id).limit(WAITING_RANKED)
    ):
        best, eligible = matches.vacancy_ranking(
            session,
            settings,
            principal,
            vacancy,
            include_ineligible=False,
            limit=1,
            offset=0,
            explain=False,
        )
        if eligible and best:
            waiting.append(Waiting(vacancy, eligible, best[0].score))
            if len(waiting) == WAITING_SHOWN:
                break
    return waiting, total


def officer_dashboard(session: Session, settings: Settings, principal: Principal) -> dict[str, Any]:
    open_vacancies = (
        session.scalar(select(func.count()).select_from(Vacancy).where(Vacancy.status == "open"))
        or 0
    )
    openings = (
        session.scalar(
            select(func.coalesce(func.sum(Vacancy.openings), 0)).where(Vacancy.status == "open")
        )
        or 0
    )
    active_pools = (
        session.scalar(select(func.count()).select_from(Pool).where(Pool.status == "active")) or 0
    )
    headcount = (
        session.scalar(
            select(func.coalesce(func.sum(Pool.headcount), 0)).where(Pool.status == "active")
        )
        or 0
    )
    waiting, waiting_total = waiting_vacancies(session, settings, principal)

    # Pending: matches whose latest decision is a shortlist or a request for information.
    latest = (
        select(Decision.match_id, func.max(Decision.created_at).label("at"))
        .group_by(Decision.match_id)
        .subquery()
    )
    pending = (
        session.scalar(
            select(func.count(distinct(Decision.match_id)))
            .join(
                latest,
                (latest.c.match_id == Decision.match_id) & (latest.c.at == Decision.created_at),
            )
            .where(Decision.decision.in_(["shortlisted", "needs_information"]))
        )
        or 0
    )

    uploads = session.execute(
        select(SurveyUpload, Organisation.name)
        .join(Organisation, Organisation.id == SurveyUpload.organisation_id)
        .order_by(SurveyUpload.created_at.desc(), SurveyUpload.id.desc())
        .limit(5)
    ).all()
    quotas = quota_lines(session)
    return {
        "open_vacancies": open_vacancies,
        "openings": int(openings),
        "active_pools": active_pools,
        "headcount": int(headcount),
        "waiting": waiting,
        "waiting_total": waiting_total,
        "waiting_ranked": min(waiting_total, WAITING_RANKED),
        "pending": pending,
        "uploads": uploads,
        "quota_alerts": [q for q in quotas if q.alert],
        "quotas": quotas[:6],
        "titles": occupation_titles(session, [w.vacancy.occupation_code for w in waiting]),
    }


def recent_decisions(session: Session, principal: Principal, limit: int = 10) -> list[Decision]:
    stmt = reviews.visible_decisions(select(Decision), principal)
    return list(
        session.scalars(stmt.order_by(Decision.created_at.desc(), Decision.id.desc()).limit(limit))
    )


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
    ministry = Pool.ministry_id == principal.organisation_id
    active = Pool.status == "active"
    pools_active = (
        session.scalar(select(func.count()).select_from(Pool).where(ministry, active)) or 0
    )
    pools = list(
        session.scalars(
            select(Pool)
            .where(ministry, active)
            .order_by(Pool.headcount.desc(), Pool.id)
            .limit(MATCHED_POOLS)
        )
    )
    found: dict[uuid.UUID, list[Any]] = {}  # vacancy id -> [pools, best score, headcount]
    for pool in pools:
        ranked, _ = matches.pool_ranking(
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
    wanted = order[offset : offset + limit]
    rows = by_id(session, Vacancy, wanted)
    items = [
        MatchedVacancy(rows[v], found[v][0], found[v][1], found[v][2]) for v in wanted if v in rows
    ]
    return MatchedVacancies(items, len(order), len(pools), pools_active, MATCHED_PER_POOL)


def uploads_of(session: Session, principal: Principal, limit: int = 10) -> list[SurveyUpload]:
    stmt = select(SurveyUpload)
    if not principal.sees_everything:
        stmt = stmt.where(SurveyUpload.organisation_id == principal.organisation_id)
    return list(
        session.scalars(
            stmt.order_by(SurveyUpload.created_at.desc(), SurveyUpload.id.desc()).limit(limit)
        )
    )


def days_until(value: date) -> int:
    return (value - utcnow().date()).days
