"""Web routes answer in HTML: errors become pages (or redirects), never problem+json.

The wrapper sits outside FastAPI's handler, so an exception has already passed through the
request's session dependency, which rolled the transaction back, when a page is drawn for it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from app.errors import ProblemError, log_unavailable, unavailable, write_conflict
from app.web import session as web_session
from app.web.render import render

log = logging.getLogger("imdi.web")

_TITLES = {
    400: "Bad request",
    401: "Sign in required",
    403: "Not allowed",
    404: "Not found",
    405: "Not available this way",
    409: "Conflict",
    413: "Too large",
    422: "Check the form",
    429: "Too many attempts",
    500: "Something went wrong",
    503: "Temporarily unavailable",
}


class SignInRequired(Exception):
    """No valid session: go to the sign-in page, and come back afterwards."""


class Redirect(Exception):
    """Leave with a redirect and a one-shot message (raised, so the transaction rolls back when
    the message reports a failure)."""

    def __init__(self, url: str, kind: str = "info", message: str | None = None) -> None:
        super().__init__(message or url)
        self.url = url
        self.kind = kind
        self.message = message


def safe_next(target: str | None, default: str = "/") -> str:
    """Only a path of this site: an open redirect would lend our name to a phishing link."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target


def _error_page(
    request: Request,
    status: int,
    detail: str,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> Response:
    response = render(
        request,
        "error.html",
        {
            "status": status,
            "title": _TITLES.get(status, "Error"),
            "detail": detail,
            "errors": [],
            **extra,
        },
        status=status,
    )
    response.headers.update(headers or {})  # e.g. Retry-After of a 429
    return response


#: What a browser is told for errors whose own text is for API clients (the router's "Not
#: Found", "Method Not Allowed").
_BROWSER_DETAILS = {
    404: "There is no such page. Check the address, or start again from the dashboard.",
    405: "This address does not answer that kind of request; open it from a link or a form.",
}


def browser_error_page(
    request: Request, status: int, detail: str, headers: dict[str, str] | None
) -> Response:
    """The HTML page of an error outside /api/ for a browser (app.errors.wants_html): unknown
    addresses and the errors no page route caught. It needs no signed-in user (an unknown
    address has no session dependency) and never shows an exception: the 500 detail is the
    handler's fixed sentence."""
    generic = not detail or detail == _phrase(status)  # Starlette's "Not Found" and the like
    shown = _BROWSER_DETAILS.get(status, detail) if generic else detail
    return _error_page(request, status, shown, headers)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


class WebRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def html_errors(request: Request) -> Response:
            try:
                return await handler(request)
            except SignInRequired:
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                if request.method != "GET":
                    target = "/"
                return RedirectResponse(f"/signin?next={quote(target)}", status_code=303)
            except Redirect as exc:
                response = RedirectResponse(safe_next(exc.url), status_code=303)
                if exc.message:
                    web_session.set_flash(
                        response, request.app.state.settings, exc.kind, exc.message
                    )
                return response
            except ProblemError as exc:
                return _error_page(
                    request, exc.status, exc.detail, exc.headers, errors=exc.errors or []
                )
            except RequestValidationError as exc:
                # A malformed id in the path is an unknown object, like any other.
                if any(e.get("loc", ("",))[0] == "path" for e in exc.errors()):
                    return _error_page(request, 404, "There is no such page.")
                messages = [
                    f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}"
                    for e in exc.errors()
                ]
                return _error_page(request, 422, "; ".join(messages))
            except Exception as exc:
                conflict = write_conflict(exc)
                if conflict is not None:
                    return _error_page(request, 409, conflict)
                # A busy or unreachable database: a page saying to retry, with Retry-After.
                problem = unavailable(exc)
                if problem is None:
                    raise
                log_unavailable(request, exc)
                return _error_page(request, problem.status, problem.detail, problem.headers)

        return html_errors
