from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_user_out import PageUserOut
from ...models.problem import Problem
from ...models.role import Role
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    organisation: None | str | Unset = UNSET,
    role: None | Role | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_organisation: None | str | Unset
    if isinstance(organisation, Unset):
        json_organisation = UNSET
    else:
        json_organisation = organisation
    params["organisation"] = json_organisation

    json_role: None | str | Unset
    if isinstance(role, Unset):
        json_role = UNSET
    elif isinstance(role, Role):
        json_role = role.value
    else:
        json_role = role
    params["role"] = json_role

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/users",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageUserOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageUserOut.from_dict(response.json())

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
) -> Response[PageUserOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    organisation: None | str | Unset = UNSET,
    role: None | Role | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageUserOut | Problem]:
    """List the users

     Every user with their organisation, sorted by email; offset pagination (`total` counts
    the matches of the filters). An unknown organisation slug lists nobody (not a 404).

    **Roles:** admin.

    Args:
        organisation (None | str | Unset): only the users of the organisation with this slug
        role (None | Role | Unset): only the users of this role
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageUserOut | Problem]
    """

    kwargs = _get_kwargs(
        organisation=organisation,
        role=role,
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
    organisation: None | str | Unset = UNSET,
    role: None | Role | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageUserOut | Problem | None:
    """List the users

     Every user with their organisation, sorted by email; offset pagination (`total` counts
    the matches of the filters). An unknown organisation slug lists nobody (not a 404).

    **Roles:** admin.

    Args:
        organisation (None | str | Unset): only the users of the organisation with this slug
        role (None | Role | Unset): only the users of this role
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageUserOut | Problem
    """

    return sync_detailed(
        client=client,
        organisation=organisation,
        role=role,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    organisation: None | str | Unset = UNSET,
    role: None | Role | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageUserOut | Problem]:
    """List the users

     Every user with their organisation, sorted by email; offset pagination (`total` counts
    the matches of the filters). An unknown organisation slug lists nobody (not a 404).

    **Roles:** admin.

    Args:
        organisation (None | str | Unset): only the users of the organisation with this slug
        role (None | Role | Unset): only the users of this role
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageUserOut | Problem]
    """

    kwargs = _get_kwargs(
        organisation=organisation,
        role=role,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    organisation: None | str | Unset = UNSET,
    role: None | Role | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageUserOut | Problem | None:
    """List the users

     Every user with their organisation, sorted by email; offset pagination (`total` counts
    the matches of the filters). An unknown organisation slug lists nobody (not a 404).

    **Roles:** admin.

    Args:
        organisation (None | str | Unset): only the users of the organisation with this slug
        role (None | Role | Unset): only the users of this role
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageUserOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            organisation=organisation,
            role=role,
            limit=limit,
            offset=offset,
        )
    ).parsed
