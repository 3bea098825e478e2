"""Pickers: form fields that take a name (country, language, occupation, sector, skill) as well
as its code, with the options a <datalist> offers and the error shown next to the field.

A picker's value is what the person typed or picked ("Germany (DE)", "germany", "DE"); a
resolver turns it into the code the services take, or into a message that says what was wrong
and, where something close exists, what was probably meant. Without JavaScript the datalist is
the whole list (countries, languages, ISCO unit groups, ISIC divisions); skills are too many for
that, so their list is the built-in skills and static/picker.js fills it from /pick/skills as
the person types.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.common import codes
from app.taxonomy import repository as taxonomy
from app.taxonomy import resolve as skill_resolver

#: "Name (CODE)": the form a picked option takes; the code in brackets wins.
_WITH_CODE = re.compile(r"^\s*(?P<name>.*?)\s*\((?P<code>[^()]+)\)\s*$")
#: At most this many skills in a datalist or a /pick answer.
SKILL_OPTIONS = 50


@dataclass(frozen=True, slots=True)
class Option:
    """One entry of a datalist: what the field shows once picked, and its code."""

    value: str
    code: str


@dataclass(frozen=True, slots=True)
class Picked:
    """A resolved picker: the code, or the message to show next to the field."""

    code: str | None
    error: str | None = None


def _labelled(name: str, code: str) -> str:
    return f"{name} ({code})"


def _split(text: str) -> tuple[str, str | None]:
    """'Germany (DE)' -> ('Germany', 'DE'); 'Germany' -> ('Germany', None)."""
    found = _WITH_CODE.match(text)
    if found:
        return found.group("name"), found.group("code").strip()
    return text.strip(), None


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def resolve_named(
    text: str | None,
    by_code: dict[str, str],
    *,
    what: str,
    code_hint: str,
    normalise_code=str.upper,
    accept_code=None,
) -> Picked:
    """The code that `text` names in `by_code` (code -> name): by code, by name (any case), by
    the one name that starts with it or, failing that, the one name that contains it."""
    if text is None or not text.strip():
        return Picked(None)
    name, code = _split(text)
    for candidate in (code, name):
        if candidate is None:
            continue
        key = normalise_code(candidate.strip())
        if key in by_code or (accept_code is not None and accept_code(key)):
            return Picked(key)
    by_name = {_fold(n): c for c, n in by_code.items()}
    if (found := by_name.get(_fold(name))) is not None:
        return Picked(found)
    # A unique name that starts with what was typed ("Philipp" -> Philippines).
    typed = _fold(name)
    starts = [n for n in by_name if n.startswith(typed)] if typed else []
    if len(starts) == 1:
        return Picked(by_name[starts[0]])
    # "Health" names no sector, but two contain it: offer those before near spellings.
    contains = [n for n in by_name if typed in n] if len(typed) >= 3 else []
    if len(contains) == 1:
        return Picked(by_name[contains[0]])
    close = (starts or contains)[:3] or difflib.get_close_matches(
        typed, list(by_name), n=3, cutoff=0.6
    )
    message = f"No {what} is called {text.strip()!r}. Pick one from the list, or type {code_hint}."
    if close:
        names = [_labelled(by_code[by_name[c]], by_name[c]) for c in close]
        message += " Did you mean " + " or ".join(names) + "?"
    return Picked(None, message)


# ---- countries and languages (ISO, from pycountry) -------------------------------------------


def country_names() -> dict[str, str]:
    return {code: name for code, (_, name) in codes.countries().items()}


def country_options() -> list[Option]:
    names = country_names()
    return [Option(_labelled(n, c), c) for c, n in sorted(names.items(), key=lambda i: i[1])]


def country_value(code: str | None) -> str:
    """What a country picker shows for a stored code."""
    if not code:
        return ""
    name = country_names().get(code)
    return _labelled(name, code) if name else code


def resolve_country(text: str | None) -> Picked:
    return resolve_named(
        text, country_names(), what="country", code_hint="its two-letter ISO code (DE)"
    )


def language_options() -> list[Option]:
    names = codes.languages()
    return [Option(_labelled(n, c), c) for c, n in sorted(names.items(), key=lambda i: i[1])]


def language_value(code: str | None) -> str:
    if not code:
        return ""
    name = codes.languages().get(code)
    return _labelled(name, code) if name else code


def resolve_language(text: str | None) -> Picked:
    return resolve_named(
        text,
        codes.languages(),
        what="language",
        code_hint="its two-letter ISO 639-1 code (de)",
        normalise_code=str.lower,
    )


# ---- occupations and sectors (the taxonomy tables) -------------------------------------------


def occupation_names(session: Session, *, unit_groups_only: bool = False) -> dict[str, str]:
    return taxonomy.occupation_names(session, unit_groups_only=unit_groups_only)


#: Levels of ISCO-08 a page's occupation datalist holds before any typing (major, sub-major and
#: minor groups: ~180 options); the 436 unit groups come from /pick/occupations as one types.
STATIC_OCCUPATION_LEVELS = 3


def occupation_options(session: Session, query: str | None = None) -> list[Option]:
    """ISCO-08 groups for a picker: without a query the groups down to minor groups (a filter
    takes any level); with one, up to SKILL_OPTIONS groups whose code starts with it or whose
    title contains it, unit groups included."""
    names = occupation_names(session)
    if not query or not query.strip():
        return [
            Option(_labelled(t, c), c)
            for c, t in names.items()
            if len(c) <= STATIC_OCCUPATION_LEVELS
        ]
    name, code = _split(query)  # a picked "Title (code)" asks for itself
    typed = code or _fold(name)
    found = [
        Option(_labelled(t, c), c)
        for c, t in names.items()
        if c.startswith(typed) or typed in _fold(t)
    ]
    return found[:SKILL_OPTIONS]


def occupation_value(session: Session, code: str | None) -> str:
    if not code:
        return ""
    title = occupation_names(session).get(code)
    return _labelled(title, code) if title else code


def resolve_occupation(session: Session, text: str | None, *, unit_group: bool = False) -> Picked:
    """An ISCO-08 code from a code, a title, or "Title (code)". `unit_group`: only a 4-digit
    code will do (a vacancy's occupation); a filter takes any level."""
    names = occupation_names(session)
    picked = resolve_named(
        text, names, what="ISCO-08 occupation", code_hint="its ISCO-08 code (2221)"
    )
    if picked.code is not None and unit_group and len(picked.code) != 4:
        return Picked(
            None,
            f"{_labelled(names[picked.code], picked.code)} is a group of occupations: pick one "
            "of its four-digit unit groups.",
        )
    return picked


def sector_names(session: Session) -> dict[str, str]:
    return taxonomy.sector_names(session)


def sector_options(session: Session) -> list[Option]:
    return [Option(_labelled(t, c), c) for c, t in sector_names(session).items()]


def sector_value(session: Session, code: str | None) -> str:
    if not code:
        return ""
    title = sector_names(session).get(code)
    return _labelled(title, code) if title else code


def resolve_sector(session: Session, text: str | None) -> Picked:
    return resolve_named(
        text,
        sector_names(session),
        what="ISIC Rev.4 sector",
        code_hint="its ISIC section letter or two-digit division (86)",
    )


# ---- skills (built-in and ESCO: thousands, so searched) --------------------------------------


def skill_options(session: Session, query: str | None = None) -> list[Option]:
    """Skills whose label contains `query` (every built-in skill when there is none): what the
    skill datalist offers before and as the person types."""
    rows = taxonomy.skills_containing(session, query, limit=SKILL_OPTIONS)
    return [Option(label, sid) for sid, label in rows]


def resolve_skills(session: Session, texts: Sequence[str]) -> tuple[list[str], list[str]]:
    """Skill ids for labels (or ids) typed or picked, and a message for each one that names no
    skill (with the closest labels the resolver finds)."""
    wanted = [t.strip() for t in texts if t.strip()]
    if not wanted:
        return [], []
    folded = {_fold(t) for t in wanted}
    rows = taxonomy.skills_named(session, ids=wanted, lower_labels=sorted(folded))
    by_id: dict[str, str] = {}
    by_label: dict[str, str] = {}
    for sid, label in rows:
        by_id[sid] = sid
        by_label.setdefault(_fold(label), sid)
    ids: list[str] = []
    unknown: list[str] = []
    for t in wanted:
        found = by_id.get(t) or by_label.get(_fold(t))
        if found is None:
            unknown.append(t)
        elif found not in ids:
            ids.append(found)
    errors: list[str] = []
    for t, near in zip(unknown, skill_resolver.resolve(session, unknown, k=3), strict=True):
        message = f"No skill is called {t!r}."
        if near:
            message += " Did you mean " + " or ".join(repr(r.label) for r in near) + "?"
        errors.append(message)
    return ids, errors


def split_list(text: str) -> list[str]:
    """A comma- or line-separated list typed in one field."""
    return [part.strip() for part in re.split(r"[,\n;]", text) if part.strip()]
