"""The web session cookie: a signed value holding the CSRF token and, once signed in, the token
of a server-side session (app/auth/sessions.py, which decides whether it is still in force).

The cookie is signed (itsdangerous, with the app's secret key), not encrypted: the session
token is random and worth something only while its row in web_sessions is live, so sign-out,
a password change, deactivating the user or the idle timeout end it whatever the browser keeps.
It is HttpOnly (scripts cannot read it), SameSite=Lax (other sites' forms do not send it on
POST) and Secure everywhere but development (the only environment served over plain HTTP on
localhost). The signature's timestamp bounds it by the session lifetime as well.

Before sign-in the cookie holds a CSRF token only, so that the sign-in form is protected too
(login CSRF); signing in issues a fresh token and a fresh session (no fixation of either).
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

from app.config import Settings

COOKIE = "imdi_session"
FLASH_COOKIE = "imdi_flash"
CSRF_FIELD = "csrf_token"
FLASH_MAX_AGE = 60
_SALT = "imdi-web-session"
_FLASH_SALT = "imdi-web-flash"


@dataclass(frozen=True, slots=True)
class WebSession:
    csrf: str
    #: The server-side session's token (None before sign-in).
    token: str | None = None

    @classmethod
    def anonymous(cls) -> WebSession:
        return cls(csrf=secrets.token_urlsafe(32))

    @classmethod
    def signed_in(cls, token: str) -> WebSession:
        return cls(csrf=secrets.token_urlsafe(32), token=token)

    def csrf_ok(self, token: str | None) -> bool:
        # Constant time: the comparison must not tell an attacker how much of a guess was right.
        return bool(token) and hmac.compare_digest(self.csrf.encode(), str(token).encode())


def _serializer(settings: Settings, salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.secret_key.get_secret_value(), salt=salt)


def _secure(settings: Settings) -> bool:
    return not settings.is_development


def max_age(settings: Settings) -> int:
    """Seconds a session may last from sign-in (the cookie's Max-Age and signature age)."""
    return int(settings.session_max_hours * 3600)


def read(request: Request, settings: Settings) -> WebSession | None:
    raw = request.cookies.get(COOKIE)
    if not raw:
        return None
    try:
        data = _serializer(settings, _SALT).loads(raw, max_age=max_age(settings))
        token = data.get("sid")
        return WebSession(csrf=str(data["csrf"]), token=str(token) if token else None)
    except (BadSignature, KeyError, TypeError, ValueError, AttributeError):
        return None  # expired, tampered with, or from another key: as if absent


def write(response: Response, settings: Settings, session: WebSession) -> None:
    payload = {"csrf": session.csrf, "sid": session.token}
    response.set_cookie(
        COOKIE,
        _serializer(settings, _SALT).dumps(payload),
        max_age=max_age(settings),
        httponly=True,
        samesite="lax",
        secure=_secure(settings),
        path="/",
    )


def clear(response: Response, settings: Settings) -> None:
    response.delete_cookie(
        COOKIE, path="/", httponly=True, samesite="lax", secure=_secure(settings)
    )


# ---- one-shot messages after a redirect (post/redirect/get) -----------------------------------


#: The longest one-shot message, in characters: a cookie over 4 KB is dropped by the browser,
#: and the person would read nothing at all (the signed, base64-encoded cookie is ~1.4x longer).
FLASH_MAX_CHARS = 1500


def set_flash(response: Response, settings: Settings, kind: str, message: str) -> None:
    if len(message) > FLASH_MAX_CHARS:
        message = message[: FLASH_MAX_CHARS - 1].rstrip() + "…"
    response.set_cookie(
        FLASH_COOKIE,
        _serializer(settings, _FLASH_SALT).dumps({"kind": kind, "message": message}),
        max_age=FLASH_MAX_AGE,
        httponly=True,
        samesite="lax",
        secure=_secure(settings),
        path="/",
    )


def pop_flash(request: Request, settings: Settings) -> dict[str, str] | None:
    """The message of the previous redirect, if any; the caller deletes the cookie."""
    raw = request.cookies.get(FLASH_COOKIE)
    if not raw:
        return None
    try:
        data = _serializer(settings, _FLASH_SALT).loads(raw, max_age=FLASH_MAX_AGE)
        return {"kind": str(data["kind"]), "message": str(data["message"])}
    except (BadSignature, KeyError, TypeError):
        return None
