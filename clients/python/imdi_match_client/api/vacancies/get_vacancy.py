from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.vacancy_out import VacancyOut
from ...types import Response


def _get_kwargs(
    vacancy_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/vacancies/{vacancy_id}".format(
            vacancy_id=quote(str(vacancy_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | VacancyOut | None:
    if response.status_code == 200:
        response_200 = VacancyOut.from_dict(response.json())

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
) -> Response[Problem | VacancyOut]:
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
) -> Response[Problem | VacancyOut]:
    """Read a vacancy

     One vacancy with its skills and languages; the ETag header is its version, for If-Match
    on the next update. A vacancy the caller may not see (another employer's, or a ministry
    asking for one that is not open) is a 404.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        vacancy_id (UUID): the vacancy's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VacancyOut]
    """

    kwargs = _get_kwargs(
        vacancy_id=vacancy_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    vacancy_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | VacancyOut | None:
    """Read a vacancy

     One vacancy with its skills and languages; the ETag header is its version, for If-Match
    on the next update. A vacancy the caller may not see (another employer's, or a ministry
    asking for one that is not open) is a 404.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        vacancy_id (UUID): the vacancy's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VacancyOut
    """

    return sync_detailed(
        vacancy_id=vacancy_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    vacancy_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | VacancyOut]:
    """Read a vacancy

     One vacancy with its skills and languages; the ETag header is its version, for If-Match
    on the next update. A vacancy the caller may not see (another employer's, or a ministry
    asking for one that is not open) is a 404.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        vacancy_id (UUID): the vacancy's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VacancyOut]
    """

    kwargs = _get_kwargs(
        vacancy_id=vacancy_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    vacancy_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | VacancyOut | None:
    """Read a vacancy

     One vacancy with its skills and languages; the ETag header is its version, for If-Match
    on the next update. A vacancy the caller may not see (another employer's, or a ministry
    asking for one that is not open) is a 404.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        vacancy_id (UUID): the vacancy's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VacancyOut
    """

    return (
        await asyncio_detailed(
            vacancy_id=vacancy_id,
            client=client,
        )
    ).parsed
