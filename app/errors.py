"""RFC 9457 problem details for every error the API returns."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from app.db import database_trouble

log = logging.getLogger("imdi.errors")

PROBLEM_JSON = "application/problem+json"

_TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    412: "Precondition failed",
    413: "Content too large",
    415: "Unsupported media type",
    422: "Unprocessable content",
    428: "Precondition required",
    429: "Too many requests",
    500: "Internal server error",
    503: "Service unavailable",
}

#: What a client is told to wait (seconds) before retrying when the database is busy or down.
RETRY_AFTER_SECONDS = 5


class ProblemError(Exception):
    """Raise from services to answer with a problem document."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        title: str | None = None,
        type_: str = "about:blank",
        errors: Sequence[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.title = title or _TITLES.get(status, "Error")
        self.type = type_
        self.errors = list(errors) if errors else None
        self.headers = headers
        self.extra = extra


class NotFound(ProblemError):
    def __init__(self, what: str, ident: object) -> None:
        super().__init__(404, f"{what} {ident} was not found.")


def unavailable(exc: BaseException) -> ProblemError | None:
    """The 503 for an error that says the database is busy or out of reach (the client may
    retry: Retry-After), None for any other error. Shared by the API and the web pages."""
    trouble = database_trouble(exc)
    if trouble is None:
        return None
    if trouble == "busy":
        detail = "The database is busy with other writes; retry in a few seconds."
    else:
        detail = "The database is not reachable at the moment; retry in a few seconds."
    return ProblemError(
        503,
        detail,
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        code=f"database_{trouble}",
    )


def write_conflict(exc: BaseException) -> str | None:
    """What a page says of a write that conflicts with stored data (changed by someone else in
    the meantime, or a constraint a race broke), None for any other error."""
    if isinstance(exc, StaleDataError):
        return "Someone else changed this in the meantime; reload and retry."
    if isinstance(exc, IntegrityError):
        return "That conflicts with stored data."
    return None


def log_unavailable(request: Request, exc: BaseException) -> None:
    # A warning, without the traceback (an outage answers hundreds of requests a second), and
    # the driver's message only: the statement's parameters are data, not for the log.
    reason = getattr(exc, "orig", None) or exc
    log.warning("database unavailable on %s %s: %s", request.method, request.url.path, reason)


def field_path(loc: Sequence[str | int]) -> str:
    """('body', 'skills', 0, 'skill') -> 'body.skills[0].skill'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def problem_response(
    status: int,
    detail: str,
    *,
    title: str | None = None,
    type_: str = "about:blank",
    instance: str | None = None,
    errors: Sequence[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": type_,
        "title": title or _TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    if errors:
        body["errors"] = list(errors)
    body.update(extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def summarise(errors: Sequence[dict[str, Any]]) -> str:
    """A one-line detail for a list of field errors: the first one, and how many more."""
    first = errors[0] if errors else {"field": "", "message": "invalid"}
    detail = f"{first['field']}: {first['message']}" if first["field"] else str(first["message"])
    if len(errors) > 1:
        detail += f" (and {len(errors) - 1} more)"
    return detail


def invalid(errors: Sequence[dict[str, Any]]) -> ProblemError:
    """A 422 for errors found after parsing (unknown codes and the like), shaped like the 422s
    of request validation so that clients handle both the same way."""
    return ProblemError(422, summarise(errors), errors=errors)


def validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for err in exc.errors():
        msg = str(err.get("msg", "invalid"))
        # pydantic prefixes custom errors with "Value error, "; the field path already says where.
        msg = msg.removeprefix("Value error, ")
        out.append({"field": field_path(err.get("loc", ())), "message": msg, "type": err["type"]})
    return out


#: Draws the HTML page a browser gets for an error outside /api/: (request, status, detail,
#: headers) -> response. The web layer provides it (app.web.routing.browser_error_page); this
#: module cannot import the web layer, which imports it.
HtmlErrorPage = Callable[[Request, int, str, dict[str, str] | None], Response]


def _accepts_html(accept: str) -> bool:
    """Whether an Accept header asks for HTML (text/html or application/xhtml+xml with q > 0).
    Wildcards do not count: API clients and curl send */* and keep getting problem+json."""
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        if media.lower() not in ("text/html", "application/xhtml+xml"):
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            return True
    return False


def wants_html(request: Request) -> bool:
    """A browser asking for a page outside the API: the API answers problem+json whatever the
    client accepts, so that its clients always read the same shape."""
    path = request.url.path
    if path == "/api" or path.startswith("/api/"):
        return False
    return _accepts_html(request.headers.get("accept", ""))


def install_error_handlers(app: FastAPI, html_page: HtmlErrorPage | None = None) -> None:
    """Problem documents for every error; with `html_page`, an HTML page instead for a
    browser outside /api/ (wants_html)."""

    def _answer(
        request: Request,
        status: int,
        detail: str,
        headers: dict[str, str] | None,
        problem: Callable[[], JSONResponse],
    ) -> Response:
        if html_page is not None and wants_html(request):
            try:
                return html_page(request, status, detail, headers)
            except Exception:  # a page that cannot be drawn must not hide the error itself
                log.exception("the error page for %s could not be drawn", request.url.path)
        return problem()

    def _problem_of(request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(
            exc.status,
            exc.detail,
            title=exc.title,
            type_=exc.type,
            instance=request.url.path,
            errors=exc.errors,
            headers=exc.headers,
            **exc.extra,
        )

    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> Response:
        return _answer(
            request, exc.status, exc.detail, exc.headers, lambda: _problem_of(request, exc)
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = validation_errors(exc)
        return _answer(
            request,
            422,
            summarise(errors),
            None,
            lambda: problem_response(
                422, summarise(errors), instance=request.url.path, errors=errors
            ),
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else _TITLES.get(exc.status_code, "")
        headers = getattr(exc, "headers", None)
        return _answer(
            request,
            exc.status_code,
            detail,
            headers,
            lambda: problem_response(
                exc.status_code, detail, instance=request.url.path, headers=headers
            ),
        )

    @app.exception_handler(StaleDataError)
    async def _stale(request: Request, exc: StaleDataError) -> Response:
        detail = "The object was changed by someone else; fetch it again and retry."
        return _answer(
            request,
            409,
            detail,
            None,
            lambda: problem_response(409, detail, instance=request.url.path),
        )

    @app.exception_handler(IntegrityError)
    async def _integrity(request: Request, exc: IntegrityError) -> Response:
        # Constraint violations that validation could not foresee (races, duplicates).
        log.info("integrity error on %s: %s", request.url.path, exc.orig)
        detail = "The request conflicts with stored data."
        return _answer(
            request,
            409,
            detail,
            None,
            lambda: problem_response(409, detail, instance=request.url.path),
        )

    # Database errors: a busy or unreachable database is a 503 the client may retry (any other
    # driver error is a bug: a 500, as below).
    @app.exception_handler(DBAPIError)
    @app.exception_handler(PoolTimeout)
    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        problem = unavailable(exc)
        if problem is not None:
            log_unavailable(request, exc)
            found = problem
            return _answer(
                request,
                found.status,
                found.detail,
                found.headers,
                lambda: _problem_of(request, found),
            )
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        # The exception's text stays in the log: it may name tables, values or paths.
        detail = "An unexpected error occurred; it has been logged."
        return _answer(
            request,
            500,
            detail,
            None,
            lambda: problem_response(500, detail, instance=request.url.path),
        )
