from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.pool_out import PoolOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    pool_id: UUID,
    *,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/pools/{pool_id}/withdraw".format(
            pool_id=quote(str(pool_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PoolOut | Problem | None:
    if response.status_code == 200:
        response_200 = PoolOut.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PoolOut | Problem]:
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
    if_match: None | str | Unset = UNSET,
) -> Response[PoolOut | Problem]:
    """Withdraw a labour pool

     Takes the pool off the market (status withdrawn): it is no longer ranked, its matches are
    re-ranked without it, and decisions on it stay as history. If-Match is optional here; when
    sent, a stale version is a 409. Withdrawing a withdrawn pool is not an error and changes
    nothing. Posting the pool's identity again (POST /api/v1/pools or an upload) makes it active.

    **Roles:** ministry, admin.

    Args:
        pool_id (UUID): the pool's id
        if_match (None | str | Unset): the version you read (its ETag), as "3", W/"3" or 3; * for
            any. Required on PATCH (a 428 without it), optional on close and withdraw. A stale version
            is a 409 carrying current_version, and nothing is written

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PoolOut | Problem]
    """

    kwargs = _get_kwargs(
        pool_id=pool_id,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    pool_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> PoolOut | Problem | None:
    """Withdraw a labour pool

     Takes the pool off the market (status withdrawn): it is no longer ranked, its matches are
    re-ranked without it, and decisions on it stay as history. If-Match is optional here; when
    sent, a stale version is a 409. Withdrawing a withdrawn pool is not an error and changes
    nothing. Posting the pool's identity again (POST /api/v1/pools or an upload) makes it active.

    **Roles:** ministry, admin.

    Args:
        pool_id (UUID): the pool's id
        if_match (None | str | Unset): the version you read (its ETag), as "3", W/"3" or 3; * for
            any. Required on PATCH (a 428 without it), optional on close and withdraw. A stale version
            is a 409 carrying current_version, and nothing is written

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PoolOut | Problem
    """

    return sync_detailed(
        pool_id=pool_id,
        client=client,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    pool_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> Response[PoolOut | Problem]:
    """Withdraw a labour pool

     Takes the pool off the market (status withdrawn): it is no longer ranked, its matches are
    re-ranked without it, and decisions on it stay as history. If-Match is optional here; when
    sent, a stale version is a 409. Withdrawing a withdrawn pool is not an error and changes
    nothing. Posting the pool's identity again (POST /api/v1/pools or an upload) makes it active.

    **Roles:** ministry, admin.

    Args:
        pool_id (UUID): the pool's id
        if_match (None | str | Unset): the version you read (its ETag), as "3", W/"3" or 3; * for
            any. Required on PATCH (a 428 without it), optional on close and withdraw. A stale version
            is a 409 carrying current_version, and nothing is written

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PoolOut | Problem]
    """

    kwargs = _get_kwargs(
        pool_id=pool_id,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pool_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> PoolOut | Problem | None:
    """Withdraw a labour pool

     Takes the pool off the market (status withdrawn): it is no longer ranked, its matches are
    re-ranked without it, and decisions on it stay as history. If-Match is optional here; when
    sent, a stale version is a 409. Withdrawing a withdrawn pool is not an error and changes
    nothing. Posting the pool's identity again (POST /api/v1/pools or an upload) makes it active.

    **Roles:** ministry, admin.

    Args:
        pool_id (UUID): the pool's id
        if_match (None | str | Unset): the version you read (its ETag), as "3", W/"3" or 3; * for
            any. Required on PATCH (a 428 without it), optional on close and withdraw. A stale version
            is a 409 carrying current_version, and nothing is written

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PoolOut | Problem
    """

    return (
        await asyncio_detailed(
            pool_id=pool_id,
            client=client,
            if_match=if_match,
        )
    ).parsed
