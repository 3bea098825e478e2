"""Reads of vacancies that pages show (figures, a page's related rows in one query each)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import rows_by_id
from app.decisions.models import Decision
from app.vacancies.models import Vacancy, VacancyStatus

_OPEN = Vacancy.status == VacancyStatus.OPEN


def vacancies_by_id(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Vacancy]:
    return rows_by_id(session, Vacancy, ids)


def open_start_years(session: Session, destination: str | None = None) -> dict[str, set[int]]:
    """The start years of open vacancies, by destination country (of one, if given)."""
    stmt = select(Vacancy.destination_country, Vacancy.start_date).where(_OPEN)
    if destination is not None:
        stmt = stmt.where(Vacancy.destination_country == destination)
    years: dict[str, set[int]] = {}
    for dest, start in session.execute(stmt):
        years.setdefault(dest, set()).add(start.year)
    return years


def open_totals(session: Session) -> tuple[int, int]:
    """How many vacancies are open, and their openings."""
    count, openings = session.execute(
        select(func.count(), func.coalesce(func.sum(Vacancy.openings), 0)).where(_OPEN)
    ).one()
    return int(count or 0), int(openings or 0)


def undecided_open(session: Session, limit: int) -> tuple[list[Vacancy], int]:
    """Open vacancies with no decision yet, soonest start first (at most `limit`), and how
    many there are."""
    undecided = select(Vacancy).where(
        _OPEN, Vacancy.id.not_in(select(Decision.vacancy_id).distinct())
    )
    total = session.scalar(select(func.count()).select_from(undecided.subquery())) or 0
    rows = session.scalars(undecided.order_by(Vacancy.start_date, Vacancy.id).limit(limit))
    return list(rows), total
