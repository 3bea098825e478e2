"""API schemas of the webhooks: endpoints, their secret (shown once), deliveries, attempts."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator

from app.common.schemas import MultiLine, SingleLine, UtcDatetime
from app.webhooks.events import EventType
from app.webhooks.models import DeliveryStatus

_URL = Field(
    max_length=2000,
    description="where deliveries are POSTed: an https:// URL (http:// is accepted only on a "
    "development or test service)",
)
_EVENTS = Field(
    min_length=1,
    description="the event types this endpoint is sent (webhook.ping is always sent on request)",
)

_ENDPOINT_EXAMPLE: dict[str, Any] = {
    "id": "0d5cb5f4-6a51-4b7e-9d0e-7f1c2b9e6a10",
    "organisation_id": "5b7f3c1e-2a4d-4c6b-8e9f-1a2b3c4d5e6f",
    "programme": False,
    "url": "https://hr.rhein-ruhr-kliniken.de/hooks/imdi",
    "description": "Recruitment system: shortlists and placements",
    "events": ["decision.recorded", "placement.moved", "ranking.changed"],
    "active": True,
    "version": 1,
    "created_at": "2026-12-03T09:15:00+00:00",
    "updated_at": "2026-12-03T09:15:00+00:00",
    "previous_secret_until": None,
}


class EndpointIn(BaseModel):
    """A webhook endpoint to register. Its signing secret is in the answer, and only there."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "url": "https://hr.rhein-ruhr-kliniken.de/hooks/imdi",
                    "description": "Recruitment system: shortlists and placements",
                    "events": ["decision.recorded", "placement.moved", "ranking.changed"],
                }
            ]
        },
    )

    url: SingleLine = _URL
    events: list[EventType] = _EVENTS
    description: MultiLine = Field("", max_length=500, description="what the endpoint is for")

    @field_validator("events")
    @classmethod
    def _unique(cls, value: list[EventType]) -> list[EventType]:
        return list(dict.fromkeys(value))


class EndpointUpdate(BaseModel):
    """Changes to an endpoint (send If-Match with the version read); absent fields stay."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"active": False}, {"events": ["decision.recorded"]}]},
    )

    url: SingleLine | None = Field(None, max_length=2000, description=_URL.description)
    events: list[EventType] | None = Field(None, min_length=1, description=_EVENTS.description)
    description: MultiLine | None = Field(
        None, max_length=500, description="what the endpoint is for"
    )
    active: bool | None = Field(
        None,
        description="false pauses it: its pending deliveries wait, and events while it is "
        "paused are not sent to it",
    )


class EndpointOut(BaseModel):
    """A registered webhook endpoint (never its secret)."""

    model_config = ConfigDict(
        from_attributes=True, json_schema_extra={"examples": [_ENDPOINT_EXAMPLE]}
    )

    id: uuid.UUID = Field(description="the endpoint's id")
    organisation_id: uuid.UUID = Field(description="the organisation it belongs to")
    programme: bool = Field(
        description="true for an officer's or admin's endpoint: it hears of every "
        "organisation's events; otherwise only of its own organisation's"
    )
    url: str = Field(description="where deliveries are POSTed")
    description: str = Field(description="what the endpoint is for")
    events: list[EventType] = Field(description="the event types it is sent")
    active: bool = Field(description="false: nothing is sent to it")
    version: int = Field(description="for If-Match on a change")
    created_at: UtcDatetime = Field(description="when it was registered")
    updated_at: UtcDatetime = Field(description="when it last changed")
    previous_secret_until: UtcDatetime | None = Field(
        description="after a rotation: until when deliveries are signed with the old secret too"
    )


class EndpointCreated(EndpointOut):
    """A new endpoint with its signing secret: shown this once, keep it in your secret store."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_ENDPOINT_EXAMPLE,
                    "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw8kyRTtuPM5k=",
                }
            ]
        }
    )

    secret: str = Field(
        description="the signing secret (whsec_ + base64): verify each delivery's "
        "webhook-signature with it (README: Webhooks)"
    )


class SecretRotated(BaseModel):
    """A new signing secret (shown once). The old one keeps signing until
    `previous_secret_until`, so a receiver can switch without losing a delivery."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "endpoint": {
                        **_ENDPOINT_EXAMPLE,
                        "version": 2,
                        "previous_secret_until": "2026-12-04T09:15:00+00:00",
                    },
                    "secret": "whsec_3yE0rLq2h1m9oPz8sT6vW4xC7bN5aJ2kD0fG1hI3jK4=",
                }
            ]
        }
    )

    endpoint: EndpointOut = Field(description="the endpoint after the rotation")
    secret: str = Field(description="the new signing secret (whsec_ + base64)")


class AttemptOut(BaseModel):
    """One POST of a delivery."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "attempted_at": "2026-12-03T09:20:01+00:00",
                    "status_code": 503,
                    "latency_ms": 212,
                    "error": "HTTP 503",
                }
            ]
        },
    )

    attempted_at: UtcDatetime = Field(description="when it was sent")
    status_code: int | None = Field(description="the receiver's HTTP status; null: no answer")
    latency_ms: int = Field(description="milliseconds until the answer (or the failure)")
    error: str | None = Field(description="why it failed (status, timeout, refused connection)")


_DELIVERY_EXAMPLE: dict[str, Any] = {
    "id": "7c0e2f4a-1b3d-4e5f-8a9b-0c1d2e3f4a5b",
    "event_id": "3e9a1c7b-5d2f-4a6e-b8c0-9d1e2f3a4b5c",
    "event_type": "decision.recorded",
    "endpoint_id": "0d5cb5f4-6a51-4b7e-9d0e-7f1c2b9e6a10",
    "status": "succeeded",
    "attempts": 2,
    "next_attempt_at": None,
    "last_attempt_at": "2026-12-03T09:20:31+00:00",
    "last_status_code": 204,
    "last_latency_ms": 48,
    "last_error": None,
    "created_at": "2026-12-03T09:20:00+00:00",
    "replay_of_id": None,
}


class DeliveryOut(BaseModel):
    """One event's delivery to one endpoint, and where it stands."""

    model_config = ConfigDict(json_schema_extra={"examples": [_DELIVERY_EXAMPLE]})

    id: uuid.UUID = Field(description="the delivery's id (replay it by this id)")
    event_id: uuid.UUID = Field(description="the event's id: the webhook-id header receivers see")
    event_type: EventType = Field(description="the event's type")
    endpoint_id: uuid.UUID = Field(description="the endpoint it goes to")
    status: DeliveryStatus = Field(description="pending, succeeded or failed (attempts ran out)")
    attempts: int = Field(description="how many POSTs were made")
    next_attempt_at: UtcDatetime | None = Field(
        description="when the next attempt is due (pending only)"
    )
    last_attempt_at: UtcDatetime | None = Field(description="when the last attempt was made")
    last_status_code: int | None = Field(description="the last answer's HTTP status")
    last_latency_ms: int | None = Field(description="the last attempt's milliseconds")
    last_error: str | None = Field(description="why the last attempt failed")
    created_at: UtcDatetime = Field(description="when the delivery was made")
    replay_of_id: uuid.UUID | None = Field(description="the delivery this one replays")


class DeliveryDetail(DeliveryOut):
    """A delivery with the body it sends and every attempt."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_DELIVERY_EXAMPLE,
                    "body": {
                        "id": "3e9a1c7b-5d2f-4a6e-b8c0-9d1e2f3a4b5c",
                        "type": "decision.recorded",
                        "occurred_at": "2026-12-03T09:20:00+00:00",
                        "data": {
                            "decision_id": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
                            "match_id": "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9",
                            "vacancy_id": "2a3b4c5d-6e7f-4809-9a1b-2c3d4e5f6a7b",
                            "pool_id": "4c5d6e7f-8091-4a2b-bc3d-4e5f6a7b8c9d",
                            "decision": "shortlisted",
                            "headcount": 0,
                            "pathway": None,
                        },
                    },
                    "attempt_log": [
                        {
                            "attempted_at": "2026-12-03T09:20:01+00:00",
                            "status_code": 503,
                            "latency_ms": 212,
                            "error": "HTTP 503",
                        },
                        {
                            "attempted_at": "2026-12-03T09:20:31+00:00",
                            "status_code": 204,
                            "latency_ms": 48,
                            "error": None,
                        },
                    ],
                }
            ]
        }
    )

    body: dict[str, Any] = Field(
        description="the JSON POSTed: id, type, occurred_at and the event's data"
    )
    attempt_log: list[AttemptOut] = Field(description="every attempt, oldest first")


# ---- what a delivery POSTs (the OpenAPI document's `webhooks`) ------------------------------

_EVENT_ID = "3e9a1c7b-5d2f-4a6e-b8c0-9d1e2f3a4b5c"
_AT = "2026-12-03T09:20:00+00:00"
_VACANCY = "2a3b4c5d-6e7f-4809-9a1b-2c3d4e5f6a7b"
_POOL = "4c5d6e7f-8091-4a2b-bc3d-4e5f6a7b8c9d"


class RankedEntry(BaseModel):
    """One pair at the top of a ranking: the other side's id, its score and eligible headcount."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"id": _POOL, "score": 0.8125, "eligible_headcount": 38}]}
    )

    id: uuid.UUID = Field(description="the pool's id (a vacancy's ranking) or the vacancy's")
    score: float = Field(description="the match score, 0..1 (4 decimals)")
    eligible_headcount: int = Field(description="workers a legal pathway admits for the pair")


class RankingChangedData(BaseModel):
    """A vacancy's or pool's top 10 eligible pairs as now ranked, and as last reported."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "subject": "vacancy",
                    "id": _VACANCY,
                    "top": [{"id": _POOL, "score": 0.8125, "eligible_headcount": 38}],
                    "previous_top": [{"id": _POOL, "score": 0.8125, "eligible_headcount": 43}],
                }
            ]
        }
    )

    subject: Literal["vacancy", "pool"] = Field(description="what was ranked")
    id: uuid.UUID = Field(description="the vacancy's or pool's id")
    top: list[RankedEntry] = Field(description="the top eligible pairs now, best first")
    previous_top: list[RankedEntry] = Field(description="the top as last reported")


class DecisionRecordedData(BaseModel):
    """A decision an officer recorded on a match."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "decision_id": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
                    "match_id": "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9",
                    "vacancy_id": _VACANCY,
                    "pool_id": _POOL,
                    "decision": "approved",
                    "headcount": 5,
                    "pathway": "DE-PH-BLA-HEALTH",
                }
            ]
        }
    )

    decision_id: uuid.UUID = Field(description="the decision's id")
    match_id: uuid.UUID = Field(description="the match (vacancy, pool) it is on")
    vacancy_id: uuid.UUID = Field(description="the vacancy")
    pool_id: uuid.UUID = Field(description="the pool")
    decision: str = Field(
        description="shortlisted, rejected, needs_information, approved or withdrawn"
    )
    headcount: int = Field(description="workers approved (approved) or given back (withdrawn)")
    pathway: str | None = Field(description="the legal pathway's code (approvals, withdrawals)")


class PlacementMovedData(BaseModel):
    """Workers of an approval moved from one placement stage to another."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "placement_id": "6e7f8091-a2b3-4c4d-9e5f-6a7b8c9d0e1f",
                    "vacancy_id": _VACANCY,
                    "pool_id": _POOL,
                    "from_stage": "visa_applied",
                    "to_stage": "visa_granted",
                    "count": 4,
                    "on": "2026-12-02",
                    "released": 0,
                    "stages": {"selected": 1, "visa_granted": 4},
                }
            ]
        }
    )

    placement_id: uuid.UUID = Field(description="the placement (one per approval)")
    vacancy_id: uuid.UUID = Field(description="the vacancy")
    pool_id: uuid.UUID = Field(description="the pool")
    from_stage: str | None = Field(description="the stage they left; null: approved, not selected")
    to_stage: str = Field(description="the stage they reached")
    count: int = Field(description="how many workers moved")
    on: date = Field(description="the day it happened")
    released: int = Field(description="workers given back to quota, openings and pool by it")
    stages: dict[str, int] = Field(description="the placement's workers by stage, after it")


class UploadFinishedData(BaseModel):
    """A ministry's survey upload was processed."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "upload_id": "8091a2b3-c4d5-4e6f-8a9b-0c1d2e3f4a5b",
                    "filename": "lfs-2026-q3-western-visayas.csv",
                    "status": "accepted",
                    "rows_read": 214,
                    "rows_accepted": 214,
                    "rows_rejected": 0,
                    "summary": "12 pools created, 3 updated",
                }
            ]
        }
    )

    upload_id: uuid.UUID = Field(description="the upload (GET /api/v1/uploads/{id} for its report)")
    filename: str = Field(description="the file's name as uploaded")
    status: str = Field(description="accepted, partial or rejected")
    rows_read: int = Field(description="data rows read")
    rows_accepted: int = Field(description="rows stored")
    rows_rejected: int = Field(description="rows with errors")
    summary: str = Field(description="the outcome in words")


class PingData(BaseModel):
    """A test event, sent on request."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "endpoint_id": "0d5cb5f4-6a51-4b7e-9d0e-7f1c2b9e6a10",
                    "requested_by": "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e",
                }
            ]
        }
    )

    endpoint_id: uuid.UUID = Field(description="the endpoint tested")
    requested_by: uuid.UUID = Field(description="the user who asked for it")


def _envelope(name: str, kind: str, data: type[BaseModel], doc: str) -> type[BaseModel]:
    example = data.model_config["json_schema_extra"]["examples"][0]  # type: ignore[index]
    return create_model(
        name,
        __doc__=doc,
        __config__=ConfigDict(
            json_schema_extra={
                "examples": [{"id": _EVENT_ID, "type": kind, "occurred_at": _AT, "data": example}]
            }
        ),
        id=(uuid.UUID, Field(description="the event's id: the webhook-id header, on retries too")),
        type=(Literal[kind], Field(description="the event's type")),  # type: ignore[valid-type,arg-type]
        occurred_at=(UtcDatetime, Field(description="when the write that caused it committed")),
        data=(data, Field(description="what happened")),
    )


#: Event type -> the JSON body a delivery of it POSTs.
EVENT_BODIES: dict[str, type[BaseModel]] = {
    kind: _envelope(name, kind, data, doc)
    for kind, name, data, doc in (
        (
            "ranking.changed",
            "RankingChangedEvent",
            RankingChangedData,
            "The ranking of one of your open vacancies or active pools changed materially.",
        ),
        (
            "decision.recorded",
            "DecisionRecordedEvent",
            DecisionRecordedData,
            "An officer recorded a decision on a match of your vacancy or pool.",
        ),
        (
            "placement.moved",
            "PlacementMovedEvent",
            PlacementMovedData,
            "Workers of an approval on your vacancy or pool moved placement stage.",
        ),
        (
            "upload.finished",
            "UploadFinishedEvent",
            UploadFinishedData,
            "Your survey upload was processed.",
        ),
        ("webhook.ping", "PingEvent", PingData, "A test event you asked for."),
    )
}
