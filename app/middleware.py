"""Cross-cutting HTTP middleware: security headers, a request body size limit, and the last
guard against text the database cannot store."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import problem_response

log = logging.getLogger("imdi.middleware")

#: Every page's policy (the API docs' too): everything from the service itself.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"
)


def policy_with_style_nonce(nonce: str) -> str:
    """The site's policy, also admitting <style> elements that carry `nonce` (ReDoc writes its
    styles into such elements at run time; every other rule is unchanged)."""
    return CONTENT_SECURITY_POLICY.replace(
        "style-src 'self'", f"style-src 'self' 'nonce-{nonce}'", 1
    )


SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    # Everything is served by the app itself: no CDN, no inline third-party code.
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
]
#: Browsers that once reached the service over HTTPS never try plain HTTP again (a year).
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


class SecurityHeadersMiddleware:
    """`hsts`: send Strict-Transport-Security (everywhere but a developer's own machine, which
    serves plain HTTP on localhost)."""

    def __init__(self, app: ASGIApp, *, hsts: bool = True) -> None:
        self.app = app
        self.headers = [*SECURITY_HEADERS, HSTS] if hsts else list(SECURITY_HEADERS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                for key, value in self.headers:
                    if key in present:
                        continue
                    headers.append((key, value))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodySizeLimitMiddleware:
    """Refuse bodies over a limit (413) by header and while streaming, before anything parses
    them. `limits` maps path prefixes to their own limit (the longest matching prefix wins; the
    upload routes have a larger one); every other path has `max_bytes`.

    A body that crosses its limit while streaming is answered with the 413 here, whatever the
    app made of the interrupted read (FastAPI turns it into a 400 "error parsing the body"): the
    app's own response is dropped, as long as none was started before the limit was crossed.
    """

    def __init__(
        self, app: ASGIApp, max_bytes: int, limits: Mapping[str, int] | None = None
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        # Longest prefix first, so that a more specific prefix wins.
        self.limits = sorted((limits or {}).items(), key=lambda kv: len(kv[0]), reverse=True)

    def limit_for(self, path: str) -> int:
        for prefix, limit in self.limits:
            if path.startswith(prefix):
                return limit
        return self.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._too_large(limit, scope, receive, send)
            return
        seen = 0
        exceeded = False
        started = False

        async def counting_receive() -> Message:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    exceeded = True
                    raise _TooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if exceeded and not started:
                return  # the app's answer to the interrupted read; the 413 goes out instead
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not exceeded or started:
                raise
        if exceeded and not started:
            await self._too_large(limit, scope, receive, send)

    async def _too_large(self, limit: int, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem_response(
            413, f"The request body is larger than the limit of {limit} bytes."
        )
        await response(scope, receive, send)


class _TooLarge(Exception):
    pass


#: SQLSTATEs of text the database cannot hold: untranslatable_character (a \u0000 escape in
#: JSON, for one) and character_not_in_repertoire.
_TEXT_SQLSTATES = frozenset({"22P05", "22021"})


def _unstorable_text(exc: DataError) -> bool:
    orig = exc.orig
    # psycopg refuses a NUL in a text parameter itself, before anything reaches the server.
    return getattr(orig, "sqlstate", None) in _TEXT_SQLSTATES or "NUL (0x00)" in str(orig)


def install_text_guard(app: FastAPI) -> None:
    """The last line behind the text types (app.common.schemas.SingleLine and MultiLine), which
    refuse control characters field by field: a NUL that still reaches PostgreSQL through an
    input nobody typed (a new field, a header) is the client's 422, never a 500. The session
    dependency has rolled the transaction back by the time this answers."""

    @app.exception_handler(DataError)
    async def _data_error(request: Request, exc: DataError) -> JSONResponse:
        if not _unstorable_text(exc):
            raise exc  # any other data error is a bug: the 500 handler logs it
        log.warning(
            "unstorable text reached the database on %s %s", request.method, request.url.path
        )
        return problem_response(
            422,
            "The request holds text the database cannot store (a NUL character, U+0000); "
            "remove it and send the request again.",
            instance=request.url.path,
        )
