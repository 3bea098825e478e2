"""Labels of taxonomy entries that pages show next to other rows (one query each)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.taxonomy import lookup
from app.taxonomy.models import Occupation, Sector, Skill


def occupation_titles(session: Session, codes: Iterable[str]) -> dict[str, str]:
    return lookup.unit_groups(session, set(codes))


def skill_labels(session: Session, ids: Iterable[str]) -> dict[str, str]:
    """Labels of these skills and skill groups."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {
        i: label
        for i, label in session.execute(select(Skill.id, Skill.label).where(Skill.id.in_(wanted)))
    }


def _per_session(session: Session, key: str, read: Callable[[], dict[str, str]]) -> dict[str, str]:
    """`read()` once per session (a request's): a page's pickers, filters and labels each ask
    for the same small reference table. Callers treat the result as read-only."""
    found = session.info.get(key)
    if found is None:
        found = session.info[key] = read()
    return found


def occupation_names(session: Session, *, unit_groups_only: bool = False) -> dict[str, str]:
    """ISCO-08 code -> title, every level (or the 4-digit unit groups only), by code."""
    stmt = select(Occupation.code, Occupation.title)
    if unit_groups_only:
        stmt = stmt.where(Occupation.level == 4)
    return _per_session(
        session,
        f"taxonomy.occupation_names.{unit_groups_only}",
        lambda: {code: title for code, title in session.execute(stmt.order_by(Occupation.code))},
    )


def sector_names(session: Session) -> dict[str, str]:
    """ISIC Rev.4 section or division code -> title, by code."""
    stmt = select(Sector.code, Sector.title).order_by(Sector.code)
    return _per_session(
        session,
        "taxonomy.sector_names",
        lambda: {code: title for code, title in session.execute(stmt)},
    )


def skills_containing(session: Session, query: str | None, *, limit: int) -> list[tuple[str, str]]:
    """(id, label) of skills whose label contains `query`, shortest label first; without a
    query, the built-in skills (ESCO's thousands are only searched)."""
    stmt = select(Skill.id, Skill.label).where(Skill.is_group.is_(False))
    if query and query.strip():
        stmt = stmt.where(func.lower(Skill.label).contains(query.strip().lower(), autoescape=True))
    else:
        stmt = stmt.where(Skill.source == "builtin")
    rows = session.execute(stmt.order_by(func.length(Skill.label), Skill.label).limit(limit))
    return [(sid, label) for sid, label in rows]


def skills_named(
    session: Session, *, ids: Iterable[str], lower_labels: Iterable[str]
) -> list[tuple[str, str]]:
    """(id, label) of the skills (not groups) with one of these ids or lower-cased labels."""
    stmt = select(Skill.id, Skill.label).where(
        Skill.is_group.is_(False),
        Skill.id.in_(list(ids)) | func.lower(Skill.label).in_(list(lower_labels)),
    )
    return [(sid, label) for sid, label in session.execute(stmt)]
