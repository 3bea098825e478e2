from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.group_by import GroupBy
from ...models.problem import Problem
from ...models.shortage_surplus_out import ShortageSurplusOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    by: GroupBy | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_by: str | Unset = UNSET
    if not isinstance(by, Unset):
        json_by = by.value

    params["by"] = json_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/shortage-surplus",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ShortageSurplusOut | None:
    if response.status_code == 200:
        response_200 = ShortageSurplusOut.from_dict(response.json())

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
) -> Response[Problem | ShortageSurplusOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    by: GroupBy | Unset = UNSET,
) -> Response[Problem | ShortageSurplusOut]:
    """Show labour shortage and surplus

     Demand (openings of open vacancies not yet approved) against eligible supply (active pools
    with an eligible match in a related occupation, each counted once), per occupation,
    destination or origin, computed from one ranking of the live market; biggest shortage
    first (then biggest surplus, then key). Not paged: one row per group.

    **Roles:** officer, admin.

    Args:
        by (GroupBy | Unset): How shortage and surplus are grouped: by the vacancies' ISCO-08 unit
            group
            (occupation), their ISO 3166-1 destination country, or the pools' ISO 3166-1 origin
            country.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShortageSurplusOut]
    """

    kwargs = _get_kwargs(
        by=by,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    by: GroupBy | Unset = UNSET,
) -> Problem | ShortageSurplusOut | None:
    """Show labour shortage and surplus

     Demand (openings of open vacancies not yet approved) against eligible supply (active pools
    with an eligible match in a related occupation, each counted once), per occupation,
    destination or origin, computed from one ranking of the live market; biggest shortage
    first (then biggest surplus, then key). Not paged: one row per group.

    **Roles:** officer, admin.

    Args:
        by (GroupBy | Unset): How shortage and surplus are grouped: by the vacancies' ISCO-08 unit
            group
            (occupation), their ISO 3166-1 destination country, or the pools' ISO 3166-1 origin
            country.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShortageSurplusOut
    """

    return sync_detailed(
        client=client,
        by=by,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    by: GroupBy | Unset = UNSET,
) -> Response[Problem | ShortageSurplusOut]:
    """Show labour shortage and surplus

     Demand (openings of open vacancies not yet approved) against eligible supply (active pools
    with an eligible match in a related occupation, each counted once), per occupation,
    destination or origin, computed from one ranking of the live market; biggest shortage
    first (then biggest surplus, then key). Not paged: one row per group.

    **Roles:** officer, admin.

    Args:
        by (GroupBy | Unset): How shortage and surplus are grouped: by the vacancies' ISCO-08 unit
            group
            (occupation), their ISO 3166-1 destination country, or the pools' ISO 3166-1 origin
            country.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShortageSurplusOut]
    """

    kwargs = _get_kwargs(
        by=by,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    by: GroupBy | Unset = UNSET,
) -> Problem | ShortageSurplusOut | None:
    """Show labour shortage and surplus

     Demand (openings of open vacancies not yet approved) against eligible supply (active pools
    with an eligible match in a related occupation, each counted once), per occupation,
    destination or origin, computed from one ranking of the live market; biggest shortage
    first (then biggest surplus, then key). Not paged: one row per group.

    **Roles:** officer, admin.

    Args:
        by (GroupBy | Unset): How shortage and surplus are grouped: by the vacancies' ISCO-08 unit
            group
            (occupation), their ISO 3166-1 destination country, or the pools' ISO 3166-1 origin
            country.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShortageSurplusOut
    """

    return (
        await asyncio_detailed(
            client=client,
            by=by,
        )
    ).parsed
