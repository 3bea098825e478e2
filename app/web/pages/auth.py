"""Sign-in with email and password, and sign-out."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

from fastapi import Query, Request
from starlette.responses import RedirectResponse, Response

from app.auth import repository as users
from app.auth import sessions
from app.auth.ratelimit import FAILED_AUTH, client_address
from app.auth.repository import principal_of
from app.auth.security import hash_password, verify_password
from app.common.schemas import SingleLine
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
    if ws is None or ws.token is not None:
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
    session: SessionDep,
    settings: SettingsDep,
    next: Annotated[SingleLine | None, Query(max_length=500)] = None,
) -> Response:
    ws = web_session.read(request, settings)
    if ws is not None and ws.token is not None and sessions.resume(session, ws.token, settings):
        return RedirectResponse(safe_next(next), status_code=303)
    return _signin_page(request, settings, next_url=safe_next(next))


@router.post("/signin")
def signin(
    request: Request, form: CsrfForm, session: SessionDep, settings: SettingsDep
) -> Response:
    client = client_address(request)
    email = text(form, "email").lower()
    next_url = safe_next(text(form, "next"))
    # Refused before the password is checked: a guesser gets no answer, and no argon2 time.
    wait = FAILED_AUTH.signin_wait(client, email)
    if wait is not None:
        after = f"{wait} seconds" if wait < 120 else f"{(wait + 59) // 60} minutes"
        raise ProblemError(
            429,
            "Too many failed sign-in attempts for this account or from your address; try "
            f"again in {after}.",
            headers={"Retry-After": str(wait)},
        )
    password = form.get("password")
    user = users.find_user(session, email) if email else None
    good = verify_password(
        user.password_hash if user is not None and user.password_hash else _decoy_hash(),
        password if isinstance(password, str) else "",
    )
    if user is None or not user.is_active or not user.password_hash or not good:
        FAILED_AUTH.signin_failed(client, email)
        return _signin_page(
            request,
            settings,
            next_url=next_url,
            email=email,
            status=401,
            error="The email or the password is not right.",
        )
    FAILED_AUTH.signin_succeeded(email)
    previous = web_session.read(request, settings)
    if previous is not None and previous.token is not None:
        # Signing in over a session ends that one: one browser, one session.
        sessions.close_session(session, previous.token, "signed_in_again")
    token = sessions.open_session(session, principal_of(user), settings)
    response = RedirectResponse(next_url, status_code=303)
    # A new CSRF token and a new session at sign-in: nothing planted before is worth anything.
    web_session.write(response, settings, web_session.WebSession.signed_in(token))
    return response


@router.post("/signout")
def signout(
    request: Request, form: CsrfForm, session: SessionDep, settings: SettingsDep
) -> Response:
    ws = web_session.read(request, settings)
    if ws is not None and ws.token is not None:
        # Ended on the server: the cookie, wherever a copy of it is, opens nothing any more.
        sessions.close_session(session, ws.token)
    response = redirect(request, "/signin", "info", "You are signed out.")
    web_session.clear(response, settings)
    return response
