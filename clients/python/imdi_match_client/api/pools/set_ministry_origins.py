from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.origins_in import OriginsIn
from ...models.origins_out import OriginsOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    ministry_id: UUID,
    *,
    body: OriginsIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/ministries/{ministry_id}/origins".format(
            ministry_id=quote(str(ministry_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OriginsOut | Problem | None:
    if response.status_code == 200:
        response_200 = OriginsOut.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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
) -> Response[OriginsOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    ministry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OriginsIn,
) -> Response[OriginsOut | Problem]:
    """Set a ministry's extra origins

     Officers allow a ministry origins beyond its own country, replacing the earlier list (an
    empty list takes them all back; the ministry's own country is always allowed and is dropped
    from the list). The change is audited. Its published pools keep their origin; the list
    decides its next pools. An organisation that is not a ministry is a 404.

    **Roles:** officer, admin.

    Args:
        ministry_id (UUID): the ministry organisation's id
        body (OriginsIn): The origins an officer allows a ministry beyond its own country.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OriginsOut | Problem]
    """

    kwargs = _get_kwargs(
        ministry_id=ministry_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    ministry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OriginsIn,
) -> OriginsOut | Problem | None:
    """Set a ministry's extra origins

     Officers allow a ministry origins beyond its own country, replacing the earlier list (an
    empty list takes them all back; the ministry's own country is always allowed and is dropped
    from the list). The change is audited. Its published pools keep their origin; the list
    decides its next pools. An organisation that is not a ministry is a 404.

    **Roles:** officer, admin.

    Args:
        ministry_id (UUID): the ministry organisation's id
        body (OriginsIn): The origins an officer allows a ministry beyond its own country.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OriginsOut | Problem
    """

    return sync_detailed(
        ministry_id=ministry_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    ministry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OriginsIn,
) -> Response[OriginsOut | Problem]:
    """Set a ministry's extra origins

     Officers allow a ministry origins beyond its own country, replacing the earlier list (an
    empty list takes them all back; the ministry's own country is always allowed and is dropped
    from the list). The change is audited. Its published pools keep their origin; the list
    decides its next pools. An organisation that is not a ministry is a 404.

    **Roles:** officer, admin.

    Args:
        ministry_id (UUID): the ministry organisation's id
        body (OriginsIn): The origins an officer allows a ministry beyond its own country.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OriginsOut | Problem]
    """

    kwargs = _get_kwargs(
        ministry_id=ministry_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    ministry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OriginsIn,
) -> OriginsOut | Problem | None:
    """Set a ministry's extra origins

     Officers allow a ministry origins beyond its own country, replacing the earlier list (an
    empty list takes them all back; the ministry's own country is always allowed and is dropped
    from the list). The change is audited. Its published pools keep their origin; the list
    decides its next pools. An organisation that is not a ministry is a 404.

    **Roles:** officer, admin.

    Args:
        ministry_id (UUID): the ministry organisation's id
        body (OriginsIn): The origins an officer allows a ministry beyond its own country.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OriginsOut | Problem
    """

    return (
        await asyncio_detailed(
            ministry_id=ministry_id,
            client=client,
            body=body,
        )
    ).parsed
