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
from app.common import codes
from app.taxonomy.models import Occupation
from app.vacancies.models import Vacancy

#: At most this many words of a search are used (each at most WORD_LENGTH characters).
MAX_WORDS = 6
WORD_LENGTH = 60


def words(q: str | None) -> list[str]:
    """The words of a search, case-folded ("  Registered  NURSE " -> ["registered", "nurse"])."""
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


def vacancy_condition(word: str) -> ColumnElement[bool]:
    """A vacancy's readable names contain `word`."""
    countries = country_codes(word)
    return or_(
        contains(Vacancy.title, word),
        Vacancy.employer_id.in_(select(Organisation.id).where(contains(Organisation.name, word))),
        Vacancy.destination_country.in_(countries) if countries else false(),
        Vacancy.occupation_code.in_(
            select(Occupation.code).where(
                or_(
                    contains(Occupation.title, word),
                    Occupation.code.startswith(word, autoescape=True),
                )
            )
        ),
    )


def matching(q: str | None) -> list[ColumnElement[bool]]:
    """One condition per word of `q` (every word must be found)."""
    return [vacancy_condition(w) for w in words(q)]


#: An employer's name, for sorting by it (a correlated scalar: organisations are few).
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
    chosen = sort if sort and sort.lstrip("-") in columns else default
    descending = chosen.startswith("-")
    terms = [c.desc() if descending else c.asc() for c in columns[chosen.lstrip("-")]]
    terms.append(tiebreak.desc() if descending else tiebreak.asc())
    return chosen, terms
