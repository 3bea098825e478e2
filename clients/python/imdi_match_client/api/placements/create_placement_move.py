from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.move_in import MoveIn
from ...models.placement_out import PlacementOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    placement_id: UUID,
    *,
    body: MoveIn,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/placements/{placement_id}/moves".format(
            placement_id=quote(str(placement_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PlacementOut | Problem | None:
    if response.status_code == 201:
        response_201 = PlacementOut.from_dict(response.json())

        return response_201

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
) -> Response[PlacementOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    placement_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MoveIn,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[PlacementOut | Problem]:
    """Move workers of a placement to the next stage

     Officers and admins record every stage; the pool's ministry the origin side (selected,
    visa applied, departed); the vacancy's employer the destination side (contract signed,
    arrived, started work, completed contract, left early); visa granted and refused are the
    officers'. A refused visa, or leaving before departure, gives the workers' quota, opening
    and pool headcount back (a filled vacancy is open again). The answer is the placement with
    its moves, its version as the ETag. Send an Idempotency-Key to retry safely.

    **Roles:** employer, ministry, officer, admin.

    Args:
        placement_id (UUID): the placement's id
        if_match (None | str | Unset): optional: the version (ETag) you read, as "3" or 3; a stale
            one is a 409. Without it the move is checked against the counts as committed, so no move
            is lost
        idempotency_key (None | str | Unset): Optional; 1 to 255 visible ASCII characters, e.g. a
            UUID the client makes per request. A retry with the same key, method, path and body within
            24 hours gets the first response again (marked `Idempotent-Replayed: true`) instead of
            doing the work twice; the same key with another request is a 422; a retry while the first
            request is still running is a 409 with Retry-After. Keys belong to the caller's user.
        body (MoveIn): Workers of one placement moved on to the next stage (counts only, never
            persons).

            The moves that exist: (approved) -> selected -> contract_signed -> visa_applied ->
            visa_granted -> departed -> arrived -> started_work -> completed_contract; visa_applied ->
            visa_refused; and from any stage before completion (the approved workers not selected yet
            too) -> left_early. A refused visa, and leaving before departure, give the workers' quota,
            opening and pool headcount back.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlacementOut | Problem]
    """

    kwargs = _get_kwargs(
        placement_id=placement_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    placement_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MoveIn,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> PlacementOut | Problem | None:
    """Move workers of a placement to the next stage

     Officers and admins record every stage; the pool's ministry the origin side (selected,
    visa applied, departed); the vacancy's employer the destination side (contract signed,
    arrived, started work, completed contract, left early); visa granted and refused are the
    officers'. A refused visa, or leaving before departure, gives the workers' quota, opening
    and pool headcount back (a filled vacancy is open again). The answer is the placement with
    its moves, its version as the ETag. Send an Idempotency-Key to retry safely.

    **Roles:** employer, ministry, officer, admin.

    Args:
        placement_id (UUID): the placement's id
        if_match (None | str | Unset): optional: the version (ETag) you read, as "3" or 3; a stale
            one is a 409. Without it the move is checked against the counts as committed, so no move
            is lost
        idempotency_key (None | str | Unset): Optional; 1 to 255 visible ASCII characters, e.g. a
            UUID the client makes per request. A retry with the same key, method, path and body within
            24 hours gets the first response again (marked `Idempotent-Replayed: true`) instead of
            doing the work twice; the same key with another request is a 422; a retry while the first
            request is still running is a 409 with Retry-After. Keys belong to the caller's user.
        body (MoveIn): Workers of one placement moved on to the next stage (counts only, never
            persons).

            The moves that exist: (approved) -> selected -> contract_signed -> visa_applied ->
            visa_granted -> departed -> arrived -> started_work -> completed_contract; visa_applied ->
            visa_refused; and from any stage before completion (the approved workers not selected yet
            too) -> left_early. A refused visa, and leaving before departure, give the workers' quota,
            opening and pool headcount back.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlacementOut | Problem
    """

    return sync_detailed(
        placement_id=placement_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    placement_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MoveIn,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[PlacementOut | Problem]:
    """Move workers of a placement to the next stage

     Officers and admins record every stage; the pool's ministry the origin side (selected,
    visa applied, departed); the vacancy's employer the destination side (contract signed,
    arrived, started work, completed contract, left early); visa granted and refused are the
    officers'. A refused visa, or leaving before departure, gives the workers' quota, opening
    and pool headcount back (a filled vacancy is open again). The answer is the placement with
    its moves, its version as the ETag. Send an Idempotency-Key to retry safely.

    **Roles:** employer, ministry, officer, admin.

    Args:
        placement_id (UUID): the placement's id
        if_match (None | str | Unset): optional: the version (ETag) you read, as "3" or 3; a stale
            one is a 409. Without it the move is checked against the counts as committed, so no move
            is lost
        idempotency_key (None | str | Unset): Optional; 1 to 255 visible ASCII characters, e.g. a
            UUID the client makes per request. A retry with the same key, method, path and body within
            24 hours gets the first response again (marked `Idempotent-Replayed: true`) instead of
            doing the work twice; the same key with another request is a 422; a retry while the first
            request is still running is a 409 with Retry-After. Keys belong to the caller's user.
        body (MoveIn): Workers of one placement moved on to the next stage (counts only, never
            persons).

            The moves that exist: (approved) -> selected -> contract_signed -> visa_applied ->
            visa_granted -> departed -> arrived -> started_work -> completed_contract; visa_applied ->
            visa_refused; and from any stage before completion (the approved workers not selected yet
            too) -> left_early. A refused visa, and leaving before departure, give the workers' quota,
            opening and pool headcount back.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlacementOut | Problem]
    """

    kwargs = _get_kwargs(
        placement_id=placement_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    placement_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MoveIn,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> PlacementOut | Problem | None:
    """Move workers of a placement to the next stage

     Officers and admins record every stage; the pool's ministry the origin side (selected,
    visa applied, departed); the vacancy's employer the destination side (contract signed,
    arrived, started work, completed contract, left early); visa granted and refused are the
    officers'. A refused visa, or leaving before departure, gives the workers' quota, opening
    and pool headcount back (a filled vacancy is open again). The answer is the placement with
    its moves, its version as the ETag. Send an Idempotency-Key to retry safely.

    **Roles:** employer, ministry, officer, admin.

    Args:
        placement_id (UUID): the placement's id
        if_match (None | str | Unset): optional: the version (ETag) you read, as "3" or 3; a stale
            one is a 409. Without it the move is checked against the counts as committed, so no move
            is lost
        idempotency_key (None | str | Unset): Optional; 1 to 255 visible ASCII characters, e.g. a
            UUID the client makes per request. A retry with the same key, method, path and body within
            24 hours gets the first response again (marked `Idempotent-Replayed: true`) instead of
            doing the work twice; the same key with another request is a 422; a retry while the first
            request is still running is a 409 with Retry-After. Keys belong to the caller's user.
        body (MoveIn): Workers of one placement moved on to the next stage (counts only, never
            persons).

            The moves that exist: (approved) -> selected -> contract_signed -> visa_applied ->
            visa_granted -> departed -> arrived -> started_work -> completed_contract; visa_applied ->
            visa_refused; and from any stage before completion (the approved workers not selected yet
            too) -> left_early. A refused visa, and leaving before departure, give the workers' quota,
            opening and pool headcount back.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlacementOut | Problem
    """

    return (
        await asyncio_detailed(
            placement_id=placement_id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
