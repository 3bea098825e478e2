from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.outcome_by import OutcomeBy
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    by: OutcomeBy | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_by: str | Unset = UNSET
    if not isinstance(by, Unset):
        json_by = by.value

    params["by"] = json_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/outcomes.csv",
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
    by: OutcomeBy | Unset = UNSET,
) -> Response[Problem | str]:
    """Download the outcomes of placements as CSV

     The groups of GET /api/v1/analytics/outcomes, in the same order, as an attachment named
    outcomes-by-<by>.csv (the programme's totals are the sums of the counts; its rates are in
    the JSON). Columns: key, label, placements, approved, selected, contract_signed,
    visa_applied, visa_granted, visa_refused, departed, arrived, started_work,
    completed_contract, dropped_out, left_early_abroad, released, placement_rate,
    visa_refusal_rate, early_leaving_rate, median_days_to_start (an empty cell: no figure),
    flags (the outlier measures, separated by ';').

    **Roles:** officer, admin.

    Args:
        by (OutcomeBy | Unset): How outcomes are grouped: by legal pathway, by the pools' origin
            country (ISO 3166-1),
            by the vacancies' occupation (ISCO-08 unit group) or by employer organisation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        by=by,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    by: OutcomeBy | Unset = UNSET,
) -> Problem | str | None:
    """Download the outcomes of placements as CSV

     The groups of GET /api/v1/analytics/outcomes, in the same order, as an attachment named
    outcomes-by-<by>.csv (the programme's totals are the sums of the counts; its rates are in
    the JSON). Columns: key, label, placements, approved, selected, contract_signed,
    visa_applied, visa_granted, visa_refused, departed, arrived, started_work,
    completed_contract, dropped_out, left_early_abroad, released, placement_rate,
    visa_refusal_rate, early_leaving_rate, median_days_to_start (an empty cell: no figure),
    flags (the outlier measures, separated by ';').

    **Roles:** officer, admin.

    Args:
        by (OutcomeBy | Unset): How outcomes are grouped: by legal pathway, by the pools' origin
            country (ISO 3166-1),
            by the vacancies' occupation (ISCO-08 unit group) or by employer organisation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        by=by,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    by: OutcomeBy | Unset = UNSET,
) -> Response[Problem | str]:
    """Download the outcomes of placements as CSV

     The groups of GET /api/v1/analytics/outcomes, in the same order, as an attachment named
    outcomes-by-<by>.csv (the programme's totals are the sums of the counts; its rates are in
    the JSON). Columns: key, label, placements, approved, selected, contract_signed,
    visa_applied, visa_granted, visa_refused, departed, arrived, started_work,
    completed_contract, dropped_out, left_early_abroad, released, placement_rate,
    visa_refusal_rate, early_leaving_rate, median_days_to_start (an empty cell: no figure),
    flags (the outlier measures, separated by ';').

    **Roles:** officer, admin.

    Args:
        by (OutcomeBy | Unset): How outcomes are grouped: by legal pathway, by the pools' origin
            country (ISO 3166-1),
            by the vacancies' occupation (ISCO-08 unit group) or by employer organisation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        by=by,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    by: OutcomeBy | Unset = UNSET,
) -> Problem | str | None:
    """Download the outcomes of placements as CSV

     The groups of GET /api/v1/analytics/outcomes, in the same order, as an attachment named
    outcomes-by-<by>.csv (the programme's totals are the sums of the counts; its rates are in
    the JSON). Columns: key, label, placements, approved, selected, contract_signed,
    visa_applied, visa_granted, visa_refused, departed, arrived, started_work,
    completed_contract, dropped_out, left_early_abroad, released, placement_rate,
    visa_refusal_rate, early_leaving_rate, median_days_to_start (an empty cell: no figure),
    flags (the outlier measures, separated by ';').

    **Roles:** officer, admin.

    Args:
        by (OutcomeBy | Unset): How outcomes are grouped: by legal pathway, by the pools' origin
            country (ISO 3166-1),
            by the vacancies' occupation (ISCO-08 unit group) or by employer organisation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            by=by,
        )
    ).parsed
