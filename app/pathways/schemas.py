"""API schemas of legal pathways and exchange rates (design sections 3 and 4).

A pathway document has the shape of seed_data/demo/pathways.json, so that the demo file, the
API and the audit trail all speak the same language.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from fastapi import Query
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
    field_validator,
)
from pydantic.json_schema import JsonDict

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
Name = Annotated[
    SingleLine, Field(min_length=1, max_length=200, description="the pathway's name, for people")
]
#: Where the rules come from: citations and notes, over several lines if need be.
Source = Annotated[
    MultiLine,
    Field(
        max_length=5_000,
        description="where the rules come from: the law or agreement, and what is approximated",
    ),
]
Experience = Annotated[
    float,
    Field(
        ge=0,
        le=60,
        allow_inf_nan=False,
        description="years of experience the pool's workers need at least; null: none",
    ),
]
ContractMonths = Annotated[
    int, Field(ge=1, le=120, description="longest contract the pathway allows, in months")
]
Quota = Annotated[
    int,
    Field(
        ge=0, le=100_000_000, description="approvals (workers) per calendar year; null: no quota"
    ),
]


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


_TRIPLE_WIN: JsonDict = {
    "code": "DE-TRIPLE-WIN",
    "name": "Triple Win nurse programme",
    "destination_country": "DE",
    "kind": "g2g_programme",
    "origin_countries": ["BA", "PH", "TN", "ID", "IN", "JO"],
    "occupations": ["2221", "3221"],
    "excluded_occupations": [],
    "sectors": [],
    "min_isced": 5,
    "languages": [{"language": "de", "min_level": "B1"}],
    "min_experience_years": None,
    "wage_threshold": None,
    "contract_types": [],
    "max_contract_months": None,
    "annual_quota": None,
    "government_to_government": True,
    "requires_employer_pays": True,
    "valid_from": None,
    "valid_to": None,
    "source": "Triple Win programme of GIZ and the Federal Employment Agency (ZAV): "
    "government-to-government recruitment of nurses from the Philippines and other partner "
    "countries; German B1 before departure; employers pay all costs.",
}
_GECCO: JsonDict = {
    "code": "ES-GECCO-MA",
    "name": "Collective recruitment in origin (GECCO) - Morocco seasonal agriculture",
    "destination_country": "ES",
    "kind": "bilateral_agreement",
    "origin_countries": ["MA"],
    "occupations": ["6", "921"],
    "excluded_occupations": [],
    "sectors": ["01"],
    "min_isced": None,
    "languages": [],
    "min_experience_years": None,
    "wage_threshold": {"amount": 16576, "currency": "EUR", "period": "year"},
    "contract_types": ["seasonal"],
    "max_contract_months": 9,
    "annual_quota": 18000,
    "government_to_government": True,
    "requires_employer_pays": True,
    "valid_from": None,
    "valid_to": None,
    "source": "Spain's collective management of hiring in origin (GECCO) under the 2001 "
    "Spain-Morocco labour agreement, seasonal contracts of up to 9 months; wage floor is the "
    "2025 minimum wage (SMI) of EUR 16,576 a year.",
}


class PathwayIn(PathwayFields):
    """A legal pathway: the rules under which workers of a pool may take a vacancy (a work
    visa, a bilateral labour agreement, a seasonal scheme, a government-to-government
    programme), and its annual quota. Lists left empty admit any value. A pair is eligible
    when one pathway of the vacancy's destination admits it."""

    model_config = ConfigDict(json_schema_extra={"examples": [_TRIPLE_WIN, _GECCO]})

    code: PathwayCode
    name: Name
    destination_country: Annotated[
        Country,
        Field(description="the country whose law or agreement it is (ISO 3166-1 alpha-2)"),
    ]
    kind: PathwayKind = Field(
        description="work_visa, bilateral_agreement, seasonal_scheme or g2g_programme"
    )
    origin_countries: Annotated[list[Country], Field(max_length=250)] = Field(
        default=[],
        description="origin countries it is open to (ISO 3166-1 alpha-2 codes); empty = any",
    )
    occupations: Annotated[list[IscoPrefix], Field(max_length=500)] = Field(
        default=[],
        description="covered ISCO-08 occupation groups (code prefixes of 1 to 4 digits); "
        "empty = any",
    )
    excluded_occupations: Annotated[list[IscoPrefix], Field(max_length=500)] = Field(
        default=[],
        description="ISCO-08 occupation groups (code prefixes) excluded even where "
        "`occupations` covers them",
    )
    sectors: Annotated[list[SectorCode], Field(max_length=120)] = Field(
        default=[],
        description="covered ISIC Rev.4 sections (a letter, all its divisions) or divisions "
        "(2 digits); empty = any",
    )
    min_isced: Annotated[
        IscedLevel | None,
        Field(description="the lowest ISCED 2011 education level (0..8) admitted; null: any"),
    ] = None
    languages: Annotated[list[LanguageRequirementIn], Field(max_length=20)] = Field(
        default=[],
        description="language requirements, any-of (ISO 639-1 language, lowest CEFR level): "
        "the pool meets one of these; empty = none",
    )
    min_experience_years: Annotated[
        Experience | None,
        Field(description="years of experience the pool's workers need at least; null: none"),
    ] = None
    wage_threshold: Wage | None = Field(
        default=None,
        description="the lowest wage the vacancy must offer (compared per year in EUR through "
        "the exchange rates); null: none",
    )
    contract_types: Annotated[list[ContractType], Field(max_length=3)] = Field(
        default=[], description="allowed contract types; empty = any"
    )
    max_contract_months: Annotated[
        ContractMonths | None,
        Field(description="longest contract the pathway allows, in months; null: no limit"),
    ] = None
    annual_quota: Quota | None = Field(
        default=None,
        description="approvals (workers) per calendar year, counted on the vacancies' start "
        "year; null = no quota",
    )
    government_to_government: bool = Field(
        False, description="recruitment runs through the two governments' agencies"
    )
    requires_employer_pays: bool = Field(
        False,
        description="the employer must pay recruitment costs (a vacancy whose employer does "
        "not is not admitted)",
    )
    valid_from: date | None = Field(
        None, description="first day in force (ISO 8601 date); null: since ever"
    )
    valid_to: date | None = Field(
        None, description="last day in force (ISO 8601 date); null: open-ended"
    )
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
    """A partial update: only the fields sent change (PathwayIn describes each). The code
    cannot change, because decisions and vacancies refer to pathways by it. Fields without a
    meaningful "nothing" (name, destination_country, kind, the lists, the flags, source) may be
    left out but not sent as null."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"annual_quota": 19500},
                {"valid_to": "2028-12-31", "origin_countries": ["MA", "TN", "EG"]},
            ]
        }
    )

    name: Annotated[Name | None, Field(description="the pathway's name, for people")] = None
    destination_country: Annotated[
        Country | None,
        Field(description="the country whose law or agreement it is (ISO 3166-1 alpha-2)"),
    ] = None
    kind: PathwayKind | None = Field(
        None, description="work_visa, bilateral_agreement, seasonal_scheme or g2g_programme"
    )
    origin_countries: Annotated[list[Country], Field(max_length=250)] | None = Field(
        None, description="origin countries (ISO 3166-1 alpha-2 codes); empty = any"
    )
    occupations: Annotated[list[IscoPrefix], Field(max_length=500)] | None = Field(
        None, description="covered ISCO-08 occupation groups (code prefixes); empty = any"
    )
    excluded_occupations: Annotated[list[IscoPrefix], Field(max_length=500)] | None = Field(
        None, description="excluded ISCO-08 occupation groups (code prefixes)"
    )
    sectors: Annotated[list[SectorCode], Field(max_length=120)] | None = Field(
        None, description="covered ISIC Rev.4 sections or divisions; empty = any"
    )
    min_isced: Annotated[
        IscedLevel | None,
        Field(description="the lowest ISCED 2011 education level (0..8); null: any"),
    ] = None
    languages: Annotated[list[LanguageRequirementIn], Field(max_length=20)] | None = Field(
        None,
        description="language requirements, any-of (ISO 639-1 language, lowest CEFR level)",
    )
    min_experience_years: Annotated[
        Experience | None,
        Field(description="years of experience the pool's workers need at least; null: none"),
    ] = None
    wage_threshold: Wage | None = Field(
        None, description="the lowest wage the vacancy must offer; null: none"
    )
    contract_types: Annotated[list[ContractType], Field(max_length=3)] | None = Field(
        None, description="allowed contract types; empty = any"
    )
    max_contract_months: Annotated[
        ContractMonths | None,
        Field(description="longest contract the pathway allows, in months; null: no limit"),
    ] = None
    annual_quota: Annotated[
        Quota | None,
        Field(description="approvals (workers) per calendar year; null = no quota"),
    ] = None
    government_to_government: bool | None = Field(
        None, description="recruitment runs through the two governments' agencies"
    )
    requires_employer_pays: bool | None = Field(
        None, description="the employer must pay recruitment costs"
    )
    valid_from: date | None = Field(None, description="first day in force; null: since ever")
    valid_to: date | None = Field(None, description="last day in force; null: open-ended")
    source: Annotated[
        Source | None,
        Field(
            description="where the rules come from: the law or agreement, and what is approximated"
        ),
    ] = None

    @field_validator(*_NOT_NULL)
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        # Fields without a meaningful "nothing" may be left out but not set to null.
        if value is None:
            raise ValueError("may not be null; leave the field out to keep its value")
        return value


class QuotaUsage(BaseModel):
    """How much of a pathway's quota a calendar year's approvals use (approvals less
    withdrawals and releases)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"year": 2026, "quota": 18000, "used": 15420, "remaining": 2580},
                {"year": 2025, "quota": 40, "used": 40, "remaining": 0},
            ]
        }
    )

    year: int = Field(description="the calendar year (approvals count on the vacancy's start year)")
    quota: int | None = Field(description="the annual quota; null = no quota")
    used: int = Field(description="headcount of approvals counted against the quota")
    remaining: int | None = Field(description="quota minus used (never below 0); null = no quota")


class PathwayOut(PathwayIn):
    """A stored legal pathway, with its version and this year's quota usage."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_GECCO,
                    "id": "0c5e8a3f-9d61-4b2e-a7f4-6e1b3d8c2a95",
                    "version": 4,
                    "created_at": "2025-10-01T07:30:00Z",
                    "updated_at": "2025-11-14T16:05:12.004311Z",
                    "quota_usage": {
                        "year": 2026,
                        "quota": 18000,
                        "used": 15420,
                        "remaining": 2580,
                    },
                }
            ]
        }
    )

    id: uuid.UUID = Field(description="the pathway's id (the API names pathways by code)")
    version: int = Field(description="its version; its ETag, for If-Match")
    created_at: UtcDatetime = Field(description="when it was created (RFC 3339, UTC)")
    updated_at: UtcDatetime = Field(description="when it last changed (RFC 3339, UTC)")
    quota_usage: QuotaUsage = Field(description="quota usage in the current calendar year")


@dataclass(frozen=True, slots=True, kw_only=True)
class PathwayFilters:
    """The query parameters of GET /api/v1/pathways (and of its CSV export)."""

    destination: Annotated[
        Country | None,
        Query(description="pathways into this destination country (ISO 3166-1 alpha-2)"),
    ] = None
    kind: Annotated[PathwayKind | None, Query(description="pathways of this kind")] = None
    origin: Annotated[
        Country | None,
        Query(
            description="pathways open to this origin country (ISO 3166-1 alpha-2), or to any "
            "origin"
        ),
    ] = None
    active_on: Annotated[
        date | None, Query(description="pathways in force on this date (ISO 8601)")
    ] = None


# ---- exchange rates ------------------------------------------------------------------------


# What the rate column can hold exactly, read from the model so that the two stay in step.
_RATE_TYPE = ExchangeRate.__table__.c.rate.type

_RATE_DESCRIPTION = "value of 1 unit of the currency in the base currency (EUR)"


class ExchangeRateIn(Strict):
    """The rate of a currency on a date. Wages and wage thresholds in other currencies are
    compared in EUR through the newest rate of their currency."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"currency": "MAD", "rate": 0.09263, "as_of": "2025-11-03"},
                {"currency": "PHP", "rate": 0.01486, "as_of": "2025-11-03"},
            ]
        }
    )

    currency: Annotated[
        Currency, Field(description='ISO 4217 code of the currency rated, e.g. "PHP"')
    ]
    rate: Annotated[
        Decimal,
        Field(
            gt=0,
            max_digits=_RATE_TYPE.precision,
            decimal_places=_RATE_TYPE.scale,
            description=f"{_RATE_DESCRIPTION}: a number greater than 0 with at most "
            f"{_RATE_TYPE.scale} decimal places (a decimal string is accepted too); 1 for EUR",
        ),
        WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "examples": [0.09263]}),
    ]
    as_of: date = Field(description="the day the rate is of (ISO 8601; not in the future)")


#: A rate in an answer: a JSON number (exact for rates of up to 15 significant digits).
RateNumber = Annotated[
    Decimal,
    PlainSerializer(float, return_type=float, when_used="json"),
    WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "examples": [0.09263]}),
]


class ExchangeRateOut(BaseModel):
    """A stored exchange rate."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "currency": "MAD",
                    "rate": 0.09263,
                    "base": "EUR",
                    "as_of": "2025-11-03",
                    "created_at": "2025-11-03T06:00:04.511020Z",
                }
            ]
        }
    )

    currency: str = Field(description='ISO 4217 code of the currency rated, e.g. "MAD"')
    rate: Annotated[RateNumber, Field(description=_RATE_DESCRIPTION)]
    base: str = Field(description='ISO 4217 code of the base currency the rate is in ("EUR")')
    as_of: date = Field(description="the day the rate is of (ISO 8601)")
    created_at: UtcDatetime = Field(description="when it was first stored (RFC 3339, UTC)")


@dataclass(frozen=True, slots=True, kw_only=True)
class RateFilters:
    """The query parameters of GET /api/v1/exchange-rates."""

    currency: Annotated[
        Currency | None, Query(description="only this currency (ISO 4217 code)")
    ] = None
    history: Annotated[
        bool, Query(description="every dated rate, not only the latest per currency")
    ] = False
