"""HTTP API of labour pools: parse, authorise, call the service.

POST names a pool by its identity (ministry, origin country, region, occupation, sector): a new
identity is a new pool (201), a known one updates that pool (200, version + 1, even with the
same figures); GET /{id}/history lists its earlier figures."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Query, Response
from fastapi.responses import JSONResponse

from app.auth.deps import CurrentPrincipal, require_roles
from app.common.concurrency import etag, parse_if_match
from app.common.principal import Principal, Role
from app.common.schemas import MAX_OFFSET, Page
from app.deps import SessionDep
from app.errors import NotFound
from app.idempotency import service as idempotency
from app.idempotency.service import IdempotencyDep
from app.pools import origins, service
from app.pools.schemas import (
    OriginsIn,
    OriginsOut,
    PoolIn,
    PoolOut,
    PoolUpdate,
    PoolVersionOut,
)
from app.taxonomy.filters import CountryFilter, OccupationPrefix, SectorFilter

router = APIRouter(prefix="/api/v1/pools", tags=["pools"])

Writer = Annotated[Principal, Depends(require_roles(Role.MINISTRY, Role.ADMIN))]
Reader = Annotated[Principal, Depends(require_roles(Role.MINISTRY, Role.OFFICER, Role.ADMIN))]
IfMatch = Annotated[
    str | None, Header(alias="If-Match", description='the version you read, as ETag "3" or 3')
]
_PROBLEMS: dict[int | str, dict[str, Any]] = {
    401: {"description": "no or invalid API key"},
    403: {"description": "the role may not do this"},
    404: {"description": "unknown, or another organisation's, pool"},
    422: {"description": "invalid payload (field paths in `errors`)"},
}


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
    origin: CountryFilter = None,
    occupation: OccupationPrefix = None,
    sector: SectorFilter = None,
    status: Literal["active", "withdrawn"] | None = None,
    ministry_id: uuid.UUID | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Page[PoolOut]:
    filters = service.PoolFilters(
        origin=origin, occupation=occupation, sector=sector, status=status, ministry_id=ministry_id
    )
    return service.list_pools(session, principal, filters, limit=limit, offset=offset)


@router.get("/{pool_id}", response_model=PoolOut, responses=_PROBLEMS)
def get_pool(
    pool_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> PoolOut:
    out = service.get_pool(session, principal, pool_id)
    response.headers["ETag"] = etag(out.version)
    return out


@router.get("/{pool_id}/history", response_model=Page[PoolVersionOut], responses=_PROBLEMS)
def pool_history(
    pool_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Page[PoolVersionOut]:
    """The pool's versions, the current one first: each survey wave or API write that changed
    the pool, with the figures it had."""
    return service.pool_history(session, principal, pool_id, limit=limit, offset=offset)


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
def update_pool(
    pool_id: uuid.UUID,
    patch: PoolUpdate,
    session: SessionDep,
    principal: Writer,
    response: Response,
    if_match: IfMatch = None,
) -> PoolOut:
    expected = parse_if_match(if_match, required=True)
    out = service.update_pool(
        session,
        principal,
        pool_id,
        patch,
        expected_version=expected,
    )
    response.headers["ETag"] = etag(out.version)
    return out


@router.post("/{pool_id}/withdraw", response_model=PoolOut, responses=_PROBLEMS)
def withdraw_pool(
    pool_id: uuid.UUID,
    session: SessionDep,
    principal: Writer,
    response: Response,
    if_match: IfMatch = None,
) -> PoolOut:
    expected = parse_if_match(if_match, required=False)
    out = service.withdraw_pool(session, principal, pool_id, expected_version=expected)
    response.headers["ETag"] = etag(out.version)
    return out


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
