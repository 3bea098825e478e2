"""HTTP API of the webhooks: /api/v1/webhooks."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Response

from app.auth.deps import CurrentPrincipal
from app.common.principal import Role
from app.common.schemas import Page
from app.deps import SessionDep, SettingsDep
from app.intake.endpoints import VersionedWrite, tagged, versioned_write
from app.intake.listing import Paging
from app.webhooks import service
from app.webhooks.models import DeliveryStatus
from app.webhooks.schemas import (
    EVENT_BODIES,
    DeliveryDetail,
    DeliveryOut,
    EndpointCreated,
    EndpointIn,
    EndpointOut,
    EndpointUpdate,
    SecretRotated,
)

router = APIRouter(prefix="/api/v1/webhooks", tags=["webhooks"])

EndpointId = Annotated[uuid.UUID, Path(description="the webhook endpoint's id")]
DeliveryId = Annotated[uuid.UUID, Path(description="the delivery's id")]
Write = Annotated[VersionedWrite, versioned_write(*Role)]
_STALE: dict[int | str, dict[str, Any]] = {
    409: {"description": "stale If-Match: the body carries current_version"},
    428: {"description": "If-Match missing"},
}


@router.post("/endpoints", status_code=201, response_model=EndpointCreated)
def create_endpoint(
    payload: EndpointIn, session: SessionDep, settings: SettingsDep, principal: CurrentPrincipal
) -> EndpointCreated:
    """Register a webhook endpoint

    The answer holds the endpoint's signing secret, shown this once: every delivery to the URL
    is signed with it (Standard Webhooks: webhook-id, webhook-timestamp and webhook-signature
    headers; README, "Webhooks", has the receiver's verification code). An employer's or
    ministry's endpoint hears of its own organisation's vacancies, pools and uploads; an
    officer's or admin's of the whole programme's. Deliveries are retried with exponential
    backoff until the receiver answers 2xx or the attempts run out."""
    return service.create_endpoint(session, principal, payload, settings)


@router.get("/endpoints", response_model=Page[EndpointOut])
def list_endpoints(
    session: SessionDep, principal: CurrentPrincipal, page: Annotated[Paging, Depends()]
) -> Page[EndpointOut]:
    """List the organisation's webhook endpoints

    Newest first; an admin sees every organisation's. Secrets are never listed."""
    return service.list_endpoints(session, principal, limit=page.limit, offset=page.offset)


@router.get("/endpoints/{endpoint_id}", response_model=EndpointOut)
def get_endpoint(
    endpoint_id: EndpointId, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> EndpointOut:
    """Read a webhook endpoint

    Its version is the ETag, for If-Match on a change."""
    return tagged(response, service.get_endpoint(session, principal, endpoint_id))


@router.patch("/endpoints/{endpoint_id}", response_model=EndpointOut, responses=_STALE)
def update_endpoint(
    endpoint_id: EndpointId, payload: EndpointUpdate, settings: SettingsDep, write: Write
) -> EndpointOut:
    """Change a webhook endpoint

    URL, events, description, or active (false pauses it: its pending deliveries wait until
    it is active again, and events while it is paused are not sent to it). Requires If-Match
    with the version read."""
    return write.apply(
        service.update_endpoint, endpoint_id, payload, settings, if_match_required=True
    )


@router.delete("/endpoints/{endpoint_id}", status_code=204)
def delete_endpoint(
    endpoint_id: EndpointId, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    """Delete a webhook endpoint

    Its deliveries go with it; nothing more is sent to it."""
    service.delete_endpoint(session, principal, endpoint_id)
    return Response(status_code=204)


@router.post("/endpoints/{endpoint_id}/rotate-secret", response_model=SecretRotated)
def rotate_secret(
    endpoint_id: EndpointId, session: SessionDep, settings: SettingsDep, principal: CurrentPrincipal
) -> SecretRotated:
    """Rotate an endpoint's signing secret

    The new secret is in the answer, shown this once. Until `previous_secret_until` (24 hours
    by default) each delivery carries two signatures, by the old and the new secret, so the
    receiver can switch over without refusing a delivery."""
    return service.rotate_secret(session, principal, endpoint_id, settings)


@router.post("/endpoints/{endpoint_id}/test", status_code=202, response_model=DeliveryOut)
def send_test(
    endpoint_id: EndpointId, session: SessionDep, principal: CurrentPrincipal
) -> DeliveryOut:
    """Send a test event to an endpoint

    A webhook.ping event, delivered by the worker like any other (within a second or so while
    it runs): follow it with the delivery's id."""
    return service.send_test(session, principal, endpoint_id)


@router.get("/endpoints/{endpoint_id}/deliveries", response_model=Page[DeliveryOut])
def list_deliveries(
    endpoint_id: EndpointId,
    session: SessionDep,
    principal: CurrentPrincipal,
    page: Annotated[Paging, Depends()],
    status: Annotated[
        DeliveryStatus | None, Query(description="only deliveries in this state")
    ] = None,
) -> Page[DeliveryOut]:
    """List an endpoint's deliveries

    Newest first, with each one's status, attempts, last HTTP status and latency."""
    return service.list_deliveries(
        session, principal, endpoint_id, status=status, limit=page.limit, offset=page.offset
    )


@router.get("/deliveries/{delivery_id}", response_model=DeliveryDetail)
def get_delivery(
    delivery_id: DeliveryId, session: SessionDep, principal: CurrentPrincipal
) -> DeliveryDetail:
    """Read a delivery

    The JSON it sends and every attempt (when, the receiver's status, milliseconds, error)."""
    return service.get_delivery(session, principal, delivery_id)


@router.post("/deliveries/{delivery_id}/replay", status_code=202, response_model=DeliveryOut)
def replay_delivery(
    delivery_id: DeliveryId, session: SessionDep, principal: CurrentPrincipal
) -> DeliveryOut:
    """Replay a delivery

    The same event again, as a new delivery due now (same webhook-id: a receiver that already
    has it can drop it). For a receiver that lost events, or after its attempts ran out."""
    return service.replay(session, principal, delivery_id)


def document_events(webhooks: APIRouter) -> None:
    """Describe each event's delivery in the OpenAPI document's `webhooks` (what a receiver
    is POSTed, with the signature headers); nothing is served by these."""
    for kind, body in EVENT_BODIES.items():

        def receive(event: Any) -> None:
            pass

        # The body's model, as an object (this module's annotations are strings).
        receive.__annotations__ = {"event": body, "return": None}
        receive.__doc__ = f"{body.__doc__}\n\n{_DELIVERY_TEXT}"
        webhooks.post(kind, operation_id=f"receive_{kind.replace('.', '_')}", status_code=204)(
            receive
        )


_DELIVERY_TEXT = (
    "The delivery is POSTed with the headers webhook-id (the event's id, the same on every retry "
    "and replay), webhook-timestamp (Unix seconds) and webhook-signature (v1,<base64 "
    'HMAC-SHA256 of "{id}.{timestamp}.{body}" under the endpoint\'s secret; two during a '
    "rotation). Answer 2xx within 10 seconds; anything else is retried with exponential "
    "backoff."
)
