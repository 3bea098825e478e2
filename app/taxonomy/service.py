"""Queries over the reference taxonomies."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.taxonomy.models import (
    EscoOccupation,
    EscoOccupationSkill,
    Occupation,
    SafeguardCountry,
    Sector,
    Skill,
)


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_occupations(
    session: Session, *, q: str | None, level: int | None, limit: int, offset: int
) -> tuple[Sequence[Occupation], int]:
    stmt = select(Occupation)
    if q:
        stmt = stmt.where(
            func.lower(Occupation.title).like(_like(q), escape="\\") | (Occupation.code == q)
        )
    if level is not None:
        stmt = stmt.where(Occupation.level == level)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(Occupation.code).limit(limit).offset(offset)).all()
    return rows, total


def get_occupation(
    session: Session, code: str
) -> tuple[Occupation, list[Occupation], list[Occupation]]:
    """The occupation, its parents from the nearest up, and its direct children."""
    occ = session.get(Occupation, code)
    if occ is None:
        raise NotFound("Occupation", code)
    prefixes = [code[:i] for i in range(len(code) - 1, 0, -1)]
    by_code = {
        o.code: o for o in session.scalars(select(Occupation).where(Occupation.code.in_(prefixes)))
    }
    parents = [by_code[p] for p in prefixes if p in by_code]
    children = list(
        session.scalars(
            select(Occupation).where(Occupation.parent_code == code).order_by(Occupation.code)
        )
    )
    return occ, parents, children


def search_sectors(
    session: Session, *, q: str | None, level: str | None, limit: int, offset: int
) -> tuple[Sequence[Sector], int]:
    stmt = select(Sector)
    if q:
        stmt = stmt.where(
            func.lower(Sector.title).like(_like(q), escape="\\") | (Sector.code == q.upper())
        )
    if level:
        stmt = stmt.where(Sector.level == level)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    # Sections (letters) sort after divisions (digits) in ASCII; order by level then code.
    rows = session.scalars(
        stmt.order_by(Sector.level.desc(), Sector.code).limit(limit).offset(offset)
    ).all()
    return rows, total


def get_sector(session: Session, code: str) -> tuple[Sector, list[Sector]]:
    sector = session.get(Sector, code.upper())
    if sector is None:
        raise NotFound("Sector", code)
    children = list(
        session.scalars(
            select(Sector).where(Sector.section_code == sector.code, Sector.level == "division")
        )
    )
    return sector, sorted(children, key=lambda s: s.code)


def search_skills(
    session: Session,
    *,
    q: str | None,
    group: str | None,
    include_groups: bool,
    limit: int,
    offset: int,
) -> tuple[Sequence[Skill], int]:
    stmt = select(Skill)
    if q:
        stmt = stmt.where(func.lower(Skill.label).like(_like(q), escape="\\") | (Skill.id == q))
    if group:
        stmt = stmt.where(Skill.parent_id == group)
    if not include_groups:
        stmt = stmt.where(Skill.is_group.is_(False))
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(Skill.label, Skill.id).limit(limit).offset(offset)).all()
    return rows, total


def get_skill(session: Session, skill_id: str) -> Skill:
    skill = session.get(Skill, skill_id)
    if skill is None:
        raise NotFound("Skill", skill_id)
    return skill


def safeguard_countries(session: Session) -> frozenset[str]:
    return frozenset(session.scalars(select(SafeguardCountry.country)))


# ---- ESCO ------------------------------------------------------------------------------------


def esco_versions(session: Session) -> list[str]:
    """The ESCO releases loaded (usually one; more while rows a newer one dropped are kept)."""
    return sorted(session.scalars(select(EscoOccupation.version).distinct()))


def search_esco_occupations(
    session: Session, *, q: str | None, isco: str | None, limit: int, offset: int
) -> tuple[Sequence[EscoOccupation], int]:
    stmt = select(EscoOccupation)
    if q:
        stmt = stmt.where(
            func.lower(EscoOccupation.label).like(_like(q), escape="\\") | (EscoOccupation.uri == q)
        )
    if isco:
        stmt = stmt.where(EscoOccupation.isco_code.startswith(isco))
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(
        stmt.order_by(EscoOccupation.label, EscoOccupation.uri).limit(limit).offset(offset)
    ).all()
    return rows, total


def get_esco_occupation(
    session: Session, uri: str
) -> tuple[EscoOccupation, list[tuple[str, str, str]]]:
    """The ESCO occupation and its skills (id, label, relation), essential first, by label."""
    occ = session.get(EscoOccupation, uri)
    if occ is None:
        raise NotFound("ESCO occupation", uri)
    skills = session.execute(
        select(EscoOccupationSkill.skill_id, Skill.label, EscoOccupationSkill.relation)
        .join(Skill, Skill.id == EscoOccupationSkill.skill_id)
        .where(EscoOccupationSkill.occupation_uri == uri)
        .order_by(EscoOccupationSkill.relation, Skill.label, Skill.id)
    )
    return occ, [(skill_id, label, relation) for skill_id, label, relation in skills]
