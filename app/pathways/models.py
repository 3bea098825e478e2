"""Legal pathways and the exchange rates that wage thresholds are compared through."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Float, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app import changes
from app.db import Base, Versioned, new_id, utcnow


class LegalPathway(Versioned, Base):
    __tablename__ = "legal_pathways"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    destination_country: Mapped[str] = mapped_column(String(2), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    origin_countries: Mapped[list[Any]] = mapped_column(JSON, default=list)
    occupations: Mapped[list[Any]] = mapped_column(JSON, default=list)
    excluded_occupations: Mapped[list[Any]] = mapped_column(JSON, default=list)
    sectors: Mapped[list[Any]] = mapped_column(JSON, default=list)
    min_isced: Mapped[int | None] = mapped_column(Integer)
    languages: Mapped[list[Any]] = mapped_column(JSON, default=list)
    min_experience_years: Mapped[float | None] = mapped_column(Float)
    wage_amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    wage_currency: Mapped[str | None] = mapped_column(String(3))
    wage_period: Mapped[str | None] = mapped_column(String(10))
    contract_types: Mapped[list[Any]] = mapped_column(JSON, default=list)
    max_contract_months: Mapped[int | None] = mapped_column(Integer)
    annual_quota: Mapped[int | None] = mapped_column(Integer)
    government_to_government: Mapped[bool] = mapped_column(Boolean, default=False)
    requires_employer_pays: Mapped[bool] = mapped_column(Boolean, default=False)
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]
    source: Mapped[str] = mapped_column(Text, default="")


class ExchangeRate(Base):
    """Value of one unit of a currency in the base currency, as of a date."""

    __tablename__ = "exchange_rates"

    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    as_of: Mapped[date] = mapped_column(primary_key=True)
    rate: Mapped[Decimal] = mapped_column(Numeric(24, 12))
    base: Mapped[str] = mapped_column(String(3), default="EUR")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


# The change feed notes every write to these (app/changes/service.py).
changes.watch_flag(LegalPathway, "pathways")
changes.watch_flag(ExchangeRate, "rates")
