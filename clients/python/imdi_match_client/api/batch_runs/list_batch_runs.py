from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_batch_runs_status_type_0 import ListBatchRunsStatusType0
from ...models.page_batch_run_out import PageBatchRunOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ListBatchRunsStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListBatchRunsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/batch-runs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageBatchRunOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageBatchRunOut.from_dict(response.json())

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
) -> Response[PageBatchRunOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ListBatchRunsStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageBatchRunOut | Problem]:
    """List batch runs

     Runs of `imdi batch-rank` newest first (ties by id, so that pages neither repeat nor skip);
    filter by status, page with limit (1..200) and offset. A running run shows its progress;
    `current` marks the runs whose pairs are their scope's results now.

    **Roles:** officer, admin.

    Args:
        status (ListBatchRunsStatusType0 | None | Unset): only runs in this state: running,
            succeeded, failed or cancelled
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageBatchRunOut | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: ListBatchRunsStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageBatchRunOut | Problem | None:
    """List batch runs

     Runs of `imdi batch-rank` newest first (ties by id, so that pages neither repeat nor skip);
    filter by status, page with limit (1..200) and offset. A running run shows its progress;
    `current` marks the runs whose pairs are their scope's results now.

    **Roles:** officer, admin.

    Args:
        status (ListBatchRunsStatusType0 | None | Unset): only runs in this state: running,
            succeeded, failed or cancelled
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageBatchRunOut | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ListBatchRunsStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageBatchRunOut | Problem]:
    """List batch runs

     Runs of `imdi batch-rank` newest first (ties by id, so that pages neither repeat nor skip);
    filter by status, page with limit (1..200) and offset. A running run shows its progress;
    `current` marks the runs whose pairs are their scope's results now.

    **Roles:** officer, admin.

    Args:
        status (ListBatchRunsStatusType0 | None | Unset): only runs in this state: running,
            succeeded, failed or cancelled
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageBatchRunOut | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: ListBatchRunsStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageBatchRunOut | Problem | None:
    """List batch runs

     Runs of `imdi batch-rank` newest first (ties by id, so that pages neither repeat nor skip);
    filter by status, page with limit (1..200) and offset. A running run shows its progress;
    `current` marks the runs whose pairs are their scope's results now.

    **Roles:** officer, admin.

    Args:
        status (ListBatchRunsStatusType0 | None | Unset): only runs in this state: running,
            succeeded, failed or cancelled
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageBatchRunOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            limit=limit,
            offset=offset,
        )
    ).parsed
