"""HTTP API of labour pools: parse, authorise, call the service.

POST names a pool by its identity (ministry, origin country, region, occupation, sector): a new
identity is a new pool (201), a known one updates that pool (200, version + 1, even with the
same figures); GET /{id}/history lists its earlier figures."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Response
from fastapi.responses import JSONResponse

from app.auth.deps import CurrentPrincipal, require_roles
from app.common.concurrency import etag
from app.common.csv_safe import CSV_EXPORT, csv_response
from app.common.principal import Principal, Role
from app.common.schemas import Page
from app.deps import SessionDep
from app.errors import NotFound
from app.idempotency import service as idempotency
from app.idempotency.service import IdempotencyDep
from app.intake.endpoints import VersionedWrite, tagged, versioned_write
from app.intake.listing import Paging
from app.pools import origins, service
from app.pools.schemas import (
    OriginsIn,
    OriginsOut,
    PoolFilters,
    PoolIn,
    PoolOut,
    PoolSortParam,
    PoolUpdate,
    PoolVersionOut,
)

router = APIRouter(prefix="/api/v1/pools", tags=["pools"])

Writer = Annotated[Principal, Depends(require_roles(Role.MINISTRY, Role.ADMIN))]
Reader = Annotated[Principal, Depends(require_roles(Role.MINISTRY, Role.OFFICER, Role.ADMIN))]
PoolId = Annotated[uuid.UUID, Path(description="the pool's id")]
MinistryId = Annotated[uuid.UUID, Path(description="the ministry organisation's id")]
Write = Annotated[VersionedWrite, versioned_write(Role.MINISTRY, Role.ADMIN)]

_ETAG = {
    "ETag": {
        "description": 'the version, e.g. "3": send it as If-Match to change it',
        "schema": {"type": "string"},
    }
}
_REPLAYED = {
    "Idempotent-Replayed": {
        "description": "true when this is the stored answer to an earlier request with the same "
        "Idempotency-Key",
        "schema": {"type": "string", "enum": ["true"]},
    }
}
_STALE_409 = (
    "stale If-Match: the pool changed since that version (the problem carries current_version, "
    "the ETag header the current one), or a concurrent write got there first; nothing was "
    "written"
)
_EMPLOYER_403 = "employers read pools only through the matches of their vacancies"


@router.post(
    "",
    status_code=201,
    response_model=PoolOut,
    responses={
        201: {
            "description": "a new pool (Location names it)",
            "headers": {
                **_ETAG,
                **_REPLAYED,
                "Location": {"description": "the new pool's URL", "schema": {"type": "string"}},
            },
        },
        200: {
            "description": "the ministry has a pool of this identity: it was updated "
            "(version + 1, the earlier figures kept in its history; Content-Location names it)",
            "model": PoolOut,
            "headers": {
                **_ETAG,
                **_REPLAYED,
                "Content-Location": {
                    "description": "the updated pool's URL",
                    "schema": {"type": "string"},
                },
            },
        },
        403: {
            "description": "the role may not publish pools, or a non-admin named another "
            "organisation in ministry_id"
        },
        409: {
            "description": "another of the ministry's pools has this external_ref (the problem "
            "carries existing_id), a concurrent write stored a pool of the same identity at the "
            "same moment (send it again: it updates that pool), or a request with the same "
            "Idempotency-Key is still running (retry after Retry-After)"
        },
    },
)
def create_pool(
    payload: PoolIn,
    session: SessionDep,
    principal: Writer,
    idem: IdempotencyDep,
    ministry_id: Annotated[
        uuid.UUID | None,
        Query(
            description="admins only, and then required: the ministry organisation the pool "
            "belongs to (a ministry publishes for itself and leaves it out)"
        ),
    ] = None,
) -> JSONResponse:
    """Publish a labour pool

    Publishes an aggregate of the ministry's labour supply: a new identity (ministry, origin
    country, region, occupation, sector) is a new pool (201, Location); a known one updates that
    pool with the figures sent (200, Content-Location, version + 1 even when nothing changed, a
    withdrawn pool made active again), its earlier figures kept in
    GET /api/v1/pools/{pool_id}/history. The origin must be the ministry's own country or one an
    officer allowed it (else a 422 on origin_country). The occupation may be an ISCO-08 unit
    group or a job title, coded and reported in `occupation_coding`. Send an Idempotency-Key to
    retry safely. Survey files of many pools go to POST /api/v1/uploads.
    """

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


@router.get(
    "",
    response_model=Page[PoolOut],
    responses={
        200: {"description": "a page of labour pools"},
        403: {"description": _EMPLOYER_403},
    },
)
def list_pools(
    session: SessionDep,
    principal: Reader,
    filters: Annotated[PoolFilters, Depends()],
    page: Annotated[Paging, Depends()],
    sort: PoolSortParam = None,
) -> Page[PoolOut]:
    """List labour pools

    The pools the caller may see, newest first (ties by id) unless `sort` names another order,
    a page at a time (limit, offset; `total` counts every match): a ministry its own, officers
    and admins all. Filters combine: origin country, status, ministry, occupation (an ISCO-08
    code or prefix), sector (an ISIC Rev.4 division or section) and `q`, a text search whose
    every word must be found in the origin country, the region, the occupation, the sector or
    the external_ref. GET /api/v1/pools.csv exports the same list whole.
    """
    return service.list_pools(
        session, principal, filters, limit=page.limit, offset=page.offset, sort=sort
    )


@router.get(
    ".csv",
    response_class=Response,
    responses={**CSV_EXPORT, 403: {"description": _EMPLOYER_403}},
)
def export_pools(
    session: SessionDep,
    principal: Reader,
    filters: Annotated[PoolFilters, Depends()],
    sort: PoolSortParam = None,
) -> Response:
    """Export labour pools as CSV

    Every pool GET /api/v1/pools would list with the same filters, search and access rules, in
    the same order (newest first unless `sort` says), in one CSV file (no paging). Columns: id,
    ministry_id, external_ref, origin_country, region, occupation (ISCO-08), occupation_title,
    occupation_coding_input, occupation_coding_code, occupation_coding_title,
    occupation_coding_confidence, esco_occupation, sector (ISIC Rev.4), headcount, skills
    (`skill:share` joined with `;`), languages (`language:level:share` joined with `;`),
    isced_level, experience_years, available_from, upload_id, status, version, created_at,
    updated_at. Empty cells are nulls.
    The skills and languages cells are written as a pool-table upload reads them.
    """
    rows = service.export_pools(session, principal, filters, sort=sort)
    return csv_response(service.CSV_COLUMNS, rows, "pools.csv")


@router.get(
    "/{pool_id}",
    response_model=PoolOut,
    responses={200: {"description": "the pool", "headers": _ETAG}},
)
def get_pool(
    pool_id: PoolId, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> PoolOut:
    """Read a labour pool

    One pool with its skills and languages; the ETag header is its version, for If-Match on
    the next update. A ministry reads its own pools, officers and admins all; an employer only
    a pool in the matches of its own vacancies, and then without ministry_id, external_ref and
    upload_id (null). Any other pool is a 404.
    """
    return tagged(response, service.get_pool(session, principal, pool_id))


@router.get(
    "/{pool_id}/history",
    response_model=Page[PoolVersionOut],
    responses={
        200: {"description": "a page of the pool's versions"},
        403: {"description": _EMPLOYER_403},
    },
)
def get_pool_history(
    pool_id: PoolId,
    session: SessionDep,
    principal: Reader,
    page: Annotated[Paging, Depends()],
) -> Page[PoolVersionOut]:
    """List a pool's versions

    The pool's versions, the current one first (by version, descending), a page at a time
    (limit, offset): each survey wave or API write that changed the pool, with the figures it
    had, who or which upload made it, and when the next version replaced it. Readable by whoever
    may read the pool in full (its ministry, officers, admins).
    """
    return service.pool_history(session, principal, pool_id, limit=page.limit, offset=page.offset)


@router.patch(
    "/{pool_id}",
    response_model=PoolOut,
    responses={
        200: {"description": "the pool as changed", "headers": _ETAG},
        409: {
            "description": _STALE_409 + "; or the change would give the pool the identity of "
            "another active pool of the ministry (the problem carries existing_id)"
        },
        428: {"description": "the If-Match header is missing: send the ETag you last read"},
    },
)
def update_pool(pool_id: PoolId, patch: PoolUpdate, write: Write) -> PoolOut:
    """Update a labour pool

    Changes only the fields sent (a list sent replaces the stored one); the earlier figures are
    kept in the pool's history. If-Match is required: the version (ETag) you last read; a stale
    one is a 409 and nothing is written. A patch that changes nothing is answered with the pool
    as it is, its version unchanged. Setting a field that is required on create to null is a
    422.
    """
    return write.apply(service.update_pool, pool_id, patch, if_match_required=True)


@router.post(
    "/{pool_id}/withdraw",
    response_model=PoolOut,
    responses={
        200: {"description": "the pool, withdrawn", "headers": _ETAG},
        409: {"description": _STALE_409},
    },
)
def withdraw_pool(pool_id: PoolId, write: Write) -> PoolOut:
    """Withdraw a labour pool

    Takes the pool off the market (status withdrawn): it is no longer ranked, its matches are
    re-ranked without it, and decisions on it stay as history. If-Match is optional here; when
    sent, a stale version is a 409. Withdrawing a withdrawn pool is not an error and changes
    nothing. Posting the pool's identity again (POST /api/v1/pools or an upload) makes it active.
    """
    return write.apply(service.withdraw_pool, pool_id, if_match_required=False)


# ---- the origins a ministry publishes pools for ------------------------------------------------

ministries_router = APIRouter(prefix="/api/v1/ministries", tags=["pools"])
OriginsReader = Annotated[
    Principal, Depends(require_roles(Role.MINISTRY, Role.OFFICER, Role.ADMIN))
]
OriginsWriter = Annotated[Principal, Depends(require_roles(Role.OFFICER, Role.ADMIN))]


@ministries_router.get(
    "/{ministry_id}/origins",
    response_model=OriginsOut,
    responses={200: {"description": "the origins the ministry may publish pools for"}},
)
def get_ministry_origins(
    ministry_id: MinistryId, session: SessionDep, principal: OriginsReader
) -> OriginsOut:
    """Read a ministry's origins

    The origin countries a ministry may publish pools for: its own country, and those an
    officer allowed it. A ministry reads its own; another ministry's id, or an organisation that
    is not a ministry, is a 404.
    """
    if principal.role is Role.MINISTRY and principal.organisation_id != ministry_id:
        raise NotFound("Ministry", ministry_id)
    return origins.described(session, ministry_id)


@ministries_router.put(
    "/{ministry_id}/origins",
    response_model=OriginsOut,
    responses={200: {"description": "the origins as set"}},
)
def set_ministry_origins(
    ministry_id: MinistryId, body: OriginsIn, session: SessionDep, principal: OriginsWriter
) -> OriginsOut:
    """Set a ministry's extra origins

    Officers allow a ministry origins beyond its own country, replacing the earlier list (an
    empty list takes them all back; the ministry's own country is always allowed and is dropped
    from the list). The change is audited. Its published pools keep their origin; the list
    decides its next pools. An organisation that is not a ministry is a 404.
    """
    origins.set_granted(session, principal, ministry_id, body.origins)
    return origins.described(session, ministry_id)
