from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_vacancies_sort_type_0 import ListVacanciesSortType0
from ...models.list_vacancies_status_type_0 import ListVacanciesStatusType0
from ...models.page_vacancy_out import PageVacancyOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    sort: ListVacanciesSortType0 | None | Unset = UNSET,
    occupation: None | str | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    destination: None | str | Unset = UNSET,
    status: ListVacanciesStatusType0 | None | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_sort: None | str | Unset
    if isinstance(sort, Unset):
        json_sort = UNSET
    elif isinstance(sort, ListVacanciesSortType0):
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
    elif isinstance(status, ListVacanciesStatusType0):
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

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/vacancies",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageVacancyOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageVacancyOut.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageVacancyOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    sort: ListVacanciesSortType0 | None | Unset = UNSET,
    occupation: None | str | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    destination: None | str | Unset = UNSET,
    status: ListVacanciesStatusType0 | None | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageVacancyOut | Problem]:
    """List vacancies

     The vacancies the caller may see, newest first (ties by id) unless `sort` names another
    order, a page at a time (limit, offset; `total` counts every match). An employer sees its
    own organisation's, a ministry the open ones of every employer, officers and admins all.
    Filters combine: destination country, status, employer, occupation (an ISCO-08 code or
    prefix), sector (an ISIC Rev.4 division or section) and `q`, a text search whose every word
    must be found in the title, the employer's name, the destination country or the
    occupation. GET /api/v1/vacancies.csv exports the same list whole.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        sort (ListVacanciesSortType0 | None | Unset): order of the list: created (posting time),
            title, employer (name), destination, occupation, openings, start (date) or status; a
            leading - sorts descending; ties by id. Default -created: newest first
        occupation (None | str | Unset): ISCO-08 code or prefix: 2 = professionals, 22 = health
            professionals, 2221 = nursing professionals
        sector (None | str | Unset): ISIC Rev.4 division (86) or section (Q)
        destination (None | str | Unset): ISO 3166-1 alpha-2 country code
        status (ListVacanciesStatusType0 | None | Unset): only vacancies in this state (a ministry
            sees open ones only)
        employer_id (None | Unset | UUID): only this employer organisation's vacancies
        q (None | str | Unset): text search: every word must be found in the title, the employer's
            name, the destination country (name or code) or the occupation (ISCO-08 title or code),
            case-insensitively
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many items to skip: the next page starts at offset + limit
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageVacancyOut | Problem]
    """

    kwargs = _get_kwargs(
        sort=sort,
        occupation=occupation,
        sector=sector,
        destination=destination,
        status=status,
        employer_id=employer_id,
        q=q,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    sort: ListVacanciesSortType0 | None | Unset = UNSET,
    occupation: None | str | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    destination: None | str | Unset = UNSET,
    status: ListVacanciesStatusType0 | None | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageVacancyOut | Problem | None:
    """List vacancies

     The vacancies the caller may see, newest first (ties by id) unless `sort` names another
    order, a page at a time (limit, offset; `total` counts every match). An employer sees its
    own organisation's, a ministry the open ones of every employer, officers and admins all.
    Filters combine: destination country, status, employer, occupation (an ISCO-08 code or
    prefix), sector (an ISIC Rev.4 division or section) and `q`, a text search whose every word
    must be found in the title, the employer's name, the destination country or the
    occupation. GET /api/v1/vacancies.csv exports the same list whole.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        sort (ListVacanciesSortType0 | None | Unset): order of the list: created (posting time),
            title, employer (name), destination, occupation, openings, start (date) or status; a
            leading - sorts descending; ties by id. Default -created: newest first
        occupation (None | str | Unset): ISCO-08 code or prefix: 2 = professionals, 22 = health
            professionals, 2221 = nursing professionals
        sector (None | str | Unset): ISIC Rev.4 division (86) or section (Q)
        destination (None | str | Unset): ISO 3166-1 alpha-2 country code
        status (ListVacanciesStatusType0 | None | Unset): only vacancies in this state (a ministry
            sees open ones only)
        employer_id (None | Unset | UUID): only this employer organisation's vacancies
        q (None | str | Unset): text search: every word must be found in the title, the employer's
            name, the destination country (name or code) or the occupation (ISCO-08 title or code),
            case-insensitively
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many items to skip: the next page starts at offset + limit
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageVacancyOut | Problem
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
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    sort: ListVacanciesSortType0 | None | Unset = UNSET,
    occupation: None | str | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    destination: None | str | Unset = UNSET,
    status: ListVacanciesStatusType0 | None | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageVacancyOut | Problem]:
    """List vacancies

     The vacancies the caller may see, newest first (ties by id) unless `sort` names another
    order, a page at a time (limit, offset; `total` counts every match). An employer sees its
    own organisation's, a ministry the open ones of every employer, officers and admins all.
    Filters combine: destination country, status, employer, occupation (an ISCO-08 code or
    prefix), sector (an ISIC Rev.4 division or section) and `q`, a text search whose every word
    must be found in the title, the employer's name, the destination country or the
    occupation. GET /api/v1/vacancies.csv exports the same list whole.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        sort (ListVacanciesSortType0 | None | Unset): order of the list: created (posting time),
            title, employer (name), destination, occupation, openings, start (date) or status; a
            leading - sorts descending; ties by id. Default -created: newest first
        occupation (None | str | Unset): ISCO-08 code or prefix: 2 = professionals, 22 = health
            professionals, 2221 = nursing professionals
        sector (None | str | Unset): ISIC Rev.4 division (86) or section (Q)
        destination (None | str | Unset): ISO 3166-1 alpha-2 country code
        status (ListVacanciesStatusType0 | None | Unset): only vacancies in this state (a ministry
            sees open ones only)
        employer_id (None | Unset | UUID): only this employer organisation's vacancies
        q (None | str | Unset): text search: every word must be found in the title, the employer's
            name, the destination country (name or code) or the occupation (ISCO-08 title or code),
            case-insensitively
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many items to skip: the next page starts at offset + limit
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageVacancyOut | Problem]
    """

    kwargs = _get_kwargs(
        sort=sort,
        occupation=occupation,
        sector=sector,
        destination=destination,
        status=status,
        employer_id=employer_id,
        q=q,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    sort: ListVacanciesSortType0 | None | Unset = UNSET,
    occupation: None | str | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    destination: None | str | Unset = UNSET,
    status: ListVacanciesStatusType0 | None | Unset = UNSET,
    employer_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageVacancyOut | Problem | None:
    """List vacancies

     The vacancies the caller may see, newest first (ties by id) unless `sort` names another
    order, a page at a time (limit, offset; `total` counts every match). An employer sees its
    own organisation's, a ministry the open ones of every employer, officers and admins all.
    Filters combine: destination country, status, employer, occupation (an ISCO-08 code or
    prefix), sector (an ISIC Rev.4 division or section) and `q`, a text search whose every word
    must be found in the title, the employer's name, the destination country or the
    occupation. GET /api/v1/vacancies.csv exports the same list whole.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        sort (ListVacanciesSortType0 | None | Unset): order of the list: created (posting time),
            title, employer (name), destination, occupation, openings, start (date) or status; a
            leading - sorts descending; ties by id. Default -created: newest first
        occupation (None | str | Unset): ISCO-08 code or prefix: 2 = professionals, 22 = health
            professionals, 2221 = nursing professionals
        sector (None | str | Unset): ISIC Rev.4 division (86) or section (Q)
        destination (None | str | Unset): ISO 3166-1 alpha-2 country code
        status (ListVacanciesStatusType0 | None | Unset): only vacancies in this state (a ministry
            sees open ones only)
        employer_id (None | Unset | UUID): only this employer organisation's vacancies
        q (None | str | Unset): text search: every word must be found in the title, the employer's
            name, the destination country (name or code) or the occupation (ISCO-08 title or code),
            case-insensitively
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many items to skip: the next page starts at offset + limit
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageVacancyOut | Problem
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
            limit=limit,
            offset=offset,
        )
    ).parsed
