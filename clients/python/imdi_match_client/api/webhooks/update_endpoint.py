from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.endpoint_out import EndpointOut
from ...models.endpoint_update import EndpointUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    endpoint_id: UUID,
    *,
    body: EndpointUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/webhooks/endpoints/{endpoint_id}".format(
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EndpointOut | Problem | None:
    if response.status_code == 200:
        response_200 = EndpointOut.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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
) -> Response[EndpointOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EndpointUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[EndpointOut | Problem]:
    """Change a webhook endpoint

     URL, events, description, or active (false pauses it: its pending deliveries wait until
    it is active again, and events while it is paused are not sent to it). Requires If-Match
    with the version read.

    **Roles:** employer, ministry, officer, admin.

    Args:
        endpoint_id (UUID): the webhook endpoint's id
        if_match (None | str | Unset): the version you read (its ETag), as "3", W/"3" or 3; * for
            any. Required on PATCH (a 428 without it), optional on close and withdraw. A stale version
            is a 409 carrying current_version, and nothing is written
        body (EndpointUpdate): Changes to an endpoint (send If-Match with the version read);
            absent fields stay.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointOut | Problem]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EndpointUpdate,
    if_match: None | str | Unset = UNSET,
) -> EndpointOut | Problem | None:
    """Change a webhook endpoint

     URL, events, description, or active (false pauses it: its pending deliveries wait until
    it is active again, and events while it is paused are not sent to it). Requires If-Match
    with the version read.

    **Roles:** employer, ministry, officer, admin.

    Args:
        endpoint_id (UUID): the webhook endpoint's id
        if_match (None | str | Unset): the version you read (its ETag), as "3", W/"3" or 3; * for
            any. Required on PATCH (a 428 without it), optional on close and withdraw. A stale version
            is a 409 carrying current_version, and nothing is written
        body (EndpointUpdate): Changes to an endpoint (send If-Match with the version read);
            absent fields stay.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointOut | Problem
    """

    return sync_detailed(
        endpoint_id=endpoint_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EndpointUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[EndpointOut | Problem]:
    """Change a webhook endpoint

     URL, events, description, or active (false pauses it: its pending deliveries wait until
    it is active again, and events while it is paused are not sent to it). Requires If-Match
    with the version read.

    **Roles:** employer, ministry, officer, admin.

    Args:
        endpoint_id (UUID): the webhook endpoint's id
        if_match (None | str | Unset): the version you read (its ETag), as "3", W/"3" or 3; * for
            any. Required on PATCH (a 428 without it), optional on close and withdraw. A stale version
            is a 409 carrying current_version, and nothing is written
        body (EndpointUpdate): Changes to an endpoint (send If-Match with the version read);
            absent fields stay.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointOut | Problem]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EndpointUpdate,
    if_match: None | str | Unset = UNSET,
) -> EndpointOut | Problem | None:
    """Change a webhook endpoint

     URL, events, description, or active (false pauses it: its pending deliveries wait until
    it is active again, and events while it is paused are not sent to it). Requires If-Match
    with the version read.

    **Roles:** employer, ministry, officer, admin.

    Args:
        endpoint_id (UUID): the webhook endpoint's id
        if_match (None | str | Unset): the version you read (its ETag), as "3", W/"3" or 3; * for
            any. Required on PATCH (a 428 without it), optional on close and withdraw. A stale version
            is a 409 carrying current_version, and nothing is written
        body (EndpointUpdate): Changes to an endpoint (send If-Match with the version read);
            absent fields stay.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointOut | Problem
    """

    return (
        await asyncio_detailed(
            endpoint_id=endpoint_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
