"""The parts of text search and sorting that every list shares (vacancies, pools, the work
queue, the decisions, the admin lists).

A search is a few words; each list says which of its readable names a word must be found in
(app/vacancies/search.py, app/pools/search.py). A sort is "column" or "-column" (descending),
from a fixed set of columns, each followed by a tiebreak (an id) so that pages never overlap.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select

from app.common import codes

#: At most this many words of a search are used (each at most WORD_LENGTH characters).
MAX_WORDS = 6
WORD_LENGTH = 60


def words(q: str | None) -> list[str]:
    """The words of a search, case-folded ("  Western  visayas " -> ["western", "visayas"])."""
    if not q:
        return []
    return [w[:WORD_LENGTH] for w in q.casefold().split()][:MAX_WORDS]


def contains(column: Any, word: str) -> ColumnElement[bool]:
    """`column` contains `word`, case-insensitively (a LIKE with the word escaped); `word` is
    expected folded already (words() does it)."""
    return func.lower(column).contains(word, autoescape=True)


def country_codes(word: str) -> list[str]:
    """ISO codes of the countries whose name contains `word`, or whose code it is."""
    found = {code for code, (_, name) in codes.countries().items() if word in name.casefold()}
    if len(word) == 2 and word.upper() in codes.countries():
        found.add(word.upper())
    return sorted(found)


def titled_codes(code: Any, title: Any, word: str) -> Any:
    """The codes of a classification (ISCO-08 occupations) whose title contains `word` or that
    start with it, as a subquery for `column IN (...)`."""
    return select(code).where(or_(contains(title, word), code.startswith(word, autoescape=True)))


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
