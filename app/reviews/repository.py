"""Reads of decisions and quota use that pages show: the approvals in force on a vacancy, the
latest decisions a principal may read, and the usage of pathways with a quota."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.common.principal import Principal
from app.db import utcnow
from app.decisions import repository as decisions
from app.decisions.models import Decision
from app.decisions.totals import approved_totals
from app.matches.models import Match
from app.pathways.models import LegalPathway
from app.reviews.service import visible_decisions
from app.vacancies import repository as vacancies

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


def approvals_in_force(session: Session, vacancy_id: uuid.UUID) -> list[tuple[Match, int]]:
    """The vacancy's matches with workers approved now, and how many, by pool: where an officer
    withdraws an approval whatever the match's ranking (an approval that used up its quota
    leaves its own pair blocked). Read from the stored rows: an approval stores its pair's."""
    held = decisions.approved_by_pool_of_vacancy(session, vacancy_id)
    if not held:
        return []
    rows = session.scalars(
        select(Match)
        .where(Match.vacancy_id == vacancy_id, Match.pool_id.in_(sorted(held)))
        .order_by(Match.pool_id)
    )
    return [(m, held[m.pool_id]) for m in rows]


def recent_decisions(session: Session, principal: Principal, limit: int = 10) -> list[Decision]:
    """The latest decisions the principal may read, newest first."""
    stmt = visible_decisions(select(Decision), principal)
    return list(
        session.scalars(stmt.order_by(Decision.created_at.desc(), Decision.id.desc()).limit(limit))
    )


def quota_lines(
    session: Session, wanted: Iterable[tuple[str, int]] | None = None
) -> list[QuotaLine]:
    """Usage of pathways with a quota, for the (pathway, year) pairs wanted; by default the
    current year and every start year of an open vacancy to the pathway's destination.
    Fullest first."""
    pathways = list(
        session.scalars(
            select(LegalPathway)
            .where(LegalPathway.annual_quota.is_not(None))
            .order_by(LegalPathway.code)
        )
    )
    if wanted is None:
        this_year = utcnow().year
        years = vacancies.open_start_years(session)
        pairs = {
            (p.code, y)
            for p in pathways
            for y in years.get(p.destination_country, set()) | {this_year}
        }
    else:
        pairs = set(wanted)
    codes = {c for c, _ in pairs}
    used = (
        approved_totals(
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
