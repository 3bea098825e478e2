"""Code lists that come from packages or standards rather than the database."""

from __future__ import annotations

from functools import lru_cache

import pycountry

from app.common.vocabulary import CEFR_LEVELS

ISCED_LEVELS: dict[int, str] = {
    0: "Early childhood education",
    1: "Primary education",
    2: "Lower secondary education",
    3: "Upper secondary education",
    4: "Post-secondary non-tertiary education",
    5: "Short-cycle tertiary education",
    6: "Bachelor's or equivalent level",
    7: "Master's or equivalent level",
    8: "Doctoral or equivalent level",
}

CEFR_LABELS: dict[str, str] = {
    "A1": "Breakthrough (beginner)",
    "A2": "Waystage (elementary)",
    "B1": "Threshold (intermediate)",
    "B2": "Vantage (upper intermediate)",
    "C1": "Effective operational proficiency (advanced)",
    "C2": "Mastery (proficiency)",
}
assert tuple(CEFR_LABELS) == CEFR_LEVELS


@lru_cache
def countries() -> dict[str, tuple[str, str]]:
    """alpha-2 -> (alpha-3, name), from ISO 3166-1 as pycountry ships it."""
    return {c.alpha_2: (c.alpha_3, c.name) for c in pycountry.countries}


@lru_cache
def languages() -> dict[str, str]:
    """ISO 639-1 code -> English name."""
    return {lang.alpha_2: lang.name for lang in pycountry.languages if hasattr(lang, "alpha_2")}


@lru_cache
def currencies() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies)


def alpha2_of(alpha3: str) -> str:
    country = pycountry.countries.get(alpha_3=alpha3.upper())
    if country is None:
        raise ValueError(f"unknown ISO 3166-1 alpha-3 code {alpha3!r}")
    return country.alpha_2


def is_country(code: str) -> bool:
    return code in countries()


def is_language(code: str) -> bool:
    return code in languages()


def is_currency(code: str) -> bool:
    return code in currencies()
