from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_api_key_out import PageApiKeyOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    user_id: None | Unset | UUID = UNSET,
    include_revoked: bool | Unset = True,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_user_id: None | str | Unset
    if isinstance(user_id, Unset):
        json_user_id = UNSET
    elif isinstance(user_id, UUID):
        json_user_id = str(user_id)
    else:
        json_user_id = user_id
    params["user_id"] = json_user_id

    params["include_revoked"] = include_revoked

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/keys",
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
    user_id: None | Unset | UUID = UNSET,
    include_revoked: bool | Unset = True,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageApiKeyOut | Problem]:
    """List the API keys

     Every user's keys (never the keys themselves: their prefix), newest first (ties by id);
    offset pagination. An unknown user_id lists nothing (not a 404).

    **Roles:** admin.

    Args:
        user_id (None | Unset | UUID): only this user's keys
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
        user_id=user_id,
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
    user_id: None | Unset | UUID = UNSET,
    include_revoked: bool | Unset = True,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageApiKeyOut | Problem | None:
    """List the API keys

     Every user's keys (never the keys themselves: their prefix), newest first (ties by id);
    offset pagination. An unknown user_id lists nothing (not a 404).

    **Roles:** admin.

    Args:
        user_id (None | Unset | UUID): only this user's keys
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
        user_id=user_id,
        include_revoked=include_revoked,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    user_id: None | Unset | UUID = UNSET,
    include_revoked: bool | Unset = True,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageApiKeyOut | Problem]:
    """List the API keys

     Every user's keys (never the keys themselves: their prefix), newest first (ties by id);
    offset pagination. An unknown user_id lists nothing (not a 404).

    **Roles:** admin.

    Args:
        user_id (None | Unset | UUID): only this user's keys
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
        user_id=user_id,
        include_revoked=include_revoked,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    user_id: None | Unset | UUID = UNSET,
    include_revoked: bool | Unset = True,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageApiKeyOut | Problem | None:
    """List the API keys

     Every user's keys (never the keys themselves: their prefix), newest first (ties by id);
    offset pagination. An unknown user_id lists nothing (not a 404).

    **Roles:** admin.

    Args:
        user_id (None | Unset | UUID): only this user's keys
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
            user_id=user_id,
            include_revoked=include_revoked,
            limit=limit,
            offset=offset,
        )
    ).parsed
