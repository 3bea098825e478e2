"""Who sees which vacancy: the one rule, for lists and for single vacancies alike.

Employers see their own organisation's vacancies, ministries the open ones of all, officers and
admins every vacancy. Another organisation's vacancy is "not found" to the principal: ids
reveal nothing."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from app.common.principal import Principal, Role
from app.vacancies.models import Vacancy, VacancyStatus


def conditions(principal: Principal) -> tuple[ColumnElement[bool], ...]:
    """The conditions on Vacancy that limit a query to the vacancies `principal` sees."""
    if principal.role is Role.EMPLOYER:
        return (Vacancy.employer_id == principal.organisation_id,)
    if principal.role is Role.MINISTRY:
        return (Vacancy.status == VacancyStatus.OPEN,)
    return ()


def visible(stmt: Select[Any], principal: Principal) -> Select[Any]:
    """`stmt` (over Vacancy) limited to the vacancies `principal` sees."""
    return stmt.where(*conditions(principal))


def visible_vacancy(
    session: Session, principal: Principal, vacancy_id: uuid.UUID
) -> Vacancy | None:
    """The vacancy, if `principal` sees it (None otherwise, or when there is none)."""
    rule = conditions(principal)
    if not rule:
        return session.get(Vacancy, vacancy_id)  # from the identity map when loaded already
    return session.scalar(select(Vacancy).where(Vacancy.id == vacancy_id, *rule))
