"""Prometheus request metrics, labelled by route template (never by raw path: ids would explode)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from prometheus_client import Counter, Histogram
from starlette.requests import Request
from starlette.responses import Response

REQUESTS = Counter("imdi_http_requests_total", "HTTP requests", ["method", "route", "status"])
LATENCY = Histogram(
    "imdi_http_request_duration_seconds",
    "HTTP request latency",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)


def _route_of(request: Request) -> str:
    # The router records the matched route in the scope; its path is the template.
    route = request.scope.get("route")
    return getattr(route, "path", None) or "unmatched"


async def metrics_middleware(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    start = time.perf_counter()
    response = await call_next(request)
    route = _route_of(request)
    LATENCY.labels(request.method, route).observe(time.perf_counter() - start)
    REQUESTS.labels(request.method, route, str(response.status_code)).inc()
    return response
