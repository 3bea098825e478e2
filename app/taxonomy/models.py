"""Reference taxonomies: ISCO-08 occupations, ISIC Rev.4 sectors, skills, WHO safeguard list."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

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
