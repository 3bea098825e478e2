"""Value types shared by the API schemas: validated codes, money, contract, CEFR levels."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.db import as_utc
from app.taxonomy import codes
from matching.records import ContractType, Importance, WagePeriod

CefrLevel = Literal["A1", "A2", "B1", "B2", "C1", "C2"]
IscedLevel = Annotated[int, Field(ge=0, le=8, description="ISCED 2011 level 0..8")]
Share = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]


#: A timestamp in a response. SQLite hands stored UTC times back naive, which would serialise
#: without an offset and so not as the RFC 3339 date-time the OpenAPI schema promises.
UtcDatetime = Annotated[datetime, AfterValidator(as_utc)]


def _country(value: str) -> str:
    code = value.strip().upper()
    if not codes.is_country(code):
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code")
    return code


def _language(value: str) -> str:
    code = value.strip().lower()
    if not codes.is_language(code):
        raise ValueError(f"{value!r} is not an ISO 639-1 language code")
    return code


def _currency(value: str) -> str:
    code = value.strip().upper()
    if not codes.is_currency(code):
        raise ValueError(f"{value!r} is not an ISO 4217 currency code")
    return code


_DIVISION = re.compile(r"^\d{2}$")


def _division(value: str) -> str:
    code = value.strip()
    if not _DIVISION.match(code):
        raise ValueError(f"{value!r} is not an ISIC Rev.4 division (two digits)")
    return code


Country = Annotated[str, AfterValidator(_country)]
Language = Annotated[str, AfterValidator(_language)]
Currency = Annotated[str, AfterValidator(_currency)]
SectorDivision = Annotated[str, AfterValidator(_division)]

#: An occupation as a vacancy or a pool sends it.
OccupationField = Annotated[
    str,
    Field(
        min_length=1,
        max_length=200,
        description="ISCO-08 unit group (4 digits), or a job title that the service codes",
    ),
]


def check_unique(items: Sequence[BaseModel] | None, key: str, what: str) -> None:
    """A list must not name the same `key` twice (a field validator's check, so that the error
    names the list it is in)."""
    seen: dict[str, int] = {}
    for i, item in enumerate(items or []):
        value = getattr(item, key)
        if value in seen:
            raise ValueError(f"{what} {value!r} is listed twice (items {seen[value]} and {i})")
        seen[value] = i


class Strict(BaseModel):
    """Unknown fields are errors: a misspelt field must not be silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Wage(Strict):
    amount: Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=2)]
    currency: Currency
    period: WagePeriod


class Contract(Strict):
    type: ContractType = ContractType.PERMANENT
    duration_months: Annotated[int | None, Field(ge=1, le=120)] = None


_SKILL_DESCRIPTION = (
    "a skill id of the taxonomy (built-in, or an ESCO skill URI), or the skill in words, "
    "resolved to the closest skill by label similarity and kept as original_text"
)


class SkillRequirementIn(Strict):
    skill: Annotated[str, Field(min_length=1, max_length=300, description=_SKILL_DESCRIPTION)]
    importance: Importance = Importance.ESSENTIAL


class LanguageRequirementIn(Strict):
    language: Language
    min_level: CefrLevel


class PoolSkillIn(Strict):
    skill: Annotated[str, Field(min_length=1, max_length=300, description=_SKILL_DESCRIPTION)]
    share: Share = 1.0


class PoolLanguageIn(Strict):
    language: Language
    level: CefrLevel
    share: Share


class OccupationCoding(BaseModel):
    """How a job title given where an ISCO code was expected was coded."""

    input: str
    code: str
    title: str
    confidence: float


T = TypeVar("T")

#: The largest list offset a client may ask for: far beyond any list, and small enough for the
#: database's 64-bit OFFSET (SQLite raised OverflowError, a 500, on larger ones).
MAX_OFFSET = 1_000_000_000


class Page(BaseModel, Generic[T]):
    """One page of a list: offset pagination over a stable order."""

    items: list[T]
    total: int
    limit: int
    offset: int
