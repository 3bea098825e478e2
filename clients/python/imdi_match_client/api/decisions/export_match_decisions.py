from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    match_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/matches/{match_id}/decisions.csv".format(
            match_id=quote(str(match_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
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
) -> Response[Problem | str]:
    """Download a match's decision history as CSV

     The rows of GET /api/v1/matches/{match_id}/decisions, oldest first, one per decision, with
    the same access rules (an employer for its vacancies' matches, a ministry for its pools',
    officers for all; another organisation's match is a 404). Columns, named as the JSON
    fields: id, match_id, vacancy_id, pool_id, officer_id, decision, note, headcount,
    pathway_code, quota_year, created_at (RFC 3339, UTC); an empty cell is null.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        match_id (UUID): the match's id (as GET /api/v1/vacancies/{id}/matches lists it)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
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
) -> Problem | str | None:
    """Download a match's decision history as CSV

     The rows of GET /api/v1/matches/{match_id}/decisions, oldest first, one per decision, with
    the same access rules (an employer for its vacancies' matches, a ministry for its pools',
    officers for all; another organisation's match is a 404). Columns, named as the JSON
    fields: id, match_id, vacancy_id, pool_id, officer_id, decision, note, headcount,
    pathway_code, quota_year, created_at (RFC 3339, UTC); an empty cell is null.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        match_id (UUID): the match's id (as GET /api/v1/vacancies/{id}/matches lists it)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        match_id=match_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    match_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | str]:
    """Download a match's decision history as CSV

     The rows of GET /api/v1/matches/{match_id}/decisions, oldest first, one per decision, with
    the same access rules (an employer for its vacancies' matches, a ministry for its pools',
    officers for all; another organisation's match is a 404). Columns, named as the JSON
    fields: id, match_id, vacancy_id, pool_id, officer_id, decision, note, headcount,
    pathway_code, quota_year, created_at (RFC 3339, UTC); an empty cell is null.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        match_id (UUID): the match's id (as GET /api/v1/vacancies/{id}/matches lists it)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
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
) -> Problem | str | None:
    """Download a match's decision history as CSV

     The rows of GET /api/v1/matches/{match_id}/decisions, oldest first, one per decision, with
    the same access rules (an employer for its vacancies' matches, a ministry for its pools',
    officers for all; another organisation's match is a 404). Columns, named as the JSON
    fields: id, match_id, vacancy_id, pool_id, officer_id, decision, note, headcount,
    pathway_code, quota_year, created_at (RFC 3339, UTC); an empty cell is null.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        match_id (UUID): the match's id (as GET /api/v1/vacancies/{id}/matches lists it)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            match_id=match_id,
            client=client,
        )
    ).parsed
