from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.placement_out import PlacementOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    placement_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/placements/{placement_id}".format(
            placement_id=quote(str(placement_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PlacementOut | Problem | None:
    if response.status_code == 200:
        response_200 = PlacementOut.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[PlacementOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    placement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[PlacementOut | Problem]:
    """Get a placement with its moves

     The placement's counts by stage and every move recorded on it, oldest first; its version
    comes as the ETag. Another organisation's placement is a 404.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        placement_id (UUID): the placement's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlacementOut | Problem]
    """

    kwargs = _get_kwargs(
        placement_id=placement_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    placement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> PlacementOut | Problem | None:
    """Get a placement with its moves

     The placement's counts by stage and every move recorded on it, oldest first; its version
    comes as the ETag. Another organisation's placement is a 404.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        placement_id (UUID): the placement's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlacementOut | Problem
    """

    return sync_detailed(
        placement_id=placement_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    placement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[PlacementOut | Problem]:
    """Get a placement with its moves

     The placement's counts by stage and every move recorded on it, oldest first; its version
    comes as the ETag. Another organisation's placement is a 404.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        placement_id (UUID): the placement's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlacementOut | Problem]
    """

    kwargs = _get_kwargs(
        placement_id=placement_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    placement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> PlacementOut | Problem | None:
    """Get a placement with its moves

     The placement's counts by stage and every move recorded on it, oldest first; its version
    comes as the ETag. Another organisation's placement is a 404.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        placement_id (UUID): the placement's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlacementOut | Problem
    """

    return (
        await asyncio_detailed(
            placement_id=placement_id,
            client=client,
        )
    ).parsed
