from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_placements_status_type_0 import ListPlacementsStatusType0
from ...models.page_placement_out import PagePlacementOut
from ...models.placement_stage import PlacementStage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    vacancy_id: None | Unset | UUID = UNSET,
    pool_id: None | Unset | UUID = UNSET,
    pathway: None | str | Unset = UNSET,
    stage: None | PlacementStage | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
    status: ListPlacementsStatusType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

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
    elif isinstance(status, ListPlacementsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/placements",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PagePlacementOut | Problem | None:
    if response.status_code == 200:
        response_200 = PagePlacementOut.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PagePlacementOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    vacancy_id: None | Unset | UUID = UNSET,
    pool_id: None | Unset | UUID = UNSET,
    pathway: None | str | Unset = UNSET,
    stage: None | PlacementStage | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
    status: ListPlacementsStatusType0 | None | Unset = UNSET,
) -> Response[PagePlacementOut | Problem]:
    """List placements

     The placements the caller may read: officers and admins every one, an employer its
    vacancies', a ministry its pools'. Newest approval first (ties by id, so that pages neither
    repeat nor skip); page with limit (1..200) and offset. Filter by vacancy, pool, pathway,
    employer, ministry, status, or a stage that has workers now. Items come without their
    moves (GET /api/v1/placements/{placement_id} has them).

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.
        vacancy_id (None | Unset | UUID): placements of this vacancy's approvals
        pool_id (None | Unset | UUID): placements of this pool's approvals
        pathway (None | str | Unset): legal pathway code, e.g. DE-TRIPLE-WIN
        stage (None | PlacementStage | Unset): placements with workers at this stage now
        employer_id (None | Unset | UUID): placements of this employer's vacancies
        ministry_id (None | Unset | UUID): placements of this ministry's pools
        status (ListPlacementsStatusType0 | None | Unset): active, or withdrawn (their approval
            was withdrawn)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePlacementOut | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
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
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    vacancy_id: None | Unset | UUID = UNSET,
    pool_id: None | Unset | UUID = UNSET,
    pathway: None | str | Unset = UNSET,
    stage: None | PlacementStage | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
    status: ListPlacementsStatusType0 | None | Unset = UNSET,
) -> PagePlacementOut | Problem | None:
    """List placements

     The placements the caller may read: officers and admins every one, an employer its
    vacancies', a ministry its pools'. Newest approval first (ties by id, so that pages neither
    repeat nor skip); page with limit (1..200) and offset. Filter by vacancy, pool, pathway,
    employer, ministry, status, or a stage that has workers now. Items come without their
    moves (GET /api/v1/placements/{placement_id} has them).

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.
        vacancy_id (None | Unset | UUID): placements of this vacancy's approvals
        pool_id (None | Unset | UUID): placements of this pool's approvals
        pathway (None | str | Unset): legal pathway code, e.g. DE-TRIPLE-WIN
        stage (None | PlacementStage | Unset): placements with workers at this stage now
        employer_id (None | Unset | UUID): placements of this employer's vacancies
        ministry_id (None | Unset | UUID): placements of this ministry's pools
        status (ListPlacementsStatusType0 | None | Unset): active, or withdrawn (their approval
            was withdrawn)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePlacementOut | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
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
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    vacancy_id: None | Unset | UUID = UNSET,
    pool_id: None | Unset | UUID = UNSET,
    pathway: None | str | Unset = UNSET,
    stage: None | PlacementStage | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
    status: ListPlacementsStatusType0 | None | Unset = UNSET,
) -> Response[PagePlacementOut | Problem]:
    """List placements

     The placements the caller may read: officers and admins every one, an employer its
    vacancies', a ministry its pools'. Newest approval first (ties by id, so that pages neither
    repeat nor skip); page with limit (1..200) and offset. Filter by vacancy, pool, pathway,
    employer, ministry, status, or a stage that has workers now. Items come without their
    moves (GET /api/v1/placements/{placement_id} has them).

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.
        vacancy_id (None | Unset | UUID): placements of this vacancy's approvals
        pool_id (None | Unset | UUID): placements of this pool's approvals
        pathway (None | str | Unset): legal pathway code, e.g. DE-TRIPLE-WIN
        stage (None | PlacementStage | Unset): placements with workers at this stage now
        employer_id (None | Unset | UUID): placements of this employer's vacancies
        ministry_id (None | Unset | UUID): placements of this ministry's pools
        status (ListPlacementsStatusType0 | None | Unset): active, or withdrawn (their approval
            was withdrawn)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePlacementOut | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
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
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    vacancy_id: None | Unset | UUID = UNSET,
    pool_id: None | Unset | UUID = UNSET,
    pathway: None | str | Unset = UNSET,
    stage: None | PlacementStage | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
    status: ListPlacementsStatusType0 | None | Unset = UNSET,
) -> PagePlacementOut | Problem | None:
    """List placements

     The placements the caller may read: officers and admins every one, an employer its
    vacancies', a ministry its pools'. Newest approval first (ties by id, so that pages neither
    repeat nor skip); page with limit (1..200) and offset. Filter by vacancy, pool, pathway,
    employer, ministry, status, or a stage that has workers now. Items come without their
    moves (GET /api/v1/placements/{placement_id} has them).

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.
        vacancy_id (None | Unset | UUID): placements of this vacancy's approvals
        pool_id (None | Unset | UUID): placements of this pool's approvals
        pathway (None | str | Unset): legal pathway code, e.g. DE-TRIPLE-WIN
        stage (None | PlacementStage | Unset): placements with workers at this stage now
        employer_id (None | Unset | UUID): placements of this employer's vacancies
        ministry_id (None | Unset | UUID): placements of this ministry's pools
        status (ListPlacementsStatusType0 | None | Unset): active, or withdrawn (their approval
            was withdrawn)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePlacementOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            vacancy_id=vacancy_id,
            pool_id=pool_id,
            pathway=pathway,
            stage=stage,
            employer_id=employer_id,
            ministry_id=ministry_id,
            status=status,
        )
    ).parsed
