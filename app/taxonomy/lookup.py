"""Checking codes against the taxonomy tables: only the codes asked about are queried, so a
bulk request of 1,000 items costs one query per kind of code."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.taxonomy.models import EscoOccupation, Occupation, Sector, Skill

# Stay well below the bound-parameter limits of SQLite (32,766) and PostgreSQL (65,535).
_CHUNK = 5_000


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    items = sorted(set(values))
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def unit_groups(session: Session, codes: Iterable[str]) -> dict[str, str]:
    """The ISCO-08 unit groups (4 digits) among `codes`, with their titles."""
    out: dict[str, str] = {}
    for chunk in _chunks(codes):
        rows = session.execute(
            select(Occupation.code, Occupation.title).where(
                Occupation.code.in_(chunk), Occupation.level == 4
            )
        )
        out.update((a, b) for a, b in rows)
    return out


def divisions(session: Session, codes: Iterable[str]) -> set[str]:
    """The ISIC Rev.4 divisions among `codes`."""
    out: set[str] = set()
    for chunk in _chunks(codes):
        out.update(
            session.scalars(
                select(Sector.code).where(Sector.code.in_(chunk), Sector.level == "division")
            )
        )
    return out


def skills(session: Session, ids: Iterable[str]) -> dict[str, str]:
    """The skills (not groups) among `ids`, with their labels."""
    out: dict[str, str] = {}
    for chunk in _chunks(ids):
        rows = session.execute(
            select(Skill.id, Skill.label).where(Skill.id.in_(chunk), Skill.is_group.is_(False))
        )
        out.update((a, b) for a, b in rows)
    return out


def skill_kinds(session: Session, ids: Iterable[str]) -> dict[str, bool]:
    """The skills and skill groups among `ids`: id -> is_group."""
    out: dict[str, bool] = {}
    for chunk in _chunks(ids):
        rows = session.execute(select(Skill.id, Skill.is_group).where(Skill.id.in_(chunk)))
        out.update((a, bool(b)) for a, b in rows)
    return out


def esco_occupations(session: Session, uris: Iterable[str]) -> dict[str, tuple[str, str]]:
    """The ESCO occupations among `uris`, with their ISCO-08 unit group and label."""
    out: dict[str, tuple[str, str]] = {}
    for chunk in _chunks(uris):
        rows = session.execute(
            select(EscoOccupation.uri, EscoOccupation.isco_code, EscoOccupation.label).where(
                EscoOccupation.uri.in_(chunk)
            )
        )
        out.update((uri, (code, label)) for uri, code, label in rows)
    return out
