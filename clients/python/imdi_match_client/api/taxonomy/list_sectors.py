from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_sectors_level_type_0 import ListSectorsLevelType0
from ...models.page_sector_ref import PageSectorRef
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    level: ListSectorsLevelType0 | None | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_level: None | str | Unset
    if isinstance(level, Unset):
        json_level = UNSET
    elif isinstance(level, ListSectorsLevelType0):
        json_level = level.value
    else:
        json_level = level
    params["level"] = json_level

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/taxonomy/sectors",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageSectorRef | Problem | None:
    if response.status_code == 200:
        response_200 = PageSectorRef.from_dict(response.json())

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
) -> Response[PageSectorRef | Problem]:
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
    level: ListSectorsLevelType0 | None | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> Response[PageSectorRef | Problem]:
    """List ISIC Rev.4 sectors

     The sections and divisions of ISIC Rev.4 (International Standard Industrial Classification
    of All Economic Activities), sections first, each by code; optionally filtered by text and
    level; offset pagination. Vacancies and pools name a division (2 digits). Public: no API
    key needed.

    Args:
        q (None | str | Unset): text in the title (case-insensitive), or an exact ISIC Rev.4 code
        level (ListSectorsLevelType0 | None | Unset): only ISIC Rev.4 sections (letters) or
            divisions (2 digits)
        limit (int | Unset): items per page, 1..200 Default: 100.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSectorRef | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        level=level,
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
    level: ListSectorsLevelType0 | None | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> PageSectorRef | Problem | None:
    """List ISIC Rev.4 sectors

     The sections and divisions of ISIC Rev.4 (International Standard Industrial Classification
    of All Economic Activities), sections first, each by code; optionally filtered by text and
    level; offset pagination. Vacancies and pools name a division (2 digits). Public: no API
    key needed.

    Args:
        q (None | str | Unset): text in the title (case-insensitive), or an exact ISIC Rev.4 code
        level (ListSectorsLevelType0 | None | Unset): only ISIC Rev.4 sections (letters) or
            divisions (2 digits)
        limit (int | Unset): items per page, 1..200 Default: 100.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSectorRef | Problem
    """

    return sync_detailed(
        client=client,
        q=q,
        level=level,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    level: ListSectorsLevelType0 | None | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> Response[PageSectorRef | Problem]:
    """List ISIC Rev.4 sectors

     The sections and divisions of ISIC Rev.4 (International Standard Industrial Classification
    of All Economic Activities), sections first, each by code; optionally filtered by text and
    level; offset pagination. Vacancies and pools name a division (2 digits). Public: no API
    key needed.

    Args:
        q (None | str | Unset): text in the title (case-insensitive), or an exact ISIC Rev.4 code
        level (ListSectorsLevelType0 | None | Unset): only ISIC Rev.4 sections (letters) or
            divisions (2 digits)
        limit (int | Unset): items per page, 1..200 Default: 100.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSectorRef | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        level=level,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    level: ListSectorsLevelType0 | None | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> PageSectorRef | Problem | None:
    """List ISIC Rev.4 sectors

     The sections and divisions of ISIC Rev.4 (International Standard Industrial Classification
    of All Economic Activities), sections first, each by code; optionally filtered by text and
    level; offset pagination. Vacancies and pools name a division (2 digits). Public: no API
    key needed.

    Args:
        q (None | str | Unset): text in the title (case-insensitive), or an exact ISIC Rev.4 code
        level (ListSectorsLevelType0 | None | Unset): only ISIC Rev.4 sections (letters) or
            divisions (2 digits)
        limit (int | Unset): items per page, 1..200 Default: 100.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSectorRef | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            level=level,
            limit=limit,
            offset=offset,
        )
    ).parsed
