from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    top: int | Unset = 10,
    run: None | Unset | UUID = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["top"] = top

    json_run: None | str | Unset
    if isinstance(run, Unset):
        json_run = UNSET
    elif isinstance(run, UUID):
        json_run = str(run)
    else:
        json_run = run
    params["run"] = json_run

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
    run: None | Unset | UUID = UNSET,
) -> Response[Problem | str]:
    """Download the skills gap as CSV

     The rows of GET /api/v1/analytics/skills-gap with the same `top` and `run`, in the same
    order (the JSON's `source` says where the pairs come from). Columns: occupation,
    occupation_title, skill, skill_label, matches_missing, vacancies, workers.

    **Roles:** officer, admin.

    Args:
        top (int | Unset): how many of each open vacancy's top matches to look at Default: 10.
        run (None | Unset | UUID): a batch run's id (`imdi batch-rank`): its stored pairs instead
            of ranking the live market, for the vacancies still open and pools still active of its
            scope; absent: the live ranking. A run that is unknown, did not succeed, was superseded by
            a newer run of its scope or wrote Parquet is a 422 (`unknown_batch_run`,
            `unusable_batch_run`)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        top=top,
        run=run,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    top: int | Unset = 10,
    run: None | Unset | UUID = UNSET,
) -> Problem | str | None:
    """Download the skills gap as CSV

     The rows of GET /api/v1/analytics/skills-gap with the same `top` and `run`, in the same
    order (the JSON's `source` says where the pairs come from). Columns: occupation,
    occupation_title, skill, skill_label, matches_missing, vacancies, workers.

    **Roles:** officer, admin.

    Args:
        top (int | Unset): how many of each open vacancy's top matches to look at Default: 10.
        run (None | Unset | UUID): a batch run's id (`imdi batch-rank`): its stored pairs instead
            of ranking the live market, for the vacancies still open and pools still active of its
            scope; absent: the live ranking. A run that is unknown, did not succeed, was superseded by
            a newer run of its scope or wrote Parquet is a 422 (`unknown_batch_run`,
            `unusable_batch_run`)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        top=top,
        run=run,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    top: int | Unset = 10,
    run: None | Unset | UUID = UNSET,
) -> Response[Problem | str]:
    """Download the skills gap as CSV

     The rows of GET /api/v1/analytics/skills-gap with the same `top` and `run`, in the same
    order (the JSON's `source` says where the pairs come from). Columns: occupation,
    occupation_title, skill, skill_label, matches_missing, vacancies, workers.

    **Roles:** officer, admin.

    Args:
        top (int | Unset): how many of each open vacancy's top matches to look at Default: 10.
        run (None | Unset | UUID): a batch run's id (`imdi batch-rank`): its stored pairs instead
            of ranking the live market, for the vacancies still open and pools still active of its
            scope; absent: the live ranking. A run that is unknown, did not succeed, was superseded by
            a newer run of its scope or wrote Parquet is a 422 (`unknown_batch_run`,
            `unusable_batch_run`)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        top=top,
        run=run,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    top: int | Unset = 10,
    run: None | Unset | UUID = UNSET,
) -> Problem | str | None:
    """Download the skills gap as CSV

     The rows of GET /api/v1/analytics/skills-gap with the same `top` and `run`, in the same
    order (the JSON's `source` says where the pairs come from). Columns: occupation,
    occupation_title, skill, skill_label, matches_missing, vacancies, workers.

    **Roles:** officer, admin.

    Args:
        top (int | Unset): how many of each open vacancy's top matches to look at Default: 10.
        run (None | Unset | UUID): a batch run's id (`imdi batch-rank`): its stored pairs instead
            of ranking the live market, for the vacancies still open and pools still active of its
            scope; absent: the live ranking. A run that is unknown, did not succeed, was superseded by
            a newer run of its scope or wrote Parquet is a 422 (`unknown_batch_run`,
            `unusable_batch_run`)

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
            run=run,
        )
    ).parsed
