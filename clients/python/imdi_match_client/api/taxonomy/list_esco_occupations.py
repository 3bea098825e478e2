from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_esco_occupation_ref import PageEscoOccupationRef
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    isco: None | str | Unset = UNSET,
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

    json_isco: None | str | Unset
    if isinstance(isco, Unset):
        json_isco = UNSET
    else:
        json_isco = isco
    params["isco"] = json_isco

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/taxonomy/esco/occupations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageEscoOccupationRef | Problem | None:
    if response.status_code == 200:
        response_200 = PageEscoOccupationRef.from_dict(response.json())

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
) -> Response[PageEscoOccupationRef | Problem]:
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
    isco: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageEscoOccupationRef | Problem]:
    """List ESCO occupations

     The ESCO occupations loaded by `imdi import-esco` (none before), sorted by label then URI;
    optionally filtered by text and ISCO-08 prefix; offset pagination. A vacancy may name one
    (esco_occupation_uri) to fix its ISCO-08 unit group. Public: no API key needed.

    Args:
        q (None | str | Unset): text in the label (case-insensitive), or an exact ESCO URI
        isco (None | str | Unset): only ESCO occupations under this ISCO-08 code prefix (1 to 4
            digits, e.g. "2221" or "22")
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageEscoOccupationRef | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        isco=isco,
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
    isco: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageEscoOccupationRef | Problem | None:
    """List ESCO occupations

     The ESCO occupations loaded by `imdi import-esco` (none before), sorted by label then URI;
    optionally filtered by text and ISCO-08 prefix; offset pagination. A vacancy may name one
    (esco_occupation_uri) to fix its ISCO-08 unit group. Public: no API key needed.

    Args:
        q (None | str | Unset): text in the label (case-insensitive), or an exact ESCO URI
        isco (None | str | Unset): only ESCO occupations under this ISCO-08 code prefix (1 to 4
            digits, e.g. "2221" or "22")
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageEscoOccupationRef | Problem
    """

    return sync_detailed(
        client=client,
        q=q,
        isco=isco,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    isco: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageEscoOccupationRef | Problem]:
    """List ESCO occupations

     The ESCO occupations loaded by `imdi import-esco` (none before), sorted by label then URI;
    optionally filtered by text and ISCO-08 prefix; offset pagination. A vacancy may name one
    (esco_occupation_uri) to fix its ISCO-08 unit group. Public: no API key needed.

    Args:
        q (None | str | Unset): text in the label (case-insensitive), or an exact ESCO URI
        isco (None | str | Unset): only ESCO occupations under this ISCO-08 code prefix (1 to 4
            digits, e.g. "2221" or "22")
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageEscoOccupationRef | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        isco=isco,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    isco: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageEscoOccupationRef | Problem | None:
    """List ESCO occupations

     The ESCO occupations loaded by `imdi import-esco` (none before), sorted by label then URI;
    optionally filtered by text and ISCO-08 prefix; offset pagination. A vacancy may name one
    (esco_occupation_uri) to fix its ISCO-08 unit group. Public: no API key needed.

    Args:
        q (None | str | Unset): text in the label (case-insensitive), or an exact ESCO URI
        isco (None | str | Unset): only ESCO occupations under this ISCO-08 code prefix (1 to 4
            digits, e.g. "2221" or "22")
        limit (int | Unset): items per page, 1..200 Default: 50.
        offset (int | Unset): items to skip: the page's start in the order Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageEscoOccupationRef | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            isco=isco,
            limit=limit,
            offset=offset,
        )
    ).parsed
