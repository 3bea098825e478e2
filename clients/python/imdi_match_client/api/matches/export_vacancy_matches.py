from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    vacancy_id: UUID,
    *,
    include_ineligible: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["include_ineligible"] = include_ineligible

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/vacancies/{vacancy_id}/matches.csv".format(
            vacancy_id=quote(str(vacancy_id), safe=""),
        ),
        "params": params,
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
    vacancy_id: UUID,
    *,
    client: AuthenticatedClient,
    include_ineligible: bool | Unset = False,
) -> Response[Problem | str]:
    """Export a vacancy's ranked pools as CSV

     Every pair GET /api/v1/vacancies/{vacancy_id}/matches would page through with the same
    `include_ineligible`, in the same order (rank 1 first) and with the same access rules (a
    ministry sees only the pairs with its own pools), in one CSV file without paging. Columns,
    named as the JSON fields: rank, id, vacancy_id, pool_id, score, component_skills,
    component_occupation, component_sector, component_language, component_education,
    component_experience, component_availability (each component's score; empty when the
    component drops out), eligible (true/false), pathway, eligible_headcount, reasons (the
    reasons' codes joined with `;`), engine_version, weights_hash, computed_at (RFC 3339,
    UTC), then the pool's summary: pool_origin_country (ISO 3166-1 alpha-2), pool_region,
    pool_occupation (ISCO-08), pool_headcount, pool_isced_level (ISCED 2011),
    pool_experience_years, pool_available_from (empty: available now). Empty cells are nulls;
    the explanation is not exported (read a match for it).

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        vacancy_id (UUID): the vacancy's id
        include_ineligible (bool | Unset): also list the pairs no legal pathway admits, each with
            its `reasons` (ranked among the eligible ones by the same order, with eligible_headcount
            0) Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        vacancy_id=vacancy_id,
        include_ineligible=include_ineligible,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    vacancy_id: UUID,
    *,
    client: AuthenticatedClient,
    include_ineligible: bool | Unset = False,
) -> Problem | str | None:
    """Export a vacancy's ranked pools as CSV

     Every pair GET /api/v1/vacancies/{vacancy_id}/matches would page through with the same
    `include_ineligible`, in the same order (rank 1 first) and with the same access rules (a
    ministry sees only the pairs with its own pools), in one CSV file without paging. Columns,
    named as the JSON fields: rank, id, vacancy_id, pool_id, score, component_skills,
    component_occupation, component_sector, component_language, component_education,
    component_experience, component_availability (each component's score; empty when the
    component drops out), eligible (true/false), pathway, eligible_headcount, reasons (the
    reasons' codes joined with `;`), engine_version, weights_hash, computed_at (RFC 3339,
    UTC), then the pool's summary: pool_origin_country (ISO 3166-1 alpha-2), pool_region,
    pool_occupation (ISCO-08), pool_headcount, pool_isced_level (ISCED 2011),
    pool_experience_years, pool_available_from (empty: available now). Empty cells are nulls;
    the explanation is not exported (read a match for it).

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        vacancy_id (UUID): the vacancy's id
        include_ineligible (bool | Unset): also list the pairs no legal pathway admits, each with
            its `reasons` (ranked among the eligible ones by the same order, with eligible_headcount
            0) Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        vacancy_id=vacancy_id,
        client=client,
        include_ineligible=include_ineligible,
    ).parsed


async def asyncio_detailed(
    vacancy_id: UUID,
    *,
    client: AuthenticatedClient,
    include_ineligible: bool | Unset = False,
) -> Response[Problem | str]:
    """Export a vacancy's ranked pools as CSV

     Every pair GET /api/v1/vacancies/{vacancy_id}/matches would page through with the same
    `include_ineligible`, in the same order (rank 1 first) and with the same access rules (a
    ministry sees only the pairs with its own pools), in one CSV file without paging. Columns,
    named as the JSON fields: rank, id, vacancy_id, pool_id, score, component_skills,
    component_occupation, component_sector, component_language, component_education,
    component_experience, component_availability (each component's score; empty when the
    component drops out), eligible (true/false), pathway, eligible_headcount, reasons (the
    reasons' codes joined with `;`), engine_version, weights_hash, computed_at (RFC 3339,
    UTC), then the pool's summary: pool_origin_country (ISO 3166-1 alpha-2), pool_region,
    pool_occupation (ISCO-08), pool_headcount, pool_isced_level (ISCED 2011),
    pool_experience_years, pool_available_from (empty: available now). Empty cells are nulls;
    the explanation is not exported (read a match for it).

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        vacancy_id (UUID): the vacancy's id
        include_ineligible (bool | Unset): also list the pairs no legal pathway admits, each with
            its `reasons` (ranked among the eligible ones by the same order, with eligible_headcount
            0) Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        vacancy_id=vacancy_id,
        include_ineligible=include_ineligible,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    vacancy_id: UUID,
    *,
    client: AuthenticatedClient,
    include_ineligible: bool | Unset = False,
) -> Problem | str | None:
    """Export a vacancy's ranked pools as CSV

     Every pair GET /api/v1/vacancies/{vacancy_id}/matches would page through with the same
    `include_ineligible`, in the same order (rank 1 first) and with the same access rules (a
    ministry sees only the pairs with its own pools), in one CSV file without paging. Columns,
    named as the JSON fields: rank, id, vacancy_id, pool_id, score, component_skills,
    component_occupation, component_sector, component_language, component_education,
    component_experience, component_availability (each component's score; empty when the
    component drops out), eligible (true/false), pathway, eligible_headcount, reasons (the
    reasons' codes joined with `;`), engine_version, weights_hash, computed_at (RFC 3339,
    UTC), then the pool's summary: pool_origin_country (ISO 3166-1 alpha-2), pool_region,
    pool_occupation (ISCO-08), pool_headcount, pool_isced_level (ISCED 2011),
    pool_experience_years, pool_available_from (empty: available now). Empty cells are nulls;
    the explanation is not exported (read a match for it).

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        vacancy_id (UUID): the vacancy's id
        include_ineligible (bool | Unset): also list the pairs no legal pathway admits, each with
            its `reasons` (ranked among the eligible ones by the same order, with eligible_headcount
            0) Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            vacancy_id=vacancy_id,
            client=client,
            include_ineligible=include_ineligible,
        )
    ).parsed
