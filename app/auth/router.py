"""Administration of organisations, users and API keys (admins), and "me" (everyone)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

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

Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Admin = Annotated[Principal, Depends(_admin_only)]


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
    kind: OrganisationKind | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[OrganisationOut]:
    rows, total = service.list_organisations(session, kind=kind, limit=limit, offset=offset)
    items = [OrganisationOut.model_validate(r) for r in rows]
    return Page(items=items, total=total, limit=limit, offset=offset)


@admin_router.post(
    "/organisations", response_model=OrganisationOut, status_code=status.HTTP_201_CREATED
)
def create_organisation(
    body: OrganisationIn, session: SessionDep, principal: Admin
) -> OrganisationOut:
    return OrganisationOut.model_validate(service.add_organisation(session, principal, body))


# ---- users -----------------------------------------------------------------------------------


@admin_router.get("/users", response_model=Page[UserOut])
def list_users(
    session: SessionDep,
    organisation: Annotated[SingleLine | None, Query(max_length=80, description="slug")] = None,
    role: Role | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[UserOut]:
    rows, total = service.list_users(
        session, organisation=organisation, role=role, limit=limit, offset=offset
    )
    return Page(items=[_user_out(u, o) for u, o in rows], total=total, limit=limit, offset=offset)


@admin_router.post("/users", response_model=UserOut, status_code=status.HTTP_201_CREATED)
def create_user(body: UserIn, session: SessionDep, principal: Admin) -> UserOut:
    user = service.add_user(session, principal, body)
    return _user_out(user, session.get_one(Organisation, user.organisation_id))


def _user_of(session: SessionDep, user: User) -> UserOut:
    return _user_out(user, session.get_one(Organisation, user.organisation_id))


@admin_router.post("/users/{user_id}/deactivate", response_model=UserOut)
def deactivate_user(user_id: uuid.UUID, session: SessionDep, principal: Admin) -> UserOut:
    """The user can no longer act: API keys stop working, web sessions end at once."""
    user = service.get_user(session, user_id)
    service.set_active(session, principal, user, False)
    return _user_of(session, user)


@admin_router.post("/users/{user_id}/activate", response_model=UserOut)
def activate_user(user_id: uuid.UUID, session: SessionDep, principal: Admin) -> UserOut:
    """Undo a deactivation: the user's unrevoked API keys work again; sign-in is needed."""
    user = service.get_user(session, user_id)
    service.set_active(session, principal, user, True)
    return _user_of(session, user)


@admin_router.post("/users/{user_id}/password", response_model=UserOut)
def set_password(
    user_id: uuid.UUID, body: PasswordIn, session: SessionDep, principal: Admin
) -> UserOut:
    """Set a user's web password; every web session of the user ends (API keys stay)."""
    user = service.get_user(session, user_id)
    service.set_password(session, principal, user, body.password)
    return _user_of(session, user)


# ---- API keys --------------------------------------------------------------------------------


@admin_router.get("/keys", response_model=Page[ApiKeyOut])
def list_keys(
    session: SessionDep,
    user_id: uuid.UUID | None = None,
    include_revoked: bool = True,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[ApiKeyOut]:
    rows, total = service.list_keys(
        session, user_id=user_id, include_revoked=include_revoked, limit=limit, offset=offset
    )
    items = [ApiKeyOut.model_validate(r) for r in rows]
    return Page(items=items, total=total, limit=limit, offset=offset)


@admin_router.post(
    "/users/{user_id}/keys", response_model=ApiKeyCreated, status_code=status.HTTP_201_CREATED
)
def create_key(
    user_id: uuid.UUID, body: ApiKeyIn, session: SessionDep, principal: Admin
) -> ApiKeyCreated:
    """Create a key for a user. The response holds the key itself, this one time only."""
    user = service.get_user(session, user_id)
    return _created(*service.create_api_key(session, principal, user, body.name, body.expires_at))


@admin_router.post("/keys/{key_id}/revoke", response_model=ApiKeyOut)
def revoke_key(key_id: uuid.UUID, session: SessionDep, principal: Admin) -> ApiKeyOut:
    return ApiKeyOut.model_validate(service.revoke_api_key(session, principal, key_id))


# ---- me --------------------------------------------------------------------------------------


@me_router.get("", response_model=MeOut)
def who_am_i(session: SessionDep, principal: CurrentPrincipal) -> MeOut:
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
def my_keys(
    session: SessionDep,
    principal: CurrentPrincipal,
    include_revoked: bool = True,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[ApiKeyOut]:
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
def revoke_my_key(key_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal) -> ApiKeyOut:
    return ApiKeyOut.model_validate(service.revoke_own_key(session, principal, key_id))
