"""Parsers for the cells of an upload: lists of skills and languages, numbers, yes/no.

Each raises CellError with a sentence a ministry's data officer can act on; the caller adds the
row number and column.
"""

from __future__ import annotations

import math
import re
from datetime import date

from app.common import codes
from app.common.vocabulary import CEFR_LEVELS
from app.surveys.errors import shown

ITEM_SEPARATOR = ";"
_ISCO_UNIT = re.compile(r"^\d{4}$")
_DIGITS = re.compile(r"^\d+$")
_TRUE = frozenset({"yes", "y", "true", "1"})
_FALSE = frozenset({"no", "n", "false", "0"})


class CellError(ValueError):
    """A cell that cannot be read; the message names the problem, not the place."""


def items(text: str) -> list[str]:
    return [part.strip() for part in text.split(ITEM_SEPARATOR) if part.strip()]


def parse_share(text: str, what: str) -> float:
    try:
        share = float(text.replace(",", ".")) if text else math.nan
    except ValueError:
        raise CellError(f"the share {shown(text)} of {what} is not a number") from None
    if not 0.0 <= share <= 1.0:  # also refuses NaN
        raise CellError(f"the share {shown(text)} of {what} must be between 0 and 1")
    return share


def parse_skills(text: str, *, allow_shares: bool) -> list[tuple[str, float]]:
    """'skill;skill:0.4' -> [(skill, 1.0), (skill, 0.4)]. Skill ids may themselves hold colons
    (ESCO URIs), so only a last ':'-part that reads as a number is a share."""
    out: list[tuple[str, float]] = []
    seen: set[str] = set()
    for item in items(text):
        skill, share = item, 1.0
        head, sep, tail = item.rpartition(":")
        if sep and head and re.fullmatch(r"\s*[-+]?[\d.,]+\s*", tail):
            if not allow_shares:
                raise CellError(
                    f"{shown(item)}: a respondent has a skill or not; list skill ids without shares"
                )
            skill, share = head.strip(), parse_share(tail.strip(), f"skill {shown(head.strip())}")
        if skill in seen:
            raise CellError(f"skill {shown(skill)} is listed twice")
        seen.add(skill)
        out.append((skill, share))
    return out


def parse_language_level(language: str, level: str) -> tuple[str, str]:
    code = language.strip().lower()
    if not codes.is_language(code):
        raise CellError(
            f"{shown(language.strip())} is not an ISO 639-1 language code (e.g. en, fr)"
        )
    cefr = level.strip().upper()
    if cefr not in CEFR_LEVELS:
        raise CellError(
            f"{shown(level.strip())} is not a CEFR level of {shown(code)}; use one of "
            + ", ".join(CEFR_LEVELS)
        )
    return code, cefr


def parse_languages(text: str, *, with_shares: bool) -> list[tuple[str, str, float]]:
    """Pool table: 'en:B2:0.6;fr:A2' (share defaults to 1). Microdata: 'en:B2;fr:A2', one level
    per language since a respondent speaks a language at one level."""
    out: list[tuple[str, str, float]] = []
    pairs: set[tuple[str, str]] = set()
    totals: dict[str, float] = {}
    for item in items(text):
        parts = [p.strip() for p in item.split(":")]
        if len(parts) == 2 or (with_shares and len(parts) == 3):
            language, level = parse_language_level(parts[0], parts[1])
            share = parse_share(parts[2], f"language {shown(language)}") if len(parts) == 3 else 1.0
        else:
            form = (
                "language:level:share, e.g. en:B2:0.6"
                if with_shares
                else ("language:level, e.g. en:B2")
            )
            raise CellError(f"{shown(item)} is not written as {form}")
        if with_shares:
            if (language, level) in pairs:
                raise CellError(f"{language}:{level} is listed twice")
            totals[language] = totals.get(language, 0.0) + share
            if totals[language] > 1.0 + 1e-9:
                raise CellError(f"the shares of language {shown(language)} add up to more than 1")
        elif language in totals:
            raise CellError(
                f"language {shown(language)} is listed twice (one level per respondent)"
            )
        else:
            totals[language] = share
        pairs.add((language, level))
        out.append((language, level, share))
    return out


def parse_bool(text: str) -> bool:
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise CellError(f"{shown(text)} is not yes/no (accepted: yes, no, true, false, 1, 0)")


def parse_int(text: str, *, low: int, high: int) -> int:
    value = text.strip()
    try:
        number = float(value.replace(",", ".")) if value else math.nan
    except ValueError:
        raise CellError(f"{shown(text)} is not a whole number") from None
    if math.isnan(number):
        raise CellError("a value is required")
    if not number.is_integer():
        raise CellError(f"{shown(text)} is not a whole number")
    if not low <= number <= high:
        raise CellError(f"{shown(text)} must be between {low} and {high}")
    return int(number)


def parse_float(text: str, *, low: float, high: float) -> float:
    value = text.strip()
    if not value:
        raise CellError("a value is required")
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        raise CellError(f"{shown(text)} is not a number") from None
    if not low <= number <= high:  # also refuses NaN
        raise CellError(f"{shown(text)} must be between {low:g} and {high:g}")
    return number


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise CellError(f"{shown(text)} is not a date written YYYY-MM-DD") from None


def is_isco_code(text: str) -> bool:
    return bool(_ISCO_UNIT.match(text.strip()))


def occupation_kind(text: str) -> str:
    """'code' for a 4-digit ISCO unit group, 'title' for a job title; other numbers are errors."""
    value = text.strip()
    if _ISCO_UNIT.match(value):
        return "code"
    if _DIGITS.match(value):
        raise CellError(
            f"{shown(value)} is not an ISCO-08 unit group: give the 4-digit code (or a job title)"
        )
    if not re.search(r"[^\W\d_]", value):
        raise CellError(f"{shown(value)} is neither an ISCO-08 code nor a job title")
    return "title"


def sector_code(text: str) -> str:
    """Spreadsheets drop leading zeros: the ISIC division 01 arrives as 1. A single digit is
    unambiguous, so it is padded; anything else must be the two digits."""
    value = text.strip()
    if len(value) == 1 and value.isdigit():
        return "0" + value
    if not re.fullmatch(r"\d{2}", value):
        raise CellError(f"{shown(value)} is not an ISIC Rev.4 division (two digits, e.g. 86)")
    return value


def region(text: str) -> str | None:
    value = " ".join(text.split())
    if len(value) > 100:
        raise CellError("the region is longer than 100 characters")
    return value or None
