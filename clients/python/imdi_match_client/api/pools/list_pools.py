from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_pools_sort_type_0 import ListPoolsSortType0
from ...models.list_pools_status_type_0 import ListPoolsStatusType0
from ...models.page_pool_out import PagePoolOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    sort: ListPoolsSortType0 | None | Unset = UNSET,
    occupation: None | str | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    origin: None | str | Unset = UNSET,
    status: ListPoolsStatusType0 | None | Unset = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_sort: None | str | Unset
    if isinstance(sort, Unset):
        json_sort = UNSET
    elif isinstance(sort, ListPoolsSortType0):
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

    json_origin: None | str | Unset
    if isinstance(origin, Unset):
        json_origin = UNSET
    else:
        json_origin = origin
    params["origin"] = json_origin

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListPoolsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_ministry_id: None | str | Unset
    if isinstance(ministry_id, Unset):
        json_ministry_id = UNSET
    elif isinstance(ministry_id, UUID):
        json_ministry_id = str(ministry_id)
    else:
        json_ministry_id = ministry_id
    params["ministry_id"] = json_ministry_id

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
        "url": "/api/v1/pools",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PagePoolOut | Problem | None:
    if response.status_code == 200:
        response_200 = PagePoolOut.from_dict(response.json())

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
) -> Response[PagePoolOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    sort: ListPoolsSortType0 | None | Unset = UNSET,
    occupation: None | str | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    origin: None | str | Unset = UNSET,
    status: ListPoolsStatusType0 | None | Unset = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PagePoolOut | Problem]:
    """List labour pools

     The pools the caller may see, newest first (ties by id) unless `sort` names another order,
    a page at a time (limit, offset; `total` counts every match): a ministry its own, officers
    and admins all. Filters combine: origin country, status, ministry, occupation (an ISCO-08
    code or prefix), sector (an ISIC Rev.4 division or section) and `q`, a text search whose
    every word must be found in the origin country, the region, the occupation, the sector or
    the external_ref. GET /api/v1/pools.csv exports the same list whole.

    **Roles:** ministry, officer, admin.

    Args:
        sort (ListPoolsSortType0 | None | Unset): order of the list: created (publication time),
            origin (country, then region), occupation (ISCO-08 code) or workers (headcount); a leading
            - sorts descending; ties by id. Default -created: newest first
        occupation (None | str | Unset): ISCO-08 code or prefix: 2 = professionals, 22 = health
            professionals, 2221 = nursing professionals
        sector (None | str | Unset): ISIC Rev.4 division (86) or section (Q)
        origin (None | str | Unset): ISO 3166-1 alpha-2 country code
        status (ListPoolsStatusType0 | None | Unset): only pools in this state
        ministry_id (None | Unset | UUID): only this ministry organisation's pools
        q (None | str | Unset): text search: every word must be found in the origin country (name
            or code), the region, the occupation (ISCO-08 title or code), the sector (ISIC Rev.4 title
            or code) or the external_ref, case-insensitively
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many items to skip: the next page starts at offset + limit
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePoolOut | Problem]
    """

    kwargs = _get_kwargs(
        sort=sort,
        occupation=occupation,
        sector=sector,
        origin=origin,
        status=status,
        ministry_id=ministry_id,
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
    sort: ListPoolsSortType0 | None | Unset = UNSET,
    occupation: None | str | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    origin: None | str | Unset = UNSET,
    status: ListPoolsStatusType0 | None | Unset = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PagePoolOut | Problem | None:
    """List labour pools

     The pools the caller may see, newest first (ties by id) unless `sort` names another order,
    a page at a time (limit, offset; `total` counts every match): a ministry its own, officers
    and admins all. Filters combine: origin country, status, ministry, occupation (an ISCO-08
    code or prefix), sector (an ISIC Rev.4 division or section) and `q`, a text search whose
    every word must be found in the origin country, the region, the occupation, the sector or
    the external_ref. GET /api/v1/pools.csv exports the same list whole.

    **Roles:** ministry, officer, admin.

    Args:
        sort (ListPoolsSortType0 | None | Unset): order of the list: created (publication time),
            origin (country, then region), occupation (ISCO-08 code) or workers (headcount); a leading
            - sorts descending; ties by id. Default -created: newest first
        occupation (None | str | Unset): ISCO-08 code or prefix: 2 = professionals, 22 = health
            professionals, 2221 = nursing professionals
        sector (None | str | Unset): ISIC Rev.4 division (86) or section (Q)
        origin (None | str | Unset): ISO 3166-1 alpha-2 country code
        status (ListPoolsStatusType0 | None | Unset): only pools in this state
        ministry_id (None | Unset | UUID): only this ministry organisation's pools
        q (None | str | Unset): text search: every word must be found in the origin country (name
            or code), the region, the occupation (ISCO-08 title or code), the sector (ISIC Rev.4 title
            or code) or the external_ref, case-insensitively
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many items to skip: the next page starts at offset + limit
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePoolOut | Problem
    """

    return sync_detailed(
        client=client,
        sort=sort,
        occupation=occupation,
        sector=sector,
        origin=origin,
        status=status,
        ministry_id=ministry_id,
        q=q,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    sort: ListPoolsSortType0 | None | Unset = UNSET,
    occupation: None | str | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    origin: None | str | Unset = UNSET,
    status: ListPoolsStatusType0 | None | Unset = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PagePoolOut | Problem]:
    """List labour pools

     The pools the caller may see, newest first (ties by id) unless `sort` names another order,
    a page at a time (limit, offset; `total` counts every match): a ministry its own, officers
    and admins all. Filters combine: origin country, status, ministry, occupation (an ISCO-08
    code or prefix), sector (an ISIC Rev.4 division or section) and `q`, a text search whose
    every word must be found in the origin country, the region, the occupation, the sector or
    the external_ref. GET /api/v1/pools.csv exports the same list whole.

    **Roles:** ministry, officer, admin.

    Args:
        sort (ListPoolsSortType0 | None | Unset): order of the list: created (publication time),
            origin (country, then region), occupation (ISCO-08 code) or workers (headcount); a leading
            - sorts descending; ties by id. Default -created: newest first
        occupation (None | str | Unset): ISCO-08 code or prefix: 2 = professionals, 22 = health
            professionals, 2221 = nursing professionals
        sector (None | str | Unset): ISIC Rev.4 division (86) or section (Q)
        origin (None | str | Unset): ISO 3166-1 alpha-2 country code
        status (ListPoolsStatusType0 | None | Unset): only pools in this state
        ministry_id (None | Unset | UUID): only this ministry organisation's pools
        q (None | str | Unset): text search: every word must be found in the origin country (name
            or code), the region, the occupation (ISCO-08 title or code), the sector (ISIC Rev.4 title
            or code) or the external_ref, case-insensitively
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many items to skip: the next page starts at offset + limit
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePoolOut | Problem]
    """

    kwargs = _get_kwargs(
        sort=sort,
        occupation=occupation,
        sector=sector,
        origin=origin,
        status=status,
        ministry_id=ministry_id,
        q=q,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    sort: ListPoolsSortType0 | None | Unset = UNSET,
    occupation: None | str | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    origin: None | str | Unset = UNSET,
    status: ListPoolsStatusType0 | None | Unset = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PagePoolOut | Problem | None:
    """List labour pools

     The pools the caller may see, newest first (ties by id) unless `sort` names another order,
    a page at a time (limit, offset; `total` counts every match): a ministry its own, officers
    and admins all. Filters combine: origin country, status, ministry, occupation (an ISCO-08
    code or prefix), sector (an ISIC Rev.4 division or section) and `q`, a text search whose
    every word must be found in the origin country, the region, the occupation, the sector or
    the external_ref. GET /api/v1/pools.csv exports the same list whole.

    **Roles:** ministry, officer, admin.

    Args:
        sort (ListPoolsSortType0 | None | Unset): order of the list: created (publication time),
            origin (country, then region), occupation (ISCO-08 code) or workers (headcount); a leading
            - sorts descending; ties by id. Default -created: newest first
        occupation (None | str | Unset): ISCO-08 code or prefix: 2 = professionals, 22 = health
            professionals, 2221 = nursing professionals
        sector (None | str | Unset): ISIC Rev.4 division (86) or section (Q)
        origin (None | str | Unset): ISO 3166-1 alpha-2 country code
        status (ListPoolsStatusType0 | None | Unset): only pools in this state
        ministry_id (None | Unset | UUID): only this ministry organisation's pools
        q (None | str | Unset): text search: every word must be found in the origin country (name
            or code), the region, the occupation (ISCO-08 title or code), the sector (ISIC Rev.4 title
            or code) or the external_ref, case-insensitively
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many items to skip: the next page starts at offset + limit
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePoolOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            sort=sort,
            occupation=occupation,
            sector=sector,
            origin=origin,
            status=status,
            ministry_id=ministry_id,
            q=q,
            limit=limit,
            offset=offset,
        )
    ).parsed
