from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_placements_status_type_0 import ExportPlacementsStatusType0
from ...models.placement_stage import PlacementStage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    vacancy_id: None | Unset | UUID = UNSET,
    pool_id: None | Unset | UUID = UNSET,
    pathway: None | str | Unset = UNSET,
    stage: None | PlacementStage | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
    status: ExportPlacementsStatusType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_vacancy_id: None | str | Unset
    if isinstance(vacancy_id, Unset):
        json_vacancy_id = UNSET
    elif isinstance(vacancy_id, UUID):
        json_vacancy_id = str(vacancy_id)
    else:
        json_vacancy_id = vacancy_id
    params["vacancy_id"] = json_vacancy_id

    json_pool_id: None | str | Unset
    if isinstance(pool_id, Unset):
        json_pool_id = UNSET
    elif isinstance(pool_id, UUID):
        json_pool_id = str(pool_id)
    else:
        json_pool_id = pool_id
    params["pool_id"] = json_pool_id

    json_pathway: None | str | Unset
    if isinstance(pathway, Unset):
        json_pathway = UNSET
    else:
        json_pathway = pathway
    params["pathway"] = json_pathway

    json_stage: None | str | Unset
    if isinstance(stage, Unset):
        json_stage = UNSET
    elif isinstance(stage, PlacementStage):
        json_stage = stage.value
    else:
        json_stage = stage
    params["stage"] = json_stage

    json_employer_id: None | str | Unset
    if isinstance(employer_id, Unset):
        json_employer_id = UNSET
    elif isinstance(employer_id, UUID):
        json_employer_id = str(employer_id)
    else:
        json_employer_id = employer_id
    params["employer_id"] = json_employer_id

    json_ministry_id: None | str | Unset
    if isinstance(ministry_id, Unset):
        json_ministry_id = UNSET
    elif isinstance(ministry_id, UUID):
        json_ministry_id = str(ministry_id)
    else:
        json_ministry_id = ministry_id
    params["ministry_id"] = json_ministry_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ExportPlacementsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/placements.csv",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    vacancy_id: None | Unset | UUID = UNSET,
    pool_id: None | Unset | UUID = UNSET,
    pathway: None | str | Unset = UNSET,
    stage: None | PlacementStage | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
    status: ExportPlacementsStatusType0 | None | Unset = UNSET,
) -> Response[Problem | str]:
    """Download the placements as CSV

     Every placement GET /api/v1/placements would list with the same filters, unpaged, in the
    same order (newest approval first, ties by id) and with the same access rules. Columns,
    named as the JSON fields: id, decision_id, match_id, vacancy_id, pool_id, pathway_code,
    quota_year, approved, approved_at, status, awaiting, one column per stage of `stages`
    (stages_selected, stages_contract_signed, stages_visa_applied, stages_visa_granted,
    stages_visa_refused, stages_departed, stages_arrived, stages_started_work,
    stages_completed_contract, stages_left_early), released, version, updated_at; timestamps
    RFC 3339, UTC.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        vacancy_id (None | Unset | UUID): placements of this vacancy's approvals
        pool_id (None | Unset | UUID): placements of this pool's approvals
        pathway (None | str | Unset): legal pathway code, e.g. DE-TRIPLE-WIN
        stage (None | PlacementStage | Unset): placements with workers at this stage now
        employer_id (None | Unset | UUID): placements of this employer's vacancies
        ministry_id (None | Unset | UUID): placements of this ministry's pools
        status (ExportPlacementsStatusType0 | None | Unset): active, or withdrawn (their approval
            was withdrawn)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        vacancy_id=vacancy_id,
        pool_id=pool_id,
        pathway=pathway,
        stage=stage,
        employer_id=employer_id,
        ministry_id=ministry_id,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    vacancy_id: None | Unset | UUID = UNSET,
    pool_id: None | Unset | UUID = UNSET,
    pathway: None | str | Unset = UNSET,
    stage: None | PlacementStage | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
    status: ExportPlacementsStatusType0 | None | Unset = UNSET,
) -> Problem | str | None:
    """Download the placements as CSV

     Every placement GET /api/v1/placements would list with the same filters, unpaged, in the
    same order (newest approval first, ties by id) and with the same access rules. Columns,
    named as the JSON fields: id, decision_id, match_id, vacancy_id, pool_id, pathway_code,
    quota_year, approved, approved_at, status, awaiting, one column per stage of `stages`
    (stages_selected, stages_contract_signed, stages_visa_applied, stages_visa_granted,
    stages_visa_refused, stages_departed, stages_arrived, stages_started_work,
    stages_completed_contract, stages_left_early), released, version, updated_at; timestamps
    RFC 3339, UTC.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        vacancy_id (None | Unset | UUID): placements of this vacancy's approvals
        pool_id (None | Unset | UUID): placements of this pool's approvals
        pathway (None | str | Unset): legal pathway code, e.g. DE-TRIPLE-WIN
        stage (None | PlacementStage | Unset): placements with workers at this stage now
        employer_id (None | Unset | UUID): placements of this employer's vacancies
        ministry_id (None | Unset | UUID): placements of this ministry's pools
        status (ExportPlacementsStatusType0 | None | Unset): active, or withdrawn (their approval
            was withdrawn)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        vacancy_id=vacancy_id,
        pool_id=pool_id,
        pathway=pathway,
        stage=stage,
        employer_id=employer_id,
        ministry_id=ministry_id,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    vacancy_id: None | Unset | UUID = UNSET,
    pool_id: None | Unset | UUID = UNSET,
    pathway: None | str | Unset = UNSET,
    stage: None | PlacementStage | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
    status: ExportPlacementsStatusType0 | None | Unset = UNSET,
) -> Response[Problem | str]:
    """Download the placements as CSV

     Every placement GET /api/v1/placements would list with the same filters, unpaged, in the
    same order (newest approval first, ties by id) and with the same access rules. Columns,
    named as the JSON fields: id, decision_id, match_id, vacancy_id, pool_id, pathway_code,
    quota_year, approved, approved_at, status, awaiting, one column per stage of `stages`
    (stages_selected, stages_contract_signed, stages_visa_applied, stages_visa_granted,
    stages_visa_refused, stages_departed, stages_arrived, stages_started_work,
    stages_completed_contract, stages_left_early), released, version, updated_at; timestamps
    RFC 3339, UTC.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        vacancy_id (None | Unset | UUID): placements of this vacancy's approvals
        pool_id (None | Unset | UUID): placements of this pool's approvals
        pathway (None | str | Unset): legal pathway code, e.g. DE-TRIPLE-WIN
        stage (None | PlacementStage | Unset): placements with workers at this stage now
        employer_id (None | Unset | UUID): placements of this employer's vacancies
        ministry_id (None | Unset | UUID): placements of this ministry's pools
        status (ExportPlacementsStatusType0 | None | Unset): active, or withdrawn (their approval
            was withdrawn)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        vacancy_id=vacancy_id,
        pool_id=pool_id,
        pathway=pathway,
        stage=stage,
        employer_id=employer_id,
        ministry_id=ministry_id,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    vacancy_id: None | Unset | UUID = UNSET,
    pool_id: None | Unset | UUID = UNSET,
    pathway: None | str | Unset = UNSET,
    stage: None | PlacementStage | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
    status: ExportPlacementsStatusType0 | None | Unset = UNSET,
) -> Problem | str | None:
    """Download the placements as CSV

     Every placement GET /api/v1/placements would list with the same filters, unpaged, in the
    same order (newest approval first, ties by id) and with the same access rules. Columns,
    named as the JSON fields: id, decision_id, match_id, vacancy_id, pool_id, pathway_code,
    quota_year, approved, approved_at, status, awaiting, one column per stage of `stages`
    (stages_selected, stages_contract_signed, stages_visa_applied, stages_visa_granted,
    stages_visa_refused, stages_departed, stages_arrived, stages_started_work,
    stages_completed_contract, stages_left_early), released, version, updated_at; timestamps
    RFC 3339, UTC.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        vacancy_id (None | Unset | UUID): placements of this vacancy's approvals
        pool_id (None | Unset | UUID): placements of this pool's approvals
        pathway (None | str | Unset): legal pathway code, e.g. DE-TRIPLE-WIN
        stage (None | PlacementStage | Unset): placements with workers at this stage now
        employer_id (None | Unset | UUID): placements of this employer's vacancies
        ministry_id (None | Unset | UUID): placements of this ministry's pools
        status (ExportPlacementsStatusType0 | None | Unset): active, or withdrawn (their approval
            was withdrawn)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            vacancy_id=vacancy_id,
            pool_id=pool_id,
            pathway=pathway,
            stage=stage,
            employer_id=employer_id,
            ministry_id=ministry_id,
            status=status,
        )
    ).parsed
