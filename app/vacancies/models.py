"""Vacancies (labour demand) with their skills and languages."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from app import changes
from app.common.vocabulary import CefrLevel
from app.db import Base, Versioned, new_id


class VacancyStatus(StrEnum):
    DRAFT = "draft"  # not on the market yet
    OPEN = "open"  # ranked, and may be decided on
    FILLED = "filled"  # its approvals took every opening
    CLOSED = "closed"  # closed by its employer


class Vacancy(Versioned, Base):
    __tablename__ = "vacancies"
    __table_args__ = (
        # An HR system's own reference makes a re-sent vacancy a duplicate, not a second one.
        UniqueConstraint("employer_id", "external_ref"),
        CheckConstraint("openings >= 1", name="openings_positive"),
        Index("ix_vacancies_status_destination", "status", "destination_country"),
        # The list's sorts (app/vacancies/search.py SORTS), each ending in the id as the
        # ORDER BY does, so a page is read off the index: newest first (the default), by
        # start date, by status, by destination.
        Index("ix_vacancies_created", "created_at", "id"),
        Index("ix_vacancies_start", "start_date", "id"),
        Index("ix_vacancies_status_id", "status", "id"),
        Index("ix_vacancies_destination", "destination_country", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    employer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisations.id"), index=True)
    external_ref: Mapped[str | None] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    destination_country: Mapped[str] = mapped_column(String(2))
    region: Mapped[str | None] = mapped_column(String(100))
    occupation_code: Mapped[str] = mapped_column(ForeignKey("occupations.code"), index=True)
    esco_occupation_uri: Mapped[str | None] = mapped_column(String(255))
    sector_code: Mapped[str | None] = mapped_column(ForeignKey("sectors.code"))
    min_isced: Mapped[int | None] = mapped_column(Integer)
    min_experience_years: Mapped[float | None] = mapped_column(Float)
    openings: Mapped[int] = mapped_column(Integer)
    wage_amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    wage_currency: Mapped[str | None] = mapped_column(String(3))
    wage_period: Mapped[str | None] = mapped_column(String(10))
    contract_type: Mapped[str] = mapped_column(String(20))
    contract_months: Mapped[int | None] = mapped_column(Integer)
    start_date: Mapped[date]
    employer_pays_fees: Mapped[bool] = mapped_column(Boolean, default=False)
    pathway_codes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    #: How a job title sent instead of an ISCO code was coded: {input, code, title, confidence}.
    occupation_coding: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(10), default=VacancyStatus.OPEN)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))


class VacancySkill(Base):
    __tablename__ = "vacancy_skills"

    vacancy_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("vacancies.id", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[str] = mapped_column(ForeignKey("skills.id"), primary_key=True)
    importance: Mapped[str] = mapped_column(String(10))  # essential | optional
    #: Filled in from the occupation's profile rather than named by the employer.
    derived: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The free text the employer wrote, when the skill was resolved from text.
    original_text: Mapped[str | None] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)


class VacancyLanguage(Base):
    __tablename__ = "vacancy_languages"

    vacancy_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("vacancies.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(2), primary_key=True)
    min_level: Mapped[CefrLevel] = mapped_column(String(2))
    #: Needed at the start of work: limits the eligible headcount (else scored only).
    required: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


# The change feed notes every write to these (app/changes/service.py).
changes.watch_ids(Vacancy, "vacancies")
changes.watch_ids(VacancySkill, "vacancies", "vacancy_id")
changes.watch_ids(VacancyLanguage, "vacancies", "vacancy_id")
