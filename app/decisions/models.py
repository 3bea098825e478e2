"""Officers' decisions on matches, and the placements their approvals become.

The ledger of what is approved (approvals, withdrawals, and the releases of a placement's
refused visas and pre-departure dropouts) is the decisions table; the placement is its
pipeline: counts of workers by stage, never persons."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app import changes
from app.db import Base, Versioned, new_id, utcnow


class Decision(Base):
    __tablename__ = "decisions"
    # Quota use is summed per pathway and year of approvals.
    __table_args__ = (
        Index("ix_decisions_quota", "pathway_code", "quota_year", "decision"),
        # The sorts of the list of decisions (newest first; by kind), and the work queue's
        # decisions of one kind, read from an index whatever the length of the history.
        Index("ix_decisions_created", "created_at", "id"),
        Index("ix_decisions_kind_created", "decision", "created_at", "id"),
    )

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


class PlacementStage(StrEnum):
    """Where an approved worker is (design section 3, "Placement"), in pipeline order."""

    SELECTED = "selected"
    CONTRACT_SIGNED = "contract_signed"
    VISA_APPLIED = "visa_applied"
    VISA_GRANTED = "visa_granted"
    VISA_REFUSED = "visa_refused"
    DEPARTED = "departed"
    ARRIVED = "arrived"
    STARTED_WORK = "started_work"
    COMPLETED_CONTRACT = "completed_contract"
    LEFT_EARLY = "left_early"


class PlacementStatus(StrEnum):
    """Whether a placement still follows its approval: active, or withdrawn (the approval was
    withdrawn)."""

    ACTIVE = "active"
    WITHDRAWN = "withdrawn"  # its approval was withdrawn


class Placement(Versioned, Base):
    """What becomes of one approval: how many of its workers are at each stage now. The
    workers not yet selected are `approved` less the sum of the stages."""

    __tablename__ = "placements"
    __table_args__ = tuple(
        CheckConstraint(f"{stage.value} >= 0", name=f"{stage.value}_not_negative")
        for stage in PlacementStage
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    decision_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("decisions.id", ondelete="RESTRICT"), unique=True
    )
    match_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("matches.id", ondelete="RESTRICT"))
    vacancy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("vacancies.id"), index=True)
    pool_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pools.id"), index=True)
    pathway_code: Mapped[str] = mapped_column(String(40), index=True)
    quota_year: Mapped[int] = mapped_column(Integer)
    #: The approval's headcount and time.
    approved: Mapped[int] = mapped_column(Integer)
    approved_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(10), default=PlacementStatus.ACTIVE)
    #: Workers whose quota, opening and pool headcount were given back (refused visas,
    #: dropouts before departure): ledger rows of kind "released" say the same.
    released: Mapped[int] = mapped_column(Integer, default=0)
    selected: Mapped[int] = mapped_column(Integer, default=0)
    contract_signed: Mapped[int] = mapped_column(Integer, default=0)
    visa_applied: Mapped[int] = mapped_column(Integer, default=0)
    visa_granted: Mapped[int] = mapped_column(Integer, default=0)
    visa_refused: Mapped[int] = mapped_column(Integer, default=0)
    departed: Mapped[int] = mapped_column(Integer, default=0)
    arrived: Mapped[int] = mapped_column(Integer, default=0)
    started_work: Mapped[int] = mapped_column(Integer, default=0)
    completed_contract: Mapped[int] = mapped_column(Integer, default=0)
    left_early: Mapped[int] = mapped_column(Integer, default=0)

    def count(self, stage: PlacementStage) -> int:
        return int(getattr(self, stage.value))

    @property
    def awaiting(self) -> int:
        """Approved workers not selected yet."""
        return self.approved - sum(self.count(s) for s in PlacementStage)

    @property
    def gone(self) -> int:
        """Workers who have left their country of origin (departed, or any stage after it,
        leaving early abroad included): an approval with any is no longer withdrawn."""
        left_before_departure = self.released - self.visa_refused
        return (
            self.departed
            + self.arrived
            + self.started_work
            + self.completed_contract
            + self.left_early
            - left_before_departure
        )


class PlacementMove(Base):
    """One recorded move of workers between stages (append-only: the placement's history)."""

    __tablename__ = "placement_moves"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    placement_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("placements.id", ondelete="CASCADE"), index=True
    )
    #: None: from the approved workers not selected yet.
    from_stage: Mapped[str | None] = mapped_column(String(20))
    to_stage: Mapped[str] = mapped_column(String(20))
    count: Mapped[int] = mapped_column(Integer)
    #: The day it happened (the mover's word), and when it was recorded.
    moved_on: Mapped[date]
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    #: Workers this move gave back to the quota, the vacancy and the pool.
    released: Mapped[int] = mapped_column(Integer, default=0)


# The change feed notes every write to these (app/changes/service.py).
changes.watch(Decision, lambda c, d: c.pairs.add((str(d.vacancy_id), str(d.pool_id))))
