"""Legal pathways (with their quota usage) and exchange rates."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Response, status

from app.auth.deps import CurrentPrincipal, require_roles
from app.common.concurrency import etag, parse_if_match
from app.common.principal import Principal, Role
from app.common.schemas import MAX_OFFSET, Country, Currency, Page, SingleLine
from app.common.vocabulary import PathwayKind
from app.deps import SessionDep, SettingsDep
from app.pathways import service
from app.pathways.models import ExchangeRate, LegalPathway
from app.pathways.schemas import (
    ExchangeRateIn,
    ExchangeRateOut,
    PathwayIn,
    PathwayOut,
    PathwayPatch,
    QuotaUsage,
)

router = APIRouter(prefix="/api/v1/pathways", tags=["legal pathways"])
rates_router = APIRouter(prefix="/api/v1/exchange-rates", tags=["exchange rates"])

Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Maintainer = Annotated[Principal, Depends(require_roles(Role.OFFICER, Role.ADMIN))]


def to_out(row: LegalPathway, usage: QuotaUsage) -> PathwayOut:
    return PathwayOut.model_validate(
        {
            **service.pathway_document(row),
            "id": row.id,
            "version": row.version,
            "created_at": row.created_at,
            "updated_at": row.updated_at,
            "quota_usage": usage,
        }
    )


def _one(session: SessionDep, row: LegalPathway, response: Response) -> PathwayOut:
    response.headers["ETag"] = etag(row.version)
    return to_out(row, service.current_usage(session, [row])[row.code])


@router.get("", response_model=Page[PathwayOut])
def list_pathways(
    session: SessionDep,
    _: CurrentPrincipal,
    destination: Country | None = None,
    kind: PathwayKind | None = None,
    origin: Annotated[
        Country | None, Query(description="pathways open to this origin (or to any origin)")
    ] = None,
    active_on: Annotated[date | None, Query(description="pathways in force on this date")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[PathwayOut]:
    rows, total = service.list_pathways(
        session,
        destination=destination,
        kind=kind,
        origin=origin,
        active_on=active_on,
        limit=limit,
        offset=offset,
    )
    usage = service.current_usage(session, rows)
    items = [to_out(r, usage[r.code]) for r in rows]
    return Page(items=items, total=total, limit=limit, offset=offset)


@router.post("", response_model=PathwayOut, status_code=status.HTTP_201_CREATED)
def create_pathway(
    body: PathwayIn,
    session: SessionDep,
    settings: SettingsDep,
    principal: Maintainer,
    response: Response,
) -> PathwayOut:
    row = service.create_pathway(session, settings, principal, body)
    response.headers["Location"] = f"{router.prefix}/{row.code}"
    return _one(session, row, response)


@router.get("/{code}", response_model=PathwayOut)
def get_pathway(
    code: SingleLine, session: SessionDep, _: CurrentPrincipal, response: Response
) -> PathwayOut:
    return _one(session, service.get_pathway(session, code), response)


@router.patch("/{code}", response_model=PathwayOut)
def update_pathway(
    code: SingleLine,
    body: PathwayPatch,
    session: SessionDep,
    settings: SettingsDep,
    principal: Maintainer,
    response: Response,
    if_match: Annotated[str | None, Header(description="the ETag (version) you last read")] = None,
) -> PathwayOut:
    expected = parse_if_match(if_match, required=True)
    row = service.update_pathway(session, settings, principal, code, body, expected)
    return _one(session, row, response)


@router.get("/{code}/quota", response_model=list[QuotaUsage])
def pathway_quota(
    code: SingleLine,
    session: SessionDep,
    _: CurrentPrincipal,
    year: Annotated[
        int | None,
        Query(ge=1900, le=2200, description="default: every year with approvals, and this one"),
    ] = None,
) -> list[QuotaUsage]:
    return service.quota_usage(session, code, year)


# ---- exchange rates --------------------------------------------------------------------------


def _rate_out(row: ExchangeRate) -> ExchangeRateOut:
    return ExchangeRateOut(
        currency=row.currency,
        rate=service.plain(row.rate),
        base=row.base,
        as_of=row.as_of,
        created_at=row.created_at,
    )


@rates_router.get("", response_model=Page[ExchangeRateOut])
def list_rates(
    session: SessionDep,
    _: CurrentPrincipal,
    currency: Currency | None = None,
    history: Annotated[
        bool, Query(description="every dated rate, not only the latest per currency")
    ] = False,
    limit: Limit = 200,
    offset: Offset = 0,
) -> Page[ExchangeRateOut]:
    rows, total = service.list_rates(
        session, currency=currency, history=history, limit=limit, offset=offset
    )
    return Page(items=[_rate_out(r) for r in rows], total=total, limit=limit, offset=offset)


@rates_router.put("", response_model=ExchangeRateOut)
@rates_router.post("", response_model=ExchangeRateOut)
def put_rate(
    body: ExchangeRateIn,
    session: SessionDep,
    settings: SettingsDep,
    principal: Maintainer,
    response: Response,
) -> ExchangeRateOut:
    """Create or replace the rate of a currency on a date (201 when new, 200 when replaced)."""
    row, created = service.put_rate(session, settings, principal, body)
    if created:
        response.status_code = status.HTTP_201_CREATED
    return _rate_out(row)
