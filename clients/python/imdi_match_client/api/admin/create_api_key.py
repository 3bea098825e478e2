from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_key_created import ApiKeyCreated
from ...models.api_key_in import ApiKeyIn
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    user_id: UUID,
    *,
    body: ApiKeyIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/admin/users/{user_id}/keys".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiKeyCreated | Problem | None:
    if response.status_code == 201:
        response_201 = ApiKeyCreated.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiKeyCreated | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ApiKeyIn,
) -> Response[ApiKeyCreated | Problem]:
    """Create an API key for a user

     A new key that acts as the user, with the user's role and organisation, until it is revoked
    or its `expires_at` passes. The answer's `key` is the key itself, shown this one time only:
    the service keeps only a digest, so store it at once (a lost key is revoked and replaced).
    A deactivated user's key works only once the user is activated again. Recorded in the
    audit log (with the key's prefix, never the key). Not idempotent: each call makes a new key.

    **Roles:** admin.

    Args:
        user_id (UUID): the user's id
        body (ApiKeyIn): A new API key for a user: a name, and optionally when it stops working.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeyCreated | Problem]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ApiKeyIn,
) -> ApiKeyCreated | Problem | None:
    """Create an API key for a user

     A new key that acts as the user, with the user's role and organisation, until it is revoked
    or its `expires_at` passes. The answer's `key` is the key itself, shown this one time only:
    the service keeps only a digest, so store it at once (a lost key is revoked and replaced).
    A deactivated user's key works only once the user is activated again. Recorded in the
    audit log (with the key's prefix, never the key). Not idempotent: each call makes a new key.

    **Roles:** admin.

    Args:
        user_id (UUID): the user's id
        body (ApiKeyIn): A new API key for a user: a name, and optionally when it stops working.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeyCreated | Problem
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ApiKeyIn,
) -> Response[ApiKeyCreated | Problem]:
    """Create an API key for a user

     A new key that acts as the user, with the user's role and organisation, until it is revoked
    or its `expires_at` passes. The answer's `key` is the key itself, shown this one time only:
    the service keeps only a digest, so store it at once (a lost key is revoked and replaced).
    A deactivated user's key works only once the user is activated again. Recorded in the
    audit log (with the key's prefix, never the key). Not idempotent: each call makes a new key.

    **Roles:** admin.

    Args:
        user_id (UUID): the user's id
        body (ApiKeyIn): A new API key for a user: a name, and optionally when it stops working.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeyCreated | Problem]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ApiKeyIn,
) -> ApiKeyCreated | Problem | None:
    """Create an API key for a user

     A new key that acts as the user, with the user's role and organisation, until it is revoked
    or its `expires_at` passes. The answer's `key` is the key itself, shown this one time only:
    the service keeps only a digest, so store it at once (a lost key is revoked and replaced).
    A deactivated user's key works only once the user is activated again. Recorded in the
    audit log (with the key's prefix, never the key). Not idempotent: each call makes a new key.

    **Roles:** admin.

    Args:
        user_id (UUID): the user's id
        body (ApiKeyIn): A new API key for a user: a name, and optionally when it stops working.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeyCreated | Problem
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            body=body,
        )
    ).parsed
