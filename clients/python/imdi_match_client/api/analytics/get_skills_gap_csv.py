from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    top: int | Unset = 10,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["top"] = top

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/skills-gap.csv",
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    top: int | Unset = 10,
) -> Response[Problem | str]:
    """Download the skills gap as CSV

     The rows of GET /api/v1/analytics/skills-gap, in the same order. Columns: occupation,
    occupation_title, skill, skill_label, matches_missing, vacancies, workers.

    **Roles:** officer, admin.

    Args:
        top (int | Unset): how many of each open vacancy's top matches to look at Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        top=top,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    top: int | Unset = 10,
) -> Problem | str | None:
    """Download the skills gap as CSV

     The rows of GET /api/v1/analytics/skills-gap, in the same order. Columns: occupation,
    occupation_title, skill, skill_label, matches_missing, vacancies, workers.

    **Roles:** officer, admin.

    Args:
        top (int | Unset): how many of each open vacancy's top matches to look at Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        top=top,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    top: int | Unset = 10,
) -> Response[Problem | str]:
    """Download the skills gap as CSV

     The rows of GET /api/v1/analytics/skills-gap, in the same order. Columns: occupation,
    occupation_title, skill, skill_label, matches_missing, vacancies, workers.

    **Roles:** officer, admin.

    Args:
        top (int | Unset): how many of each open vacancy's top matches to look at Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        top=top,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    top: int | Unset = 10,
) -> Problem | str | None:
    """Download the skills gap as CSV

     The rows of GET /api/v1/analytics/skills-gap, in the same order. Columns: occupation,
    occupation_title, skill, skill_label, matches_missing, vacancies, workers.

    **Roles:** officer, admin.

    Args:
        top (int | Unset): how many of each open vacancy's top matches to look at Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            top=top,
        )
    ).parsed
