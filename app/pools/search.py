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

from typing import Any

from sqlalchemy import ColumnElement, false, or_, select

from app.common.search import contains, country_codes, order_by, titled_codes, words
from app.pools.models import Pool
from app.taxonomy.models import Occupation, Sector

# The shared parts (app/common/search.py) stay importable from here: the pools' and the
# decisions' callers use them with this module's own conditions.
__all__ = [
    "contains",
    "country_codes",
    "matching",
    "occupation_codes",
    "order_by",
    "pool_condition",
    "pool_sort",
    "sector_codes",
    "words",
]


def occupation_codes(word: str) -> Any:
    """The ISCO-08 codes whose title contains `word`, or that start with it (a subquery)."""
    return titled_codes(Occupation.code, Occupation.title, word)


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
