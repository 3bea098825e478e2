from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.endpoint_created import EndpointCreated
from ...models.endpoint_in import EndpointIn
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: EndpointIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks/endpoints",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EndpointCreated | Problem | None:
    if response.status_code == 201:
        response_201 = EndpointCreated.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[EndpointCreated | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EndpointIn,
) -> Response[EndpointCreated | Problem]:
    """Register a webhook endpoint

     The answer holds the endpoint's signing secret, shown this once: every delivery to the URL
    is signed with it (Standard Webhooks: webhook-id, webhook-timestamp and webhook-signature
    headers; README, "Webhooks", has the receiver's verification code). An employer's or
    ministry's endpoint hears of its own organisation's vacancies, pools and uploads; an
    officer's or admin's of the whole programme's. Deliveries are retried with exponential
    backoff until the receiver answers 2xx or the attempts run out.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        body (EndpointIn): A webhook endpoint to register. Its signing secret is in the answer,
            and only there.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointCreated | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: EndpointIn,
) -> EndpointCreated | Problem | None:
    """Register a webhook endpoint

     The answer holds the endpoint's signing secret, shown this once: every delivery to the URL
    is signed with it (Standard Webhooks: webhook-id, webhook-timestamp and webhook-signature
    headers; README, "Webhooks", has the receiver's verification code). An employer's or
    ministry's endpoint hears of its own organisation's vacancies, pools and uploads; an
    officer's or admin's of the whole programme's. Deliveries are retried with exponential
    backoff until the receiver answers 2xx or the attempts run out.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        body (EndpointIn): A webhook endpoint to register. Its signing secret is in the answer,
            and only there.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointCreated | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EndpointIn,
) -> Response[EndpointCreated | Problem]:
    """Register a webhook endpoint

     The answer holds the endpoint's signing secret, shown this once: every delivery to the URL
    is signed with it (Standard Webhooks: webhook-id, webhook-timestamp and webhook-signature
    headers; README, "Webhooks", has the receiver's verification code). An employer's or
    ministry's endpoint hears of its own organisation's vacancies, pools and uploads; an
    officer's or admin's of the whole programme's. Deliveries are retried with exponential
    backoff until the receiver answers 2xx or the attempts run out.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        body (EndpointIn): A webhook endpoint to register. Its signing secret is in the answer,
            and only there.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointCreated | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: EndpointIn,
) -> EndpointCreated | Problem | None:
    """Register a webhook endpoint

     The answer holds the endpoint's signing secret, shown this once: every delivery to the URL
    is signed with it (Standard Webhooks: webhook-id, webhook-timestamp and webhook-signature
    headers; README, "Webhooks", has the receiver's verification code). An employer's or
    ministry's endpoint hears of its own organisation's vacancies, pools and uploads; an
    officer's or admin's of the whole programme's. Deliveries are retried with exponential
    backoff until the receiver answers 2xx or the attempts run out.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        body (EndpointIn): A webhook endpoint to register. Its signing secret is in the answer,
            and only there.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointCreated | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
