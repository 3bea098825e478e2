"""ORM rows -> API schema. Skills, languages and occupation titles are loaded with one explicit
query each for a whole page, never lazily per row."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.common.schemas import OccupationCoding, PoolLanguageIn
from app.db import as_utc
from app.pools.models import Pool, PoolLanguage, PoolSkill
from app.pools.schemas import PoolOut, PoolSkillOut
from app.taxonomy import lookup
from app.taxonomy.models import Skill


def pool_children(
    session: Session, pool_id: uuid.UUID
) -> tuple[list[tuple[str, float, str | None]], list[tuple[str, str, float]]]:
    """(skill id, share, original text) and (language, level, share) of one pool."""
    skills = session.execute(
        select(PoolSkill.skill_id, PoolSkill.share, PoolSkill.original_text)
        .where(PoolSkill.pool_id == pool_id)
        .order_by(PoolSkill.skill_id)
    )
    languages = session.execute(
        select(PoolLanguage.language, PoolLanguage.level, PoolLanguage.share)
        .where(PoolLanguage.pool_id == pool_id)
        .order_by(PoolLanguage.language, PoolLanguage.level)
    )
    return [(k, s, t) for k, s, t in skills], [(lang, v, s) for lang, v, s in languages]


def to_out(session: Session, pools: Sequence[Pool]) -> list[PoolOut]:
    if not pools:
        return []
    ids = [p.id for p in pools]
    skills: dict[uuid.UUID, list[PoolSkillOut]] = {i: [] for i in ids}
    for link, label in session.execute(
        select(PoolSkill, Skill.label)
        .join(Skill, Skill.id == PoolSkill.skill_id)
        .where(PoolSkill.pool_id.in_(ids))
        .order_by(PoolSkill.pool_id, PoolSkill.skill_id)
    ):
        skills[link.pool_id].append(
            PoolSkillOut(
                skill=link.skill_id, label=label, share=link.share, original_text=link.original_text
            )
        )
    languages: dict[uuid.UUID, list[PoolLanguageIn]] = {i: [] for i in ids}
    for lang in session.scalars(
        select(PoolLanguage)
        .where(PoolLanguage.pool_id.in_(ids))
        .order_by(PoolLanguage.pool_id, PoolLanguage.language, PoolLanguage.level)
    ):
        languages[lang.pool_id].append(
            PoolLanguageIn(language=lang.language, level=lang.level, share=lang.share)
        )
    titles = lookup.unit_groups(session, {p.occupation_code for p in pools})
    return [
        PoolOut(
            id=p.id,
            ministry_id=p.ministry_id,
            external_ref=p.external_ref,
            origin_country=p.origin_country,
            region=p.region,
            occupation=p.occupation_code,
            occupation_title=titles.get(p.occupation_code, ""),
            occupation_coding=OccupationCoding(**p.occupation_coding)
            if p.occupation_coding
            else None,
            esco_occupation=p.esco_occupation_uri,
            sector=p.sector_code,
            headcount=p.headcount,
            skills=skills[p.id],
            languages=languages[p.id],
            isced_level=p.isced_level,
            experience_years=p.experience_years,
            available_from=p.available_from,
            upload_id=p.upload_id,
            status=p.status,
            version=p.version,
            created_at=as_utc(p.created_at),
            updated_at=as_utc(p.updated_at),
        )
        for p in pools
    ]
