from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.user_in import UserIn
from ...models.user_out import UserOut
from ...types import Response


def _get_kwargs(
    *,
    body: UserIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/admin/users",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UserOut | None:
    if response.status_code == 201:
        response_201 = UserOut.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | UserOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: UserIn,
) -> Response[Problem | UserOut]:
    """Create a user

     A user of an existing organisation (named by slug) whose kind fits the role: employer
    users in an employer, ministry users in a ministry, officers and admins in an agency. An
    unknown organisation or a role that does not fit is a 422 naming the field. A user without
    a password can use the API only, with a key from POST /api/v1/admin/users/{user_id}/keys.
    Recorded in the audit log. Not idempotent: a repeated request answers 409 for the email
    it created.

    **Roles:** admin.

    Args:
        body (UserIn): A new user of an existing organisation. The role must fit the
            organisation's kind:
            employer users belong to an employer, ministry users to a ministry, officers and admins to
            an agency.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserOut]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: UserIn,
) -> Problem | UserOut | None:
    """Create a user

     A user of an existing organisation (named by slug) whose kind fits the role: employer
    users in an employer, ministry users in a ministry, officers and admins in an agency. An
    unknown organisation or a role that does not fit is a 422 naming the field. A user without
    a password can use the API only, with a key from POST /api/v1/admin/users/{user_id}/keys.
    Recorded in the audit log. Not idempotent: a repeated request answers 409 for the email
    it created.

    **Roles:** admin.

    Args:
        body (UserIn): A new user of an existing organisation. The role must fit the
            organisation's kind:
            employer users belong to an employer, ministry users to a ministry, officers and admins to
            an agency.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserOut
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: UserIn,
) -> Response[Problem | UserOut]:
    """Create a user

     A user of an existing organisation (named by slug) whose kind fits the role: employer
    users in an employer, ministry users in a ministry, officers and admins in an agency. An
    unknown organisation or a role that does not fit is a 422 naming the field. A user without
    a password can use the API only, with a key from POST /api/v1/admin/users/{user_id}/keys.
    Recorded in the audit log. Not idempotent: a repeated request answers 409 for the email
    it created.

    **Roles:** admin.

    Args:
        body (UserIn): A new user of an existing organisation. The role must fit the
            organisation's kind:
            employer users belong to an employer, ministry users to a ministry, officers and admins to
            an agency.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserOut]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: UserIn,
) -> Problem | UserOut | None:
    """Create a user

     A user of an existing organisation (named by slug) whose kind fits the role: employer
    users in an employer, ministry users in a ministry, officers and admins in an agency. An
    unknown organisation or a role that does not fit is a 422 naming the field. A user without
    a password can use the API only, with a key from POST /api/v1/admin/users/{user_id}/keys.
    Recorded in the audit log. Not idempotent: a repeated request answers 409 for the email
    it created.

    **Roles:** admin.

    Args:
        body (UserIn): A new user of an existing organisation. The role must fit the
            organisation's kind:
            employer users belong to an employer, ministry users to a ministry, officers and admins to
            an agency.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
