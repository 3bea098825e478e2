from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.vacancy_out import VacancyOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    vacancy_id: UUID,
    *,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/vacancies/{vacancy_id}/reopen".format(
            vacancy_id=quote(str(vacancy_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | VacancyOut | None:
    if response.status_code == 200:
        response_200 = VacancyOut.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | VacancyOut]:
    """Reopen a vacancy

     Puts a closed vacancy (or a draft) back on the market (status open): it is ranked against
    the labour pools again. If-Match is optional here; when sent, a stale version is a 409.
    Reopening an open vacancy is not an error and changes nothing.

    **Roles:** employer, admin.

    Args:
        vacancy_id (UUID): the vacancy's id
        if_match (None | str | Unset): the version you read (its ETag), as "3", W/"3" or 3; * for
            any. Required on PATCH (a 428 without it), optional on close and withdraw. A stale version
            is a 409 carrying current_version, and nothing is written

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VacancyOut]
    """

    kwargs = _get_kwargs(
        vacancy_id=vacancy_id,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    vacancy_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> Problem | VacancyOut | None:
    """Reopen a vacancy

     Puts a closed vacancy (or a draft) back on the market (status open): it is ranked against
    the labour pools again. If-Match is optional here; when sent, a stale version is a 409.
    Reopening an open vacancy is not an error and changes nothing.

    **Roles:** employer, admin.

    Args:
        vacancy_id (UUID): the vacancy's id
        if_match (None | str | Unset): the version you read (its ETag), as "3", W/"3" or 3; * for
            any. Required on PATCH (a 428 without it), optional on close and withdraw. A stale version
            is a 409 carrying current_version, and nothing is written

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VacancyOut
    """

    return sync_detailed(
        vacancy_id=vacancy_id,
        client=client,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    vacancy_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | VacancyOut]:
    """Reopen a vacancy

     Puts a closed vacancy (or a draft) back on the market (status open): it is ranked against
    the labour pools again. If-Match is optional here; when sent, a stale version is a 409.
    Reopening an open vacancy is not an error and changes nothing.

    **Roles:** employer, admin.

    Args:
        vacancy_id (UUID): the vacancy's id
        if_match (None | str | Unset): the version you read (its ETag), as "3", W/"3" or 3; * for
            any. Required on PATCH (a 428 without it), optional on close and withdraw. A stale version
            is a 409 carrying current_version, and nothing is written

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VacancyOut]
    """

    kwargs = _get_kwargs(
        vacancy_id=vacancy_id,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    vacancy_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> Problem | VacancyOut | None:
    """Reopen a vacancy

     Puts a closed vacancy (or a draft) back on the market (status open): it is ranked against
    the labour pools again. If-Match is optional here; when sent, a stale version is a 409.
    Reopening an open vacancy is not an error and changes nothing.

    **Roles:** employer, admin.

    Args:
        vacancy_id (UUID): the vacancy's id
        if_match (None | str | Unset): the version you read (its ETag), as "3", W/"3" or 3; * for
            any. Required on PATCH (a 428 without it), optional on close and withdraw. A stale version
            is a 409 carrying current_version, and nothing is written

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
            if_match=if_match,
        )
    ).parsed
