from http import HTTPStatus
from typing import Any
from uuid import UUID

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
    run: None | Unset | UUID = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_by: str | Unset = UNSET
    if not isinstance(by, Unset):
        json_by = by.value

    params["by"] = json_by

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
    run: None | Unset | UUID = UNSET,
) -> Response[Problem | ShortageSurplusOut]:
    """Show labour shortage and surplus

     Demand (openings of open vacancies not yet approved) against eligible supply (active pools
    with an eligible match in a related occupation, each counted once), per occupation,
    destination or origin, computed from one ranking of the live market, or from the stored
    pairs of batch run `run` (its scope only; with its top k, only the pairs in each vacancy's
    top k count as supply); `source` says which, as of when. Biggest shortage first (then
    biggest surplus, then key). Not paged: one row per group.

    **Roles:** officer, admin.

    Args:
        by (GroupBy | Unset): How shortage and surplus are grouped: by the vacancies' ISCO-08 unit
            group
            (occupation), their ISO 3166-1 destination country, or the pools' ISO 3166-1 origin
            country.
        run (None | Unset | UUID): a batch run's id (`imdi batch-rank`): its stored pairs instead
            of ranking the live market, for the vacancies still open and pools still active of its
            scope; absent: the live ranking. A run that is unknown, did not succeed, was superseded by
            a newer run of its scope or wrote Parquet is a 422 (`unknown_batch_run`,
            `unusable_batch_run`)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShortageSurplusOut]
    """

    kwargs = _get_kwargs(
        by=by,
        run=run,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    by: GroupBy | Unset = UNSET,
    run: None | Unset | UUID = UNSET,
) -> Problem | ShortageSurplusOut | None:
    """Show labour shortage and surplus

     Demand (openings of open vacancies not yet approved) against eligible supply (active pools
    with an eligible match in a related occupation, each counted once), per occupation,
    destination or origin, computed from one ranking of the live market, or from the stored
    pairs of batch run `run` (its scope only; with its top k, only the pairs in each vacancy's
    top k count as supply); `source` says which, as of when. Biggest shortage first (then
    biggest surplus, then key). Not paged: one row per group.

    **Roles:** officer, admin.

    Args:
        by (GroupBy | Unset): How shortage and surplus are grouped: by the vacancies' ISCO-08 unit
            group
            (occupation), their ISO 3166-1 destination country, or the pools' ISO 3166-1 origin
            country.
        run (None | Unset | UUID): a batch run's id (`imdi batch-rank`): its stored pairs instead
            of ranking the live market, for the vacancies still open and pools still active of its
            scope; absent: the live ranking. A run that is unknown, did not succeed, was superseded by
            a newer run of its scope or wrote Parquet is a 422 (`unknown_batch_run`,
            `unusable_batch_run`)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShortageSurplusOut
    """

    return sync_detailed(
        client=client,
        by=by,
        run=run,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    by: GroupBy | Unset = UNSET,
    run: None | Unset | UUID = UNSET,
) -> Response[Problem | ShortageSurplusOut]:
    """Show labour shortage and surplus

     Demand (openings of open vacancies not yet approved) against eligible supply (active pools
    with an eligible match in a related occupation, each counted once), per occupation,
    destination or origin, computed from one ranking of the live market, or from the stored
    pairs of batch run `run` (its scope only; with its top k, only the pairs in each vacancy's
    top k count as supply); `source` says which, as of when. Biggest shortage first (then
    biggest surplus, then key). Not paged: one row per group.

    **Roles:** officer, admin.

    Args:
        by (GroupBy | Unset): How shortage and surplus are grouped: by the vacancies' ISCO-08 unit
            group
            (occupation), their ISO 3166-1 destination country, or the pools' ISO 3166-1 origin
            country.
        run (None | Unset | UUID): a batch run's id (`imdi batch-rank`): its stored pairs instead
            of ranking the live market, for the vacancies still open and pools still active of its
            scope; absent: the live ranking. A run that is unknown, did not succeed, was superseded by
            a newer run of its scope or wrote Parquet is a 422 (`unknown_batch_run`,
            `unusable_batch_run`)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShortageSurplusOut]
    """

    kwargs = _get_kwargs(
        by=by,
        run=run,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    by: GroupBy | Unset = UNSET,
    run: None | Unset | UUID = UNSET,
) -> Problem | ShortageSurplusOut | None:
    """Show labour shortage and surplus

     Demand (openings of open vacancies not yet approved) against eligible supply (active pools
    with an eligible match in a related occupation, each counted once), per occupation,
    destination or origin, computed from one ranking of the live market, or from the stored
    pairs of batch run `run` (its scope only; with its top k, only the pairs in each vacancy's
    top k count as supply); `source` says which, as of when. Biggest shortage first (then
    biggest surplus, then key). Not paged: one row per group.

    **Roles:** officer, admin.

    Args:
        by (GroupBy | Unset): How shortage and surplus are grouped: by the vacancies' ISCO-08 unit
            group
            (occupation), their ISO 3166-1 destination country, or the pools' ISO 3166-1 origin
            country.
        run (None | Unset | UUID): a batch run's id (`imdi batch-rank`): its stored pairs instead
            of ranking the live market, for the vacancies still open and pools still active of its
            scope; absent: the live ranking. A run that is unknown, did not succeed, was superseded by
            a newer run of its scope or wrote Parquet is a 422 (`unknown_batch_run`,
            `unusable_batch_run`)

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
            run=run,
        )
    ).parsed
