from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    upload_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/uploads/{upload_id}/report.csv".format(
            upload_id=quote(str(upload_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    upload_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | str]:
    """Download an upload's report as CSV

     The whole report of a stored upload for a spreadsheet (formula-safe cells): columns row,
    column, value, message, outcome, pool_id. The first line is the summary (outcome
    `summary`); then, by file row, the pool each row created or updated (outcome created /
    updated, with the pool's id) or each of the row's errors (outcome `error`, with column,
    value and message); last the pools withdrawn by replace=true.

    **Roles:** ministry, officer, admin.

    Args:
        upload_id (UUID): the upload's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        upload_id=upload_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    upload_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | str | None:
    """Download an upload's report as CSV

     The whole report of a stored upload for a spreadsheet (formula-safe cells): columns row,
    column, value, message, outcome, pool_id. The first line is the summary (outcome
    `summary`); then, by file row, the pool each row created or updated (outcome created /
    updated, with the pool's id) or each of the row's errors (outcome `error`, with column,
    value and message); last the pools withdrawn by replace=true.

    **Roles:** ministry, officer, admin.

    Args:
        upload_id (UUID): the upload's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        upload_id=upload_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    upload_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | str]:
    """Download an upload's report as CSV

     The whole report of a stored upload for a spreadsheet (formula-safe cells): columns row,
    column, value, message, outcome, pool_id. The first line is the summary (outcome
    `summary`); then, by file row, the pool each row created or updated (outcome created /
    updated, with the pool's id) or each of the row's errors (outcome `error`, with column,
    value and message); last the pools withdrawn by replace=true.

    **Roles:** ministry, officer, admin.

    Args:
        upload_id (UUID): the upload's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        upload_id=upload_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    upload_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | str | None:
    """Download an upload's report as CSV

     The whole report of a stored upload for a spreadsheet (formula-safe cells): columns row,
    column, value, message, outcome, pool_id. The first line is the summary (outcome
    `summary`); then, by file row, the pool each row created or updated (outcome created /
    updated, with the pool's id) or each of the row's errors (outcome `error`, with column,
    value and message); last the pools withdrawn by replace=true.

    **Roles:** ministry, officer, admin.

    Args:
        upload_id (UUID): the upload's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            upload_id=upload_id,
            client=client,
        )
    ).parsed
