"""Query parameters shared by list endpoints, validated so a bad filter is a 422, not an empty
page (and never a LIKE pattern)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query
from pydantic import AfterValidator
from sqlalchemy import ColumnElement, select

from app.common import codes
from app.common.schemas import SingleLine
from app.taxonomy.models import Sector


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    code = value.strip().upper()
    if not codes.is_country(code):
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code")
    return code


def _upper(value: str | None) -> str | None:
    return value.upper() if value is not None else None


CountryFilter = Annotated[
    SingleLine | None,
    Query(description="ISO 3166-1 alpha-2 country code"),
    AfterValidator(_country),
]
OccupationPrefix = Annotated[
    SingleLine | None,
    Query(
        pattern=r"^\d{1,4}$",
        description="ISCO-08 code or prefix: 2 = professionals, "
        "22 = health professionals, 2221 = nursing professionals",
    ),
]
SectorFilter = Annotated[
    SingleLine | None,
    Query(pattern=r"^(\d{2}|[A-Ua-u])$", description="ISIC Rev.4 division (86) or section (Q)"),
    AfterValidator(_upper),
]


def sector_condition(column: Any, sector: str) -> ColumnElement[bool]:
    """`column` (an ISIC division code) matches a SectorFilter: the division itself, or for a
    section letter any of its divisions."""
    if sector.isalpha():  # an ISIC section: any of its divisions
        return column.in_(select(Sector.code).where(Sector.section_code == sector))
    return column == sector
