"""Registering webhook endpoints, rotating their secrets, reading and replaying deliveries.

An endpoint belongs to its creator's organisation: that organisation's users manage it (admins
any). An officer's or admin's endpoint is a programme endpoint and hears of every organisation's
events; any other hears of its own organisation's vacancies, pools and uploads."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any, TypeVar
from urllib.parse import urlsplit

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.audit.service import record
from app.common.concurrency import check_version
from app.common.principal import Principal, Role
from app.common.schemas import Page
from app.config import Settings
from app.db import as_utc, utcnow
from app.errors import NotFound, invalid
from app.webhooks import signing
from app.webhooks.events import EventType
from app.webhooks.models import (
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from app.webhooks.schemas import (
    AttemptOut,
    DeliveryDetail,
    DeliveryOut,
    EndpointCreated,
    EndpointIn,
    EndpointOut,
    EndpointUpdate,
    SecretRotated,
)

ENTITY = "webhook_endpoint"


def check_url(url: str, settings: Settings, field: str = "body.url") -> str:
    """An absolute http(s) URL without credentials; plain http only off production (a
    delivery carries the organisation's data and its signature)."""
    parts = urlsplit(url)
    problem = None
    if parts.scheme not in ("https", "http") or not parts.hostname:
        problem = "must be an absolute https:// URL"
    elif parts.scheme == "http" and settings.environment == "production":
        problem = "must be https:// (deliveries carry your organisation's data)"
    elif parts.username or parts.password:
        problem = "must not carry credentials: verify deliveries by their signature instead"
    if problem:
        raise invalid([{"field": field, "message": problem, "type": "url"}])
    return url


_S = TypeVar("_S", bound=Select)  # type: ignore[type-arg]


def _visible(stmt: _S, principal: Principal) -> _S:
    if principal.role is Role.ADMIN:
        return stmt
    return stmt.where(WebhookEndpoint.organisation_id == principal.organisation_id)


def _endpoint(session: Session, principal: Principal, endpoint_id: uuid.UUID) -> WebhookEndpoint:
    found = session.scalars(
        _visible(select(WebhookEndpoint), principal).where(WebhookEndpoint.id == endpoint_id)
    ).first()
    if found is None:
        raise NotFound("Webhook endpoint", endpoint_id)
    return found


def _audit_state(e: WebhookEndpoint) -> dict[str, Any]:
    return {"url": e.url, "events": list(e.events), "active": e.active}  # never the secret


def create_endpoint(
    session: Session, principal: Principal, data: EndpointIn, settings: Settings
) -> EndpointCreated:
    endpoint = WebhookEndpoint(
        organisation_id=principal.organisation_id,
        created_by_id=principal.user_id,
        programme=principal.sees_everything,
        url=check_url(data.url, settings),
        description=data.description,
        events=[e.value for e in data.events],
        secret=signing.new_secret(),
    )
    session.add(endpoint)
    session.flush()
    record(session, principal, "create", ENTITY, endpoint.id, None, _audit_state(endpoint))
    out = EndpointOut.model_validate(endpoint)
    return EndpointCreated(**out.model_dump(), secret=endpoint.secret)


def list_endpoints(
    session: Session, principal: Principal, *, limit: int, offset: int
) -> Page[EndpointOut]:
    stmt = _visible(select(WebhookEndpoint), principal)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(
        stmt.order_by(WebhookEndpoint.created_at.desc(), WebhookEndpoint.id)
        .limit(limit)
        .offset(offset)
    )
    return Page(
        items=[EndpointOut.model_validate(e) for e in rows], total=total, limit=limit, offset=offset
    )


def get_endpoint(session: Session, principal: Principal, endpoint_id: uuid.UUID) -> EndpointOut:
    return EndpointOut.model_validate(_endpoint(session, principal, endpoint_id))


def update_endpoint(
    session: Session,
    principal: Principal,
    endpoint_id: uuid.UUID,
    data: EndpointUpdate,
    settings: Settings,
    *,
    expected_version: int | None,
) -> EndpointOut:
    endpoint = _endpoint(session, principal, endpoint_id)
    check_version("webhook endpoint", endpoint.version, expected_version)
    before = _audit_state(endpoint)
    if data.url is not None:
        endpoint.url = check_url(data.url, settings)
    if data.events is not None:
        endpoint.events = list(dict.fromkeys(e.value for e in data.events))
    if data.description is not None:
        endpoint.description = data.description
    if data.active is not None:
        endpoint.active = data.active
    session.flush()
    record(session, principal, "update", ENTITY, endpoint.id, before, _audit_state(endpoint))
    return EndpointOut.model_validate(endpoint)


def delete_endpoint(session: Session, principal: Principal, endpoint_id: uuid.UUID) -> None:
    endpoint = _endpoint(session, principal, endpoint_id)
    record(session, principal, "delete", ENTITY, endpoint.id, _audit_state(endpoint), None)
    session.delete(endpoint)
    session.flush()


def rotate_secret(
    session: Session, principal: Principal, endpoint_id: uuid.UUID, settings: Settings
) -> SecretRotated:
    endpoint = _endpoint(session, principal, endpoint_id)
    endpoint.previous_secret = endpoint.secret
    endpoint.previous_secret_until = utcnow() + timedelta(
        hours=settings.webhook_rotation_grace_hours
    )
    endpoint.secret = signing.new_secret()
    session.flush()
    record(
        session,
        principal,
        "rotate_secret",
        ENTITY,
        endpoint.id,
        None,
        {"previous_secret_until": endpoint.previous_secret_until.isoformat()},
    )
    return SecretRotated(endpoint=EndpointOut.model_validate(endpoint), secret=endpoint.secret)


def send_test(session: Session, principal: Principal, endpoint_id: uuid.UUID) -> DeliveryOut:
    """A webhook.ping event to this endpoint alone, delivered by the worker like any other."""
    endpoint = _endpoint(session, principal, endpoint_id)
    event = WebhookEvent(
        type=EventType.PING.value,
        data={"endpoint_id": str(endpoint.id), "requested_by": str(principal.user_id)},
        organisation_id=endpoint.organisation_id,
        dispatched_at=utcnow(),  # fanned out here, to this endpoint only
    )
    session.add(event)
    session.flush()
    delivery = WebhookDelivery(event_id=event.id, endpoint_id=endpoint.id)
    session.add(delivery)
    session.flush()
    return _delivery_out(delivery, event)


def _delivery_out(d: WebhookDelivery, event: WebhookEvent) -> DeliveryOut:
    return DeliveryOut(
        id=d.id,
        event_id=d.event_id,
        event_type=EventType(event.type),
        endpoint_id=d.endpoint_id,
        status=DeliveryStatus(d.status),
        attempts=d.attempts,
        next_attempt_at=d.next_attempt_at if d.status == DeliveryStatus.PENDING else None,
        last_attempt_at=d.last_attempt_at,
        last_status_code=d.last_status_code,
        last_latency_ms=d.last_latency_ms,
        last_error=d.last_error,
        created_at=d.created_at,
        replay_of_id=d.replay_of_id,
    )


def body_of(event: WebhookEvent) -> dict[str, Any]:
    """The JSON a delivery POSTs."""
    return {
        "id": str(event.id),
        "type": event.type,
        "occurred_at": as_utc(event.occurred_at).isoformat(),
        "data": event.data,
    }


def list_deliveries(
    session: Session,
    principal: Principal,
    endpoint_id: uuid.UUID,
    *,
    status: DeliveryStatus | None,
    limit: int,
    offset: int,
) -> Page[DeliveryOut]:
    _endpoint(session, principal, endpoint_id)
    stmt = (
        select(WebhookDelivery, WebhookEvent)
        .join(WebhookEvent, WebhookEvent.id == WebhookDelivery.event_id)
        .where(WebhookDelivery.endpoint_id == endpoint_id)
    )
    if status is not None:
        stmt = stmt.where(WebhookDelivery.status == status.value)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.execute(
        stmt.order_by(WebhookDelivery.created_at.desc(), WebhookDelivery.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    return Page(
        items=[_delivery_out(d, e) for d, e in rows], total=total, limit=limit, offset=offset
    )


def _delivery(
    session: Session, principal: Principal, delivery_id: uuid.UUID
) -> tuple[WebhookDelivery, WebhookEvent]:
    row = session.execute(
        _visible(
            select(WebhookDelivery, WebhookEvent)
            .join(WebhookEvent, WebhookEvent.id == WebhookDelivery.event_id)
            .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id),
            principal,
        ).where(WebhookDelivery.id == delivery_id)
    ).first()
    if row is None:
        raise NotFound("Webhook delivery", delivery_id)
    return row[0], row[1]


def get_delivery(session: Session, principal: Principal, delivery_id: uuid.UUID) -> DeliveryDetail:
    delivery, event = _delivery(session, principal, delivery_id)
    attempts = session.scalars(
        select(WebhookAttempt)
        .where(WebhookAttempt.delivery_id == delivery.id)
        .order_by(WebhookAttempt.attempted_at, WebhookAttempt.id)
    )
    return DeliveryDetail(
        **_delivery_out(delivery, event).model_dump(),
        body=body_of(event),
        attempt_log=[AttemptOut.model_validate(a) for a in attempts],
    )


def replay(session: Session, principal: Principal, delivery_id: uuid.UUID) -> DeliveryOut:
    """The same event again, as a new delivery due now (the receiver sees the same
    webhook-id, so one that already has it can drop it)."""
    delivery, event = _delivery(session, principal, delivery_id)
    again = WebhookDelivery(
        event_id=event.id, endpoint_id=delivery.endpoint_id, replay_of_id=delivery.id
    )
    session.add(again)
    session.flush()
    record(
        session,
        principal,
        "replay",
        "webhook_delivery",
        delivery.id,
        None,
        {"replay": str(again.id)},
    )
    return _delivery_out(again, event)
