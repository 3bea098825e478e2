from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.decision_kind import DecisionKind
from ...models.decision_page import DecisionPage
from ...models.list_decisions_sort_type_0 import ListDecisionsSortType0
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort: ListDecisionsSortType0 | None | Unset = UNSET,
    vacancy_id: None | Unset | UUID = UNSET,
    pool_id: None | Unset | UUID = UNSET,
    decision: DecisionKind | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    json_sort: None | str | Unset
    if isinstance(sort, Unset):
        json_sort = UNSET
    elif isinstance(sort, ListDecisionsSortType0):
        json_sort = sort.value
    else:
        json_sort = sort
    params["sort"] = json_sort

    json_vacancy_id: None | str | Unset
    if isinstance(vacancy_id, Unset):
        json_vacancy_id = UNSET
    elif isinstance(vacancy_id, UUID):
        json_vacancy_id = str(vacancy_id)
    else:
        json_vacancy_id = vacancy_id
    params["vacancy_id"] = json_vacancy_id

    json_pool_id: None | str | Unset
    if isinstance(pool_id, Unset):
        json_pool_id = UNSET
    elif isinstance(pool_id, UUID):
        json_pool_id = str(pool_id)
    else:
        json_pool_id = pool_id
    params["pool_id"] = json_pool_id

    json_decision: None | str | Unset
    if isinstance(decision, Unset):
        json_decision = UNSET
    elif isinstance(decision, DecisionKind):
        json_decision = decision.value
    else:
        json_decision = decision
    params["decision"] = json_decision

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/decisions",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DecisionPage | Problem | None:
    if response.status_code == 200:
        response_200 = DecisionPage.from_dict(response.json())

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
) -> Response[DecisionPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort: ListDecisionsSortType0 | None | Unset = UNSET,
    vacancy_id: None | Unset | UUID = UNSET,
    pool_id: None | Unset | UUID = UNSET,
    decision: DecisionKind | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> Response[DecisionPage | Problem]:
    """List decisions

     The decisions the caller may read, newest first (ties by id, so that pages neither repeat
    nor skip) unless `sort` names another order: an employer those on its vacancies, a
    ministry those on its pools, officers and admins all. Filter by vacancy, pool or kind of
    decision, and search (`q`: every word in the vacancy's title or employer, the pool's
    origin, region, occupation or sector, or the note); page with limit (1..200) and
    offset. The rows include the `released` ones of placements' moves (no `decision` filter
    selects them).

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.
        sort (ListDecisionsSortType0 | None | Unset): order of the list: when (recorded), decision
            (kind, then when) or pathway (code, quota year, kind); a leading - sorts descending; ties
            by id. Default -when: newest first
        vacancy_id (None | Unset | UUID): only decisions on matches of this vacancy
        pool_id (None | Unset | UUID): only decisions on matches of this pool
        decision (DecisionKind | None | Unset): only decisions of this kind
        q (None | str | Unset): text search: every word must be found in the vacancy's title or
            employer, the pool's origin country (name or code), region, occupation (ISCO-08 title or
            code) or sector, or the note, case-insensitively

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        sort=sort,
        vacancy_id=vacancy_id,
        pool_id=pool_id,
        decision=decision,
        q=q,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort: ListDecisionsSortType0 | None | Unset = UNSET,
    vacancy_id: None | Unset | UUID = UNSET,
    pool_id: None | Unset | UUID = UNSET,
    decision: DecisionKind | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> DecisionPage | Problem | None:
    """List decisions

     The decisions the caller may read, newest first (ties by id, so that pages neither repeat
    nor skip) unless `sort` names another order: an employer those on its vacancies, a
    ministry those on its pools, officers and admins all. Filter by vacancy, pool or kind of
    decision, and search (`q`: every word in the vacancy's title or employer, the pool's
    origin, region, occupation or sector, or the note); page with limit (1..200) and
    offset. The rows include the `released` ones of placements' moves (no `decision` filter
    selects them).

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.
        sort (ListDecisionsSortType0 | None | Unset): order of the list: when (recorded), decision
            (kind, then when) or pathway (code, quota year, kind); a leading - sorts descending; ties
            by id. Default -when: newest first
        vacancy_id (None | Unset | UUID): only decisions on matches of this vacancy
        pool_id (None | Unset | UUID): only decisions on matches of this pool
        decision (DecisionKind | None | Unset): only decisions of this kind
        q (None | str | Unset): text search: every word must be found in the vacancy's title or
            employer, the pool's origin country (name or code), region, occupation (ISCO-08 title or
            code) or sector, or the note, case-insensitively

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        sort=sort,
        vacancy_id=vacancy_id,
        pool_id=pool_id,
        decision=decision,
        q=q,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort: ListDecisionsSortType0 | None | Unset = UNSET,
    vacancy_id: None | Unset | UUID = UNSET,
    pool_id: None | Unset | UUID = UNSET,
    decision: DecisionKind | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> Response[DecisionPage | Problem]:
    """List decisions

     The decisions the caller may read, newest first (ties by id, so that pages neither repeat
    nor skip) unless `sort` names another order: an employer those on its vacancies, a
    ministry those on its pools, officers and admins all. Filter by vacancy, pool or kind of
    decision, and search (`q`: every word in the vacancy's title or employer, the pool's
    origin, region, occupation or sector, or the note); page with limit (1..200) and
    offset. The rows include the `released` ones of placements' moves (no `decision` filter
    selects them).

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.
        sort (ListDecisionsSortType0 | None | Unset): order of the list: when (recorded), decision
            (kind, then when) or pathway (code, quota year, kind); a leading - sorts descending; ties
            by id. Default -when: newest first
        vacancy_id (None | Unset | UUID): only decisions on matches of this vacancy
        pool_id (None | Unset | UUID): only decisions on matches of this pool
        decision (DecisionKind | None | Unset): only decisions of this kind
        q (None | str | Unset): text search: every word must be found in the vacancy's title or
            employer, the pool's origin country (name or code), region, occupation (ISCO-08 title or
            code) or sector, or the note, case-insensitively

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        sort=sort,
        vacancy_id=vacancy_id,
        pool_id=pool_id,
        decision=decision,
        q=q,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort: ListDecisionsSortType0 | None | Unset = UNSET,
    vacancy_id: None | Unset | UUID = UNSET,
    pool_id: None | Unset | UUID = UNSET,
    decision: DecisionKind | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> DecisionPage | Problem | None:
    """List decisions

     The decisions the caller may read, newest first (ties by id, so that pages neither repeat
    nor skip) unless `sort` names another order: an employer those on its vacancies, a
    ministry those on its pools, officers and admins all. Filter by vacancy, pool or kind of
    decision, and search (`q`: every word in the vacancy's title or employer, the pool's
    origin, region, occupation or sector, or the note); page with limit (1..200) and
    offset. The rows include the `released` ones of placements' moves (no `decision` filter
    selects them).

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        limit (int | Unset): page size, 1..200 Default: 50.
        offset (int | Unset): how many matching items to skip (offset paging) Default: 0.
        sort (ListDecisionsSortType0 | None | Unset): order of the list: when (recorded), decision
            (kind, then when) or pathway (code, quota year, kind); a leading - sorts descending; ties
            by id. Default -when: newest first
        vacancy_id (None | Unset | UUID): only decisions on matches of this vacancy
        pool_id (None | Unset | UUID): only decisions on matches of this pool
        decision (DecisionKind | None | Unset): only decisions of this kind
        q (None | str | Unset): text search: every word must be found in the vacancy's title or
            employer, the pool's origin country (name or code), region, occupation (ISCO-08 title or
            code) or sector, or the note, case-insensitively

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            sort=sort,
            vacancy_id=vacancy_id,
            pool_id=pool_id,
            decision=decision,
            q=q,
        )
    ).parsed
