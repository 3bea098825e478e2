"""Legal pathways (with their quota usage) and exchange rates."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Response, status

from app.auth.deps import CurrentPrincipal, require_roles
from app.common.concurrency import etag, parse_if_match
from app.common.csv_safe import CSV_EXPORT, csv_response
from app.common.principal import Principal, Role
from app.common.schemas import MAX_OFFSET, Page, SingleLine
from app.deps import SessionDep, SettingsDep
from app.pathways import service
from app.pathways.export import PATHWAY_COLUMNS, cells, to_out
from app.pathways.models import ExchangeRate, LegalPathway
from app.pathways.schemas import (
    ExchangeRateIn,
    ExchangeRateOut,
    PathwayFilters,
    PathwayIn,
    PathwayOut,
    PathwayPatch,
    QuotaUsage,
    RateFilters,
)

router = APIRouter(prefix="/api/v1/pathways", tags=["legal pathways"])
rates_router = APIRouter(prefix="/api/v1/exchange-rates", tags=["exchange rates"])

Limit = Annotated[int, Query(ge=1, le=200, description="page size, 1..200")]
Offset = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description="how many matching items to skip (offset paging)")
]
Maintainer = Annotated[Principal, Depends(require_roles(Role.OFFICER, Role.ADMIN))]
Code = Annotated[
    SingleLine, Path(description="the pathway's code, e.g. DE-TRIPLE-WIN (case-insensitive)")
]

_ETAG = {
    "ETag": {"description": "the pathway's version, for If-Match", "schema": {"type": "string"}}
}
_CONCURRENT = "a concurrent write of the same object"


def _one(session: SessionDep, row: LegalPathway, response: Response) -> PathwayOut:
    response.headers["ETag"] = etag(row.version)
    return to_out(row, service.current_usage(session, [row])[row.code])


# ---- pathways --------------------------------------------------------------------------------


@router.get("", response_model=Page[PathwayOut])
def list_pathways(
    session: SessionDep,
    _: CurrentPrincipal,
    filters: Annotated[PathwayFilters, Depends()],
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[PathwayOut]:
    """List legal pathways

    Every pathway (all roles read them), by code; each with this calendar year's quota usage.
    Filter by destination, kind, origin (pathways open to it, or to any origin) and the date
    they are in force on; page with limit (1..200) and offset.
    """
    rows, total = service.list_pathways(
        session,
        destination=filters.destination,
        kind=filters.kind,
        origin=filters.origin,
        active_on=filters.active_on,
        limit=limit,
        offset=offset,
    )
    usage = service.current_usage(session, rows)
    items = [to_out(r, usage[r.code]) for r in rows]
    return Page(items=items, total=total, limit=limit, offset=offset)


@router.get(".csv", response_class=Response, responses={**CSV_EXPORT})
def export_pathways(
    session: SessionDep, _: CurrentPrincipal, filters: Annotated[PathwayFilters, Depends()]
) -> Response:
    """Download the legal pathways as CSV

    Every pathway GET /api/v1/pathways would list with the same filters, unpaged, by code.
    Columns, named as the JSON fields: code, name, destination_country, kind,
    origin_countries, occupations, excluded_occupations, sectors (lists joined with ";"),
    min_isced, languages (each `language:min_level`, joined with ";", e.g. "de:B1;en:B2"),
    min_experience_years, wage_threshold_amount, wage_threshold_currency,
    wage_threshold_period (`wage_threshold` flattened), contract_types (";"),
    max_contract_months, annual_quota, government_to_government and requires_employer_pays
    (true/false), valid_from, valid_to, source, id, version, created_at, updated_at (RFC 3339,
    UTC), quota_usage_year, quota_usage_quota, quota_usage_used, quota_usage_remaining (this
    year's `quota_usage`); an empty cell is null.
    """
    rows = service.all_pathways(
        session,
        destination=filters.destination,
        kind=filters.kind,
        origin=filters.origin,
        active_on=filters.active_on,
    )
    usage = service.current_usage(session, rows)
    return csv_response(PATHWAY_COLUMNS, [cells(r, usage[r.code]) for r in rows], "pathways.csv")


@router.post(
    "",
    response_model=PathwayOut,
    status_code=status.HTTP_201_CREATED,
    responses={
        201: {
            "headers": {
                **_ETAG,
                "Location": {"description": "the pathway's URL", "schema": {"type": "string"}},
            }
        },
        409: {"description": f"a pathway with this code exists already, or {_CONCURRENT}"},
        422: {
            "description": "invalid fields (`errors`): besides the schema's rules, occupations "
            "that are no ISCO-08 group, sectors that are no ISIC Rev.4 section or division "
            "(unknown_code), a wage threshold in a currency without an exchange rate "
            "(missing_rate), valid_to before valid_from (date_order)"
        },
    },
)
def create_pathway(
    body: PathwayIn,
    session: SessionDep,
    settings: SettingsDep,
    principal: Maintainer,
    response: Response,
) -> PathwayOut:
    """Create a legal pathway

    Stores a pathway (its code is upper-cased and can never change) and re-ranks the open
    vacancies of its destination: pairs it admits become eligible. Audited. The answer has
    the pathway's version as the ETag and its URL as Location. Not idempotent, but a retry is
    safe: the second create of the same code is a 409.
    """
    row = service.create_pathway(session, settings, principal, body)
    response.headers["Location"] = f"{router.prefix}/{row.code}"
    return _one(session, row, response)


@router.get("/{code}", response_model=PathwayOut, responses={200: {"headers": _ETAG}})
def get_pathway(
    code: Code, session: SessionDep, _: CurrentPrincipal, response: Response
) -> PathwayOut:
    """Get a legal pathway

    The pathway with this calendar year's quota usage; its version comes as the ETag (send
    it back as If-Match to update it).
    """
    return _one(session, service.get_pathway(session, code), response)


@router.patch(
    "/{code}",
    response_model=PathwayOut,
    responses={
        200: {"headers": _ETAG},
        409: {
            "description": "If-Match names a version that is not the current one "
            f"(`current_version`, ETag), or {_CONCURRENT}; nothing is changed"
        },
        422: {
            "description": "invalid fields (`errors`, as on create, checked on the pathway "
            "as the change leaves it), a field sent as null that may only be left out, or an "
            "If-Match that is not a version"
        },
        428: {"description": "no If-Match header: an update must name the version it read"},
    },
)
def update_pathway(
    code: Code,
    body: PathwayPatch,
    session: SessionDep,
    settings: SettingsDep,
    principal: Maintainer,
    response: Response,
    if_match: Annotated[
        str | None,
        Header(
            alias="If-Match",
            description='required: the version (ETag) you last read, as "3" or 3 (* for any)',
        ),
    ] = None,
) -> PathwayOut:
    """Update a legal pathway

    Changes only the fields sent (the code never changes), checked as a whole pathway, and
    re-ranks the open vacancies of its destination (and of the old one when that changed).
    Needs If-Match with the version you read: a stale one is a 409 and nothing is changed. A
    patch that changes nothing keeps the version and records no audit event. The answer has
    the new version as the ETag.
    """
    expected = parse_if_match(if_match, required=True)
    row = service.update_pathway(session, settings, principal, code, body, expected)
    return _one(session, row, response)


@router.get("/{code}/quota", response_model=list[QuotaUsage])
def get_pathway_quota(
    code: Code,
    session: SessionDep,
    _: CurrentPrincipal,
    year: Annotated[
        int | None,
        Query(
            ge=1900,
            le=2200,
            description="the calendar year; default: every year with approvals, and this one",
        ),
    ] = None,
) -> list[QuotaUsage]:
    """Get a pathway's quota usage

    How much of the pathway's annual quota approvals use (approvals less withdrawals and
    releases, counted on the vacancies' start year), for one year or, by default, every year
    with approvals and the current one, oldest first. A pathway without a quota shows its use
    with `quota` and `remaining` null.
    """
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
def list_exchange_rates(
    session: SessionDep,
    _: CurrentPrincipal,
    filters: Annotated[RateFilters, Depends()],
    limit: Limit = 200,
    offset: Offset = 0,
) -> Page[ExchangeRateOut]:
    """List exchange rates

    The newest rate of each currency (the one wages are converted with), or with `history`
    every dated rate; by currency, then newest date first. Page with limit (1..200, default
    200) and offset.
    """
    rows, total = service.list_rates(
        session,
        currency=filters.currency,
        history=filters.history,
        limit=limit,
        offset=offset,
    )
    return Page(items=[_rate_out(r) for r in rows], total=total, limit=limit, offset=offset)


_RATE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "the rate of that currency and date was replaced (or was the same)"},
    201: {
        "description": "a new rate was stored",
        "model": ExchangeRateOut,
    },
    409: {"description": f"{_CONCURRENT} (the same currency and date): retry"},
    422: {
        "description": "invalid fields (`errors`): besides the schema's rules, a date in the "
        "future (future_date) or a rate other than 1 for EUR, the base (base_rate)"
    },
}


def _put_rate(
    body: ExchangeRateIn,
    session: SessionDep,
    settings: SettingsDep,
    principal: Principal,
    response: Response,
) -> ExchangeRateOut:
    row, created = service.put_rate(session, settings, principal, body)
    if created:
        response.status_code = status.HTTP_201_CREATED
    return _rate_out(row)


@rates_router.put("", response_model=ExchangeRateOut, responses=_RATE_RESPONSES)
def put_exchange_rate(
    body: ExchangeRateIn,
    session: SessionDep,
    settings: SettingsDep,
    principal: Maintainer,
    response: Response,
) -> ExchangeRateOut:
    """Set the exchange rate of a currency on a date

    Creates the rate of (currency, as_of), 201, or replaces it, 200: idempotent, sending the
    same rate again changes nothing and records no audit event. The newest rate of a currency
    is the one wages and wage thresholds are converted with; a change re-ranks every open
    vacancy.
    """
    return _put_rate(body, session, settings, principal, response)


@rates_router.post("", response_model=ExchangeRateOut, responses=_RATE_RESPONSES)
def post_exchange_rate(
    body: ExchangeRateIn,
    session: SessionDep,
    settings: SettingsDep,
    principal: Maintainer,
    response: Response,
) -> ExchangeRateOut:
    """Set the exchange rate of a currency on a date (alias of PUT)

    The same as PUT /api/v1/exchange-rates, for clients that only POST: creates the rate of
    (currency, as_of), 201, or replaces it, 200; idempotent.
    """
    return _put_rate(body, session, settings, principal, response)
