from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_moves_in import BulkMovesIn
from ...models.bulk_moves_out import BulkMovesOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BulkMovesIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/placements/moves",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BulkMovesOut | Problem | None:
    if response.status_code == 201:
        response_201 = BulkMovesOut.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[BulkMovesOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BulkMovesIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[BulkMovesOut | Problem]:
    """Record moves of several placements at once

     For an HR system: up to 500 moves, applied in order, all or none (any error answers once,
    naming every failing move, and records nothing). Each move is checked as single moves are
    (the caller's side of the pipeline, counts at the stage it leaves, dates), on the counts
    as the earlier moves of the request leave them. Send an Idempotency-Key to retry safely.
    The answer lists each placement moved, as it is now.

    **Roles:** employer, ministry, officer, admin.

    Args:
        idempotency_key (None | str | Unset): Optional; 1 to 255 visible ASCII characters, e.g. a
            UUID the client makes per request. A retry with the same key, method, path and body within
            24 hours gets the first response again (marked `Idempotent-Replayed: true`) instead of
            doing the work twice; the same key with another request is a 422; a retry while the first
            request is still running is a 409 with Retry-After. Keys belong to the caller's user.
        body (BulkMovesIn): Moves from an HR system, applied in order, all or none: any error is
            one answer naming
            each failing item's path (`moves[3].count`), and nothing is recorded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkMovesOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: BulkMovesIn,
    idempotency_key: None | str | Unset = UNSET,
) -> BulkMovesOut | Problem | None:
    """Record moves of several placements at once

     For an HR system: up to 500 moves, applied in order, all or none (any error answers once,
    naming every failing move, and records nothing). Each move is checked as single moves are
    (the caller's side of the pipeline, counts at the stage it leaves, dates), on the counts
    as the earlier moves of the request leave them. Send an Idempotency-Key to retry safely.
    The answer lists each placement moved, as it is now.

    **Roles:** employer, ministry, officer, admin.

    Args:
        idempotency_key (None | str | Unset): Optional; 1 to 255 visible ASCII characters, e.g. a
            UUID the client makes per request. A retry with the same key, method, path and body within
            24 hours gets the first response again (marked `Idempotent-Replayed: true`) instead of
            doing the work twice; the same key with another request is a 422; a retry while the first
            request is still running is a 409 with Retry-After. Keys belong to the caller's user.
        body (BulkMovesIn): Moves from an HR system, applied in order, all or none: any error is
            one answer naming
            each failing item's path (`moves[3].count`), and nothing is recorded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkMovesOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BulkMovesIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[BulkMovesOut | Problem]:
    """Record moves of several placements at once

     For an HR system: up to 500 moves, applied in order, all or none (any error answers once,
    naming every failing move, and records nothing). Each move is checked as single moves are
    (the caller's side of the pipeline, counts at the stage it leaves, dates), on the counts
    as the earlier moves of the request leave them. Send an Idempotency-Key to retry safely.
    The answer lists each placement moved, as it is now.

    **Roles:** employer, ministry, officer, admin.

    Args:
        idempotency_key (None | str | Unset): Optional; 1 to 255 visible ASCII characters, e.g. a
            UUID the client makes per request. A retry with the same key, method, path and body within
            24 hours gets the first response again (marked `Idempotent-Replayed: true`) instead of
            doing the work twice; the same key with another request is a 422; a retry while the first
            request is still running is a 409 with Retry-After. Keys belong to the caller's user.
        body (BulkMovesIn): Moves from an HR system, applied in order, all or none: any error is
            one answer naming
            each failing item's path (`moves[3].count`), and nothing is recorded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkMovesOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BulkMovesIn,
    idempotency_key: None | str | Unset = UNSET,
) -> BulkMovesOut | Problem | None:
    """Record moves of several placements at once

     For an HR system: up to 500 moves, applied in order, all or none (any error answers once,
    naming every failing move, and records nothing). Each move is checked as single moves are
    (the caller's side of the pipeline, counts at the stage it leaves, dates), on the counts
    as the earlier moves of the request leave them. Send an Idempotency-Key to retry safely.
    The answer lists each placement moved, as it is now.

    **Roles:** employer, ministry, officer, admin.

    Args:
        idempotency_key (None | str | Unset): Optional; 1 to 255 visible ASCII characters, e.g. a
            UUID the client makes per request. A retry with the same key, method, path and body within
            24 hours gets the first response again (marked `Idempotent-Replayed: true`) instead of
            doing the work twice; the same key with another request is a 422; a retry while the first
            request is still running is a 409 with Retry-After. Keys belong to the caller's user.
        body (BulkMovesIn): Moves from an HR system, applied in order, all or none: any error is
            one answer naming
            each failing item's path (`moves[3].count`), and nothing is recorded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkMovesOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
