"""HTTP API of labour pools: parse, authorise, call the service.

POST names a pool by its identity (ministry, origin country, region, occupation, sector): a new
identity is a new pool (201), a known one updates that pool (200, version + 1, even with the
same figures); GET /{id}/history lists its earlier figures."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import JSONResponse

from app.auth.deps import CurrentPrincipal, require_roles
from app.common.concurrency import etag
from app.common.principal import Principal, Role
from app.common.schemas import Page
from app.deps import SessionDep
from app.errors import NotFound
from app.idempotency import service as idempotency
from app.idempotency.service import IdempotencyDep
from app.intake.endpoints import VersionedWrite, problems, tagged, versioned_write
from app.intake.listing import Paging
from app.pools import origins, service
from app.pools.schemas import (
    OriginsIn,
    OriginsOut,
    PoolFilters,
    PoolIn,
    PoolOut,
    PoolUpdate,
    PoolVersionOut,
)

router = APIRouter(prefix="/api/v1/pools", tags=["pools"])

Writer = Annotated[Principal, Depends(require_roles(Role.MINISTRY, Role.ADMIN))]
Reader = Annotated[Principal, Depends(require_roles(Role.MINISTRY, Role.OFFICER, Role.ADMIN))]
_PROBLEMS = problems("pool")
Write = Annotated[VersionedWrite, versioned_write(Role.MINISTRY, Role.ADMIN)]


@router.post(
    "",
    status_code=201,
    response_model=PoolOut,
    responses={
        **_PROBLEMS,
        200: {
            "description": "the ministry has a pool of this identity: it was updated "
            "(version + 1, the earlier figures kept in its history)",
            "model": PoolOut,
        },
        409: {"description": "external_ref or Idempotency-Key conflict, or a concurrent write"},
    },
)
def create_pool(
    payload: PoolIn,
    session: SessionDep,
    principal: Writer,
    idem: IdempotencyDep,
    ministry_id: Annotated[
        uuid.UUID | None,
        Query(description="admins only: the ministry organisation the pool belongs to"),
    ] = None,
) -> JSONResponse:
    def work() -> tuple[int, Any]:
        out, outcome = service.create_pool(
            session,
            principal,
            payload,
            ministry_id=ministry_id,
        )
        return 201 if outcome == "created" else 200, out.model_dump(mode="json")

    stored = idempotency.run(session, principal, idem, work)
    body = stored.body
    # Location for a new pool; an updated one is named by Content-Location (RFC 9110).
    where = "Location" if stored.status_code == 201 else "Content-Location"
    return idempotency.to_response(
        stored, {"ETag": etag(body["version"]), where: f"{router.prefix}/{body['id']}"}
    )


@router.get("", response_model=Page[PoolOut], responses=_PROBLEMS)
def list_pools(
    session: SessionDep,
    principal: Reader,
    filters: Annotated[PoolFilters, Depends()],
    page: Annotated[Paging, Depends()],
) -> Page[PoolOut]:
    return service.list_pools(session, principal, filters, limit=page.limit, offset=page.offset)


@router.get("/{pool_id}", response_model=PoolOut, responses=_PROBLEMS)
def get_pool(
    pool_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> PoolOut:
    return tagged(response, service.get_pool(session, principal, pool_id))


@router.get("/{pool_id}/history", response_model=Page[PoolVersionOut], responses=_PROBLEMS)
def pool_history(
    pool_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    page: Annotated[Paging, Depends()],
) -> Page[PoolVersionOut]:
    """The pool's versions, the current one first: each survey wave or API write that changed
    the pool, with the figures it had."""
    return service.pool_history(session, principal, pool_id, limit=page.limit, offset=page.offset)


@router.patch(
    "/{pool_id}",
    response_model=PoolOut,
    responses={
        **_PROBLEMS,
        409: {
            "description": "stale If-Match (the body carries current_version), or the change "
            "would give the pool the identity of another active pool (existing_id)"
        },
        428: {"description": "If-Match missing"},
    },
)
def update_pool(pool_id: uuid.UUID, patch: PoolUpdate, write: Write) -> PoolOut:
    return write.apply(service.update_pool, pool_id, patch, if_match_required=True)


@router.post("/{pool_id}/withdraw", response_model=PoolOut, responses=_PROBLEMS)
def withdraw_pool(pool_id: uuid.UUID, write: Write) -> PoolOut:
    return write.apply(service.withdraw_pool, pool_id, if_match_required=False)


# ---- the origins a ministry publishes pools for ------------------------------------------------

ministries_router = APIRouter(prefix="/api/v1/ministries", tags=["pools"])
OriginsReader = Annotated[
    Principal, Depends(require_roles(Role.MINISTRY, Role.OFFICER, Role.ADMIN))
]
OriginsWriter = Annotated[Principal, Depends(require_roles(Role.OFFICER, Role.ADMIN))]


@ministries_router.get("/{ministry_id}/origins", response_model=OriginsOut, responses=_PROBLEMS)
def get_origins(
    ministry_id: uuid.UUID, session: SessionDep, principal: OriginsReader
) -> OriginsOut:
    """The origins a ministry publishes pools for (a ministry reads its own; another's is a
    404)."""
    if principal.role is Role.MINISTRY and principal.organisation_id != ministry_id:
        raise NotFound("Ministry", ministry_id)
    return origins.described(session, ministry_id)


@ministries_router.put("/{ministry_id}/origins", response_model=OriginsOut, responses=_PROBLEMS)
def put_origins(
    ministry_id: uuid.UUID, body: OriginsIn, session: SessionDep, principal: OriginsWriter
) -> OriginsOut:
    """Officers allow a ministry origins beyond its own country (replacing the earlier list;
    audited). Its published pools keep their origin; the list decides its next pools."""
    origins.set_granted(session, principal, ministry_id, body.origins)
    return origins.described(session, ministry_id)
