"""Read models of the web pages that no domain service has (the dashboard's figures, a page's
related rows in one query each). Writes never happen here: pages call the domain services."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from app.auth.models import Organisation, User
from app.auth.principal import Principal
from app.db import utcnow
from app.matches.models import Match
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
    session: Session, rows: Sequence[Match]
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
    leaves its own pair blocked)."""
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


def blocked_of_vacancy(session: Session, vacancy_id: uuid.UUID, limit: int = 100) -> list[Match]:
    """Ineligible pairs stored for a vacancy (related occupations), best score first."""
    return list(
        session.scalars(
            select(Match)
            .join(Pool, Pool.id == Match.pool_id)
            .where(
                Match.vacancy_id == vacancy_id, Match.eligible.is_(False), Pool.status == "active"
            )
            .order_by(Match.score.desc(), Match.pool_id)
            .limit(limit)
        )
    )


def blocked_of_pool(session: Session, pool_id: uuid.UUID, limit: int = 100) -> list[Match]:
    return list(
        session.scalars(
            select(Match)
            .join(Vacancy, Vacancy.id == Match.vacancy_id)
            .where(Match.pool_id == pool_id, Match.eligible.is_(False), Vacancy.status == "open")
            .order_by(Match.score.desc(), Match.vacancy_id)
            .limit(limit)
        )
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


def officer_dashboard(session: Session) -> dict[str, Any]:
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

    # Waiting: open vacancies with eligible matches on which nobody has decided anything yet.
    decided = select(Decision.vacancy_id).distinct()
    stmt = (
        select(Vacancy, func.count(Match.id), func.max(Match.score))
        .join(Match, Match.vacancy_id == Vacancy.id)
        .join(Pool, Pool.id == Match.pool_id)
        .where(
            Vacancy.status == "open",
            Match.eligible.is_(True),
            Pool.status == "active",
            Vacancy.id.not_in(decided),
        )
        .group_by(Vacancy.id)
    )
    waiting_total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    waiting = [
        Waiting(v, n, s)
        for v, n, s in session.execute(stmt.order_by(Vacancy.start_date, Vacancy.id).limit(8))
    ]

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


def vacancies_matching_pools(
    session: Session, ministry_id: uuid.UUID, *, limit: int, offset: int
) -> tuple[list[MatchedVacancy], int]:
    """Open vacancies with an eligible match for one of the ministry's active pools."""
    stmt = (
        select(
            Vacancy, func.count(Match.id), func.max(Match.score), func.sum(Match.eligible_headcount)
        )
        .join(Match, Match.vacancy_id == Vacancy.id)
        .join(Pool, Pool.id == Match.pool_id)
        .where(
            Pool.ministry_id == ministry_id,
            Pool.status == "active",
            Match.eligible.is_(True),
            Vacancy.status == "open",
        )
        .group_by(Vacancy.id)
    )
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.execute(
        stmt.order_by(func.max(Match.score).desc(), Vacancy.id).limit(limit).offset(offset)
    )
    return [MatchedVacancy(v, n, s, int(h or 0)) for v, n, s, h in rows], total


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
