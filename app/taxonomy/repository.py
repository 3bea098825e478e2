"""Labels of taxonomy entries that pages show next to other rows (one query each)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.taxonomy import lookup
from app.taxonomy.models import Skill


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
