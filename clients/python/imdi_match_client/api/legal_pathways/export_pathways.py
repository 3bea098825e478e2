import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.pathway_kind import PathwayKind
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    destination: None | str | Unset = UNSET,
    kind: None | PathwayKind | Unset = UNSET,
    origin: None | str | Unset = UNSET,
    active_on: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_destination: None | str | Unset
    if isinstance(destination, Unset):
        json_destination = UNSET
    else:
        json_destination = destination
    params["destination"] = json_destination

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, PathwayKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_origin: None | str | Unset
    if isinstance(origin, Unset):
        json_origin = UNSET
    else:
        json_origin = origin
    params["origin"] = json_origin

    json_active_on: None | str | Unset
    if isinstance(active_on, Unset):
        json_active_on = UNSET
    elif isinstance(active_on, datetime.date):
        json_active_on = active_on.isoformat()
    else:
        json_active_on = active_on
    params["active_on"] = json_active_on

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/pathways.csv",
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
    destination: None | str | Unset = UNSET,
    kind: None | PathwayKind | Unset = UNSET,
    origin: None | str | Unset = UNSET,
    active_on: datetime.date | None | Unset = UNSET,
) -> Response[Problem | str]:
    """Download the legal pathways as CSV

     Every pathway GET /api/v1/pathways would list with the same filters, unpaged, by code.
    Columns, named as the JSON fields: code, name, destination_country, kind,
    origin_countries, occupations, excluded_occupations, sectors (lists joined with ";"),
    min_isced, languages (each `language:min_level`, joined with ";", e.g. "de:B1;en:B2"),
    min_experience_years, wage_threshold_amount, wage_threshold_currency,
    wage_threshold_period (`wage_threshold` flattened), contract_types (";"),
    max_contract_months, annual_quota, government_to_government and requires_employer_pays
    (true/false), valid_from, valid_to, source, id, version, created_at, updated_at (RFC 3339,
    UTC), quota_usage_year, quota_usage_quota, quota_usage_used, quota_usage_remaining (this
    year's `quota_usage`); an empty cell is null.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        destination (None | str | Unset): pathways into this destination country (ISO 3166-1
            alpha-2)
        kind (None | PathwayKind | Unset): pathways of this kind
        origin (None | str | Unset): pathways open to this origin country (ISO 3166-1 alpha-2), or
            to any origin
        active_on (datetime.date | None | Unset): pathways in force on this date (ISO 8601)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        destination=destination,
        kind=kind,
        origin=origin,
        active_on=active_on,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    destination: None | str | Unset = UNSET,
    kind: None | PathwayKind | Unset = UNSET,
    origin: None | str | Unset = UNSET,
    active_on: datetime.date | None | Unset = UNSET,
) -> Problem | str | None:
    """Download the legal pathways as CSV

     Every pathway GET /api/v1/pathways would list with the same filters, unpaged, by code.
    Columns, named as the JSON fields: code, name, destination_country, kind,
    origin_countries, occupations, excluded_occupations, sectors (lists joined with ";"),
    min_isced, languages (each `language:min_level`, joined with ";", e.g. "de:B1;en:B2"),
    min_experience_years, wage_threshold_amount, wage_threshold_currency,
    wage_threshold_period (`wage_threshold` flattened), contract_types (";"),
    max_contract_months, annual_quota, government_to_government and requires_employer_pays
    (true/false), valid_from, valid_to, source, id, version, created_at, updated_at (RFC 3339,
    UTC), quota_usage_year, quota_usage_quota, quota_usage_used, quota_usage_remaining (this
    year's `quota_usage`); an empty cell is null.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        destination (None | str | Unset): pathways into this destination country (ISO 3166-1
            alpha-2)
        kind (None | PathwayKind | Unset): pathways of this kind
        origin (None | str | Unset): pathways open to this origin country (ISO 3166-1 alpha-2), or
            to any origin
        active_on (datetime.date | None | Unset): pathways in force on this date (ISO 8601)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        destination=destination,
        kind=kind,
        origin=origin,
        active_on=active_on,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    destination: None | str | Unset = UNSET,
    kind: None | PathwayKind | Unset = UNSET,
    origin: None | str | Unset = UNSET,
    active_on: datetime.date | None | Unset = UNSET,
) -> Response[Problem | str]:
    """Download the legal pathways as CSV

     Every pathway GET /api/v1/pathways would list with the same filters, unpaged, by code.
    Columns, named as the JSON fields: code, name, destination_country, kind,
    origin_countries, occupations, excluded_occupations, sectors (lists joined with ";"),
    min_isced, languages (each `language:min_level`, joined with ";", e.g. "de:B1;en:B2"),
    min_experience_years, wage_threshold_amount, wage_threshold_currency,
    wage_threshold_period (`wage_threshold` flattened), contract_types (";"),
    max_contract_months, annual_quota, government_to_government and requires_employer_pays
    (true/false), valid_from, valid_to, source, id, version, created_at, updated_at (RFC 3339,
    UTC), quota_usage_year, quota_usage_quota, quota_usage_used, quota_usage_remaining (this
    year's `quota_usage`); an empty cell is null.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        destination (None | str | Unset): pathways into this destination country (ISO 3166-1
            alpha-2)
        kind (None | PathwayKind | Unset): pathways of this kind
        origin (None | str | Unset): pathways open to this origin country (ISO 3166-1 alpha-2), or
            to any origin
        active_on (datetime.date | None | Unset): pathways in force on this date (ISO 8601)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        destination=destination,
        kind=kind,
        origin=origin,
        active_on=active_on,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    destination: None | str | Unset = UNSET,
    kind: None | PathwayKind | Unset = UNSET,
    origin: None | str | Unset = UNSET,
    active_on: datetime.date | None | Unset = UNSET,
) -> Problem | str | None:
    """Download the legal pathways as CSV

     Every pathway GET /api/v1/pathways would list with the same filters, unpaged, by code.
    Columns, named as the JSON fields: code, name, destination_country, kind,
    origin_countries, occupations, excluded_occupations, sectors (lists joined with ";"),
    min_isced, languages (each `language:min_level`, joined with ";", e.g. "de:B1;en:B2"),
    min_experience_years, wage_threshold_amount, wage_threshold_currency,
    wage_threshold_period (`wage_threshold` flattened), contract_types (";"),
    max_contract_months, annual_quota, government_to_government and requires_employer_pays
    (true/false), valid_from, valid_to, source, id, version, created_at, updated_at (RFC 3339,
    UTC), quota_usage_year, quota_usage_quota, quota_usage_used, quota_usage_remaining (this
    year's `quota_usage`); an empty cell is null.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        destination (None | str | Unset): pathways into this destination country (ISO 3166-1
            alpha-2)
        kind (None | PathwayKind | Unset): pathways of this kind
        origin (None | str | Unset): pathways open to this origin country (ISO 3166-1 alpha-2), or
            to any origin
        active_on (datetime.date | None | Unset): pathways in force on this date (ISO 8601)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            destination=destination,
            kind=kind,
            origin=origin,
            active_on=active_on,
        )
    ).parsed
