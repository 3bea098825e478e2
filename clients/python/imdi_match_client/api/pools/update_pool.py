from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.pool_out import PoolOut
from ...models.pool_update import PoolUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    pool_id: UUID,
    *,
    body: PoolUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/pools/{pool_id}".format(
            pool_id=quote(str(pool_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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
    body: PoolUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[PoolOut | Problem]:
    """Update a labour pool

     Changes only the fields sent (a list sent replaces the stored one); the earlier figures are
    kept in the pool's history. If-Match is required: the version (ETag) you last read; a stale
    one is a 409 and nothing is written. A patch that changes nothing is answered with the pool
    as it is, its version unchanged. Setting a field that is required on create to null is a
    422.

    **Roles:** ministry, admin.

    Args:
        pool_id (UUID): the pool's id
        if_match (None | str | Unset): the version you read (its ETag), as "3", W/"3" or 3; * for
            any. Required on PATCH (a 428 without it), optional on close and withdraw. A stale version
            is a 409 carrying current_version, and nothing is written
        body (PoolUpdate): A partial update (PATCH): only the fields sent change; a list sent
            replaces the stored
            one. Fields required on create may not be set to null. The origin country and external_ref
            cannot change. status=withdrawn withdraws the pool, status=active brings it back (unless
            another active pool has its identity).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PoolOut | Problem]
    """

    kwargs = _get_kwargs(
        pool_id=pool_id,
        body=body,
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
    body: PoolUpdate,
    if_match: None | str | Unset = UNSET,
) -> PoolOut | Problem | None:
    """Update a labour pool

     Changes only the fields sent (a list sent replaces the stored one); the earlier figures are
    kept in the pool's history. If-Match is required: the version (ETag) you last read; a stale
    one is a 409 and nothing is written. A patch that changes nothing is answered with the pool
    as it is, its version unchanged. Setting a field that is required on create to null is a
    422.

    **Roles:** ministry, admin.

    Args:
        pool_id (UUID): the pool's id
        if_match (None | str | Unset): the version you read (its ETag), as "3", W/"3" or 3; * for
            any. Required on PATCH (a 428 without it), optional on close and withdraw. A stale version
            is a 409 carrying current_version, and nothing is written
        body (PoolUpdate): A partial update (PATCH): only the fields sent change; a list sent
            replaces the stored
            one. Fields required on create may not be set to null. The origin country and external_ref
            cannot change. status=withdrawn withdraws the pool, status=active brings it back (unless
            another active pool has its identity).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PoolOut | Problem
    """

    return sync_detailed(
        pool_id=pool_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    pool_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PoolUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[PoolOut | Problem]:
    """Update a labour pool

     Changes only the fields sent (a list sent replaces the stored one); the earlier figures are
    kept in the pool's history. If-Match is required: the version (ETag) you last read; a stale
    one is a 409 and nothing is written. A patch that changes nothing is answered with the pool
    as it is, its version unchanged. Setting a field that is required on create to null is a
    422.

    **Roles:** ministry, admin.

    Args:
        pool_id (UUID): the pool's id
        if_match (None | str | Unset): the version you read (its ETag), as "3", W/"3" or 3; * for
            any. Required on PATCH (a 428 without it), optional on close and withdraw. A stale version
            is a 409 carrying current_version, and nothing is written
        body (PoolUpdate): A partial update (PATCH): only the fields sent change; a list sent
            replaces the stored
            one. Fields required on create may not be set to null. The origin country and external_ref
            cannot change. status=withdrawn withdraws the pool, status=active brings it back (unless
            another active pool has its identity).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PoolOut | Problem]
    """

    kwargs = _get_kwargs(
        pool_id=pool_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pool_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PoolUpdate,
    if_match: None | str | Unset = UNSET,
) -> PoolOut | Problem | None:
    """Update a labour pool

     Changes only the fields sent (a list sent replaces the stored one); the earlier figures are
    kept in the pool's history. If-Match is required: the version (ETag) you last read; a stale
    one is a 409 and nothing is written. A patch that changes nothing is answered with the pool
    as it is, its version unchanged. Setting a field that is required on create to null is a
    422.

    **Roles:** ministry, admin.

    Args:
        pool_id (UUID): the pool's id
        if_match (None | str | Unset): the version you read (its ETag), as "3", W/"3" or 3; * for
            any. Required on PATCH (a 428 without it), optional on close and withdraw. A stale version
            is a 409 carrying current_version, and nothing is written
        body (PoolUpdate): A partial update (PATCH): only the fields sent change; a list sent
            replaces the stored
            one. Fields required on create may not be set to null. The origin country and external_ref
            cannot change. status=withdrawn withdraws the pool, status=active brings it back (unless
            another active pool has its identity).

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
            body=body,
            if_match=if_match,
        )
    ).parsed
