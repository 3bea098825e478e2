import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_pathway_out import PagePathwayOut
from ...models.pathway_kind import PathwayKind
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    destination: None | str | Unset = UNSET,
    kind: None | PathwayKind | Unset = UNSET,
    origin: None | str | Unset = UNSET,
    active_on: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    json_destination: None | str | Unset
    if isinstance(destination, Unset):
        json_destination = UNSET
    else:
        json_destination = destination
    params["destination"] = json_destination

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, PathwayKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_origin: None | str | Unset
    if isinstance(origin, Unset):
        json_origin = UNSET
    else:
        json_origin = origin
    params["origin"] = json_origin

    json_active_on: None | str | Unset
    if isinstance(active_on, Unset):
        json_active_on = UNSET
    elif isinstance(active_on, datetime.date):
        json_active_on = active_on.isoformat()
    else:
        json_active_on = active_on
    params["active_on"] = json_active_on

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/pathways",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PagePathwayOut | Problem | None:
    if response.status_code == 200:
        response_200 = PagePathwayOut.from_dict(response.json())

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
) -> Response[PagePathwayOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    destination: None | str | Unset = UNSET,
    kind: None | PathwayKind | Unset = UNSET,
    origin: None | str | Unset = UNSET,
    active_on: datetime.date | None | Unset = UNSET,
) -> Response[PagePathwayOut | Problem]:
    """List legal pathways

     Every pathway (all roles read them), by code; each with this calendar year's quota usage.
    Filter by destination, kind, origin (pathways open to it, or to any origin) and the date
    they are in force on; page with limit (1..200) and offset.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.
        destination (None | str | Unset): pathways into this destination country (ISO 3166-1
            alpha-2)
        kind (None | PathwayKind | Unset): pathways of this kind
        origin (None | str | Unset): pathways open to this origin country (ISO 3166-1 alpha-2), or
            to any origin
        active_on (datetime.date | None | Unset): pathways in force on this date (ISO 8601)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePathwayOut | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        destination=destination,
        kind=kind,
        origin=origin,
        active_on=active_on,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    destination: None | str | Unset = UNSET,
    kind: None | PathwayKind | Unset = UNSET,
    origin: None | str | Unset = UNSET,
    active_on: datetime.date | None | Unset = UNSET,
) -> PagePathwayOut | Problem | None:
    """List legal pathways

     Every pathway (all roles read them), by code; each with this calendar year's quota usage.
    Filter by destination, kind, origin (pathways open to it, or to any origin) and the date
    they are in force on; page with limit (1..200) and offset.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.
        destination (None | str | Unset): pathways into this destination country (ISO 3166-1
            alpha-2)
        kind (None | PathwayKind | Unset): pathways of this kind
        origin (None | str | Unset): pathways open to this origin country (ISO 3166-1 alpha-2), or
            to any origin
        active_on (datetime.date | None | Unset): pathways in force on this date (ISO 8601)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePathwayOut | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        destination=destination,
        kind=kind,
        origin=origin,
        active_on=active_on,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    destination: None | str | Unset = UNSET,
    kind: None | PathwayKind | Unset = UNSET,
    origin: None | str | Unset = UNSET,
    active_on: datetime.date | None | Unset = UNSET,
) -> Response[PagePathwayOut | Problem]:
    """List legal pathways

     Every pathway (all roles read them), by code; each with this calendar year's quota usage.
    Filter by destination, kind, origin (pathways open to it, or to any origin) and the date
    they are in force on; page with limit (1..200) and offset.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.
        destination (None | str | Unset): pathways into this destination country (ISO 3166-1
            alpha-2)
        kind (None | PathwayKind | Unset): pathways of this kind
        origin (None | str | Unset): pathways open to this origin country (ISO 3166-1 alpha-2), or
            to any origin
        active_on (datetime.date | None | Unset): pathways in force on this date (ISO 8601)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePathwayOut | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        destination=destination,
        kind=kind,
        origin=origin,
        active_on=active_on,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    destination: None | str | Unset = UNSET,
    kind: None | PathwayKind | Unset = UNSET,
    origin: None | str | Unset = UNSET,
    active_on: datetime.date | None | Unset = UNSET,
) -> PagePathwayOut | Problem | None:
    """List legal pathways

     Every pathway (all roles read them), by code; each with this calendar year's quota usage.
    Filter by destination, kind, origin (pathways open to it, or to any origin) and the date
    they are in force on; page with limit (1..200) and offset.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.
        destination (None | str | Unset): pathways into this destination country (ISO 3166-1
            alpha-2)
        kind (None | PathwayKind | Unset): pathways of this kind
        origin (None | str | Unset): pathways open to this origin country (ISO 3166-1 alpha-2), or
            to any origin
        active_on (datetime.date | None | Unset): pathways in force on this date (ISO 8601)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePathwayOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            destination=destination,
            kind=kind,
            origin=origin,
            active_on=active_on,
        )
    ).parsed
