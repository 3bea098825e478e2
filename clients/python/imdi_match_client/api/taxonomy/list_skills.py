from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_skill_out import PageSkillOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    group: None | str | Unset = UNSET,
    include_groups: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_group: None | str | Unset
    if isinstance(group, Unset):
        json_group = UNSET
    else:
        json_group = group
    params["group"] = json_group

    params["include_groups"] = include_groups

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/taxonomy/skills",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageSkillOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageSkillOut.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageSkillOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    group: None | str | Unset = UNSET,
    include_groups: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageSkillOut | Problem]:
    """List skills

     The skills of the taxonomy (built-in and, after an ESCO import, ESCO's), sorted by label
    then id; optionally filtered by text and group; offset pagination. A skill's `id` is what
    vacancies and pools name it by. Public: no API key needed.

    Args:
        q (None | str | Unset): text in the label (case-insensitive), or an exact id
        group (None | str | Unset): only the direct members of this skill group (its id)
        include_groups (bool | Unset): whether skill groups are listed too (false: skills only)
            Default: False.
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSkillOut | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        group=group,
        include_groups=include_groups,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    group: None | str | Unset = UNSET,
    include_groups: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageSkillOut | Problem | None:
    """List skills

     The skills of the taxonomy (built-in and, after an ESCO import, ESCO's), sorted by label
    then id; optionally filtered by text and group; offset pagination. A skill's `id` is what
    vacancies and pools name it by. Public: no API key needed.

    Args:
        q (None | str | Unset): text in the label (case-insensitive), or an exact id
        group (None | str | Unset): only the direct members of this skill group (its id)
        include_groups (bool | Unset): whether skill groups are listed too (false: skills only)
            Default: False.
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSkillOut | Problem
    """

    return sync_detailed(
        client=client,
        q=q,
        group=group,
        include_groups=include_groups,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    group: None | str | Unset = UNSET,
    include_groups: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageSkillOut | Problem]:
    """List skills

     The skills of the taxonomy (built-in and, after an ESCO import, ESCO's), sorted by label
    then id; optionally filtered by text and group; offset pagination. A skill's `id` is what
    vacancies and pools name it by. Public: no API key needed.

    Args:
        q (None | str | Unset): text in the label (case-insensitive), or an exact id
        group (None | str | Unset): only the direct members of this skill group (its id)
        include_groups (bool | Unset): whether skill groups are listed too (false: skills only)
            Default: False.
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSkillOut | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        group=group,
        include_groups=include_groups,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    group: None | str | Unset = UNSET,
    include_groups: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageSkillOut | Problem | None:
    """List skills

     The skills of the taxonomy (built-in and, after an ESCO import, ESCO's), sorted by label
    then id; optionally filtered by text and group; offset pagination. A skill's `id` is what
    vacancies and pools name it by. Public: no API key needed.

    Args:
        q (None | str | Unset): text in the label (case-insensitive), or an exact id
        group (None | str | Unset): only the direct members of this skill group (its id)
        include_groups (bool | Unset): whether skill groups are listed too (false: skills only)
            Default: False.
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSkillOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            group=group,
            include_groups=include_groups,
            limit=limit,
            offset=offset,
        )
    ).parsed
