from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.match_out import MatchOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    match_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/matches/{match_id}".format(
            match_id=quote(str(match_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> MatchOut | Problem | None:
    if response.status_code == 200:
        response_200 = MatchOut.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[MatchOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    match_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[MatchOut | Problem]:
    """Read one match

     The pair as it stands now: scored from the live market while the vacancy is open and the
    pool active, else as it was scored when last decided (its stored history). It carries
    both sides' summaries, and `rank` is null (a rank belongs to a list). An employer reads
    the matches of its own vacancies, a ministry those of its own pools with open vacancies,
    officers and admins all.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        match_id (UUID): the match's id (the `id` a ranking lists; it is fixed by the pair)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MatchOut | Problem]
    """

    kwargs = _get_kwargs(
        match_id=match_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    match_id: UUID,
    *,
    client: AuthenticatedClient,
) -> MatchOut | Problem | None:
    """Read one match

     The pair as it stands now: scored from the live market while the vacancy is open and the
    pool active, else as it was scored when last decided (its stored history). It carries
    both sides' summaries, and `rank` is null (a rank belongs to a list). An employer reads
    the matches of its own vacancies, a ministry those of its own pools with open vacancies,
    officers and admins all.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        match_id (UUID): the match's id (the `id` a ranking lists; it is fixed by the pair)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MatchOut | Problem
    """

    return sync_detailed(
        match_id=match_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    match_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[MatchOut | Problem]:
    """Read one match

     The pair as it stands now: scored from the live market while the vacancy is open and the
    pool active, else as it was scored when last decided (its stored history). It carries
    both sides' summaries, and `rank` is null (a rank belongs to a list). An employer reads
    the matches of its own vacancies, a ministry those of its own pools with open vacancies,
    officers and admins all.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        match_id (UUID): the match's id (the `id` a ranking lists; it is fixed by the pair)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MatchOut | Problem]
    """

    kwargs = _get_kwargs(
        match_id=match_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    match_id: UUID,
    *,
    client: AuthenticatedClient,
) -> MatchOut | Problem | None:
    """Read one match

     The pair as it stands now: scored from the live market while the vacancy is open and the
    pool active, else as it was scored when last decided (its stored history). It carries
    both sides' summaries, and `rank` is null (a rank belongs to a list). An employer reads
    the matches of its own vacancies, a ministry those of its own pools with open vacancies,
    officers and admins all.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        match_id (UUID): the match's id (the `id` a ranking lists; it is fixed by the pair)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MatchOut | Problem
    """

    return (
        await asyncio_detailed(
            match_id=match_id,
            client=client,
        )
    ).parsed
