from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_allocation_plans_status_type_0 import ListAllocationPlansStatusType0
from ...models.page_plan_summary_out import PagePlanSummaryOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    status: ListAllocationPlansStatusType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListAllocationPlansStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/allocation-plans",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PagePlanSummaryOut | Problem | None:
    if response.status_code == 200:
        response_200 = PagePlanSummaryOut.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[PagePlanSummaryOut | Problem]:
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
    status: ListAllocationPlansStatusType0 | None | Unset = UNSET,
) -> Response[PagePlanSummaryOut | Problem]:
    """List allocation plans

     Plans newest first (ties by id, so that pages neither repeat nor skip), without their
    assignments (GET /api/v1/allocation-plans/{plan_id} has them); filter by status, page with
    limit (1..200) and offset.

    **Roles:** officer, admin.

    Args:
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.
        status (ListAllocationPlansStatusType0 | None | Unset): only plans in this state: proposed
            or adopted

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePlanSummaryOut | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
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
    status: ListAllocationPlansStatusType0 | None | Unset = UNSET,
) -> PagePlanSummaryOut | Problem | None:
    """List allocation plans

     Plans newest first (ties by id, so that pages neither repeat nor skip), without their
    assignments (GET /api/v1/allocation-plans/{plan_id} has them); filter by status, page with
    limit (1..200) and offset.

    **Roles:** officer, admin.

    Args:
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.
        status (ListAllocationPlansStatusType0 | None | Unset): only plans in this state: proposed
            or adopted

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePlanSummaryOut | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    status: ListAllocationPlansStatusType0 | None | Unset = UNSET,
) -> Response[PagePlanSummaryOut | Problem]:
    """List allocation plans

     Plans newest first (ties by id, so that pages neither repeat nor skip), without their
    assignments (GET /api/v1/allocation-plans/{plan_id} has them); filter by status, page with
    limit (1..200) and offset.

    **Roles:** officer, admin.

    Args:
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.
        status (ListAllocationPlansStatusType0 | None | Unset): only plans in this state: proposed
            or adopted

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePlanSummaryOut | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    status: ListAllocationPlansStatusType0 | None | Unset = UNSET,
) -> PagePlanSummaryOut | Problem | None:
    """List allocation plans

     Plans newest first (ties by id, so that pages neither repeat nor skip), without their
    assignments (GET /api/v1/allocation-plans/{plan_id} has them); filter by status, page with
    limit (1..200) and offset.

    **Roles:** officer, admin.

    Args:
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.
        status (ListAllocationPlansStatusType0 | None | Unset): only plans in this state: proposed
            or adopted

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePlanSummaryOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            status=status,
        )
    ).parsed
