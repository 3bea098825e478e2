"""ORM rows -> API schema. Skills, languages and occupation titles are loaded with one explicit
query each for a whole page, never lazily per row."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.common.schemas import Contract, OccupationCoding, Wage
from app.common.vocabulary import ContractType, WagePeriod
from app.db import as_utc
from app.taxonomy import lookup
from app.taxonomy.models import Skill
from app.vacancies.models import Vacancy, VacancyLanguage, VacancySkill
from app.vacancies.schemas import VacancyLanguageOut, VacancyOut, VacancySkillOut

#: A vacancy language as the service handles it: (language, min level, required at start).
LanguageRow = tuple[str, str, bool]


def vacancy_children(
    session: Session, vacancy_id: uuid.UUID
) -> tuple[list[tuple[str, str, bool]], list[LanguageRow]]:
    """(skill id, importance, derived) in order, and (language, min level, required), of one
    vacancy."""
    skills = session.execute(
        select(VacancySkill.skill_id, VacancySkill.importance, VacancySkill.derived)
        .where(VacancySkill.vacancy_id == vacancy_id)
        .order_by(VacancySkill.position, VacancySkill.skill_id)
    )
    languages = session.execute(
        select(VacancyLanguage.language, VacancyLanguage.min_level, VacancyLanguage.required)
        .where(VacancyLanguage.vacancy_id == vacancy_id)
        .order_by(VacancyLanguage.language)
    )
    return [(s, i, d) for s, i, d in skills], [(lang, m, r) for lang, m, r in languages]


def to_out(session: Session, vacancies: Sequence[Vacancy]) -> list[VacancyOut]:
    if not vacancies:
        return []
    ids = [v.id for v in vacancies]
    skills: dict[uuid.UUID, list[VacancySkillOut]] = {i: [] for i in ids}
    for row in session.execute(
        select(VacancySkill, Skill.label)
        .join(Skill, Skill.id == VacancySkill.skill_id)
        .where(VacancySkill.vacancy_id.in_(ids))
        .order_by(VacancySkill.vacancy_id, VacancySkill.position, VacancySkill.skill_id)
    ):
        link, label = row
        skills[link.vacancy_id].append(
            VacancySkillOut(
                skill=link.skill_id,
                label=label,
                importance=link.importance,
                derived=link.derived,
                original_text=link.original_text,
            )
        )
    languages: dict[uuid.UUID, list[VacancyLanguageOut]] = {i: [] for i in ids}
    for lang in session.scalars(
        select(VacancyLanguage)
        .where(VacancyLanguage.vacancy_id.in_(ids))
        .order_by(VacancyLanguage.vacancy_id, VacancyLanguage.language)
    ):
        languages[lang.vacancy_id].append(
            VacancyLanguageOut(
                language=lang.language, min_level=lang.min_level, required=lang.required
            )
        )
    titles = lookup.unit_groups(session, {v.occupation_code for v in vacancies})
    return [
        _one(v, skills[v.id], languages[v.id], titles.get(v.occupation_code, "")) for v in vacancies
    ]


def _one(
    v: Vacancy,
    skills: list[VacancySkillOut],
    languages: list[VacancyLanguageOut],
    occupation_title: str,
) -> VacancyOut:
    wage = None
    # The service writes the three together, from one Wage.
    if v.wage_amount is not None and v.wage_currency and v.wage_period:
        wage = Wage(
            amount=v.wage_amount, currency=v.wage_currency, period=WagePeriod(v.wage_period)
        )
    return VacancyOut(
        id=v.id,
        employer_id=v.employer_id,
        external_ref=v.external_ref,
        title=v.title,
        description=v.description,
        destination_country=v.destination_country,
        region=v.region,
        occupation=v.occupation_code,
        occupation_title=occupation_title,
        occupation_coding=OccupationCoding(**v.occupation_coding) if v.occupation_coding else None,
        esco_occupation=v.esco_occupation_uri,
        sector=v.sector_code,
        skills=skills,
        languages=languages,
        min_isced=v.min_isced,
        min_experience_years=v.min_experience_years,
        openings=v.openings,
        wage=wage,
        contract=Contract(type=ContractType(v.contract_type), duration_months=v.contract_months),
        start_date=v.start_date,
        employer_pays_fees=v.employer_pays_fees,
        pathways=list(v.pathway_codes or []),
        status=v.status,
        version=v.version,
        created_at=as_utc(v.created_at),
        updated_at=as_utc(v.updated_at),
    )
