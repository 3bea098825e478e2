from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.quota_usage import QuotaUsage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    *,
    year: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_year: int | None | Unset
    if isinstance(year, Unset):
        json_year = UNSET
    else:
        json_year = year
    params["year"] = json_year

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/pathways/{code}/quota".format(
            code=quote(str(code), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[QuotaUsage] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = QuotaUsage.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Problem | list[QuotaUsage]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    year: int | None | Unset = UNSET,
) -> Response[Problem | list[QuotaUsage]]:
    """Get a pathway's quota usage

     How much of the pathway's annual quota approvals use (approvals less withdrawals and
    releases, counted on the vacancies' start year), for one year or, by default, every year
    with approvals and the current one, oldest first. A pathway without a quota shows its use
    with `quota` and `remaining` null.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        code (str): the pathway's code, e.g. DE-TRIPLE-WIN (case-insensitive)
        year (int | None | Unset): the calendar year; default: every year with approvals, and this
            one

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[QuotaUsage]]
    """

    kwargs = _get_kwargs(
        code=code,
        year=year,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient,
    year: int | None | Unset = UNSET,
) -> Problem | list[QuotaUsage] | None:
    """Get a pathway's quota usage

     How much of the pathway's annual quota approvals use (approvals less withdrawals and
    releases, counted on the vacancies' start year), for one year or, by default, every year
    with approvals and the current one, oldest first. A pathway without a quota shows its use
    with `quota` and `remaining` null.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        code (str): the pathway's code, e.g. DE-TRIPLE-WIN (case-insensitive)
        year (int | None | Unset): the calendar year; default: every year with approvals, and this
            one

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[QuotaUsage]
    """

    return sync_detailed(
        code=code,
        client=client,
        year=year,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    year: int | None | Unset = UNSET,
) -> Response[Problem | list[QuotaUsage]]:
    """Get a pathway's quota usage

     How much of the pathway's annual quota approvals use (approvals less withdrawals and
    releases, counted on the vacancies' start year), for one year or, by default, every year
    with approvals and the current one, oldest first. A pathway without a quota shows its use
    with `quota` and `remaining` null.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        code (str): the pathway's code, e.g. DE-TRIPLE-WIN (case-insensitive)
        year (int | None | Unset): the calendar year; default: every year with approvals, and this
            one

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[QuotaUsage]]
    """

    kwargs = _get_kwargs(
        code=code,
        year=year,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
    year: int | None | Unset = UNSET,
) -> Problem | list[QuotaUsage] | None:
    """Get a pathway's quota usage

     How much of the pathway's annual quota approvals use (approvals less withdrawals and
    releases, counted on the vacancies' start year), for one year or, by default, every year
    with approvals and the current one, oldest first. A pathway without a quota shows its use
    with `quota` and `remaining` null.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        code (str): the pathway's code, e.g. DE-TRIPLE-WIN (case-insensitive)
        year (int | None | Unset): the calendar year; default: every year with approvals, and this
            one

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[QuotaUsage]
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            year=year,
        )
    ).parsed
