"""The filter fields of the officers' lists (queue, pools, decisions): pickers that take a name
or a code, resolved once, with the error each shows next to itself, and the query string that
links (pages, sorts, tabs, CSV) carry on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Query
from sqlalchemy.orm import Session

from app.common.schemas import SingleLine
from app.errors import ProblemError
from app.web import pickers

#: A list's search or picker parameter (a name or a code), and its short ones (state, sort).
Text = Annotated[SingleLine | None, Query(max_length=200)]
Short = Annotated[SingleLine | None, Query(max_length=20)]


@dataclass(frozen=True, slots=True)
class PickerField:
    """One picker of a filter form: what was typed, the code it names (None: nothing or an
    error), the error to show next to it, and what the field and the links carry on."""

    name: str
    typed: str
    code: str | None
    error: str | None
    value: str  # the field's value: "Germany (DE)" once resolved, else what was typed


def _field(
    name: str,
    typed: str | None,
    resolve: Callable[[str], pickers.Picked],
    shown: Callable[[str], str],
) -> PickerField:
    text = (typed or "").strip()
    picked = resolve(text)
    value = shown(picked.code) if picked.code else text
    return PickerField(name, text, picked.code, picked.error, value)


def country(name: str, typed: str | None) -> PickerField:
    return _field(name, typed, pickers.resolve_country, pickers.country_value)


def occupation(session: Session, name: str, typed: str | None) -> PickerField:
    return _field(
        name,
        typed,
        lambda t: pickers.resolve_occupation(session, t),
        lambda c: pickers.occupation_value(session, c),
    )


def sector(session: Session, name: str, typed: str | None) -> PickerField:
    return _field(
        name,
        typed,
        lambda t: pickers.resolve_sector(session, t),
        lambda c: pickers.sector_value(session, c),
    )


def query(*fields: PickerField, **extra: str | None) -> dict[str, str]:
    """The query string of the list as it is shown: each picker's value, and the other
    parameters given (empty ones left out)."""
    out = {f.name: f.value for f in fields if f.value}
    out.update({k: v for k, v in extra.items() if v})
    return out


def errors(*fields: PickerField) -> dict[str, str]:
    """Field name -> its error, for the fields that have one."""
    return {f.name: f.error for f in fields if f.error}


def refuse_unresolved(*fields: PickerField) -> None:
    """A download's pickers must all name something, else 422 with their errors: a file has no
    field to show an error next to, and the whole list in its place would pass for the
    filtered one."""
    if wrong := errors(*fields):
        raise ProblemError(422, " ".join(wrong.values()))
