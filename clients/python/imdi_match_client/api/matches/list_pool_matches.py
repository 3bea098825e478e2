from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.match_page import MatchPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    pool_id: UUID,
    *,
    include_ineligible: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["include_ineligible"] = include_ineligible

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/pools/{pool_id}/matches".format(
            pool_id=quote(str(pool_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> MatchPage | Problem | None:
    if response.status_code == 200:
        response_200 = MatchPage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[MatchPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    pool_id: UUID,
    *,
    client: AuthenticatedClient,
    include_ineligible: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[MatchPage | Problem]:
    """List the vacancies ranked for a pool

     The pool's matches: the open vacancies whose occupation or skills relate to it, each with
    its score, components, legal verdict, explanation and the vacancy's summary. Only
    eligible pairs unless `include_ineligible`. Best first: score descending, then eligible
    headcount descending, then vacancy id ascending; the order is stable, so offset paging
    neither repeats nor skips a pair (`total`: the ranking's length). An employer sees only
    the pairs with its own vacancies (and the pool only through them). A pool that is no
    longer active lists its decided pairs with vacancies still open, as they were scored when
    last decided. Each page reflects every write committed before the request. GET
    /api/v1/pools/{pool_id}/matches.csv exports the whole ranking.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        pool_id (UUID): the pool's id
        include_ineligible (bool | Unset): also list the pairs no legal pathway admits, each with
            its `reasons` (ranked among the eligible ones by the same order, with eligible_headcount
            0) Default: False.
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many pairs of the ranking to skip (offset paging; `total` says
            how many there are) Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MatchPage | Problem]
    """

    kwargs = _get_kwargs(
        pool_id=pool_id,
        include_ineligible=include_ineligible,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    pool_id: UUID,
    *,
    client: AuthenticatedClient,
    include_ineligible: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> MatchPage | Problem | None:
    """List the vacancies ranked for a pool

     The pool's matches: the open vacancies whose occupation or skills relate to it, each with
    its score, components, legal verdict, explanation and the vacancy's summary. Only
    eligible pairs unless `include_ineligible`. Best first: score descending, then eligible
    headcount descending, then vacancy id ascending; the order is stable, so offset paging
    neither repeats nor skips a pair (`total`: the ranking's length). An employer sees only
    the pairs with its own vacancies (and the pool only through them). A pool that is no
    longer active lists its decided pairs with vacancies still open, as they were scored when
    last decided. Each page reflects every write committed before the request. GET
    /api/v1/pools/{pool_id}/matches.csv exports the whole ranking.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        pool_id (UUID): the pool's id
        include_ineligible (bool | Unset): also list the pairs no legal pathway admits, each with
            its `reasons` (ranked among the eligible ones by the same order, with eligible_headcount
            0) Default: False.
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many pairs of the ranking to skip (offset paging; `total` says
            how many there are) Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MatchPage | Problem
    """

    return sync_detailed(
        pool_id=pool_id,
        client=client,
        include_ineligible=include_ineligible,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    pool_id: UUID,
    *,
    client: AuthenticatedClient,
    include_ineligible: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[MatchPage | Problem]:
    """List the vacancies ranked for a pool

     The pool's matches: the open vacancies whose occupation or skills relate to it, each with
    its score, components, legal verdict, explanation and the vacancy's summary. Only
    eligible pairs unless `include_ineligible`. Best first: score descending, then eligible
    headcount descending, then vacancy id ascending; the order is stable, so offset paging
    neither repeats nor skips a pair (`total`: the ranking's length). An employer sees only
    the pairs with its own vacancies (and the pool only through them). A pool that is no
    longer active lists its decided pairs with vacancies still open, as they were scored when
    last decided. Each page reflects every write committed before the request. GET
    /api/v1/pools/{pool_id}/matches.csv exports the whole ranking.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        pool_id (UUID): the pool's id
        include_ineligible (bool | Unset): also list the pairs no legal pathway admits, each with
            its `reasons` (ranked among the eligible ones by the same order, with eligible_headcount
            0) Default: False.
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many pairs of the ranking to skip (offset paging; `total` says
            how many there are) Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MatchPage | Problem]
    """

    kwargs = _get_kwargs(
        pool_id=pool_id,
        include_ineligible=include_ineligible,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pool_id: UUID,
    *,
    client: AuthenticatedClient,
    include_ineligible: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> MatchPage | Problem | None:
    """List the vacancies ranked for a pool

     The pool's matches: the open vacancies whose occupation or skills relate to it, each with
    its score, components, legal verdict, explanation and the vacancy's summary. Only
    eligible pairs unless `include_ineligible`. Best first: score descending, then eligible
    headcount descending, then vacancy id ascending; the order is stable, so offset paging
    neither repeats nor skips a pair (`total`: the ranking's length). An employer sees only
    the pairs with its own vacancies (and the pool only through them). A pool that is no
    longer active lists its decided pairs with vacancies still open, as they were scored when
    last decided. Each page reflects every write committed before the request. GET
    /api/v1/pools/{pool_id}/matches.csv exports the whole ranking.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        pool_id (UUID): the pool's id
        include_ineligible (bool | Unset): also list the pairs no legal pathway admits, each with
            its `reasons` (ranked among the eligible ones by the same order, with eligible_headcount
            0) Default: False.
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many pairs of the ranking to skip (offset paging; `total` says
            how many there are) Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MatchPage | Problem
    """

    return (
        await asyncio_detailed(
            pool_id=pool_id,
            client=client,
            include_ineligible=include_ineligible,
            limit=limit,
            offset=offset,
        )
    ).parsed
