"""Dependencies of the web pages: the signed-in user, role checks and the CSRF check."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from starlette.datastructures import FormData

from app.auth import sessions
from app.auth.repository import principal_of
from app.common.principal import Role
from app.common.schemas import CONTROL_CHARACTER, control_character
from app.deps import SessionDep, SettingsDep
from app.errors import ProblemError, invalid
from app.web import session as web_session
from app.web.identity import WebUser
from app.web.routing import SignInRequired

#: Form fields other than an uploaded file are short; the file has the upload limit. The
#: vacancy form is the longest: ~30 fields and two per skill row (at most 100 rows).
MAX_FORM_FIELDS = 400
#: The largest text field of a form (Starlette limits only text parts by this, not files).
MAX_FIELD_BYTES = 64 * 1024


def web_user(request: Request, session: SessionDep, settings: SettingsDep) -> WebUser:
    ws = web_session.read(request, settings)
    if ws is None or ws.token is None:
        raise SignInRequired
    # The session must be in force on the server: signed out, password changed, user
    # deactivated, idle too long or too old all end it, whatever cookie the browser keeps.
    found = sessions.resume(session, ws.token, settings)
    if found is None:
        raise SignInRequired
    user, org = found
    current = WebUser(
        principal=principal_of(user),
        name=user.name,
        email=user.email,
        organisation=org.name,
        organisation_country=org.country,
        csrf=ws.csrf,
    )
    request.state.web_user = current  # for error pages drawn after this point
    return current


CurrentWebUser = Annotated[WebUser, Depends(web_user)]


def web_roles(*roles: Role) -> Callable[[WebUser], WebUser]:
    allowed = frozenset(roles)

    def check(user: CurrentWebUser) -> WebUser:
        if user.principal.role not in allowed:
            raise ProblemError(403, "This page is not available for your role.")
        return user

    return check


OfficerUser = Annotated[WebUser, Depends(web_roles(Role.OFFICER, Role.ADMIN))]
EmployerUser = Annotated[WebUser, Depends(web_roles(Role.EMPLOYER))]
MinistryUser = Annotated[WebUser, Depends(web_roles(Role.MINISTRY))]
AdminUser = Annotated[WebUser, Depends(web_roles(Role.ADMIN))]


async def csrf_form(request: Request, settings: SettingsDep) -> FormData:
    """The posted form, once its CSRF token matches the session's; else 403.

    One parse for every form (Starlette caches it on the request): text fields up to
    MAX_FIELD_BYTES, at most one file (the upload form's), whose size BodySizeLimitMiddleware
    bounds by the upload limit. Pages that take a file resolve the signed-in user first, so
    an anonymous client cannot make the server read (or spool) a body.
    """
    try:
        form = await request.form(
            max_files=1, max_fields=MAX_FORM_FIELDS, max_part_size=MAX_FIELD_BYTES
        )
    except Exception as exc:  # a malformed or oversized body is the client's error
        raise ProblemError(400, f"The form could not be read: {exc}") from None
    ws = web_session.read(request, settings)
    token = form.get(web_session.CSRF_FIELD)
    if ws is None or not isinstance(token, str) or not ws.csrf_ok(token):
        raise ProblemError(
            403,
            "The form's security token is missing or out of date, so it was refused. Reload "
            "the page and send the form again.",
        )
    _check_text(form)
    return form


def _check_text(form: FormData) -> None:
    """The API's text rule for every field of every form (before a page reads one): 422 naming
    the fields. Multi-line, since forms have text areas; a single-line field is held to the
    single-line rule again by the API schema its page validates it with."""
    errors: list[dict[str, str]] = []
    for name, value in form.multi_items():
        if isinstance(value, str):
            problem = control_character(value, multiline=True)
        else:  # a file: its name is stored with the upload
            problem = control_character(value.filename or "")
        if problem is not None:
            errors.append({"field": name, "message": problem, "type": CONTROL_CHARACTER})
    if errors:
        raise invalid(errors)


CsrfForm = Annotated[FormData, Depends(csrf_form)]
