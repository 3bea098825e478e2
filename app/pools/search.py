"""Text search and sorting of the lists of pools (and of the lists that show pools: the officers'
work queue, the decisions).

A search is a few words; a row matches when every word is found in one of its readable names: a
pool's origin country (by name or code), its region, its occupation's ISCO-08 title or code, its
sector's title. Country names and occupation or sector titles are resolved to codes first (they
are small tables), so that those words become `code IN (...)` conditions on indexed columns;
only the region is compared as text.

A sort is "column" or "-column" (descending), from a fixed set of columns, each ending in the id
so that pages never overlap.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, false, func, or_, select

from app.common import codes
from app.pools.models import Pool
from app.taxonomy.models import Occupation, Sector

#: At most this many words of a search are used (each at most WORD_LENGTH characters).
MAX_WORDS = 6
WORD_LENGTH = 60


def words(q: str | None) -> list[str]:
    """The words of a search, case-folded ("  Western  visayas " -> ["western", "visayas"])."""
    if not q:
        return []
    return [w[:WORD_LENGTH] for w in q.casefold().split()][:MAX_WORDS]


def contains(column: Any, word: str) -> ColumnElement[bool]:
    """`column` contains `word`, case-insensitively (a LIKE with the word escaped)."""
    return func.lower(column).contains(word, autoescape=True)


def country_codes(word: str) -> list[str]:
    """ISO codes of the countries whose name contains `word`, or whose code it is."""
    found = {code for code, (_, name) in codes.countries().items() if word in name.casefold()}
    if len(word) == 2 and word.upper() in codes.countries():
        found.add(word.upper())
    return sorted(found)


def occupation_codes(word: str) -> Any:
    """The ISCO-08 codes whose title contains `word`, or that start with it (a subquery)."""
    return select(Occupation.code).where(
        or_(contains(Occupation.title, word), Occupation.code.startswith(word, autoescape=True))
    )


def sector_codes(word: str) -> Any:
    return select(Sector.code).where(or_(contains(Sector.title, word), Sector.code == word.upper()))


def pool_condition(word: str) -> ColumnElement[bool]:
    """A pool's readable names contain `word`."""
    countries = country_codes(word)
    return or_(
        Pool.origin_country.in_(countries) if countries else false(),
        contains(Pool.region, word),
        Pool.occupation_code.in_(occupation_codes(word)),
        Pool.sector_code.in_(sector_codes(word)),
    )


def matching(q: str | None, *extra: Any) -> list[ColumnElement[bool]]:
    """One condition per word of `q`: the pool's names, or one of `extra` (callables of a word
    giving a condition), contain it."""
    return [or_(pool_condition(w), *(f(w) for f in extra)) for w in words(q)]


def order_by(
    sort: str | None, columns: Mapping[str, Sequence[Any]], default: str, tiebreak: Any
) -> tuple[str, list[Any]]:
    """The sort asked for if it is one of `columns` (else `default`), and its ORDER BY terms:
    every column of the key in the sort's direction, then the tiebreak (an id)."""
    chosen = sort if sort and sort.lstrip("-") in columns else default
    descending = chosen.startswith("-")
    terms = [c.desc() if descending else c.asc() for c in columns[chosen.lstrip("-")]]
    terms.append(tiebreak.desc() if descending else tiebreak.asc())
    return chosen, terms


#: The sorts of the list of pools: each is served by an index of the pools table.
POOL_SORTS: dict[str, tuple[Any, ...]] = {
    "created": (Pool.created_at,),
    "origin": (Pool.origin_country, Pool.region),
    "occupation": (Pool.occupation_code,),
    "workers": (Pool.headcount,),
}
#: Newest first, as the API lists pools.
POOL_DEFAULT_SORT = "-created"


def pool_sort(sort: str | None) -> str:
    """The sort of the list of pools `sort` asks for (the default if it names none)."""
    return sort if sort and sort.lstrip("-") in POOL_SORTS else POOL_DEFAULT_SORT
