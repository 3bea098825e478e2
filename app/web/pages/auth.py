"""Sign-in with email and password, and sign-out."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

from fastapi import Query, Request
from sqlalchemy import select
from starlette.responses import RedirectResponse, Response

from app.auth.models import User
from app.auth.ratelimit import FAILED_AUTH
from app.auth.security import hash_password, verify_password
from app.deps import SessionDep, SettingsDep
from app.errors import ProblemError
from app.web import session as web_session
from app.web.deps import CsrfForm
from app.web.pages.common import redirect, text, web_router
from app.web.render import render
from app.web.routing import safe_next

router = web_router()


@lru_cache
def _decoy_hash() -> str:
    # Verified against when the email is unknown, so that both answers take as long and the
    # response time does not tell which emails have accounts.
    return hash_password("decoy password that matches nothing")


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _signin_page(
    request: Request,
    settings,
    *,
    next_url: str,
    email: str = "",
    error: str | None = None,
    status: int = 200,
) -> Response:
    ws = web_session.read(request, settings)
    if ws is None or ws.user_id is not None:
        ws = web_session.WebSession.anonymous()
    response = render(
        request,
        "signin.html",
        {"next": next_url, "email": email, "error": error},
        status=status,
        csrf=ws.csrf,
    )
    web_session.write(response, settings, ws)
    return response


@router.get("/signin")
def signin_form(
    request: Request,
    settings: SettingsDep,
    next: Annotated[str | None, Query(max_length=500)] = None,
) -> Response:
    ws = web_session.read(request, settings)
    if ws is not None and ws.user_id is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return _signin_page(request, settings, next_url=safe_next(next))


@router.post("/signin")
def signin(
    request: Request, form: CsrfForm, session: SessionDep, settings: SettingsDep
) -> Response:
    client = _client(request)
    email = text(form, "email").lower()
    next_url = safe_next(text(form, "next"))
    if FAILED_AUTH.blocked(client):
        raise ProblemError(
            429,
            "Too many failed sign-in attempts from your address; wait a minute and retry.",
            headers={"Retry-After": str(FAILED_AUTH.retry_after(client))},
        )
    password = form.get("password")
    user = session.scalar(select(User).where(User.email == email)) if email else None
    good = verify_password(
        user.password_hash if user is not None and user.password_hash else _decoy_hash(),
        password if isinstance(password, str) else "",
    )
    if user is None or not user.is_active or not user.password_hash or not good:
        FAILED_AUTH.fail(client)
        return _signin_page(
            request,
            settings,
            next_url=next_url,
            email=email,
            status=401,
            error="The email or the password is not right.",
        )
    response = RedirectResponse(next_url, status_code=303)
    # A new token at sign-in: a token planted before sign-in is worth nothing afterwards.
    web_session.write(response, settings, web_session.WebSession.signed_in(user.id))
    return response


@router.post("/signout")
def signout(request: Request, form: CsrfForm, settings: SettingsDep) -> Response:
    response = redirect(request, "/signin", "info", "You are signed out.")
    web_session.clear(response, settings)
    return response
