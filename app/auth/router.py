"""Administration of organisations, users and API keys (admins), and "me" (everyone)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, status

from app.auth import service
from app.auth.deps import CurrentPrincipal, require_roles
from app.auth.models import ApiKey, Organisation, User
from app.auth.schemas import (
    ApiKeyCreated,
    ApiKeyIn,
    ApiKeyOut,
    MeOut,
    OrganisationIn,
    OrganisationKind,
    OrganisationOut,
    PasswordIn,
    UserIn,
    UserOut,
)
from app.common.principal import Principal, Role
from app.common.schemas import MAX_OFFSET, Page, SingleLine
from app.deps import SessionDep

# One callable for the router and the handlers, so FastAPI runs the check once per request.
_admin_only = require_roles(Role.ADMIN)
admin_router = APIRouter(
    prefix="/api/v1/admin", tags=["admin"], dependencies=[Depends(_admin_only)]
)
me_router = APIRouter(prefix="/api/v1/me", tags=["me"])

Limit = Annotated[int, Query(ge=1, le=200, description="items per page, 1..200")]
Offset = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description="items to skip: the page's start in the order")
]
IncludeRevoked = Annotated[
    bool, Query(description="whether revoked keys are listed too (false: only unrevoked ones)")
]
Admin = Annotated[Principal, Depends(_admin_only)]
UserId = Annotated[uuid.UUID, Path(description="the user's id")]
KeyId = Annotated[uuid.UUID, Path(description="the API key's id (not the key itself)")]


def _user_out(user: User, org: Organisation) -> UserOut:
    return UserOut(
        id=user.id,
        email=user.email,
        name=user.name,
        role=Role(user.role),
        organisation=OrganisationOut.model_validate(org),
        is_active=user.is_active,
        has_password=user.password_hash is not None,
        created_at=user.created_at,
    )


def _created(api_key: ApiKey, key: str) -> ApiKeyCreated:
    return ApiKeyCreated(**ApiKeyOut.model_validate(api_key).model_dump(), key=key)


# ---- organisations ---------------------------------------------------------------------------


@admin_router.get("/organisations", response_model=Page[OrganisationOut])
def list_organisations(
    session: SessionDep,
    kind: Annotated[
        OrganisationKind | None, Query(description="only organisations of this kind")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[OrganisationOut]:
    """List the organisations

    Every organisation (employers, ministries, agencies), sorted by slug; offset pagination
    (`total` counts them all), optionally only one kind.
    """
    rows, total = service.list_organisations(session, kind=kind, limit=limit, offset=offset)
    items = [OrganisationOut.model_validate(r) for r in rows]
    return Page(items=items, total=total, limit=limit, offset=offset)


@admin_router.post(
    "/organisations",
    response_model=OrganisationOut,
    status_code=status.HTTP_201_CREATED,
    responses={409: {"description": "An organisation with this slug exists already"}},
)
def create_organisation(
    body: OrganisationIn, session: SessionDep, principal: Admin
) -> OrganisationOut:
    """Create an organisation

    An employer, a ministry of labour or an agency, under a unique slug. Users are then created
    in it (POST /api/v1/admin/users), and the organisation owns what its users post. Recorded
    in the audit log. Not idempotent: a repeated request answers 409 for the slug it created.
    """
    return OrganisationOut.model_validate(service.add_organisation(session, principal, body))


# ---- users -----------------------------------------------------------------------------------


@admin_router.get("/users", response_model=Page[UserOut])
def list_users(
    session: SessionDep,
    organisation: Annotated[
        SingleLine | None,
        Query(max_length=80, description="only the users of the organisation with this slug"),
    ] = None,
    role: Annotated[Role | None, Query(description="only the users of this role")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[UserOut]:
    """List the users

    Every user with their organisation, sorted by email; offset pagination (`total` counts
    the matches of the filters). An unknown organisation slug lists nobody (not a 404).
    """
    rows, total = service.list_users(
        session, organisation=organisation, role=role, limit=limit, offset=offset
    )
    return Page(items=[_user_out(u, o) for u, o in rows], total=total, limit=limit, offset=offset)


@admin_router.post(
    "/users",
    response_model=UserOut,
    status_code=status.HTTP_201_CREATED,
    responses={
        409: {"description": "A user with this email address exists already"},
        422: {
            "description": "Invalid input: `errors` lists each field; among them "
            "`unknown_organisation` (body.organisation names no organisation) and "
            "`role_organisation_kind` (the role does not fit the organisation's kind)"
        },
    },
)
def create_user(body: UserIn, session: SessionDep, principal: Admin) -> UserOut:
    """Create a user

    A user of an existing organisation (named by slug) whose kind fits the role: employer
    users in an employer, ministry users in a ministry, officers and admins in an agency. An
    unknown organisation or a role that does not fit is a 422 naming the field. A user without
    a password can use the API only, with a key from POST /api/v1/admin/users/{user_id}/keys.
    Recorded in the audit log. Not idempotent: a repeated request answers 409 for the email
    it created.
    """
    user = service.add_user(session, principal, body)
    return _user_out(user, session.get_one(Organisation, user.organisation_id))


def _user_of(session: SessionDep, user: User) -> UserOut:
    return _user_out(user, session.get_one(Organisation, user.organisation_id))


@admin_router.post(
    "/users/{user_id}/deactivate",
    response_model=UserOut,
    responses={409: {"description": "An admin cannot deactivate its own account"}},
)
def deactivate_user(user_id: UserId, session: SessionDep, principal: Admin) -> UserOut:
    """Deactivate a user

    The user can no longer act: the user's API keys stop authenticating at once (they are
    kept, and work again on reactivation) and every web session ends. Deactivating an inactive
    user changes nothing and answers the user as it is. Recorded in the audit log.
    """
    user = service.get_user(session, user_id)
    service.set_active(session, principal, user, False)
    return _user_of(session, user)


@admin_router.post("/users/{user_id}/activate", response_model=UserOut)
def activate_user(user_id: UserId, session: SessionDep, principal: Admin) -> UserOut:
    """Activate a user

    Undo a deactivation: the user's keys that are neither revoked nor expired work again; the
    web pages need a new sign-in. Activating an active user changes nothing. Recorded in the
    audit log.
    """
    user = service.get_user(session, user_id)
    service.set_active(session, principal, user, True)
    return _user_of(session, user)


@admin_router.post("/users/{user_id}/password", response_model=UserOut)
def set_user_password(
    user_id: UserId, body: PasswordIn, session: SessionDep, principal: Admin
) -> UserOut:
    """Set a user's web password

    Set or reset the password the user signs in to the web pages with; every web session of
    the user ends (the user's API keys keep working). The audit log records that the password
    changed, never the password.
    """
    user = service.get_user(session, user_id)
    service.set_password(session, principal, user, body.password)
    return _user_of(session, user)


# ---- API keys --------------------------------------------------------------------------------


@admin_router.get("/keys", response_model=Page[ApiKeyOut])
def list_api_keys(
    session: SessionDep,
    user_id: Annotated[uuid.UUID | None, Query(description="only this user's keys")] = None,
    include_revoked: IncludeRevoked = True,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[ApiKeyOut]:
    """List the API keys

    Every user's keys (never the keys themselves: their prefix), newest first (ties by id);
    offset pagination. An unknown user_id lists nothing (not a 404).
    """
    rows, total = service.list_keys(
        session, user_id=user_id, include_revoked=include_revoked, limit=limit, offset=offset
    )
    items = [ApiKeyOut.model_validate(r) for r in rows]
    return Page(items=items, total=total, limit=limit, offset=offset)


@admin_router.post(
    "/users/{user_id}/keys",
    response_model=ApiKeyCreated,
    status_code=status.HTTP_201_CREATED,
    responses={201: {"description": "The key, with the key itself shown this one time only"}},
)
def create_api_key(
    user_id: UserId, body: ApiKeyIn, session: SessionDep, principal: Admin
) -> ApiKeyCreated:
    """Create an API key for a user

    A new key that acts as the user, with the user's role and organisation, until it is revoked
    or its `expires_at` passes. The answer's `key` is the key itself, shown this one time only:
    the service keeps only a digest, so store it at once (a lost key is revoked and replaced).
    A deactivated user's key works only once the user is activated again. Recorded in the
    audit log (with the key's prefix, never the key). Not idempotent: each call makes a new key.
    """
    user = service.get_user(session, user_id)
    return _created(*service.create_api_key(session, principal, user, body.name, body.expires_at))


@admin_router.post("/keys/{key_id}/revoke", response_model=ApiKeyOut)
def revoke_api_key(key_id: KeyId, session: SessionDep, principal: Admin) -> ApiKeyOut:
    """Revoke an API key

    Any user's key stops authenticating at once, for good. Idempotent: revoking a revoked key
    answers it unchanged (its first `revoked_at`). Recorded in the audit log.
    """
    return ApiKeyOut.model_validate(service.revoke_api_key(session, principal, key_id))


# ---- me --------------------------------------------------------------------------------------


@me_router.get("", response_model=MeOut)
def get_me(session: SessionDep, principal: CurrentPrincipal) -> MeOut:
    """Show who the API key acts as

    The user the key belongs to, the user's role and organisation: what a client checks after
    configuring a key (every answer of the API is scoped to this organisation, unless the role
    is officer or admin).
    """
    user = session.get_one(User, principal.user_id)
    org = session.get_one(Organisation, user.organisation_id)
    return MeOut(
        id=user.id,
        email=user.email,
        name=user.name,
        role=Role(user.role),
        organisation=OrganisationOut.model_validate(org),
    )


@me_router.get("/keys", response_model=Page[ApiKeyOut])
def list_my_api_keys(
    session: SessionDep,
    principal: CurrentPrincipal,
    include_revoked: IncludeRevoked = True,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[ApiKeyOut]:
    """List my API keys

    The keys of the user the calling key acts as (the calling key among them), newest first
    (ties by id); offset pagination. Never the keys themselves: their prefix.
    """
    rows, total = service.list_keys(
        session,
        user_id=principal.user_id,
        include_revoked=include_revoked,
        limit=limit,
        offset=offset,
    )
    items = [ApiKeyOut.model_validate(r) for r in rows]
    return Page(items=items, total=total, limit=limit, offset=offset)


@me_router.post("/keys/{key_id}/revoke", response_model=ApiKeyOut)
def revoke_my_api_key(key_id: KeyId, session: SessionDep, principal: CurrentPrincipal) -> ApiKeyOut:
    """Revoke one of my API keys

    One of the caller's own keys stops authenticating at once, for good (also the calling key:
    the next request with it is a 401). Another user's key answers 404, as if absent.
    Idempotent: revoking a revoked key answers it unchanged. Recorded in the audit log.
    """
    return ApiKeyOut.model_validate(service.revoke_own_key(session, principal, key_id))
