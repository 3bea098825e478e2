"""Helpers shared by the page modules."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import ValidationError
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse

from app.common.schemas import MAX_OFFSET
from app.errors import field_path
from app.web import session as web_session
from app.web.routing import WebRoute, safe_next

PAGE_SIZE = 25


def web_router() -> APIRouter:
    return APIRouter(route_class=WebRoute, include_in_schema=False)


def redirect(
    request: Request, url: str, kind: str | None = None, message: str | None = None
) -> RedirectResponse:
    """303 after a successful POST (post/redirect/get), with an optional one-shot message.
    Returned, not raised: the request's transaction commits."""
    response = RedirectResponse(safe_next(url), status_code=303)
    if kind and message:
        web_session.set_flash(response, request.app.state.settings, kind, message)
    return response


def text(form: FormData, name: str, default: str = "") -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else default


def optional(form: FormData, name: str) -> str | None:
    return text(form, name) or None


def upper(value: str | None) -> str | None:
    return value.strip().upper() if value and value.strip() else None


def page_offset(value: int | None) -> int:
    # Bounded as in the API (MAX_OFFSET): a huge offset would overflow SQLite's integers.
    return min(max(int(value or 0), 0), MAX_OFFSET)


def form_errors(exc: ValidationError) -> list[dict[str, str]]:
    """A schema's validation errors as the forms show them: field path and message."""
    return [
        {
            "field": field_path(e.get("loc", ())),
            "message": str(e.get("msg", "invalid")).removeprefix("Value error, "),
        }
        for e in exc.errors()
    ]
