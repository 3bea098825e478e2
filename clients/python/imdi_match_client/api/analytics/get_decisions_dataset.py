from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset_page_out import DatasetPageOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 100,
    after: None | Unset | UUID = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_after: None | str | Unset
    if isinstance(after, Unset):
        json_after = UNSET
    elif isinstance(after, UUID):
        json_after = str(after)
    else:
        json_after = after
    params["after"] = json_after

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/decisions-dataset.json",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DatasetPageOut | Problem | None:
    if response.status_code == 200:
        response_200 = DatasetPageOut.from_dict(response.json())

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
) -> Response[DatasetPageOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    after: None | Unset | UUID = UNSET,
) -> Response[DatasetPageOut | Problem]:
    """List the decisions dataset

     One row per officer decision on a (vacancy, pool) pair, oldest first (ties by decision id),
    with the score it was taken on and, for approvals, whether it was withdrawn and how many
    workers reached each stage: aggregates, never persons (docs/datasets.md). Paged by keyset:
    pass the page's `next_after` as `after` (pages never overlap, also while decisions are
    added); an `after` that is not the id of a row is a 422 (`unknown_cursor`).

    **Roles:** officer, admin.

    Args:
        limit (int | Unset): rows per page, 1..200 Default: 100.
        after (None | Unset | UUID): the `next_after` of the previous page; absent: the first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetPageOut | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        after=after,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    after: None | Unset | UUID = UNSET,
) -> DatasetPageOut | Problem | None:
    """List the decisions dataset

     One row per officer decision on a (vacancy, pool) pair, oldest first (ties by decision id),
    with the score it was taken on and, for approvals, whether it was withdrawn and how many
    workers reached each stage: aggregates, never persons (docs/datasets.md). Paged by keyset:
    pass the page's `next_after` as `after` (pages never overlap, also while decisions are
    added); an `after` that is not the id of a row is a 422 (`unknown_cursor`).

    **Roles:** officer, admin.

    Args:
        limit (int | Unset): rows per page, 1..200 Default: 100.
        after (None | Unset | UUID): the `next_after` of the previous page; absent: the first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetPageOut | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        after=after,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    after: None | Unset | UUID = UNSET,
) -> Response[DatasetPageOut | Problem]:
    """List the decisions dataset

     One row per officer decision on a (vacancy, pool) pair, oldest first (ties by decision id),
    with the score it was taken on and, for approvals, whether it was withdrawn and how many
    workers reached each stage: aggregates, never persons (docs/datasets.md). Paged by keyset:
    pass the page's `next_after` as `after` (pages never overlap, also while decisions are
    added); an `after` that is not the id of a row is a 422 (`unknown_cursor`).

    **Roles:** officer, admin.

    Args:
        limit (int | Unset): rows per page, 1..200 Default: 100.
        after (None | Unset | UUID): the `next_after` of the previous page; absent: the first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetPageOut | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        after=after,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    after: None | Unset | UUID = UNSET,
) -> DatasetPageOut | Problem | None:
    """List the decisions dataset

     One row per officer decision on a (vacancy, pool) pair, oldest first (ties by decision id),
    with the score it was taken on and, for approvals, whether it was withdrawn and how many
    workers reached each stage: aggregates, never persons (docs/datasets.md). Paged by keyset:
    pass the page's `next_after` as `after` (pages never overlap, also while decisions are
    added); an `after` that is not the id of a row is a 422 (`unknown_cursor`).

    **Roles:** officer, admin.

    Args:
        limit (int | Unset): rows per page, 1..200 Default: 100.
        after (None | Unset | UUID): the `next_after` of the previous page; absent: the first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetPageOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            after=after,
        )
    ).parsed
