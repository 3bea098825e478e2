"""HTTP API of vacancies: parse, authorise, call the service."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Response
from fastapi.responses import JSONResponse

from app.auth.deps import CurrentPrincipal, require_roles
from app.common.concurrency import etag
from app.common.principal import Principal, Role
from app.common.schemas import Page
from app.deps import SessionDep, SettingsDep
from app.idempotency import service as idempotency
from app.idempotency.service import IdempotencyDep
from app.intake.endpoints import VersionedWrite, problems, tagged, versioned_write
from app.intake.listing import Paging
from app.vacancies import service
from app.vacancies.schemas import BulkResult, VacancyFilters, VacancyIn, VacancyOut, VacancyUpdate

router = APIRouter(prefix="/api/v1/vacancies", tags=["vacancies"])

Writer = Annotated[Principal, Depends(require_roles(Role.EMPLOYER, Role.ADMIN))]
EmployerParam = Annotated[
    uuid.UUID | None,
    Query(description="admins only: the employer organisation the vacancy belongs to"),
]
_PROBLEMS = problems("vacancy")
Write = Annotated[VersionedWrite, versioned_write(Role.EMPLOYER, Role.ADMIN)]


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
    filters: Annotated[VacancyFilters, Depends()],
    page: Annotated[Paging, Depends()],
) -> Page[VacancyOut]:
    return service.list_vacancies(session, principal, filters, limit=page.limit, offset=page.offset)


@router.get("/{vacancy_id}", response_model=VacancyOut, responses=_PROBLEMS)
def get_vacancy(
    vacancy_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> VacancyOut:
    return tagged(response, service.get_vacancy(session, principal, vacancy_id))


@router.patch(
    "/{vacancy_id}",
    response_model=VacancyOut,
    responses={
        **_PROBLEMS,
        409: {"description": "stale If-Match: the body carries current_version"},
        428: {"description": "If-Match missing"},
    },
)
def update_vacancy(vacancy_id: uuid.UUID, patch: VacancyUpdate, write: Write) -> VacancyOut:
    return write.apply(service.update_vacancy, vacancy_id, patch, if_match_required=True)


@router.post("/{vacancy_id}/close", response_model=VacancyOut, responses=_PROBLEMS)
def close_vacancy(vacancy_id: uuid.UUID, write: Write) -> VacancyOut:
    return write.apply(service.close_vacancy, vacancy_id, if_match_required=False)
