"""Allocation plans: optimised assignments of pools to vacancies."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, new_id, utcnow


class PlanStatus(StrEnum):
    PROPOSED = "proposed"  # solved, for an officer to read
    ADOPTED = "adopted"  # its assignments recorded as approvals


class AllocationPlan(Base):
    __tablename__ = "allocation_plans"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    scope: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    solver_status: Mapped[str] = mapped_column(String(40))
    objective: Mapped[float] = mapped_column(Float, default=0.0)
    greedy_objective: Mapped[float] = mapped_column(Float, default=0.0)
    gap: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20), default=PlanStatus.PROPOSED)
    created_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    adopted_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    adopted_at: Mapped[datetime | None]


class AllocationAssignment(Base):
    __tablename__ = "allocation_assignments"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    plan_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("allocation_plans.id", ondelete="CASCADE"), index=True
    )
    vacancy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("vacancies.id"))
    pool_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pools.id"))
    pathway_code: Mapped[str] = mapped_column(String(40))
    headcount: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
