from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.batch_run_out import BatchRunOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    run_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/batch-runs/{run_id}/cancel".format(
            run_id=quote(str(run_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BatchRunOut | Problem | None:
    if response.status_code == 202:
        response_202 = BatchRunOut.from_dict(response.json())

        return response_202

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
) -> Response[BatchRunOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    run_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[BatchRunOut | Problem]:
    """Cancel a batch run

     Asks a running run to stop: `cancel_requested` becomes true at once (the request is in the
    audit log, action cancel), and the command stops at its next poll, within seconds: it
    removes what the run wrote, so the scope's previous results stay, and the run ends as
    cancelled (GET the run to see it). Asking again while it stops changes nothing.

    **Roles:** officer, admin.

    Args:
        run_id (UUID): the run's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchRunOut | Problem]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    run_id: UUID,
    *,
    client: AuthenticatedClient,
) -> BatchRunOut | Problem | None:
    """Cancel a batch run

     Asks a running run to stop: `cancel_requested` becomes true at once (the request is in the
    audit log, action cancel), and the command stops at its next poll, within seconds: it
    removes what the run wrote, so the scope's previous results stay, and the run ends as
    cancelled (GET the run to see it). Asking again while it stops changes nothing.

    **Roles:** officer, admin.

    Args:
        run_id (UUID): the run's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchRunOut | Problem
    """

    return sync_detailed(
        run_id=run_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    run_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[BatchRunOut | Problem]:
    """Cancel a batch run

     Asks a running run to stop: `cancel_requested` becomes true at once (the request is in the
    audit log, action cancel), and the command stops at its next poll, within seconds: it
    removes what the run wrote, so the scope's previous results stay, and the run ends as
    cancelled (GET the run to see it). Asking again while it stops changes nothing.

    **Roles:** officer, admin.

    Args:
        run_id (UUID): the run's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchRunOut | Problem]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    run_id: UUID,
    *,
    client: AuthenticatedClient,
) -> BatchRunOut | Problem | None:
    """Cancel a batch run

     Asks a running run to stop: `cancel_requested` becomes true at once (the request is in the
    audit log, action cancel), and the command stops at its next poll, within seconds: it
    removes what the run wrote, so the scope's previous results stay, and the run ends as
    cancelled (GET the run to see it). Asking again while it stops changes nothing.

    **Roles:** officer, admin.

    Args:
        run_id (UUID): the run's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchRunOut | Problem
    """

    return (
        await asyncio_detailed(
            run_id=run_id,
            client=client,
        )
    ).parsed
