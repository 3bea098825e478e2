"""Listing vacancies or pools: the filters the two lists share, and a page newest first."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.common.schemas import Page
from app.taxonomy.filters import sector_condition

Out = TypeVar("Out")


def filtered(
    stmt: Select[Any],
    model: Any,
    *,
    equal: Mapping[str, object | None],
    occupation: str | None,
    sector: str | None,
) -> Select[Any]:
    """`stmt` narrowed by the filters given: columns of `model` equal to a value, an ISCO-08
    code prefix, an ISIC section or division."""
    for column, value in equal.items():
        if value:
            stmt = stmt.where(getattr(model, column) == value)
    if occupation:
        stmt = stmt.where(model.occupation_code.startswith(occupation))
    if sector:
        stmt = stmt.where(sector_condition(model.sector_code, sector))
    return stmt


def newest_first(
    session: Session,
    model: Any,
    stmt: Select[Any],
    to_out: Callable[[Session, Sequence[Any]], list[Out]],
    *,
    limit: int,
    offset: int,
) -> Page[Out]:
    """One page of `stmt`'s rows, newest first (ties by id, so pages never overlap)."""
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(
        stmt.order_by(model.created_at.desc(), model.id.desc()).limit(limit).offset(offset)
    ).all()
    return Page(items=to_out(session, rows), total=total, limit=limit, offset=offset)
