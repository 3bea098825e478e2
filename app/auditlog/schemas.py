"""API schemas of the audit log."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Query
from pydantic import BaseModel, ConfigDict, Field

from app.common.schemas import SingleLine, UtcDatetime


class AuditEventOut(BaseModel):
    """One audit event: a write, who made it, and the object before and after. Every write is
    an event, recorded in the same transaction as the write; the log is append-only."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 51906,
                    "at": "2026-02-17T14:20:03.120775Z",
                    "actor_id": "5e9c0b7a-2f14-4a86-b3d9-07a6e8c1f249",
                    "actor_email": "officer1@imdi-facilitation.example.org",
                    "action": "move",
                    "entity_type": "placement",
                    "entity_id": "a92c4e17-3d6b-4f05-8b1e-6c0d7a2f9e48",
                    "before": {"stages": {"visa_applied": 11, "left_early": 1}, "released": 1},
                    "after": {
                        "stages": {"visa_refused": 1, "visa_applied": 10, "left_early": 1},
                        "released": 2,
                        "move": {
                            "from": "visa_applied",
                            "to": "visa_refused",
                            "count": 1,
                            "on": "2026-02-17",
                        },
                    },
                },
                {
                    "id": 48377,
                    "at": "2025-11-14T16:05:12.004311Z",
                    "actor_id": "5e9c0b7a-2f14-4a86-b3d9-07a6e8c1f249",
                    "actor_email": "officer1@imdi-facilitation.example.org",
                    "action": "update",
                    "entity_type": "legal_pathway",
                    "entity_id": "ES-GECCO-MA",
                    "before": {"annual_quota": 18000, "version": 3},
                    "after": {"annual_quota": 19500, "version": 4},
                },
            ]
        }
    )

    id: int = Field(description="the event's number: it increases as events are written")
    at: UtcDatetime = Field(description="when the write happened (RFC 3339, UTC)")
    actor_id: uuid.UUID | None = Field(
        description="the user who made the write; null: the system (seed, command line)"
    )
    actor_email: str | None = Field(
        None, description="that user's email address; null for the system"
    )
    action: str = Field(
        description="what was done: create, update, close, withdraw, decide, fill, reopen, "
        "move, adopt, revoke, sign_in, ..."
    )
    entity_type: str = Field(
        description="the kind of object written: vacancy, pool, match, placement, "
        "legal_pathway, exchange_rate, allocation_plan, user, api_key, ..."
    )
    entity_id: str = Field(
        description="the object's id (a UUID, a pathway code, or `currency@date` for an "
        "exchange rate)"
    )
    before: dict[str, Any] | None = Field(
        description="the fields the write changed, as they were; null for a creation"
    )
    after: dict[str, Any] | None = Field(
        description="the fields the write changed (or the object created), as they are now"
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditFilters:
    """The query parameters of GET /api/v1/audit-events (and of its CSV export)."""

    entity_type: Annotated[
        SingleLine | None,
        Query(max_length=255, description="only events on this kind of object, e.g. vacancy"),
    ] = None
    entity_id: Annotated[
        SingleLine | None,
        Query(max_length=255, description="only events on this object (its id or code)"),
    ] = None
    actor_id: Annotated[uuid.UUID | None, Query(description="only events by this user")] = None
    action: Annotated[
        SingleLine | None,
        Query(max_length=255, description="only events of this action, e.g. decide"),
    ] = None
    since: Annotated[
        datetime | None,
        Query(description="only events at or after this time (inclusive; RFC 3339)"),
    ] = None
    until: Annotated[
        datetime | None, Query(description="only events before this time (exclusive; RFC 3339)")
    ] = None
