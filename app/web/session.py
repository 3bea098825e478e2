"""The web session: a signed cookie holding the user id and the CSRF token.

The cookie is signed (itsdangerous, with the app's secret key), not encrypted: it holds nothing
secret but the CSRF token, which the page carries anyway. It is HttpOnly (scripts cannot read
it), SameSite=Lax (other sites' forms do not send it on POST) and Secure outside development and
tests (where the app is served over plain HTTP on localhost). A session lasts SESSION_MAX_AGE
from sign-in; the signature's timestamp enforces it, whatever the browser does with the cookie.

Before sign-in the cookie holds a CSRF token only, so that the sign-in form is protected too
(login CSRF); signing in issues a fresh token (no fixation of a token an attacker planted).
"""

from __future__ import annotations

import hmac
import secrets
import uuid
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

from app.config import Settings

COOKIE = "imdi_session"
FLASH_COOKIE = "imdi_flash"
CSRF_FIELD = "csrf_token"
SESSION_MAX_AGE = 8 * 60 * 60  # a working day
FLASH_MAX_AGE = 60
_SALT = "imdi-web-session"
_FLASH_SALT = "imdi-web-flash"


@dataclass(frozen=True, slots=True)
class WebSession:
    csrf: str
    user_id: uuid.UUID | None = None

    @classmethod
    def anonymous(cls) -> WebSession:
        return cls(csrf=secrets.token_urlsafe(32))

    @classmethod
    def signed_in(cls, user_id: uuid.UUID) -> WebSession:
        return cls(csrf=secrets.token_urlsafe(32), user_id=user_id)

    def csrf_ok(self, token: str | None) -> bool:
        # Constant time: the comparison must not tell an attacker how much of a guess was right.
        return bool(token) and hmac.compare_digest(self.csrf.encode(), str(token).encode())


def _serializer(settings: Settings, salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.secret_key.get_secret_value(), salt=salt)


def _secure(settings: Settings) -> bool:
    return settings.environment not in ("development", "test")


def read(request: Request, settings: Settings) -> WebSession | None:
    raw = request.cookies.get(COOKIE)
    if not raw:
        return None
    try:
        data = _serializer(settings, _SALT).loads(raw, max_age=SESSION_MAX_AGE)
        user = data.get("uid")
        return WebSession(csrf=str(data["csrf"]), user_id=uuid.UUID(user) if user else None)
    except (BadSignature, KeyError, TypeError, ValueError, AttributeError):
        return None  # expired, tampered with, or from another key: as if absent


def write(response: Response, settings: Settings, session: WebSession) -> None:
    payload = {"csrf": session.csrf, "uid": str(session.user_id) if session.user_id else None}
    response.set_cookie(
        COOKIE,
        _serializer(settings, _SALT).dumps(payload),
        max_age=SESSION_MAX_AGE,
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


def set_flash(response: Response, settings: Settings, kind: str, message: str) -> None:
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
