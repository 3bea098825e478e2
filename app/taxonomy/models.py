"""Reference taxonomies: ISCO-08 occupations, ISIC Rev.4 sectors, skills, WHO safeguard list."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app import changes
from app.db import Base


class Occupation(Base):
    """An ISCO-08 group at any level (1 to 4 digits); the parent is the code less one digit."""

    __tablename__ = "occupations"

    code: Mapped[str] = mapped_column(String(4), primary_key=True)
    level: Mapped[int] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(String(300))
    parent_code: Mapped[str | None] = mapped_column(
        ForeignKey("occupations.code", ondelete="RESTRICT"), index=True
    )
    esco_uri: Mapped[str | None] = mapped_column(String(255), unique=True)
    alt_labels: Mapped[list[Any]] = mapped_column(JSON, default=list)


class OccupationTitle(Base):
    """A job title known to belong to an ISCO-08 unit group: training examples for job-title
    coding (app/taxonomy/coding.py). Built-in ones come from seed_data, others from an ESCO import.
    """

    __tablename__ = "occupation_titles"
    __table_args__ = (UniqueConstraint("occupation_code", "title"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occupation_code: Mapped[str] = mapped_column(
        ForeignKey("occupations.code", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    source: Mapped[str] = mapped_column(String(20), default="builtin")  # builtin | esco


class Sector(Base):
    """An ISIC Rev.4 section (letter) or division (2 digits)."""

    __tablename__ = "sectors"

    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    level: Mapped[str] = mapped_column(String(10), index=True)  # section | division
    title: Mapped[str] = mapped_column(String(300))
    section_code: Mapped[str | None] = mapped_column(ForeignKey("sectors.code"), index=True)


class Skill(Base):
    """A skill or a skill group. Groups form the hierarchy that gives partial skill credit."""

    __tablename__ = "skills"

    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    label: Mapped[str] = mapped_column(String(300), index=True)
    alt_labels: Mapped[list[Any]] = mapped_column(JSON, default=list)
    description: Mapped[str] = mapped_column(Text, default="")
    is_group: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    #: The nearest broader group (for a skill) or the parent group (for a group).
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("skills.id"), index=True)
    source: Mapped[str] = mapped_column(String(20), default="builtin")  # builtin | esco
    #: ESCO only: knowledge | skill/competence (skills); None for groups and built-in skills.
    skill_type: Mapped[str | None] = mapped_column(String(30))
    #: ESCO only: transversal | cross-sector | sector-specific | occupation-specific.
    reuse_level: Mapped[str | None] = mapped_column(String(30))
    #: ESCO only: the code of a skill group in the skills hierarchy (e.g. "S1.2.3", "0613").
    code: Mapped[str | None] = mapped_column(String(30))


class SkillBroader(Base):
    """ESCO's broader relations among skills and skill groups: the full hierarchy, in which a
    concept can have several broader concepts. Skill.parent_id keeps one of them (the nearest
    group, see app/taxonomy/esco/) for the engine's hierarchy credit."""

    __tablename__ = "skill_broader_relations"

    skill_id: Mapped[str] = mapped_column(
        ForeignKey("skills.id", ondelete="CASCADE"), primary_key=True
    )
    broader_id: Mapped[str] = mapped_column(
        ForeignKey("skills.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class EscoOccupation(Base):
    """An ESCO occupation: finer than an ISCO-08 unit group, to which it belongs."""

    __tablename__ = "esco_occupations"

    uri: Mapped[str] = mapped_column(String(255), primary_key=True)
    label: Mapped[str] = mapped_column(String(300), index=True)
    alt_labels: Mapped[list[Any]] = mapped_column(JSON, default=list)
    isco_code: Mapped[str] = mapped_column(
        ForeignKey("occupations.code", ondelete="RESTRICT"), index=True
    )
    #: ESCO's own code, the ISCO code with a suffix (e.g. "2654.1.7").
    code: Mapped[str | None] = mapped_column(String(30))
    description: Mapped[str] = mapped_column(Text, default="")
    #: The ESCO release the row was last loaded from (e.g. "v1.1.1").
    version: Mapped[str] = mapped_column(String(20))


class EscoOccupationSkill(Base):
    """An ESCO occupation-skill relation (essential | optional), as published.

    occupation_uri has no foreign key on purpose: ESCO v1.1.1 publishes 67 relations of an
    occupation that its occupations file does not list, and the relations are kept as published
    (only occupations that exist can be named by vacancies, so the orphans are inert).
    """

    __tablename__ = "esco_occupation_skills"

    occupation_uri: Mapped[str] = mapped_column(String(255), primary_key=True)
    skill_id: Mapped[str] = mapped_column(
        ForeignKey("skills.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    relation: Mapped[str] = mapped_column(String(10))  # essential | optional


class OccupationSkill(Base):
    """Skills an occupation calls for: the profile used to fill in vacancy skills."""

    __tablename__ = "occupation_skills"

    occupation_code: Mapped[str] = mapped_column(
        ForeignKey("occupations.code", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[str] = mapped_column(
        ForeignKey("skills.id", ondelete="CASCADE"), primary_key=True
    )
    relation: Mapped[str] = mapped_column(String(10))  # essential | optional


class SafeguardCountry(Base):
    """A country on the WHO health workforce support and safeguards list."""

    __tablename__ = "safeguard_countries"

    country: Mapped[str] = mapped_column(String(2), primary_key=True)  # alpha-2
    alpha3: Mapped[str] = mapped_column(String(3))
    who_region: Mapped[str] = mapped_column(String(10))
    list_year: Mapped[int] = mapped_column(Integer)


# The change feed notes every write to these (app/changes/service.py).
for _model in (Skill, Sector, SafeguardCountry):
    changes.watch_flag(_model, "taxonomy")
