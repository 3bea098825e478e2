"""HTTP API of vacancies: parse, authorise, call the service."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Header, Query, Response
from fastapi.responses import JSONResponse

from app.auth.deps import CurrentPrincipal, require_roles
from app.common.concurrency import etag, parse_if_match
from app.common.principal import Principal, Role
from app.common.schemas import MAX_OFFSET, Page
from app.deps import SessionDep, SettingsDep
from app.idempotency import service as idempotency
from app.idempotency.service import IdempotencyDep
from app.taxonomy.filters import CountryFilter, OccupationPrefix, SectorFilter
from app.vacancies import service
from app.vacancies.schemas import BulkResult, VacancyIn, VacancyOut, VacancyUpdate

router = APIRouter(prefix="/api/v1/vacancies", tags=["vacancies"])

Writer = Annotated[Principal, Depends(require_roles(Role.EMPLOYER, Role.ADMIN))]
IfMatch = Annotated[
    str | None, Header(alias="If-Match", description='the version you read, as ETag "3" or 3')
]
EmployerParam = Annotated[
    uuid.UUID | None,
    Query(description="admins only: the employer organisation the vacancy belongs to"),
]
_PROBLEMS: dict[int | str, dict[str, Any]] = {
    401: {"description": "no or invalid API key"},
    403: {"description": "the role may not do this"},
    404: {"description": "unknown, or another organisation's, vacancy"},
    422: {"description": "invalid payload (field paths in `errors`)"},
}


def _location(vacancy_id: str) -> str:
    return f"{router.prefix}/{vacancy_id}"


@router.post(
    "",
    status_code=201,
    response_model=VacancyOut,
    responses={**_PROBLEMS, 409: {"description": "external_ref or Idempotency-Key conflict"}},
)
def create_vacancy(
    payload: VacancyIn,
    session: SessionDep,
    principal: Writer,
    idem: IdempotencyDep,
    employer_id: EmployerParam = None,
) -> JSONResponse:
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
    responses={
        **_PROBLEMS,
        200: {"model": BulkResult, "description": "some items failed (see `results`)"},
        413: {"description": "more items than the limit"},
    },
)
def bulk_create(
    items: Annotated[list[Any], Body(description="an array of vacancies (see VacancyIn)")],
    session: SessionDep,
    settings: SettingsDep,
    principal: Writer,
    idem: IdempotencyDep,
    employer_id: EmployerParam = None,
) -> JSONResponse:
    def work() -> tuple[int, Any]:
        return service.bulk_create(
            session,
            principal,
            items,
            employer_id=employer_id,
            max_items=settings.bulk_max_items,
        )

    return idempotency.to_response(idempotency.run(session, principal, idem, work))


@router.get("", response_model=Page[VacancyOut], responses=_PROBLEMS)
def list_vacancies(
    session: SessionDep,
    principal: CurrentPrincipal,
    destination: CountryFilter = None,
    occupation: OccupationPrefix = None,
    sector: SectorFilter = None,
    status: Literal["draft", "open", "filled", "closed"] | None = None,
    employer_id: uuid.UUID | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Page[VacancyOut]:
    filters = service.VacancyFilters(
        destination=destination,
        occupation=occupation,
        sector=sector,
        status=status,
        employer_id=employer_id,
    )
    return service.list_vacancies(session, principal, filters, limit=limit, offset=offset)


@router.get("/{vacancy_id}", response_model=VacancyOut, responses=_PROBLEMS)
def get_vacancy(
    vacancy_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> VacancyOut:
    out = service.get_vacancy(session, principal, vacancy_id)
    response.headers["ETag"] = etag(out.version)
    return out


@router.patch(
    "/{vacancy_id}",
    response_model=VacancyOut,
    responses={
        **_PROBLEMS,
        409: {"description": "stale If-Match: the body carries current_version"},
        428: {"description": "If-Match missing"},
    },
)
def update_vacancy(
    vacancy_id: uuid.UUID,
    patch: VacancyUpdate,
    session: SessionDep,
    principal: Writer,
    response: Response,
    if_match: IfMatch = None,
) -> VacancyOut:
    expected = parse_if_match(if_match, required=True)
    out = service.update_vacancy(
        session,
        principal,
        vacancy_id,
        patch,
        expected_version=expected,
    )
    response.headers["ETag"] = etag(out.version)
    return out


@router.post("/{vacancy_id}/close", response_model=VacancyOut, responses=_PROBLEMS)
def close_vacancy(
    vacancy_id: uuid.UUID,
    session: SessionDep,
    principal: Writer,
    response: Response,
    if_match: IfMatch = None,
) -> VacancyOut:
    expected = parse_if_match(if_match, required=False)
    out = service.close_vacancy(session, principal, vacancy_id, expected_version=expected)
    response.headers["ETag"] = etag(out.version)
    return out
