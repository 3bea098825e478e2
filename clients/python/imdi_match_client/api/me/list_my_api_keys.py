from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_api_key_out import PageApiKeyOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    include_revoked: bool | Unset = True,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["include_revoked"] = include_revoked

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/me/keys",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageApiKeyOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageApiKeyOut.from_dict(response.json())

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
) -> Response[PageApiKeyOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    include_revoked: bool | Unset = True,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageApiKeyOut | Problem]:
    """List my API keys

     The keys of the user the calling key acts as (the calling key among them), newest first
    (ties by id); offset pagination. Never the keys themselves: their prefix.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        include_revoked (bool | Unset): whether revoked keys are listed too (false: only unrevoked
            ones) Default: True.
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageApiKeyOut | Problem]
    """

    kwargs = _get_kwargs(
        include_revoked=include_revoked,
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
    include_revoked: bool | Unset = True,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageApiKeyOut | Problem | None:
    """List my API keys

     The keys of the user the calling key acts as (the calling key among them), newest first
    (ties by id); offset pagination. Never the keys themselves: their prefix.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        include_revoked (bool | Unset): whether revoked keys are listed too (false: only unrevoked
            ones) Default: True.
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageApiKeyOut | Problem
    """

    return sync_detailed(
        client=client,
        include_revoked=include_revoked,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    include_revoked: bool | Unset = True,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageApiKeyOut | Problem]:
    """List my API keys

     The keys of the user the calling key acts as (the calling key among them), newest first
    (ties by id); offset pagination. Never the keys themselves: their prefix.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        include_revoked (bool | Unset): whether revoked keys are listed too (false: only unrevoked
            ones) Default: True.
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageApiKeyOut | Problem]
    """

    kwargs = _get_kwargs(
        include_revoked=include_revoked,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    include_revoked: bool | Unset = True,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageApiKeyOut | Problem | None:
    """List my API keys

     The keys of the user the calling key acts as (the calling key among them), newest first
    (ties by id); offset pagination. Never the keys themselves: their prefix.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        include_revoked (bool | Unset): whether revoked keys are listed too (false: only unrevoked
            ones) Default: True.
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageApiKeyOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            include_revoked=include_revoked,
            limit=limit,
            offset=offset,
        )
    ).parsed
