from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.occupation_out import OccupationOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    code: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/taxonomy/occupations/{code}".format(
            code=quote(str(code), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OccupationOut | Problem | None:
    if response.status_code == 200:
        response_200 = OccupationOut.from_dict(response.json())

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
) -> Response[OccupationOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[OccupationOut | Problem]:
    """Show an ISCO-08 occupation

     An ISCO-08 group with its parents (nearest first) and direct children; its ESCO URI after
    an ESCO import. An unknown code is a 404. Public: no API key needed.

    Args:
        code (str): an ISCO-08 code at any level: a unit group of 4 digits ("2221"), or a minor,
            sub-major or major group of 3, 2 or 1 digits ("222", "22", "2")

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OccupationOut | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient | Client,
) -> OccupationOut | Problem | None:
    """Show an ISCO-08 occupation

     An ISCO-08 group with its parents (nearest first) and direct children; its ESCO URI after
    an ESCO import. An unknown code is a 404. Public: no API key needed.

    Args:
        code (str): an ISCO-08 code at any level: a unit group of 4 digits ("2221"), or a minor,
            sub-major or major group of 3, 2 or 1 digits ("222", "22", "2")

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OccupationOut | Problem
    """

    return sync_detailed(
        code=code,
        client=client,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[OccupationOut | Problem]:
    """Show an ISCO-08 occupation

     An ISCO-08 group with its parents (nearest first) and direct children; its ESCO URI after
    an ESCO import. An unknown code is a 404. Public: no API key needed.

    Args:
        code (str): an ISCO-08 code at any level: a unit group of 4 digits ("2221"), or a minor,
            sub-major or major group of 3, 2 or 1 digits ("222", "22", "2")

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OccupationOut | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient | Client,
) -> OccupationOut | Problem | None:
    """Show an ISCO-08 occupation

     An ISCO-08 group with its parents (nearest first) and direct children; its ESCO URI after
    an ESCO import. An unknown code is a 404. Public: no API key needed.

    Args:
        code (str): an ISCO-08 code at any level: a unit group of 4 digits ("2221"), or a minor,
            sub-major or major group of 3, 2 or 1 digits ("222", "22", "2")

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OccupationOut | Problem
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
        )
    ).parsed
