"""Value types shared by the API schemas: text, validated codes, money, contract, CEFR levels."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from app.common import codes
from app.common.vocabulary import CefrLevel, ContractType, Importance, WagePeriod
from app.db import as_utc

IscedLevel = Annotated[int, Field(ge=0, le=8, description="ISCED 2011 level 0..8")]
Share = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]


#: A timestamp in a response. SQLite hands stored UTC times back naive, which would serialise
#: without an offset and so not as the RFC 3339 date-time the OpenAPI schema promises.
UtcDatetime = Annotated[datetime, AfterValidator(as_utc)]


# ---- text ------------------------------------------------------------------------------------
# Every free-text input (JSON fields, query and path parameters, web forms, upload cells) goes
# through one rule. Refused everywhere: the C0 controls U+0000-U+001F, DEL U+007F, the C1
# controls U+0080-U+009F and lone surrogates. NUL is the one PostgreSQL cannot store (it was a
# 500 there and silently stored on SQLite); the others are never text a person typed: terminal
# escapes, or C1 bytes of a file decoded with the wrong code page (cp1252 quotes read as
# latin-1), which are better refused than stored. Multi-line fields (descriptions, notes,
# sources) keep TAB, LF and CR. Unicode format characters (zero-width joiners and the like) are
# text in many scripts and stay allowed.
_SINGLE_LINE_REFUSED = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_MULTI_LINE_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
CONTROL_CHARACTER = "control_character"  # the error type of a refused character


def control_character(value: str, *, multiline: bool = False) -> str | None:
    """Why `value` is refused as text (which character, where), or None when it is fine.
    The message never echoes the value: the character is what the reader needs."""
    found = (_MULTI_LINE_REFUSED if multiline else _SINGLE_LINE_REFUSED).search(value)
    if found is None:
        return None
    allowed = (
        "tab, line feed and carriage return are the only ones allowed here"
        if multiline
        else "this field is a single line of text"
    )
    return (
        f"contains the control character U+{ord(found.group()):04X} at position "
        f"{found.start() + 1}; {allowed}"
    )


def visible(value: str) -> str:
    """`value` with each refused character written as its escape (NUL as \\x00), for echoing
    a refused value in a report without storing the character after all."""
    return _SINGLE_LINE_REFUSED.sub(lambda m: ascii(m.group())[1:-1], value)


def _text_rule(*, multiline: bool) -> AfterValidator:
    def check(value: str) -> str:
        problem = control_character(value, multiline=multiline)
        if problem is not None:
            raise PydanticCustomError(CONTROL_CHARACTER, problem)
        return value

    return AfterValidator(check)


#: One line of text: names, titles, references, codes, query and path parameters.
SingleLine = Annotated[str, _text_rule(multiline=False)]
#: Text that may run over lines (descriptions, notes, sources): TAB, LF and CR allowed.
MultiLine = Annotated[str, _text_rule(multiline=True)]


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


# Codes are text first, so that a control character gets the same answer in every field.
Country = Annotated[SingleLine, AfterValidator(_country)]
Language = Annotated[SingleLine, AfterValidator(_language)]
Currency = Annotated[SingleLine, AfterValidator(_currency)]
SectorDivision = Annotated[SingleLine, AfterValidator(_division)]

#: An occupation as a vacancy or a pool sends it.
OccupationField = Annotated[
    SingleLine,
    Field(
        min_length=1,
        max_length=200,
        description="ISCO-08 unit group (4 digits), or a job title that the service codes",
    ),
]

#: A region within a country, as a vacancy or a pool names it (free text).
Region = Annotated[SingleLine | None, Field(max_length=100)]
#: An ESCO occupation URI (known after an ESCO import); it fixes the ISCO-08 unit group.
EscoOccupationUri = Annotated[SingleLine | None, Field(max_length=255)]


def check_unique(items: Sequence[BaseModel] | None, key: str, what: str) -> None:
    """A list must not name the same `key` twice (a field validator's check, so that the error
    names the list it is in)."""
    seen: dict[str, int] = {}
    for i, item in enumerate(items or []):
        value = getattr(item, key)
        if value in seen:
            raise ValueError(f"{what} {value!r} is listed twice (items {seen[value]} and {i})")
        seen[value] = i


def _unique(key: str) -> AfterValidator:
    def checked(items: list[BaseModel]) -> list[BaseModel]:
        check_unique(items, key, key)
        return items

    return AfterValidator(checked)


#: On a list field (so that the error names the list): no skill, or language, named twice.
UniqueSkills = _unique("skill")
UniqueLanguages = _unique("language")


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
    skill: Annotated[
        SingleLine, Field(min_length=1, max_length=300, description=_SKILL_DESCRIPTION)
    ]
    importance: Importance = Importance.ESSENTIAL


class LanguageRequirementIn(Strict):
    language: Language
    min_level: CefrLevel


class PoolSkillIn(Strict):
    skill: Annotated[
        SingleLine, Field(min_length=1, max_length=300, description=_SKILL_DESCRIPTION)
    ]
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
