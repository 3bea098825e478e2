from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_pool_version_out import PagePoolVersionOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    pool_id: UUID,
    *,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/pools/{pool_id}/history".format(
            pool_id=quote(str(pool_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PagePoolVersionOut | Problem | None:
    if response.status_code == 200:
        response_200 = PagePoolVersionOut.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[PagePoolVersionOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    pool_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PagePoolVersionOut | Problem]:
    """List a pool's versions

     The pool's versions, the current one first (by version, descending), a page at a time
    (limit, offset): each survey wave or API write that changed the pool, with the figures it
    had, who or which upload made it, and when the next version replaced it. Readable by whoever
    may read the pool in full (its ministry, officers, admins).

    **Roles:** ministry, officer, admin.

    Args:
        pool_id (UUID): the pool's id
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many items to skip: the next page starts at offset + limit
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePoolVersionOut | Problem]
    """

    kwargs = _get_kwargs(
        pool_id=pool_id,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    pool_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PagePoolVersionOut | Problem | None:
    """List a pool's versions

     The pool's versions, the current one first (by version, descending), a page at a time
    (limit, offset): each survey wave or API write that changed the pool, with the figures it
    had, who or which upload made it, and when the next version replaced it. Readable by whoever
    may read the pool in full (its ministry, officers, admins).

    **Roles:** ministry, officer, admin.

    Args:
        pool_id (UUID): the pool's id
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many items to skip: the next page starts at offset + limit
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePoolVersionOut | Problem
    """

    return sync_detailed(
        pool_id=pool_id,
        client=client,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    pool_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PagePoolVersionOut | Problem]:
    """List a pool's versions

     The pool's versions, the current one first (by version, descending), a page at a time
    (limit, offset): each survey wave or API write that changed the pool, with the figures it
    had, who or which upload made it, and when the next version replaced it. Readable by whoever
    may read the pool in full (its ministry, officers, admins).

    **Roles:** ministry, officer, admin.

    Args:
        pool_id (UUID): the pool's id
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many items to skip: the next page starts at offset + limit
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePoolVersionOut | Problem]
    """

    kwargs = _get_kwargs(
        pool_id=pool_id,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pool_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PagePoolVersionOut | Problem | None:
    """List a pool's versions

     The pool's versions, the current one first (by version, descending), a page at a time
    (limit, offset): each survey wave or API write that changed the pool, with the figures it
    had, who or which upload made it, and when the next version replaced it. Readable by whoever
    may read the pool in full (its ministry, officers, admins).

    **Roles:** ministry, officer, admin.

    Args:
        pool_id (UUID): the pool's id
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many items to skip: the next page starts at offset + limit
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePoolVersionOut | Problem
    """

    return (
        await asyncio_detailed(
            pool_id=pool_id,
            client=client,
            limit=limit,
            offset=offset,
        )
    ).parsed
