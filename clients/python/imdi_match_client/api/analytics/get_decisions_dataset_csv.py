from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/decisions-dataset.csv",
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
) -> Response[Problem | str]:
    """Download the decisions dataset as CSV

     The whole dataset as one attachment (decisions-dataset.csv), streamed a page at a time (any
    size fits), in the order of the JSON pages; booleans are true/false, an empty cell is a
    JSON null. Columns (docs/datasets.md has each one's meaning): decision_id, decided_at,
    decision, match_id, vacancy_id, pool_id, employer_id, pathway_code, quota_year,
    occupation, pool_occupation, origin_country, destination_country, sector, pool_sector,
    headcount, score, score_skills, score_occupation, score_sector, score_language,
    score_education, score_experience, score_availability, eligible, eligible_headcount,
    engine_version, weights_hash, scored_at, score_is_of_this_decision, withdrawn,
    reached_selected, reached_contract_signed, reached_visa_applied, reached_visa_granted,
    reached_visa_refused, reached_departed, reached_arrived, reached_started_work,
    reached_completed_contract, reached_dropped_out, reached_left_early_abroad, released.

    **Roles:** officer, admin.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Problem | str | None:
    """Download the decisions dataset as CSV

     The whole dataset as one attachment (decisions-dataset.csv), streamed a page at a time (any
    size fits), in the order of the JSON pages; booleans are true/false, an empty cell is a
    JSON null. Columns (docs/datasets.md has each one's meaning): decision_id, decided_at,
    decision, match_id, vacancy_id, pool_id, employer_id, pathway_code, quota_year,
    occupation, pool_occupation, origin_country, destination_country, sector, pool_sector,
    headcount, score, score_skills, score_occupation, score_sector, score_language,
    score_education, score_experience, score_availability, eligible, eligible_headcount,
    engine_version, weights_hash, scored_at, score_is_of_this_decision, withdrawn,
    reached_selected, reached_contract_signed, reached_visa_applied, reached_visa_granted,
    reached_visa_refused, reached_departed, reached_arrived, reached_started_work,
    reached_completed_contract, reached_dropped_out, reached_left_early_abroad, released.

    **Roles:** officer, admin.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Problem | str]:
    """Download the decisions dataset as CSV

     The whole dataset as one attachment (decisions-dataset.csv), streamed a page at a time (any
    size fits), in the order of the JSON pages; booleans are true/false, an empty cell is a
    JSON null. Columns (docs/datasets.md has each one's meaning): decision_id, decided_at,
    decision, match_id, vacancy_id, pool_id, employer_id, pathway_code, quota_year,
    occupation, pool_occupation, origin_country, destination_country, sector, pool_sector,
    headcount, score, score_skills, score_occupation, score_sector, score_language,
    score_education, score_experience, score_availability, eligible, eligible_headcount,
    engine_version, weights_hash, scored_at, score_is_of_this_decision, withdrawn,
    reached_selected, reached_contract_signed, reached_visa_applied, reached_visa_granted,
    reached_visa_refused, reached_departed, reached_arrived, reached_started_work,
    reached_completed_contract, reached_dropped_out, reached_left_early_abroad, released.

    **Roles:** officer, admin.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Problem | str | None:
    """Download the decisions dataset as CSV

     The whole dataset as one attachment (decisions-dataset.csv), streamed a page at a time (any
    size fits), in the order of the JSON pages; booleans are true/false, an empty cell is a
    JSON null. Columns (docs/datasets.md has each one's meaning): decision_id, decided_at,
    decision, match_id, vacancy_id, pool_id, employer_id, pathway_code, quota_year,
    occupation, pool_occupation, origin_country, destination_country, sector, pool_sector,
    headcount, score, score_skills, score_occupation, score_sector, score_language,
    score_education, score_experience, score_availability, eligible, eligible_headcount,
    engine_version, weights_hash, scored_at, score_is_of_this_decision, withdrawn,
    reached_selected, reached_contract_signed, reached_visa_applied, reached_visa_granted,
    reached_visa_refused, reached_departed, reached_arrived, reached_started_work,
    reached_completed_contract, reached_dropped_out, reached_left_early_abroad, released.

    **Roles:** officer, admin.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
