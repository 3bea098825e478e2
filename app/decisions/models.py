"""Officers' decisions on matches."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app import changes
from app.db import Base, new_id, utcnow


class Decision(Base):
    __tablename__ = "decisions"
    # Quota use is summed per pathway and year of approvals.
    __table_args__ = (Index("ix_decisions_quota", "pathway_code", "quota_year", "decision"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    match_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("matches.id", ondelete="RESTRICT"), index=True
    )
    # Kept on the decision itself: a match row is recomputed, a decision is history.
    vacancy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("vacancies.id"), index=True)
    pool_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pools.id"), index=True)
    officer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    decision: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    headcount: Mapped[int] = mapped_column(Integer, default=0)
    pathway_code: Mapped[str | None] = mapped_column(String(40))
    quota_year: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


# The change feed notes every write to these (app/changes/service.py).
changes.watch(Decision, lambda c, d: c.pairs.add((str(d.vacancy_id), str(d.pool_id))))
