from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_vacancies_sort_type_0 import ExportVacanciesSortType0
from ...models.export_vacancies_status_type_0 import ExportVacanciesStatusType0
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    sort: ExportVacanciesSortType0 | None | Unset = UNSET,
    occupation: None | str | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    destination: None | str | Unset = UNSET,
    status: ExportVacanciesStatusType0 | None | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_sort: None | str | Unset
    if isinstance(sort, Unset):
        json_sort = UNSET
    elif isinstance(sort, ExportVacanciesSortType0):
        json_sort = sort.value
    else:
        json_sort = sort
    params["sort"] = json_sort

    json_occupation: None | str | Unset
    if isinstance(occupation, Unset):
        json_occupation = UNSET
    else:
        json_occupation = occupation
    params["occupation"] = json_occupation

    json_sector: None | str | Unset
    if isinstance(sector, Unset):
        json_sector = UNSET
    else:
        json_sector = sector
    params["sector"] = json_sector

    json_destination: None | str | Unset
    if isinstance(destination, Unset):
        json_destination = UNSET
    else:
        json_destination = destination
    params["destination"] = json_destination

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ExportVacanciesStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_employer_id: None | str | Unset
    if isinstance(employer_id, Unset):
        json_employer_id = UNSET
    elif isinstance(employer_id, UUID):
        json_employer_id = str(employer_id)
    else:
        json_employer_id = employer_id
    params["employer_id"] = json_employer_id

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/vacancies.csv",
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
    sort: ExportVacanciesSortType0 | None | Unset = UNSET,
    occupation: None | str | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    destination: None | str | Unset = UNSET,
    status: ExportVacanciesStatusType0 | None | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
) -> Response[Problem | str]:
    """Export vacancies as CSV

     Every vacancy GET /api/v1/vacancies would list with the same filters, search and access
    rules, in the same order (newest first unless `sort` says), in one CSV file (no paging).
    Columns: id, employer_id, external_ref, title, description, destination_country, region,
    occupation (ISCO-08), occupation_title, occupation_coding_input, occupation_coding_code,
    occupation_coding_title, occupation_coding_confidence, esco_occupation, sector (ISIC Rev.4),
    skills (`skill:importance` joined with `;`), languages (`language:level`, with `:required`
    when required, joined with `;`), min_isced, min_experience_years, openings, wage_amount,
    wage_currency, wage_period, contract_type, contract_duration_months, start_date,
    employer_pays_fees (true/false), pathways (codes joined with `;`), status, version,
    created_at, updated_at. Empty cells are nulls.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        sort (ExportVacanciesSortType0 | None | Unset): order of the list: created (posting time),
            title, employer (name), destination, occupation, openings, start (date) or status; a
            leading - sorts descending; ties by id. Default -created: newest first
        occupation (None | str | Unset): ISCO-08 code or prefix: 2 = professionals, 22 = health
            professionals, 2221 = nursing professionals
        sector (None | str | Unset): ISIC Rev.4 division (86) or section (Q)
        destination (None | str | Unset): ISO 3166-1 alpha-2 country code
        status (ExportVacanciesStatusType0 | None | Unset): only vacancies in this state (a
            ministry sees open ones only)
        employer_id (None | Unset | UUID): only this employer organisation's vacancies
        q (None | str | Unset): text search: every word must be found in the title, the employer's
            name, the destination country (name or code) or the occupation (ISCO-08 title or code),
            case-insensitively

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        sort=sort,
        occupation=occupation,
        sector=sector,
        destination=destination,
        status=status,
        employer_id=employer_id,
        q=q,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    sort: ExportVacanciesSortType0 | None | Unset = UNSET,
    occupation: None | str | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    destination: None | str | Unset = UNSET,
    status: ExportVacanciesStatusType0 | None | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
) -> Problem | str | None:
    """Export vacancies as CSV

     Every vacancy GET /api/v1/vacancies would list with the same filters, search and access
    rules, in the same order (newest first unless `sort` says), in one CSV file (no paging).
    Columns: id, employer_id, external_ref, title, description, destination_country, region,
    occupation (ISCO-08), occupation_title, occupation_coding_input, occupation_coding_code,
    occupation_coding_title, occupation_coding_confidence, esco_occupation, sector (ISIC Rev.4),
    skills (`skill:importance` joined with `;`), languages (`language:level`, with `:required`
    when required, joined with `;`), min_isced, min_experience_years, openings, wage_amount,
    wage_currency, wage_period, contract_type, contract_duration_months, start_date,
    employer_pays_fees (true/false), pathways (codes joined with `;`), status, version,
    created_at, updated_at. Empty cells are nulls.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        sort (ExportVacanciesSortType0 | None | Unset): order of the list: created (posting time),
            title, employer (name), destination, occupation, openings, start (date) or status; a
            leading - sorts descending; ties by id. Default -created: newest first
        occupation (None | str | Unset): ISCO-08 code or prefix: 2 = professionals, 22 = health
            professionals, 2221 = nursing professionals
        sector (None | str | Unset): ISIC Rev.4 division (86) or section (Q)
        destination (None | str | Unset): ISO 3166-1 alpha-2 country code
        status (ExportVacanciesStatusType0 | None | Unset): only vacancies in this state (a
            ministry sees open ones only)
        employer_id (None | Unset | UUID): only this employer organisation's vacancies
        q (None | str | Unset): text search: every word must be found in the title, the employer's
            name, the destination country (name or code) or the occupation (ISCO-08 title or code),
            case-insensitively

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        sort=sort,
        occupation=occupation,
        sector=sector,
        destination=destination,
        status=status,
        employer_id=employer_id,
        q=q,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    sort: ExportVacanciesSortType0 | None | Unset = UNSET,
    occupation: None | str | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    destination: None | str | Unset = UNSET,
    status: ExportVacanciesStatusType0 | None | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
) -> Response[Problem | str]:
    """Export vacancies as CSV

     Every vacancy GET /api/v1/vacancies would list with the same filters, search and access
    rules, in the same order (newest first unless `sort` says), in one CSV file (no paging).
    Columns: id, employer_id, external_ref, title, description, destination_country, region,
    occupation (ISCO-08), occupation_title, occupation_coding_input, occupation_coding_code,
    occupation_coding_title, occupation_coding_confidence, esco_occupation, sector (ISIC Rev.4),
    skills (`skill:importance` joined with `;`), languages (`language:level`, with `:required`
    when required, joined with `;`), min_isced, min_experience_years, openings, wage_amount,
    wage_currency, wage_period, contract_type, contract_duration_months, start_date,
    employer_pays_fees (true/false), pathways (codes joined with `;`), status, version,
    created_at, updated_at. Empty cells are nulls.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        sort (ExportVacanciesSortType0 | None | Unset): order of the list: created (posting time),
            title, employer (name), destination, occupation, openings, start (date) or status; a
            leading - sorts descending; ties by id. Default -created: newest first
        occupation (None | str | Unset): ISCO-08 code or prefix: 2 = professionals, 22 = health
            professionals, 2221 = nursing professionals
        sector (None | str | Unset): ISIC Rev.4 division (86) or section (Q)
        destination (None | str | Unset): ISO 3166-1 alpha-2 country code
        status (ExportVacanciesStatusType0 | None | Unset): only vacancies in this state (a
            ministry sees open ones only)
        employer_id (None | Unset | UUID): only this employer organisation's vacancies
        q (None | str | Unset): text search: every word must be found in the title, the employer's
            name, the destination country (name or code) or the occupation (ISCO-08 title or code),
            case-insensitively

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        sort=sort,
        occupation=occupation,
        sector=sector,
        destination=destination,
        status=status,
        employer_id=employer_id,
        q=q,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    sort: ExportVacanciesSortType0 | None | Unset = UNSET,
    occupation: None | str | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    destination: None | str | Unset = UNSET,
    status: ExportVacanciesStatusType0 | None | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
) -> Problem | str | None:
    """Export vacancies as CSV

     Every vacancy GET /api/v1/vacancies would list with the same filters, search and access
    rules, in the same order (newest first unless `sort` says), in one CSV file (no paging).
    Columns: id, employer_id, external_ref, title, description, destination_country, region,
    occupation (ISCO-08), occupation_title, occupation_coding_input, occupation_coding_code,
    occupation_coding_title, occupation_coding_confidence, esco_occupation, sector (ISIC Rev.4),
    skills (`skill:importance` joined with `;`), languages (`language:level`, with `:required`
    when required, joined with `;`), min_isced, min_experience_years, openings, wage_amount,
    wage_currency, wage_period, contract_type, contract_duration_months, start_date,
    employer_pays_fees (true/false), pathways (codes joined with `;`), status, version,
    created_at, updated_at. Empty cells are nulls.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        sort (ExportVacanciesSortType0 | None | Unset): order of the list: created (posting time),
            title, employer (name), destination, occupation, openings, start (date) or status; a
            leading - sorts descending; ties by id. Default -created: newest first
        occupation (None | str | Unset): ISCO-08 code or prefix: 2 = professionals, 22 = health
            professionals, 2221 = nursing professionals
        sector (None | str | Unset): ISIC Rev.4 division (86) or section (Q)
        destination (None | str | Unset): ISO 3166-1 alpha-2 country code
        status (ExportVacanciesStatusType0 | None | Unset): only vacancies in this state (a
            ministry sees open ones only)
        employer_id (None | Unset | UUID): only this employer organisation's vacancies
        q (None | str | Unset): text search: every word must be found in the title, the employer's
            name, the destination country (name or code) or the occupation (ISCO-08 title or code),
            case-insensitively

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            sort=sort,
            occupation=occupation,
            sector=sector,
            destination=destination,
            status=status,
            employer_id=employer_id,
            q=q,
        )
    ).parsed
