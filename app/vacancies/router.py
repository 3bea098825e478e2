"""HTTP API of vacancies: parse, authorise, call the service."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Query, Response
from fastapi.responses import JSONResponse

from app.auth.deps import CurrentPrincipal, require_roles
from app.common.concurrency import etag
from app.common.csv_safe import CSV_EXPORT, csv_response
from app.common.principal import Principal, Role
from app.common.schemas import Page
from app.config import Settings
from app.deps import SessionDep, SettingsDep
from app.idempotency import service as idempotency
from app.idempotency.service import IdempotencyDep
from app.intake.endpoints import VersionedWrite, tagged, versioned_write
from app.intake.listing import Paging
from app.vacancies import service
from app.vacancies.schemas import (
    BulkResult,
    SortParam,
    VacancyFilters,
    VacancyIn,
    VacancyOut,
    VacancyUpdate,
    bulk_example,
)

router = APIRouter(prefix="/api/v1/vacancies", tags=["vacancies"])

Writer = Annotated[Principal, Depends(require_roles(Role.EMPLOYER, Role.ADMIN))]
EmployerParam = Annotated[
    uuid.UUID | None,
    Query(
        description="admins only, and then required: the employer organisation the vacancy "
        "belongs to (an employer posts for its own organisation and leaves it out)"
    ),
]
VacancyId = Annotated[uuid.UUID, Path(description="the vacancy's id")]
Write = Annotated[VersionedWrite, versioned_write(Role.EMPLOYER, Role.ADMIN)]

_ETAG = {
    "ETag": {
        "description": 'the version, e.g. "3": send it as If-Match to change it',
        "schema": {"type": "string"},
    }
}
_LOCATION = {"Location": {"description": "the new vacancy's URL", "schema": {"type": "string"}}}
_REPLAYED = {
    "Idempotent-Replayed": {
        "description": "true when this is the stored answer to an earlier request with the same "
        "Idempotency-Key",
        "schema": {"type": "string", "enum": ["true"]},
    }
}
_IDEMPOTENCY_409 = (
    "a request with the same Idempotency-Key is still running (retry after Retry-After to get "
    "its answer)"
)
_FOREIGN_OWNER_403 = (
    "the role may not write vacancies, or a non-admin named another organisation in employer_id"
)
_STALE_409 = (
    "stale If-Match: the vacancy changed since that version (the problem carries "
    "current_version, the ETag header the current one), or a concurrent write got there first; "
    "nothing was written"
)
#: Settings' default, stated in the OpenAPI document (a deployment may set another).
_BULK_DEFAULT_MAX = Settings.model_fields["bulk_max_items"].default

_BULK_BODY: dict[str, Any] = {
    "requestBody": {
        "description": "an array of vacancies, each a VacancyIn; each item is validated on its "
        f"own. At most bulk_max_items items ({_BULK_DEFAULT_MAX:,} unless the deployment sets "
        "IMDI_BULK_MAX_ITEMS): more is a 413",
        "content": {
            "application/json": {
                "schema": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/VacancyIn"},
                    "description": "vacancies to post (VacancyIn each), at most bulk_max_items "
                    f"({_BULK_DEFAULT_MAX:,} by default)",
                },
                "examples": {
                    "two_vacancies": {
                        "summary": "a German hospital's nurses and a Spanish grower's pickers",
                        "value": bulk_example(),
                    }
                },
            }
        },
    }
}


def _location(vacancy_id: str) -> str:
    return f"{router.prefix}/{vacancy_id}"


@router.post(
    "",
    status_code=201,
    response_model=VacancyOut,
    responses={
        201: {
            "description": "the vacancy was stored",
            "headers": {**_ETAG, **_LOCATION, **_REPLAYED},
        },
        403: {"description": _FOREIGN_OWNER_403},
        409: {
            "description": "the employer has a vacancy with this external_ref already (the "
            "problem carries existing_id), or " + _IDEMPOTENCY_409
        },
    },
)
def create_vacancy(
    payload: VacancyIn,
    session: SessionDep,
    principal: Writer,
    idem: IdempotencyDep,
    employer_id: EmployerParam = None,
) -> JSONResponse:
    """Post a vacancy

    Stores one vacancy of the caller's employer organisation (an admin names the employer with
    `employer_id`) and answers it with its ETag and Location. An open vacancy is on the market
    at once: it is ranked against the labour pools (GET /api/v1/vacancies/{vacancy_id}/matches).
    The occupation may be an ISCO-08 unit group or a job title, which is coded and reported in
    `occupation_coding` (a title that cannot be coded with confidence is a 422 listing the
    closest unit groups); skills may be taxonomy ids or words. With no skills named the
    occupation's skill profile is used. Send an Idempotency-Key to retry safely: the retry gets
    the first answer instead of a second vacancy. An `external_ref` already used by the employer
    is a 409 naming the existing vacancy.
    """

    def work() -> tuple[int, Any]:
        out = service.create_vacancy(
            session,
            principal,
            payload,
            employer_id=employer_id,
        )
        return 201, out.model_dump(mode="json")

    stored = idempotency.run(session, principal, idem, work)
    body = stored.body
    return idempotency.to_response(
        stored, {"ETag": etag(body["version"]), "Location": _location(body["id"])}
    )


@router.post(
    "/bulk",
    status_code=201,
    response_model=BulkResult,
    openapi_extra=_BULK_BODY,
    responses={
        201: {"description": "every item was created", "headers": _REPLAYED},
        200: {
            "model": BulkResult,
            "description": "some or all items failed: `results` gives each one's errors; the "
            "valid items were created all the same",
            "headers": _REPLAYED,
        },
        403: {"description": _FOREIGN_OWNER_403},
        409: {"description": _IDEMPOTENCY_409},
        413: {
            "description": "more items than bulk_max_items (the problem carries `limit`), or a "
            "body over the request size limit"
        },
    },
)
def create_vacancies_bulk(
    items: Annotated[list[Any], Body(description="an array of vacancies (see VacancyIn)")],
    session: SessionDep,
    settings: SettingsDep,
    principal: Writer,
    idem: IdempotencyDep,
    employer_id: EmployerParam = None,
) -> JSONResponse:
    """Post many vacancies at once

    Validates each item of the array on its own (an HR system's whole export in one request)
    and creates every valid one in one transaction, whatever the others hold: 201 when all
    were created, 200 when some failed, with one result per item in request order (the new id,
    or the item's field errors, their paths starting with the item's index, e.g.
    `[3].languages[0].min_level`). An `external_ref` the employer used before, or that two items
    share, fails that item. A body that is not a JSON array is a 422. Send an Idempotency-Key to
    retry the request safely.
    """

    def work() -> tuple[int, Any]:
        return service.bulk_create(
            session,
            principal,
            items,
            employer_id=employer_id,
            max_items=settings.bulk_max_items,
        )

    return idempotency.to_response(idempotency.run(session, principal, idem, work))


@router.get(
    "", response_model=Page[VacancyOut], responses={200: {"description": "a page of vacancies"}}
)
def list_vacancies(
    session: SessionDep,
    principal: CurrentPrincipal,
    filters: Annotated[VacancyFilters, Depends()],
    page: Annotated[Paging, Depends()],
    sort: SortParam = None,
) -> Page[VacancyOut]:
    """List vacancies

    The vacancies the caller may see, newest first (ties by id) unless `sort` names another
    order, a page at a time (limit, offset; `total` counts every match). An employer sees its
    own organisation's, a ministry the open ones of every employer, officers and admins all.
    Filters combine: destination country, status, employer, occupation (an ISCO-08 code or
    prefix), sector (an ISIC Rev.4 division or section) and `q`, a text search whose every word
    must be found in the title, the employer's name, the destination country or the
    occupation. GET /api/v1/vacancies.csv exports the same list whole.
    """
    return service.list_vacancies(
        session, principal, filters, limit=page.limit, offset=page.offset, sort=sort
    )


@router.get(".csv", response_class=Response, responses={**CSV_EXPORT})
def export_vacancies(
    session: SessionDep,
    principal: CurrentPrincipal,
    filters: Annotated[VacancyFilters, Depends()],
    sort: SortParam = None,
) -> Response:
    """Export vacancies as CSV

    Every vacancy GET /api/v1/vacancies would list with the same filters, search and access
    rules, in the same order (newest first unless `sort` says), in one CSV file (no paging).
    Columns: id, employer_id, external_ref, title, description, destination_country, region,
    occupation (ISCO-08), occupation_title, occupation_coding_input, occupation_coding_code,
    occupation_coding_title, occupation_coding_confidence, esco_occupation, sector (ISIC Rev.4),
    skills (`skill:importance` joined with `;`), languages (`language:level`, with `:required`
    when required, joined with `;`), min_isced, min_experience_years, openings, wage_amount,
    wage_currency, wage_period, contract_type, contract_duration_months, start_date,
    employer_pays_fees (true/false), pathways (codes joined with `;`), status, version,
    created_at, updated_at. Empty cells are nulls.
    """
    rows = service.export_vacancies(session, principal, filters, sort)
    return csv_response(service.CSV_COLUMNS, rows, "vacancies.csv")


@router.get(
    "/{vacancy_id}",
    response_model=VacancyOut,
    responses={200: {"description": "the vacancy", "headers": _ETAG}},
)
def get_vacancy(
    vacancy_id: VacancyId, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> VacancyOut:
    """Read a vacancy

    One vacancy with its skills and languages; the ETag header is its version, for If-Match
    on the next update. A vacancy the caller may not see (another employer's, or a ministry
    asking for one that is not open) is a 404.
    """
    return tagged(response, service.get_vacancy(session, principal, vacancy_id))


@router.patch(
    "/{vacancy_id}",
    response_model=VacancyOut,
    responses={
        200: {"description": "the vacancy as changed", "headers": _ETAG},
        409: {"description": _STALE_409},
        428: {"description": "the If-Match header is missing: send the ETag you last read"},
    },
)
def update_vacancy(vacancy_id: VacancyId, patch: VacancyUpdate, write: Write) -> VacancyOut:
    """Update a vacancy

    Changes only the fields sent (a list sent replaces the stored one). If-Match is required:
    the version (ETag) you last read; a stale one is a 409 and nothing is written. A change of
    occupation re-derives skills that were derived from the old one. A patch that changes
    nothing is answered with the vacancy as it is, its version unchanged. Setting a field that
    is required on create to null is a 422.
    """
    return write.apply(service.update_vacancy, vacancy_id, patch, if_match_required=True)


@router.post(
    "/{vacancy_id}/close",
    response_model=VacancyOut,
    responses={
        200: {"description": "the vacancy, closed", "headers": _ETAG},
        409: {"description": _STALE_409},
    },
)
def close_vacancy(vacancy_id: VacancyId, write: Write) -> VacancyOut:
    """Close a vacancy

    Takes the vacancy off the market (status closed): it is no longer ranked or decided on.
    If-Match is optional here; when sent, a stale version is a 409. Closing a closed vacancy
    is not an error and changes nothing.
    """
    return write.apply(service.close_vacancy, vacancy_id, if_match_required=False)


@router.post(
    "/{vacancy_id}/reopen",
    response_model=VacancyOut,
    responses={
        200: {"description": "the vacancy, open", "headers": _ETAG},
        409: {
            "description": _STALE_409 + "; or the vacancy is filled (approvals took every "
            "opening: raise its openings instead)"
        },
    },
)
def reopen_vacancy(vacancy_id: VacancyId, write: Write) -> VacancyOut:
    """Reopen a vacancy

    Puts a closed vacancy (or a draft) back on the market (status open): it is ranked against
    the labour pools again. If-Match is optional here; when sent, a stale version is a 409.
    Reopening an open vacancy is not an error and changes nothing.
    """
    return write.apply(service.reopen_vacancy, vacancy_id, if_match_required=False)
