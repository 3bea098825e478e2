from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.pool_in import PoolIn
from ...models.pool_out import PoolOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PoolIn,
    ministry_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_ministry_id: None | str | Unset
    if isinstance(ministry_id, Unset):
        json_ministry_id = UNSET
    elif isinstance(ministry_id, UUID):
        json_ministry_id = str(ministry_id)
    else:
        json_ministry_id = ministry_id
    params["ministry_id"] = json_ministry_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/pools",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PoolOut | Problem | None:
    if response.status_code == 200:
        response_200 = PoolOut.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = PoolOut.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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
    *,
    client: AuthenticatedClient,
    body: PoolIn,
    ministry_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[PoolOut | Problem]:
    """Publish a labour pool

     Publishes an aggregate of the ministry's labour supply: a new identity (ministry, origin
    country, region, occupation, sector) is a new pool (201, Location); a known one updates that
    pool with the figures sent (200, Content-Location, version + 1 even when nothing changed, a
    withdrawn pool made active again), its earlier figures kept in
    GET /api/v1/pools/{pool_id}/history. The origin must be the ministry's own country or one an
    officer allowed it (else a 422 on origin_country). The occupation may be an ISCO-08 unit
    group or a job title, coded and reported in `occupation_coding`. Send an Idempotency-Key to
    retry safely. Survey files of many pools go to POST /api/v1/uploads.

    **Roles:** ministry, admin.

    Args:
        ministry_id (None | Unset | UUID): admins only, and then required: the ministry
            organisation the pool belongs to (a ministry publishes for itself and leaves it out)
        idempotency_key (None | str | Unset): Optional; 1 to 255 visible ASCII characters, e.g. a
            UUID the client makes per request. A retry with the same key, method, path and body within
            24 hours gets the first response again (marked `Idempotent-Replayed: true`) instead of
            doing the work twice; the same key with another request is a 422; a retry while the first
            request is still running is a 409 with Retry-After. Keys belong to the caller's user.
        body (PoolIn): A labour pool to publish: how many people of one origin, region and
            occupation are
            available to work abroad, with the shares of them that have each skill and language level.
            A pool is an aggregate, never a person. Its identity is (ministry, origin country, region,
            occupation, sector): posting an identity the ministry has already updates that pool.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PoolOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        ministry_id=ministry_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: PoolIn,
    ministry_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> PoolOut | Problem | None:
    """Publish a labour pool

     Publishes an aggregate of the ministry's labour supply: a new identity (ministry, origin
    country, region, occupation, sector) is a new pool (201, Location); a known one updates that
    pool with the figures sent (200, Content-Location, version + 1 even when nothing changed, a
    withdrawn pool made active again), its earlier figures kept in
    GET /api/v1/pools/{pool_id}/history. The origin must be the ministry's own country or one an
    officer allowed it (else a 422 on origin_country). The occupation may be an ISCO-08 unit
    group or a job title, coded and reported in `occupation_coding`. Send an Idempotency-Key to
    retry safely. Survey files of many pools go to POST /api/v1/uploads.

    **Roles:** ministry, admin.

    Args:
        ministry_id (None | Unset | UUID): admins only, and then required: the ministry
            organisation the pool belongs to (a ministry publishes for itself and leaves it out)
        idempotency_key (None | str | Unset): Optional; 1 to 255 visible ASCII characters, e.g. a
            UUID the client makes per request. A retry with the same key, method, path and body within
            24 hours gets the first response again (marked `Idempotent-Replayed: true`) instead of
            doing the work twice; the same key with another request is a 422; a retry while the first
            request is still running is a 409 with Retry-After. Keys belong to the caller's user.
        body (PoolIn): A labour pool to publish: how many people of one origin, region and
            occupation are
            available to work abroad, with the shares of them that have each skill and language level.
            A pool is an aggregate, never a person. Its identity is (ministry, origin country, region,
            occupation, sector): posting an identity the ministry has already updates that pool.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PoolOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        ministry_id=ministry_id,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PoolIn,
    ministry_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[PoolOut | Problem]:
    """Publish a labour pool

     Publishes an aggregate of the ministry's labour supply: a new identity (ministry, origin
    country, region, occupation, sector) is a new pool (201, Location); a known one updates that
    pool with the figures sent (200, Content-Location, version + 1 even when nothing changed, a
    withdrawn pool made active again), its earlier figures kept in
    GET /api/v1/pools/{pool_id}/history. The origin must be the ministry's own country or one an
    officer allowed it (else a 422 on origin_country). The occupation may be an ISCO-08 unit
    group or a job title, coded and reported in `occupation_coding`. Send an Idempotency-Key to
    retry safely. Survey files of many pools go to POST /api/v1/uploads.

    **Roles:** ministry, admin.

    Args:
        ministry_id (None | Unset | UUID): admins only, and then required: the ministry
            organisation the pool belongs to (a ministry publishes for itself and leaves it out)
        idempotency_key (None | str | Unset): Optional; 1 to 255 visible ASCII characters, e.g. a
            UUID the client makes per request. A retry with the same key, method, path and body within
            24 hours gets the first response again (marked `Idempotent-Replayed: true`) instead of
            doing the work twice; the same key with another request is a 422; a retry while the first
            request is still running is a 409 with Retry-After. Keys belong to the caller's user.
        body (PoolIn): A labour pool to publish: how many people of one origin, region and
            occupation are
            available to work abroad, with the shares of them that have each skill and language level.
            A pool is an aggregate, never a person. Its identity is (ministry, origin country, region,
            occupation, sector): posting an identity the ministry has already updates that pool.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PoolOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        ministry_id=ministry_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PoolIn,
    ministry_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> PoolOut | Problem | None:
    """Publish a labour pool

     Publishes an aggregate of the ministry's labour supply: a new identity (ministry, origin
    country, region, occupation, sector) is a new pool (201, Location); a known one updates that
    pool with the figures sent (200, Content-Location, version + 1 even when nothing changed, a
    withdrawn pool made active again), its earlier figures kept in
    GET /api/v1/pools/{pool_id}/history. The origin must be the ministry's own country or one an
    officer allowed it (else a 422 on origin_country). The occupation may be an ISCO-08 unit
    group or a job title, coded and reported in `occupation_coding`. Send an Idempotency-Key to
    retry safely. Survey files of many pools go to POST /api/v1/uploads.

    **Roles:** ministry, admin.

    Args:
        ministry_id (None | Unset | UUID): admins only, and then required: the ministry
            organisation the pool belongs to (a ministry publishes for itself and leaves it out)
        idempotency_key (None | str | Unset): Optional; 1 to 255 visible ASCII characters, e.g. a
            UUID the client makes per request. A retry with the same key, method, path and body within
            24 hours gets the first response again (marked `Idempotent-Replayed: true`) instead of
            doing the work twice; the same key with another request is a 422; a retry while the first
            request is still running is a 409 with Retry-After. Keys belong to the caller's user.
        body (PoolIn): A labour pool to publish: how many people of one origin, region and
            occupation are
            available to work abroad, with the shares of them that have each skill and language level.
            A pool is an aggregate, never a person. Its identity is (ministry, origin country, region,
            occupation, sector): posting an identity the ministry has already updates that pool.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PoolOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            ministry_id=ministry_id,
            idempotency_key=idempotency_key,
        )
    ).parsed
