"""API schemas of legal pathways and exchange rates (design sections 3 and 4).

A pathway document has the shape of seed_data/demo/pathways.json, so that the demo file, the
API and the audit trail all speak the same language.
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field, field_validator

from app.common.schemas import (
    Country,
    Currency,
    IscedLevel,
    LanguageRequirementIn,
    MultiLine,
    SingleLine,
    Strict,
    UtcDatetime,
    Wage,
)
from app.common.vocabulary import ContractType, PathwayKind
from app.pathways.models import ExchangeRate

PathwayCode = Annotated[
    SingleLine,
    # Upper case, so that "de-blue-card" cannot become a second DE-BLUE-CARD.
    AfterValidator(str.upper),
    Field(
        min_length=2,
        max_length=40,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
        description="a short stable code, e.g. DE-BLUE-CARD (letters, digits, . _ -)",
    ),
]
IscoPrefix = Annotated[
    SingleLine,
    Field(pattern=r"^\d{1,4}$", description="an ISCO-08 code at any level (1 to 4 digits)"),
]
_SECTOR = re.compile(r"^(?:[A-U]|\d{2})$")


def _sector_code(value: str) -> str:
    """A section letter (any case) or a division; whether it exists is checked against the
    taxonomy by the service."""
    code = value.strip().upper()
    if not _SECTOR.match(code):
        raise ValueError(
            f"{value!r} is neither an ISIC Rev.4 section (one letter A-U, covering all its "
            "divisions) nor an ISIC Rev.4 division (two digits)"
        )
    return code


SectorCode = Annotated[
    SingleLine,
    AfterValidator(_sector_code),
    Field(
        max_length=2,
        description="an ISIC Rev.4 section letter (covering all its divisions, e.g. Q) or "
        "division (2 digits, e.g. 86)",
        json_schema_extra={"pattern": r"^(?:[A-Ua-u]|\d{2})$"},
    ),
]
Name = Annotated[SingleLine, Field(min_length=1, max_length=200)]
#: Where the rules come from: citations and notes, over several lines if need be.
Source = Annotated[MultiLine, Field(max_length=5_000)]
Experience = Annotated[float, Field(ge=0, le=60, allow_inf_nan=False)]
ContractMonths = Annotated[int, Field(ge=1, le=120)]
Quota = Annotated[int, Field(ge=0, le=100_000_000)]


def _no_duplicates(values: list[Any]) -> list[Any]:
    seen: set[Any] = set()
    for value in values:
        key = value.language if isinstance(value, LanguageRequirementIn) else value
        if key in seen:
            raise ValueError(f"{key!r} is listed twice")
        seen.add(key)
    return values


_LISTS = (
    "origin_countries",
    "occupations",
    "excluded_occupations",
    "sectors",
    "languages",
    "contract_types",
)


class PathwayFields(Strict):
    """Everything of a pathway but its code; shared by create and update."""

    @field_validator(*_LISTS, check_fields=False)
    @classmethod
    def _unique(cls, values: list[Any] | None) -> list[Any] | None:
        return _no_duplicates(values) if values is not None else values


class PathwayIn(PathwayFields):
    code: PathwayCode
    name: Name
    destination_country: Country
    kind: PathwayKind
    origin_countries: Annotated[list[Country], Field(max_length=250)] = Field(
        default=[], description="origin countries; empty = any"
    )
    occupations: Annotated[list[IscoPrefix], Field(max_length=500)] = Field(
        default=[], description="covered ISCO-08 code prefixes; empty = any"
    )
    excluded_occupations: Annotated[list[IscoPrefix], Field(max_length=500)] = []
    sectors: Annotated[list[SectorCode], Field(max_length=120)] = Field(
        default=[], description="covered ISIC sections or divisions; empty = any"
    )
    min_isced: IscedLevel | None = None
    languages: Annotated[list[LanguageRequirementIn], Field(max_length=20)] = Field(
        default=[], description="any-of: the pool meets one of these"
    )
    min_experience_years: Experience | None = None
    wage_threshold: Wage | None = None
    contract_types: Annotated[list[ContractType], Field(max_length=3)] = Field(
        default=[], description="allowed contract types; empty = any"
    )
    max_contract_months: ContractMonths | None = None
    annual_quota: Quota | None = Field(
        default=None, description="approvals per calendar year; null = no quota"
    )
    government_to_government: bool = False
    requires_employer_pays: bool = False
    valid_from: date | None = None
    valid_to: date | None = None
    source: Source = ""


_NOT_NULL = (
    "name",
    "destination_country",
    "kind",
    *_LISTS,
    "government_to_government",
    "requires_employer_pays",
    "source",
)


class PathwayPatch(PathwayFields):
    """A partial update: only the fields sent change. The code cannot change, because
    decisions and vacancies refer to pathways by it."""

    name: Name | None = None
    destination_country: Country | None = None
    kind: PathwayKind | None = None
    origin_countries: Annotated[list[Country], Field(max_length=250)] | None = None
    occupations: Annotated[list[IscoPrefix], Field(max_length=500)] | None = None
    excluded_occupations: Annotated[list[IscoPrefix], Field(max_length=500)] | None = None
    sectors: Annotated[list[SectorCode], Field(max_length=120)] | None = None
    min_isced: IscedLevel | None = None
    languages: Annotated[list[LanguageRequirementIn], Field(max_length=20)] | None = None
    min_experience_years: Experience | None = None
    wage_threshold: Wage | None = None
    contract_types: Annotated[list[ContractType], Field(max_length=3)] | None = None
    max_contract_months: ContractMonths | None = None
    annual_quota: Quota | None = None
    government_to_government: bool | None = None
    requires_employer_pays: bool | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    source: Source | None = None

    @field_validator(*_NOT_NULL)
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        # Fields without a meaningful "nothing" may be left out but not set to null.
        if value is None:
            raise ValueError("may not be null; leave the field out to keep its value")
        return value


class QuotaUsage(BaseModel):
    year: int
    quota: int | None = Field(description="the annual quota; null = no quota")
    used: int = Field(description="headcount of approvals counted against the quota")
    remaining: int | None = Field(description="quota minus used (never below 0); null = no quota")


class PathwayOut(PathwayIn):
    id: uuid.UUID
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    quota_usage: QuotaUsage = Field(description="quota usage in the current calendar year")


# ---- exchange rates ------------------------------------------------------------------------


# What the rate column can hold exactly, read from the model so that the two stay in step.
_RATE_TYPE = ExchangeRate.__table__.c.rate.type


class ExchangeRateIn(Strict):
    currency: Currency
    rate: Annotated[
        Decimal,
        Field(
            gt=0,
            max_digits=_RATE_TYPE.precision,
            decimal_places=_RATE_TYPE.scale,
            description="value of 1 unit in EUR",
        ),
    ]
    as_of: date


class ExchangeRateOut(BaseModel):
    currency: str
    rate: Decimal
    base: str
    as_of: date
    created_at: UtcDatetime
