from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.organisation_kind import OrganisationKind
from ...models.page_organisation_out import PageOrganisationOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: None | OrganisationKind | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, OrganisationKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/organisations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageOrganisationOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageOrganisationOut.from_dict(response.json())

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
) -> Response[PageOrganisationOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: None | OrganisationKind | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageOrganisationOut | Problem]:
    """List the organisations

     Every organisation (employers, ministries, agencies), sorted by slug; offset pagination
    (`total` counts them all), optionally only one kind.

    **Roles:** admin.

    Args:
        kind (None | OrganisationKind | Unset): only organisations of this kind
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageOrganisationOut | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
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
    kind: None | OrganisationKind | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageOrganisationOut | Problem | None:
    """List the organisations

     Every organisation (employers, ministries, agencies), sorted by slug; offset pagination
    (`total` counts them all), optionally only one kind.

    **Roles:** admin.

    Args:
        kind (None | OrganisationKind | Unset): only organisations of this kind
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageOrganisationOut | Problem
    """

    return sync_detailed(
        client=client,
        kind=kind,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: None | OrganisationKind | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageOrganisationOut | Problem]:
    """List the organisations

     Every organisation (employers, ministries, agencies), sorted by slug; offset pagination
    (`total` counts them all), optionally only one kind.

    **Roles:** admin.

    Args:
        kind (None | OrganisationKind | Unset): only organisations of this kind
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageOrganisationOut | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    kind: None | OrganisationKind | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageOrganisationOut | Problem | None:
    """List the organisations

     Every organisation (employers, ministries, agencies), sorted by slug; offset pagination
    (`total` counts them all), optionally only one kind.

    **Roles:** admin.

    Args:
        kind (None | OrganisationKind | Unset): only organisations of this kind
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageOrganisationOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            limit=limit,
            offset=offset,
        )
    ).parsed
