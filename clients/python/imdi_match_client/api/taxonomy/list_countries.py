from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.country_out import CountryOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/taxonomy/countries",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[CountryOut] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = CountryOut.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Problem | list[CountryOut]]:
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
) -> Response[Problem | list[CountryOut]]:
    """List ISO 3166-1 countries

     Every country of ISO 3166-1, sorted by alpha-2 code, with whether it is on the WHO health
    workforce support and safeguards list; not paged (about 250). Public: no API key needed.

    Args:
        q (None | str | Unset): text in the name (case-insensitive), or an exact ISO 3166-1
            alpha-2 or alpha-3 code

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[CountryOut]]
    """

    kwargs = _get_kwargs(
        q=q,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
) -> Problem | list[CountryOut] | None:
    """List ISO 3166-1 countries

     Every country of ISO 3166-1, sorted by alpha-2 code, with whether it is on the WHO health
    workforce support and safeguards list; not paged (about 250). Public: no API key needed.

    Args:
        q (None | str | Unset): text in the name (case-insensitive), or an exact ISO 3166-1
            alpha-2 or alpha-3 code

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[CountryOut]
    """

    return sync_detailed(
        client=client,
        q=q,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
) -> Response[Problem | list[CountryOut]]:
    """List ISO 3166-1 countries

     Every country of ISO 3166-1, sorted by alpha-2 code, with whether it is on the WHO health
    workforce support and safeguards list; not paged (about 250). Public: no API key needed.

    Args:
        q (None | str | Unset): text in the name (case-insensitive), or an exact ISO 3166-1
            alpha-2 or alpha-3 code

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[CountryOut]]
    """

    kwargs = _get_kwargs(
        q=q,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
) -> Problem | list[CountryOut] | None:
    """List ISO 3166-1 countries

     Every country of ISO 3166-1, sorted by alpha-2 code, with whether it is on the WHO health
    workforce support and safeguards list; not paged (about 250). Public: no API key needed.

    Args:
        q (None | str | Unset): text in the name (case-insensitive), or an exact ISO 3166-1
            alpha-2 or alpha-3 code

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[CountryOut]
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
        )
    ).parsed
