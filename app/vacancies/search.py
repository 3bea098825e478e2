"""Text search and sorting of the list of vacancies.

A search is a few words; a vacancy matches when every word is found in one of its readable
names: its title, its employer's name, its destination country (by name or code), its
occupation's ISCO-08 title or code. Employer names, country names and occupation titles are
resolved to ids or codes first (small tables), so those words become `column IN (...)` on
indexed columns (employer_id, occupation_code, destination_country with status); only the
title is compared as text, a LIKE over the rows the caller may see (an employer's own: a few;
an officer's: a scan of the vacancies table, fine at the 100,000 open vacancies of a national
programme; a trigram index would be the next step on PostgreSQL).

A sort is "column" or "-column" (descending), from a fixed set, each ending in the id so that
pages never overlap.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, false, func, or_, select

from app.auth.models import Organisation
from app.common import search as common
from app.common.search import contains, country_codes, words
from app.taxonomy.models import Occupation
from app.vacancies.models import Vacancy


def vacancy_condition(word: str) -> ColumnElement[bool]:
    """A vacancy's readable names contain `word`."""
    countries = country_codes(word)
    return or_(
        contains(Vacancy.title, word),
        Vacancy.employer_id.in_(select(Organisation.id).where(contains(Organisation.name, word))),
        Vacancy.destination_country.in_(countries) if countries else false(),
        Vacancy.occupation_code.in_(common.titled_codes(Occupation.code, Occupation.title, word)),
    )


def matching(q: str | None) -> list[ColumnElement[bool]]:
    """One condition per word of `q` (every word must be found)."""
    return [vacancy_condition(w) for w in words(q)]


#: An employer's name, for sorting by it: a correlated scalar, one primary-key lookup per
#: vacancy sorted (no index orders vacancies by a name kept in another table; employer_id's
#: own index would sort by id, not alphabetically). The other sorts have an index each on
#: (column, id) (app/vacancies/models.py), except title, occupation and openings.
_EMPLOYER_NAME = (
    select(Organisation.name).where(Organisation.id == Vacancy.employer_id).scalar_subquery()
)

#: The sorts of the list of vacancies (the web list's column headings and the API's `sort`).
SORTS: dict[str, tuple[Any, ...]] = {
    "created": (Vacancy.created_at,),
    "title": (func.lower(Vacancy.title),),
    "employer": (_EMPLOYER_NAME,),
    "destination": (Vacancy.destination_country,),
    "occupation": (Vacancy.occupation_code,),
    "openings": (Vacancy.openings,),
    "start": (Vacancy.start_date,),
    "status": (Vacancy.status,),
}
#: Newest first, as the API has always listed vacancies.
DEFAULT_SORT = "-created"


def order_by(
    sort: str | None,
    columns: Mapping[str, Sequence[Any]] = SORTS,
    default: str = DEFAULT_SORT,
    tiebreak: Any = Vacancy.id,
) -> tuple[str, list[Any]]:
    """The sort asked for if it is one of `columns` (else `default`), and its ORDER BY terms:
    every column of the key in the sort's direction, then the tiebreak (the id)."""
    return common.order_by(sort, columns, default, tiebreak)
