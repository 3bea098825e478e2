"""The admin console: organisations, users and API keys, with their audit events.

Every write goes through app/auth/service.py, which audits it, as the admin API does. Two
answers carry a secret (a new API key, a generated password); they are drawn on the POST itself,
never after a redirect: see _secret_page.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Query, Request
from pydantic import ValidationError
from sqlalchemy.orm import Session
from starlette.responses import Response

from app.auditlog import repository as audit
from app.auth import repository as auth_names
from app.auth import service as auth
from app.auth import sessions
from app.auth.schemas import (
    ApiKeyIn,
    OrganisationIn,
    OrganisationKind,
    PasswordIn,
    UserIn,
)
from app.auth.security import generate_password
from app.common.csv_safe import csv_response
from app.common.principal import Role
from app.common.schemas import SingleLine
from app.config import Settings
from app.deps import SessionDep, SettingsDep
from app.errors import ProblemError
from app.web import pickers
from app.web.deps import AdminUser, CsrfForm
from app.web.identity import WebUser
from app.web.pages.admin_events import EventLine, describe_all
from app.web.pages.common import (
    PAGE_SIZE,
    form_errors,
    page_offset,
    redirect,
    text,
    web_router,
)
from app.web.pages.list_filters import Text
from app.web.render import render
from app.web.routing import Redirect

if TYPE_CHECKING:  # annotations only: the pages reach the models through services
    from app.auth.models import ApiKey, Organisation, User

router = web_router()

Offset = Annotated[int | None, Query(ge=0)]
#: Audit events shown on an organisation's, a user's or a key's page (newest first).
EVENTS = 50
KINDS = tuple(k.value for k in OrganisationKind)
ROLES = tuple(r.value for r in Role)
KEY_STATE_LABELS = {
    "in_force": "in force",
    "revoked": "revoked",
    "expired": "expired",
    "user_disabled": "user disabled",
}
PASSWORD_MODES = ("generate", "set", "none")
_PASSWORD_RULE = "A password has at least 12 characters (up to 256), on one line."


# ---- helpers ---------------------------------------------------------------------------------


def _field(path: str) -> str:
    """'body.email' or 'email' -> 'email': the form field an error belongs next to."""
    return path.removeprefix("body.").split(".")[0].split("[")[0]


def _errors_of(exc: ValidationError) -> dict[str, str]:
    """common.form_errors by form field: the first message of each field, next to it."""
    out: dict[str, str] = {}
    for e in form_errors(exc):
        out.setdefault(_field(e["field"]), e["message"])
    return out


def _problem_errors(exc: ProblemError, default_field: str) -> dict[str, str]:
    if exc.errors:
        return {_field(str(e.get("field", ""))) or default_field: e["message"] for e in exc.errors}
    return {default_field: exc.detail}


def _summary(errors: dict[str, str], labels: dict[str, str]) -> list[dict[str, str]]:
    """The form's errors for the summary at its top (each is also next to its field)."""
    return [{"field": labels.get(f, f), "message": m} for f, m in errors.items()]


def _csv(response: Response) -> Response:
    # Emails and key names are personal or sensitive: never kept by a shared cache.
    response.headers["Cache-Control"] = "no-store"
    return response


def _events(session: Session, entity_type: str, entity_id: object) -> list[EventLine]:
    rows, _ = audit.list_events(
        session, entity_type=entity_type, entity_id=str(entity_id), limit=EVENTS
    )
    return describe_all(session, rows)


def _secret_page(
    request: Request, template: str, context: dict[str, Any], *, status: int = 200
) -> Response:
    """A page that shows a secret (a new API key, a generated password) this one time.

    It is the answer to the POST that made the secret, not a page redirected to: after a
    redirect the secret would have to travel in the URL (kept in history, logs and Referer
    headers) or in a cookie (the flash message, readable later on any device that keeps it),
    or be stored on the server in clear until read. The service keeps only its digest, so once
    this page is gone it can never be shown again. Cache-Control: no-store (as every page) keeps
    it out of any cache and out of the back/forward history; reloading asks the browser to send
    the form again, which would make a second key, so the page says to leave it by its links.
    """
    response = render(request, template, context, status=status)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


# ---- organisation picker: "Name (slug)", a slug or a name ------------------------------------

_WITH_SLUG = re.compile(r"^\s*(?P<name>.*?)\s*\((?P<slug>[a-z0-9][a-z0-9-]*)\)\s*$")


@dataclass(frozen=True, slots=True)
class PickedOrg:
    organisation: Organisation | None
    error: str | None = None


def _org_value(org: Organisation | None) -> str:
    return f"{org.name} ({org.slug})" if org else ""


def _org_options(session: Session) -> list[pickers.Option]:
    return [
        pickers.Option(f"{name} ({slug})", slug)
        for slug, name in auth_names.organisation_slugs(session).items()
    ]


def _resolve_org(session: Session, typed: str | None) -> PickedOrg:
    """The organisation a picker names (by slug, name or "Name (slug)"), or what to say next
    to the field."""
    picked = pickers.resolve_named(
        typed,
        auth_names.organisation_slugs(session),
        what="organisation",
        code_hint="its slug (de-alpenblick-hotels)",
        normalise_code=str.lower,
    )
    if picked.code is None:
        return PickedOrg(None, picked.error)
    return PickedOrg(auth.organisation_by_slug(session, picked.code))


# ---- the overview ----------------------------------------------------------------------------


@router.get("/admin")
def admin_overview(request: Request, user: AdminUser, session: SessionDep) -> Response:
    counts = auth.admin_counts(session)
    recent: list[tuple[Any, str | None]] = []
    for entity_type in ("organisation", "user", "api_key"):
        rows, _ = audit.list_events(session, entity_type=entity_type, limit=10)
        recent.extend(rows)
    recent.sort(key=lambda r: (r[0].at, r[0].id), reverse=True)
    recent = recent[:10]
    return render(
        request,
        "admin.html",
        {"counts": counts, "events": describe_all(session, recent)},
    )


# ---- organisations ---------------------------------------------------------------------------


def _kind(value: str | None) -> OrganisationKind | None:
    return OrganisationKind(value) if value in KINDS else None


@router.get("/admin/organisations")
def organisation_list(
    request: Request,
    user: AdminUser,
    session: SessionDep,
    q: Text = None,
    kind: Text = None,
    offset: Offset = None,
) -> Response:
    start = page_offset(offset)
    rows, total = auth.search_organisations(
        session, q=q, kind=_kind(kind), limit=PAGE_SIZE, offset=start
    )
    filters = {"q": q or "", "kind": kind if _kind(kind) else ""}
    return render(
        request,
        "admin_organisations.html",
        {
            "rows": rows,
            "total": total,
            "offset": start,
            "page_size": PAGE_SIZE,
            "filters": filters,
            "query": {k: v for k, v in filters.items() if v},
            "kinds": KINDS,
        },
    )


ORGANISATION_COLUMNS = ("id", "slug", "name", "kind", "country", "users", "created_at")


@router.get("/admin/organisations.csv")
def organisation_list_csv(
    user: AdminUser, session: SessionDep, q: Text = None, kind: Text = None
) -> Response:
    rows, _ = auth.search_organisations(session, q=q, kind=_kind(kind), limit=None)
    cells = [(o.id, o.slug, o.name, o.kind, o.country, n, o.created_at) for o, n in rows]
    return _csv(csv_response(ORGANISATION_COLUMNS, cells, "organisations.csv"))


_ORG_LABELS = {"name": "Name", "slug": "Text name (slug)", "kind": "Kind", "country": "Country"}


def _slug_of(name: str, country: str | None) -> str:
    """A slug from the country and the name, as the demo's ("de-rhein-ruhr-kliniken")."""
    words = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    return "-".join(p for p in ((country or "").lower(), words) if p)[:80].strip("-")


def _organisation_form(
    request: Request,
    values: dict[str, str],
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    errors = errors or {}
    return render(
        request,
        "admin_organisation_new.html",
        {
            "values": values,
            "errors": errors,
            "summary": _summary(errors, _ORG_LABELS),
            "kinds": KINDS,
            "countries": pickers.country_options(),
        },
        status=status,
    )


@router.get("/admin/organisations/new")
def organisation_new(request: Request, user: AdminUser) -> Response:
    return _organisation_form(request, {"name": "", "slug": "", "kind": "employer", "country": ""})


@router.post("/admin/organisations/new")
def organisation_create(
    request: Request, form: CsrfForm, user: AdminUser, session: SessionDep
) -> Response:
    values = {k: text(form, k) for k in ("name", "slug", "kind", "country")}
    errors: dict[str, str] = {}
    picked = pickers.resolve_country(values["country"])
    if picked.error:
        errors["country"] = picked.error
    elif picked.code is None:
        errors["country"] = "Pick the country the organisation is in."
    slug = values["slug"] or _slug_of(values["name"], picked.code)
    try:
        data = OrganisationIn.model_validate(
            {
                "name": values["name"],
                "slug": slug,
                "kind": values["kind"],
                "country": picked.code or "",
            }
        )
    except ValidationError as exc:
        found = _errors_of(exc)
        if not values["slug"] and "slug" in found and "name" not in found:
            found["slug"] = f"{found['slug']} (made from the name: {slug!r}); type one"
        errors = {**found, **errors}
        return _organisation_form(request, values, errors, status=422)
    if errors:
        return _organisation_form(request, values, errors, status=422)
    try:
        org = auth.add_organisation(session, user.principal, data)
    except ProblemError as exc:
        if exc.status != 409:
            raise
        return _organisation_form(request, {**values, "slug": slug}, {"slug": exc.detail}, 409)
    return redirect(
        request,
        f"/admin/organisations/{org.slug}",
        "success",
        f"Organisation {org.name} ({org.slug}) is created. Invite its first user below.",
    )


@router.get("/admin/organisations/{slug}")
def organisation_page(
    request: Request, slug: SingleLine, user: AdminUser, session: SessionDep
) -> Response:
    org = auth.organisation_by_slug(session, slug)
    if org is None:
        raise ProblemError(404, f"There is no organisation {slug!r}.")
    users, users_total = auth.search_users(session, organisation_id=org.id, limit=PAGE_SIZE)
    keys, keys_total = auth.search_keys(session, organisation_id=org.id, limit=PAGE_SIZE)
    return render(
        request,
        "admin_organisation.html",
        {
            "org": org,
            "users": users,
            "users_total": users_total,
            "keys": [(k, u, o, auth.key_state(k, u)) for k, u, o in keys],
            "keys_total": keys_total,
            "state_labels": KEY_STATE_LABELS,
            "roles": auth.roles_for_kind(org.kind),
            "events": _events(session, "organisation", org.id),
        },
    )


# ---- users -----------------------------------------------------------------------------------


def _active(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")


def _role(value: str | None) -> Role | None:
    return Role(value) if value in ROLES else None


@dataclass(frozen=True, slots=True)
class UserFilters:
    q: str
    organisation: str  # as typed in the picker
    role: str
    active: str
    picked: PickedOrg

    @property
    def query(self) -> dict[str, str]:
        values = {
            "q": self.q,
            "organisation": self.organisation,
            "role": self.role,
            "active": self.active,
        }
        return {k: v for k, v in values.items() if v}


def _user_filters(
    session: Session, q: str | None, organisation: str | None, role: str | None, active: str | None
) -> UserFilters:
    picked = _resolve_org(session, organisation)
    return UserFilters(
        q=q or "",
        # A picked organisation shows as "Name (slug)"; a name that is none stays as typed.
        organisation=_org_value(picked.organisation) if picked.organisation else organisation or "",
        role=role if role and _role(role) else "",
        active=active if active and _active(active) is not None else "",
        picked=picked,
    )


def _find_users(
    session: Session, f: UserFilters, limit: int | None, offset: int = 0
) -> tuple[list[tuple[User, Organisation]], int]:
    if f.picked.error:
        return [], 0
    return auth.search_users(
        session,
        q=f.q,
        organisation_id=f.picked.organisation.id if f.picked.organisation else None,
        role=_role(f.role),
        active=_active(f.active),
        limit=limit,
        offset=offset,
    )


@router.get("/admin/users")
def user_list(
    request: Request,
    user: AdminUser,
    session: SessionDep,
    q: Text = None,
    organisation: Text = None,
    role: Text = None,
    active: Text = None,
    offset: Offset = None,
) -> Response:
    start = page_offset(offset)
    f = _user_filters(session, q, organisation, role, active)
    rows, total = _find_users(session, f, PAGE_SIZE, start)
    return render(
        request,
        "admin_users.html",
        {
            "rows": rows,
            "total": total,
            "offset": start,
            "page_size": PAGE_SIZE,
            "filters": f,
            "query": f.query,
            "roles": ROLES,
            "organisations": _org_options(session),
        },
    )


USER_COLUMNS = (
    "id",
    "email",
    "name",
    "role",
    "organisation_slug",
    "organisation_name",
    "is_active",
    "has_password",
    "created_at",
)


@router.get("/admin/users.csv")
def user_list_csv(
    user: AdminUser,
    session: SessionDep,
    q: Text = None,
    organisation: Text = None,
    role: Text = None,
    active: Text = None,
) -> Response:
    f = _user_filters(session, q, organisation, role, active)
    if f.picked.error:
        raise ProblemError(422, f.picked.error)
    rows, _ = _find_users(session, f, None)
    cells = [
        (
            u.id,
            u.email,
            u.name,
            u.role,
            o.slug,
            o.name,
            u.is_active,
            u.password_hash is not None,
            u.created_at,
        )
        for u, o in rows
    ]
    return _csv(csv_response(USER_COLUMNS, cells, "users.csv"))


_USER_LABELS = {
    "email": "Email",
    "name": "Name",
    "organisation": "Organisation",
    "role": "Role",
    "password": "Password",
    "password_mode": "Web sign-in",
}


def _invite_form(
    request: Request,
    session: Session,
    values: dict[str, str],
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    errors = errors or {}
    return render(
        request,
        "admin_user_new.html",
        {
            "values": values,
            "errors": errors,
            "summary": _summary(errors, _USER_LABELS),
            "roles": ROLES,
            "organisations": _org_options(session),
        },
        status=status,
    )


@router.get("/admin/users/new")
def user_new(
    request: Request, user: AdminUser, session: SessionDep, organisation: Text = None
) -> Response:
    picked = _resolve_org(session, organisation)
    org = picked.organisation
    role = auth.roles_for_kind(org.kind)[0].value if org else "employer"
    values = {
        "email": "",
        "name": "",
        "organisation": _org_value(org),
        "role": role,
        "password_mode": "generate",
        "password": "",
    }
    return _invite_form(request, session, values)


@router.post("/admin/users/new")
def user_create(request: Request, form: CsrfForm, user: AdminUser, session: SessionDep) -> Response:
    # form.get, not text(): a password keeps its spaces (as UserIn does).
    raw_password = form.get("password")
    values = {k: text(form, k) for k in ("email", "name", "organisation", "role", "password_mode")}
    values["password"] = raw_password if isinstance(raw_password, str) else ""
    mode = values["password_mode"] if values["password_mode"] in PASSWORD_MODES else "generate"
    values["password_mode"] = mode
    errors: dict[str, str] = {}
    picked = _resolve_org(session, values["organisation"])
    if picked.error:
        errors["organisation"] = picked.error
    elif picked.organisation is None:
        errors["organisation"] = "Pick the organisation the user acts for."
    org = picked.organisation
    if org is not None:
        values["organisation"] = _org_value(org)  # what the picker shows for a picked one
    if mode == "set" and not values["password"]:
        errors["password"] = "Type the password, or let the service generate one."
    password = generate_password() if mode == "generate" else values["password"] or None
    if mode == "none":
        password = None
    try:
        data = UserIn.model_validate(
            {
                "email": values["email"],
                "name": values["name"],
                "role": values["role"],
                "organisation": org.slug if org else "-",
                "password": password,
            }
        )
    except ValidationError as exc:
        found = _errors_of(exc)
        found.pop("organisation", None)  # the picker's own message says it better
        if "password" in found:
            found["password"] = _PASSWORD_RULE
        errors = {**found, **errors}
    if errors:
        values["password"] = ""  # a password is never sent back in a page
        return _invite_form(request, session, values, errors, status=422)
    try:
        created = auth.add_user(session, user.principal, data)
    except ProblemError as exc:
        if exc.status not in (409, 422):
            raise
        values["password"] = ""
        field = "email" if exc.status == 409 else "role"
        return _invite_form(request, session, values, _problem_errors(exc, field), exc.status)
    assert org is not None
    if mode != "generate":
        how = "can sign in with the password you set" if password else "can use API keys only"
        return redirect(
            request,
            f"/admin/users/{created.id}",
            "success",
            f"{created.email} is invited as {created.role} of {org.name}; the user {how}.",
        )
    return _secret_page(
        request,
        "admin_password.html",
        {
            "target": created,
            "org": org,
            "password": password,
            "invited": True,
            "sessions_ended": 0,
        },
        status=201,
    )


def _user_page(
    request: Request,
    session: Session,
    settings: Settings,
    admin: WebUser,
    target: User,
    *,
    errors: dict[str, str] | None = None,
    key_values: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    org = auth_names.organisation_of(session, target.organisation_id)
    keys, keys_total = auth.search_keys(session, user_id=target.id, limit=PAGE_SIZE)
    signed_in, _ = audit.list_events(
        session, entity_type="web_session", actor_id=target.id, action="sign_in", limit=1
    )
    return render(
        request,
        "admin_user.html",
        {
            "target": target,
            "org": org,
            "is_self": target.id == admin.principal.user_id,
            "roles": auth.roles_for_kind(org.kind),
            "keys": [(k, auth.key_state(k, u)) for k, u, _ in keys],
            "keys_total": keys_total,
            "state_labels": KEY_STATE_LABELS,
            "last_sign_in": signed_in[0][0].at if signed_in else None,
            "live_sessions": sessions.live_session_count(session, target.id, settings),
            "errors": errors or {},
            "key_values": key_values or {"name": "", "expires_on": ""},
            "events": _events(session, "user", target.id),
        },
        status=status,
    )


@router.get("/admin/users/{user_id}")
def user_page(
    request: Request,
    user_id: uuid.UUID,
    user: AdminUser,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    return _user_page(request, session, settings, user, auth.get_user(session, user_id))


@router.post("/admin/users/{user_id}/role")
def user_role(
    request: Request,
    user_id: uuid.UUID,
    form: CsrfForm,
    user: AdminUser,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    target = auth.get_user(session, user_id)
    role = _role(text(form, "role"))
    if role is None:
        return _user_page(
            request, session, settings, user, target, errors={"role": "Pick a role."}, status=422
        )
    before = target.role
    try:
        changed = auth.set_role(session, user.principal, target, role)
    except ProblemError as exc:
        if exc.status not in (409, 422):
            raise
        errors = _problem_errors(exc, "role")
        return _user_page(request, session, settings, user, target, errors=errors, status=422)
    message = (
        f"{target.email} is now {role.value} (was {before})."
        if changed
        else f"{target.email} is {role.value} already."
    )
    return redirect(request, f"/admin/users/{target.id}", "success", message)


@router.post("/admin/users/{user_id}/active")
def user_active(
    request: Request, user_id: uuid.UUID, form: CsrfForm, user: AdminUser, session: SessionDep
) -> Response:
    target = auth.get_user(session, user_id)
    active = text(form, "active") == "yes"
    here = f"/admin/users/{target.id}"
    try:
        ended = auth.set_active(session, user.principal, target, active)
    except ProblemError as exc:
        if exc.status != 409:
            raise
        raise Redirect(here, "error", exc.detail) from None
    if active:
        message = f"{target.email} is enabled: keys in force work again, and the user can sign in."
    else:
        message = (
            f"{target.email} is disabled: API keys stopped working and "
            f"{ended} web session{'s' if ended != 1 else ''} ended."
        )
    return redirect(request, here, "success", message)


@router.post("/admin/users/{user_id}/password")
def user_password(
    request: Request,
    user_id: uuid.UUID,
    form: CsrfForm,
    user: AdminUser,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    target = auth.get_user(session, user_id)
    mode = text(form, "password_mode")
    raw = form.get("password")
    typed = raw if isinstance(raw, str) else ""
    if mode == "set":
        try:
            password = PasswordIn.model_validate({"password": typed}).password
        except ValidationError as exc:
            problem = _errors_of(exc).get("password", "")
            # Length is the rule people miss; pydantic words it as "12 items".
            errors = {"password": _PASSWORD_RULE if "12" in problem or not typed else problem}
            return _user_page(request, session, settings, user, target, errors=errors, status=422)
    else:
        password = generate_password()
    org = auth_names.organisation_of(session, target.organisation_id)
    ended = auth.set_password(session, user.principal, target, password)
    if mode == "set":
        return redirect(
            request,
            f"/admin/users/{target.id}",
            "success",
            f"The password of {target.email} is set; {ended} web "
            f"session{'s' if ended != 1 else ''} ended.",
        )
    return _secret_page(
        request,
        "admin_password.html",
        {
            "target": target,
            "org": org,
            "password": password,
            "invited": False,
            "sessions_ended": ended,
        },
    )


# ---- API keys --------------------------------------------------------------------------------


def _key_input(values: dict[str, str]) -> tuple[ApiKeyIn | None, dict[str, str]]:
    """The key form's name and last valid day -> the API's key input, or the errors by field."""
    expires_at: datetime | None = None
    if values["expires_on"]:
        try:
            day = date.fromisoformat(values["expires_on"])
        except ValueError:
            return None, {"expires_on": "Give a date as YYYY-MM-DD."}
        # The key works through the day given (UTC): it stops at the next midnight.
        expires_at = datetime.combine(day + timedelta(days=1), time.min, UTC)
    try:
        return ApiKeyIn.model_validate({"name": values["name"], "expires_at": expires_at}), {}
    except ValidationError as exc:
        found = _errors_of(exc)
        if "expires_at" in found:
            found["expires_on"] = "The last day must be today or later."
            del found["expires_at"]
        return None, found


def _create_key(
    request: Request, session: Session, admin: WebUser, target: User, data: ApiKeyIn
) -> Response:
    api_key, clear = auth.create_api_key(
        session, admin.principal, target, data.name, data.expires_at
    )
    org = auth_names.organisation_of(session, target.organisation_id)
    return _secret_page(
        request,
        "admin_key_created.html",
        {"api_key": api_key, "key": clear, "target": target, "org": org},
        status=201,
    )


@router.post("/admin/users/{user_id}/keys")
def user_key_create(
    request: Request,
    user_id: uuid.UUID,
    form: CsrfForm,
    user: AdminUser,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    target = auth.get_user(session, user_id)
    values = {k: text(form, k) for k in ("name", "expires_on")}
    data, errors = _key_input(values)
    if data is None:
        errors = {f"key_{k}": m for k, m in errors.items()}
        return _user_page(
            request, session, settings, user, target, errors=errors, key_values=values, status=422
        )
    return _create_key(request, session, user, target, data)


@dataclass(frozen=True, slots=True)
class KeyFilters:
    q: str
    organisation: str
    state: str
    picked: PickedOrg

    @property
    def query(self) -> dict[str, str]:
        values = {"q": self.q, "organisation": self.organisation, "state": self.state}
        return {k: v for k, v in values.items() if v}


def _key_filters(
    session: Session, q: str | None, organisation: str | None, state: str | None
) -> KeyFilters:
    picked = _resolve_org(session, organisation)
    return KeyFilters(
        q=q or "",
        organisation=_org_value(picked.organisation) if picked.organisation else organisation or "",
        state=state if state in auth.KEY_STATES else "",
        picked=picked,
    )


def _find_keys(
    session: Session, f: KeyFilters, limit: int | None, offset: int = 0
) -> tuple[list[tuple[ApiKey, User, Organisation]], int]:
    if f.picked.error:
        return [], 0
    return auth.search_keys(
        session,
        q=f.q,
        organisation_id=f.picked.organisation.id if f.picked.organisation else None,
        state=f.state or None,
        limit=limit,
        offset=offset,
    )


@router.get("/admin/keys")
def key_list(
    request: Request,
    user: AdminUser,
    session: SessionDep,
    q: Text = None,
    organisation: Text = None,
    state: Text = None,
    offset: Offset = None,
) -> Response:
    start = page_offset(offset)
    f = _key_filters(session, q, organisation, state)
    rows, total = _find_keys(session, f, PAGE_SIZE, start)
    return render(
        request,
        "admin_keys.html",
        {
            "rows": [(k, u, o, auth.key_state(k, u)) for k, u, o in rows],
            "total": total,
            "offset": start,
            "page_size": PAGE_SIZE,
            "filters": f,
            "query": f.query,
            "states": KEY_STATE_LABELS,
            "organisations": _org_options(session),
        },
    )


KEY_COLUMNS = (
    "id",
    "name",
    "prefix",
    "user_email",
    "role",
    "organisation_slug",
    "state",
    "created_at",
    "last_used_at",
    "expires_at",
    "revoked_at",
)


@router.get("/admin/keys.csv")
def key_list_csv(
    user: AdminUser,
    session: SessionDep,
    q: Text = None,
    organisation: Text = None,
    state: Text = None,
) -> Response:
    f = _key_filters(session, q, organisation, state)
    if f.picked.error:
        raise ProblemError(422, f.picked.error)
    rows, _ = _find_keys(session, f, None)
    cells = [
        (
            k.id,
            k.name,
            k.prefix,
            u.email,
            u.role,
            o.slug,
            auth.key_state(k, u),
            k.created_at,
            k.last_used_at,
            k.expires_at,
            k.revoked_at,
        )
        for k, u, o in rows
    ]
    return _csv(csv_response(KEY_COLUMNS, cells, "api-keys.csv"))


def _key_form(
    request: Request,
    values: dict[str, str],
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    errors = errors or {}
    labels = {"email": "User's email", "name": "What the key is for", "expires_on": "Last day"}
    return render(
        request,
        "admin_key_new.html",
        {"values": values, "errors": errors, "summary": _summary(errors, labels)},
        status=status,
    )


@router.get("/admin/keys/new")
def key_new(
    request: Request, user: AdminUser, session: SessionDep, user_id: Text = None
) -> Response:
    email = ""
    if user_id:
        try:
            email = auth.get_user(session, uuid.UUID(user_id)).email
        except (ValueError, ProblemError):
            email = ""
    return _key_form(request, {"email": email, "name": "", "expires_on": ""})


@router.post("/admin/keys/new")
def key_create(request: Request, form: CsrfForm, user: AdminUser, session: SessionDep) -> Response:
    values = {k: text(form, k) for k in ("email", "name", "expires_on")}
    data, errors = _key_input(values)
    target = None
    if not values["email"]:
        errors["email"] = "Give the email of the user the key acts as."
    else:
        try:
            target = auth.user_by_email(session, values["email"])
        except ProblemError:
            errors["email"] = f"No user has the email {values['email']!r}."
    if data is None or target is None or errors:
        return _key_form(request, values, errors, status=422)
    return _create_key(request, session, user, target, data)


@router.get("/admin/keys/{key_id}")
def key_page(request: Request, key_id: uuid.UUID, user: AdminUser, session: SessionDep) -> Response:
    api_key, owner, org = auth.get_key(session, key_id)
    return render(
        request,
        "admin_key.html",
        {
            "api_key": api_key,
            "owner": owner,
            "org": org,
            "state": auth.key_state(api_key, owner),
            "state_labels": KEY_STATE_LABELS,
            "events": _events(session, "api_key", api_key.id),
            "confirm": False,
        },
    )


@router.get("/admin/keys/{key_id}/revoke")
def key_revoke_confirm(
    request: Request, key_id: uuid.UUID, user: AdminUser, session: SessionDep
) -> Response:
    """The confirmation step: revoking is for good, so it is asked before it is done."""
    api_key, owner, org = auth.get_key(session, key_id)
    if api_key.revoked_at is not None:
        raise Redirect(f"/admin/keys/{api_key.id}", "info", "This key is revoked already.")
    return render(
        request,
        "admin_key.html",
        {
            "api_key": api_key,
            "owner": owner,
            "org": org,
            "state": auth.key_state(api_key, owner),
            "state_labels": KEY_STATE_LABELS,
            "events": _events(session, "api_key", api_key.id),
            "confirm": True,
        },
    )


@router.post("/admin/keys/{key_id}/revoke")
def key_revoke(
    request: Request, key_id: uuid.UUID, form: CsrfForm, user: AdminUser, session: SessionDep
) -> Response:
    api_key, owner, _ = auth.get_key(session, key_id)
    if api_key.revoked_at is not None:
        raise Redirect(f"/admin/keys/{api_key.id}", "info", "This key was revoked already.")
    auth.revoke_api_key(session, user.principal, api_key.id)
    return redirect(
        request,
        f"/admin/keys/{api_key.id}",
        "success",
        f"The key “{api_key.name}” ({api_key.prefix}…) of {owner.email} is revoked: it no longer "
        "authenticates.",
    )
