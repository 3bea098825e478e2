"""Listing vacancies or pools: the query parameters the two lists share, and their filters.

No `from __future__ import annotations` here: FastAPI reads a list's parameters from the fields
of its Filters subclass (`Depends()`), and these base fields' types must be objects, not names
to look up in the subclass's module."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar

from fastapi import Query
from sqlalchemy import Select

from app.common.schemas import MAX_OFFSET
from app.taxonomy.filters import OccupationPrefix, SectorFilter, sector_condition


@dataclass(frozen=True, slots=True, kw_only=True)
class Filters:
    """A list's query parameters. A domain's subclass adds its own fields and names, in
    `columns`, the column each must equal."""

    occupation: OccupationPrefix = None
    sector: SectorFilter = None
    columns: ClassVar[Mapping[str, str]] = {}


@dataclass(frozen=True, slots=True, kw_only=True)
class Paging:
    """The page a list endpoint is asked for."""

    limit: Annotated[int, Query(ge=1, le=200, description="page size, 1..200")] = 50
    offset: Annotated[
        int,
        Query(
            ge=0,
            le=MAX_OFFSET,
            description="how many items to skip: the next page starts at offset + limit",
        ),
    ] = 0


def filtered(stmt: Select[Any], model: Any, filters: Filters) -> Select[Any]:
    """`stmt` narrowed by the filters given."""
    for field, column in filters.columns.items():
        if value := getattr(filters, field):
            stmt = stmt.where(getattr(model, column) == value)
    if filters.occupation:
        stmt = stmt.where(model.occupation_code.startswith(filters.occupation))
    if filters.sector:
        stmt = stmt.where(sector_condition(model.sector_code, filters.sector))
    return stmt
