"""Tables of the webhooks: endpoints, the outbox of events, deliveries and their attempts, and
the rankings subscribers last heard of."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, Versioned, new_id, utcnow


class DeliveryStatus(StrEnum):
    """Where a delivery stands: waiting for its (next) attempt, delivered, or given up."""

    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class WebhookEndpoint(Versioned, Base):
    """A URL an organisation's user registered for some event types. `programme`: an officer's
    or admin's endpoint, which hears of every organisation's events; any other hears of its own
    organisation's."""

    __tablename__ = "webhook_endpoints"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisations.id"), index=True)
    created_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    programme: Mapped[bool] = mapped_column(default=False)
    url: Mapped[str] = mapped_column(String(2000))
    description: Mapped[str] = mapped_column(Text, default="")
    events: Mapped[list[str]] = mapped_column(JSON)
    active: Mapped[bool] = mapped_column(default=True)
    #: The signing secret ("whsec_" + base64 of 32 random bytes), shown to its owner once.
    secret: Mapped[str] = mapped_column(String(100))
    #: After a rotation the old secret signs too, until previous_secret_until (receivers switch
    #: over without a gap).
    previous_secret: Mapped[str | None] = mapped_column(String(100))
    previous_secret_until: Mapped[datetime | None] = mapped_column()


class WebhookEvent(Base):
    """The outbox: one row per event, written in the transaction of the write it reports. Who
    hears of it is settled when the worker fans it out (the vacancy's employer, the pool's
    ministry, the organisation named, and every programme endpoint)."""

    __tablename__ = "webhook_events"
    __table_args__ = (Index("ix_webhook_events_undispatched", "dispatched_at", "id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    type: Mapped[str] = mapped_column(String(40))
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    vacancy_id: Mapped[uuid.UUID | None] = mapped_column()
    pool_id: Mapped[uuid.UUID | None] = mapped_column()
    organisation_id: Mapped[uuid.UUID | None] = mapped_column()
    #: Set once deliveries exist for every endpoint subscribed at that moment.
    dispatched_at: Mapped[datetime | None] = mapped_column()


class WebhookDelivery(Base):
    """One event to one endpoint: attempted until it succeeds or runs out of attempts."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
        # One delivery of an event per endpoint (replays aside), whatever the workers do.
        Index(
            "uq_webhook_deliveries_event_endpoint",
            "event_id",
            "endpoint_id",
            unique=True,
            sqlite_where=text("replay_of_id IS NULL"),
            postgresql_where=text("replay_of_id IS NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    event_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_events.id", ondelete="CASCADE"), index=True
    )
    endpoint_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_endpoints.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(10), default=DeliveryStatus.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(default=utcnow)
    last_attempt_at: Mapped[datetime | None] = mapped_column()
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_latency_ms: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: A replay is a new delivery of the same event (the receiver sees the same webhook-id).
    replay_of_id: Mapped[uuid.UUID | None] = mapped_column()


class WebhookAttempt(Base):
    """One POST of a delivery: when, the answer's status (None: no answer) and how long it took."""

    __tablename__ = "webhook_attempts"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    delivery_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_deliveries.id", ondelete="CASCADE"), index=True
    )
    attempted_at: Mapped[datetime] = mapped_column(default=utcnow)
    status_code: Mapped[int | None] = mapped_column(Integer)
    latency_ms: Mapped[int] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)


class RankingMark(Base):
    """The top of a watched vacancy's or pool's ranking as last reported (or first seen): a
    ranking.changed event is sent when the top moves materially from it."""

    __tablename__ = "webhook_ranking_marks"

    subject: Mapped[str] = mapped_column(String(10), primary_key=True)  # vacancy | pool
    subject_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    top: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class WebhookCursor(Base):
    """How far a worker's loop has read the change feed (the ranking watch's position)."""

    __tablename__ = "webhook_cursors"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
