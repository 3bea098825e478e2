"""Liveness/readiness and Prometheus metrics."""

from __future__ import annotations

from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text

from app.deps import SessionDep
from app.errors import RETRY_AFTER_SECONDS, ProblemError

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz(session: SessionDep) -> dict[str, str]:
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


@router.get("/metrics", include_in_schema=False)
def metrics() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
