from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.esco_occupation_out import EscoOccupationOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    uri: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/taxonomy/esco/occupations/{uri}".format(
            uri=quote(str(uri), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EscoOccupationOut | Problem | None:
    if response.status_code == 200:
        response_200 = EscoOccupationOut.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[EscoOccupationOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    uri: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[EscoOccupationOut | Problem]:
    """Show an ESCO occupation

     An ESCO occupation by URI, with its skills (essential first, then by label). An unknown
    URI is a 404. Public: no API key needed.

    Args:
        uri (str): an ESCO occupation URI, written as is
            (http://data.europa.eu/esco/occupation/...)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EscoOccupationOut | Problem]
    """

    kwargs = _get_kwargs(
        uri=uri,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    uri: str,
    *,
    client: AuthenticatedClient | Client,
) -> EscoOccupationOut | Problem | None:
    """Show an ESCO occupation

     An ESCO occupation by URI, with its skills (essential first, then by label). An unknown
    URI is a 404. Public: no API key needed.

    Args:
        uri (str): an ESCO occupation URI, written as is
            (http://data.europa.eu/esco/occupation/...)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EscoOccupationOut | Problem
    """

    return sync_detailed(
        uri=uri,
        client=client,
    ).parsed


async def asyncio_detailed(
    uri: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[EscoOccupationOut | Problem]:
    """Show an ESCO occupation

     An ESCO occupation by URI, with its skills (essential first, then by label). An unknown
    URI is a 404. Public: no API key needed.

    Args:
        uri (str): an ESCO occupation URI, written as is
            (http://data.europa.eu/esco/occupation/...)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EscoOccupationOut | Problem]
    """

    kwargs = _get_kwargs(
        uri=uri,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uri: str,
    *,
    client: AuthenticatedClient | Client,
) -> EscoOccupationOut | Problem | None:
    """Show an ESCO occupation

     An ESCO occupation by URI, with its skills (essential first, then by label). An unknown
    URI is a 404. Public: no API key needed.

    Args:
        uri (str): an ESCO occupation URI, written as is
            (http://data.europa.eu/esco/occupation/...)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EscoOccupationOut | Problem
    """

    return (
        await asyncio_detailed(
            uri=uri,
            client=client,
        )
    ).parsed
