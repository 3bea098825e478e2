"""Liveness/readiness and Prometheus metrics."""

from __future__ import annotations

import hmac
from ipaddress import ip_address
from typing import Literal

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import text
from starlette.exceptions import HTTPException

from app.auth.ratelimit import client_address
from app.config import Settings
from app.deps import SessionDep, SettingsDep
from app.errors import RETRY_AFTER_SECONDS, ProblemError

router = APIRouter(tags=["health"])


class HealthOut(BaseModel):
    """The service is up and its database answers."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "ok", "database": "ok"}]})

    status: Literal["ok"] = Field(description="always ok in a 200 answer")
    database: Literal["ok"] = Field(description="ok: the database answered a query")


@router.get(
    "/healthz",
    response_model=HealthOut,
    responses={
        200: {"description": "The service is up and its database answers"},
        503: {
            "description": "Not ready: the database is not reachable (problem code "
            "database_unreachable) or has no connection free (database_busy); retry after "
            "Retry-After seconds"
        },
    },
)
def check_health(session: SessionDep) -> dict[str, str]:
    """Check that the service and its database are up

    Liveness and readiness in one: 200 when the service answers and its database runs a
    query, 503 otherwise. Public (no API key), cheap, and not rate limited: for load balancers
    and monitoring.
    """
    try:
        session.execute(text("SELECT 1"))
    except Exception as exc:  # any driver error means "not ready"
        raise ProblemError(
            503,
            "The database is not reachable.",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            code="database_unreachable",
        ) from exc
    return {"status": "ok", "database": "ok"}


def _may_scrape(request: Request, settings: Settings) -> bool:
    """Development: anyone. Elsewhere: the metrics token, or an address of metrics_networks
    (the client as the failed-auth limiter resolves it, through trusted proxies only)."""
    if settings.is_development:
        return True
    token = settings.metrics_token
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if (
        token is not None
        and scheme.lower() == "bearer"
        and hmac.compare_digest(given.strip().encode(), token.get_secret_value().encode())
    ):
        return True
    try:
        address = ip_address(client_address(request))
    except ValueError:  # not an address (a test client's name)
        return False
    return any(address in network for network in settings.metrics_networks)


@router.get("/metrics", include_in_schema=False)
def metrics(request: Request, settings: SettingsDep) -> Response:
    # Request counts by route and status tell an outsider what the service does and when: a
    # scraper is let in, anyone else finds nothing here.
    if not _may_scrape(request, settings):
        raise HTTPException(404)  # answered as any unknown path is
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
