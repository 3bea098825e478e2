from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.taxonomy_meta import TaxonomyMeta
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/taxonomy",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TaxonomyMeta | None:
    if response.status_code == 200:
        response_200 = TaxonomyMeta.from_dict(response.json())

        return response_200

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TaxonomyMeta]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | TaxonomyMeta]:
    """List the taxonomy's sources

     The classifications the taxonomy is built from, with the attribution each licence asks
    for: ISCO-08, ISIC Rev.4, the WHO safeguards list, the ISO code lists and, after an ESCO
    import, the ESCO release(s). Public: no API key needed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TaxonomyMeta]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Problem | TaxonomyMeta | None:
    """List the taxonomy's sources

     The classifications the taxonomy is built from, with the attribution each licence asks
    for: ISCO-08, ISIC Rev.4, the WHO safeguards list, the ISO code lists and, after an ESCO
    import, the ESCO release(s). Public: no API key needed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TaxonomyMeta
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | TaxonomyMeta]:
    """List the taxonomy's sources

     The classifications the taxonomy is built from, with the attribution each licence asks
    for: ISCO-08, ISIC Rev.4, the WHO safeguards list, the ISO code lists and, after an ESCO
    import, the ESCO release(s). Public: no API key needed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TaxonomyMeta]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Problem | TaxonomyMeta | None:
    """List the taxonomy's sources

     The classifications the taxonomy is built from, with the attribution each licence asks
    for: ISCO-08, ISIC Rev.4, the WHO safeguards list, the ISO code lists and, after an ESCO
    import, the ESCO release(s). Public: no API key needed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TaxonomyMeta
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
