"""Value types shared by the API schemas: text, validated codes, money, contract, CEFR levels."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from app.common import codes
from app.common.vocabulary import CefrLevel, ContractType, Importance, WagePeriod
from app.db import as_utc

#: An education level: ISCED 2011 (UNESCO) level 0..8.
IscedLevel = Annotated[
    int,
    Field(
        ge=0,
        le=8,
        description="ISCED 2011 level 0..8: 0 early childhood, 1 primary, 2 lower secondary, "
        "3 upper secondary, 4 post-secondary non-tertiary, 5 short-cycle tertiary, "
        "6 bachelor's, 7 master's, 8 doctoral",
    ),
]
#: A share of a pool's headcount, 0..1.
Share = Annotated[
    float,
    Field(
        ge=0.0,
        le=1.0,
        allow_inf_nan=False,
        description="share of the pool's headcount, a number from 0 to 1 (0.35 = 35 %)",
    ),
]


def one_of(*values: str) -> Any:
    """Field metadata for a `str` that takes one of `values`: the schema lists them (enum) and
    validation holds to them. For response fields filled from a stored string, where a Literal
    would make every caller cast: `status: Annotated[str, one_of("open", "closed")]`."""
    return Field(
        pattern="^(?:" + "|".join(re.escape(v) for v in values) + ")$",
        json_schema_extra={"enum": list(values)},
    )


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
# The descriptions name the code system, so that every schema field of these types says it.
Country = Annotated[
    SingleLine,
    AfterValidator(_country),
    Field(
        description='ISO 3166-1 alpha-2 country code, e.g. "DE", "PH" (case-insensitive on '
        "input, upper case stored)",
        examples=["DE"],
    ),
]
Language = Annotated[
    SingleLine,
    AfterValidator(_language),
    Field(
        description='ISO 639-1 two-letter language code, e.g. "de", "en" (lower case stored)',
        examples=["de"],
    ),
]
Currency = Annotated[
    SingleLine,
    AfterValidator(_currency),
    Field(description='ISO 4217 currency code, e.g. "EUR", "PHP"', examples=["EUR"]),
]
SectorDivision = Annotated[
    SingleLine,
    AfterValidator(_division),
    Field(
        description='ISIC Rev.4 division, two digits, e.g. "86" (human health activities), '
        '"01" (crop and animal production)',
        examples=["86"],
    ),
]

#: An occupation as a vacancy or a pool sends it.
OccupationField = Annotated[
    SingleLine,
    Field(
        min_length=1,
        max_length=200,
        description='ISCO-08 occupation: a unit group code of 4 digits, e.g. "2221" (nursing '
        'professionals), "6111" (field crop and vegetable growers); or a job title in words, '
        "which the service codes to a unit group (reported in occupation_coding; a title it "
        "cannot code with confidence is a 422 listing the closest unit groups)",
        examples=["2221"],
    ),
]

#: A region within a country, as a vacancy or a pool names it (free text).
Region = Annotated[
    SingleLine | None,
    Field(
        max_length=100,
        description='a region within the country, free text (e.g. "Bavaria", "Western '
        'Visayas"); null: the whole country',
    ),
]
#: An ESCO occupation URI (known after an ESCO import); it fixes the ISCO-08 unit group.
EscoOccupationUri = Annotated[
    SingleLine | None,
    Field(
        max_length=255,
        description="an ESCO occupation URI (known after an ESCO import); it fixes the ISCO-08 "
        "unit group",
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


#: A CEFR level (Common European Framework of Reference for Languages), A1 (lowest) .. C2.
Cefr = Annotated[
    CefrLevel,
    Field(
        description="CEFR level (Common European Framework of Reference for Languages): A1, A2 "
        "(basic), B1, B2 (independent), C1, C2 (proficient)",
        examples=["B2"],
    ),
]

#: The largest amount of money the database column (NUMERIC(14, 2)) holds.
_MAX_AMOUNT = Decimal("999999999999.99")

#: An amount of money: a JSON number with at most 2 decimal places. Input may also be a
#: decimal string ("3400.00"); the answer is always a number (exact: 12 integer digits and 2
#: decimals round-trip through a double).
Money = Annotated[
    Decimal,
    Field(gt=0, le=_MAX_AMOUNT, max_digits=14, decimal_places=2),
    PlainSerializer(float, return_type=float, when_used="json"),
    WithJsonSchema(
        {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": float(_MAX_AMOUNT),
            "description": "an amount of money, at most 2 decimal places (a decimal string "
            'such as "3400.00" is accepted too)',
            "examples": [48300],
        }
    ),
]


class Wage(Strict):
    """A gross wage: an amount per period in a currency. Matching compares wages per year in
    EUR, converting with the stored exchange rates."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"amount": 48300, "currency": "EUR", "period": "year"}]}
    )

    amount: Annotated[Money, Field(description="gross amount per period, in `currency`")]
    currency: Annotated[
        Currency, Field(description='ISO 4217 currency code of the amount, e.g. "EUR"')
    ]
    period: Annotated[
        WagePeriod, Field(description="what the amount is paid for: an hour, a month or a year")
    ]


class Contract(Strict):
    """The kind of employment contract offered, and for how long."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"type": "permanent", "duration_months": None},
                {"type": "seasonal", "duration_months": 6},
            ]
        }
    )

    type: ContractType = Field(
        ContractType.PERMANENT,
        description="seasonal, temporary or permanent (default)",
    )
    duration_months: Annotated[
        int | None,
        Field(ge=1, le=120, description="length of a fixed-term contract in months; null: open"),
    ] = None


_SKILL_DESCRIPTION = (
    "a skill id of the taxonomy (built-in, or an ESCO skill URI), or the skill in words, "
    "resolved to the closest skill by label similarity and kept as original_text"
)


class SkillRequirementIn(Strict):
    """A skill a vacancy asks for, essential or optional."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"skill": "patient-assessment", "importance": "essential"}]}
    )

    skill: Annotated[
        SingleLine, Field(min_length=1, max_length=300, description=_SKILL_DESCRIPTION)
    ]
    importance: Importance = Field(
        Importance.ESSENTIAL,
        description="essential (default): weighs fully in the skills score; optional: less",
    )


class LanguageRequirementIn(Strict):
    """A language a job needs, at a minimum CEFR level."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"language": "de", "min_level": "B2"}]}
    )

    language: Language
    min_level: Annotated[Cefr, Field(description="the lowest CEFR level (A1..C2) that will do")]


class PoolSkillIn(Strict):
    """A skill in a pool, and the share of the pool's headcount that has it."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"skill": "patient-assessment", "share": 0.73}]}
    )

    skill: Annotated[
        SingleLine, Field(min_length=1, max_length=300, description=_SKILL_DESCRIPTION)
    ]
    share: Annotated[
        Share, Field(description="share of the pool's headcount with the skill, 0..1 (default 1)")
    ] = 1.0


class PoolLanguageIn(Strict):
    """The share of a pool's headcount that speaks a language at a CEFR level. One language may
    be listed at several levels (shares adding up to at most 1 for the language)."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"language": "en", "level": "B2", "share": 0.59}]}
    )

    language: Language
    level: Annotated[Cefr, Field(description="the CEFR level (A1..C2) this share speaks at")]
    share: Annotated[Share, Field(description="share of the pool's headcount at this level, 0..1")]


class OccupationCoding(BaseModel):
    """How a job title given where an ISCO-08 code was expected was coded (by similarity to the
    ISCO-08 titles and the taxonomy's job titles)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "input": "Registered nurse",
                    "code": "2221",
                    "title": "Nursing professionals",
                    "confidence": 0.91,
                }
            ]
        }
    )

    input: str = Field(description="the job title as sent")
    code: str = Field(description='the ISCO-08 unit group (4 digits) it was coded to, e.g. "2221"')
    title: str = Field(description="the ISCO-08 title of that unit group")
    confidence: float = Field(description="similarity of the title to the unit group, 0..1")


T = TypeVar("T")

#: The largest list offset a client may ask for: far beyond any list, and small enough for the
#: database's 64-bit OFFSET (SQLite raised OverflowError, a 500, on larger ones).
MAX_OFFSET = 1_000_000_000


def _page_description(schema: dict[str, Any]) -> None:
    # A parametrised Page[X] is a class of its own, without Page's docstring.
    schema.setdefault("description", Page.__doc__)


class Page(BaseModel, Generic[T]):
    """One page of a list: offset pagination over a stable order. Ask for the next page with
    offset = offset + limit while offset + limit < total; a list's order is stable, so pages
    read one after the other neither repeat nor skip an item that did not change meanwhile."""

    model_config = ConfigDict(json_schema_extra=_page_description)

    items: list[T] = Field(
        description="the items of this page, at most `limit`, in the list's order"
    )
    total: int = Field(description="how many items match the filters in all, over every page")
    limit: int = Field(description="the page size asked for (1..200)")
    offset: int = Field(description="how many matching items come before this page")
