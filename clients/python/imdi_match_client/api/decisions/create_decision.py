from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.decision_in import DecisionIn
from ...models.decision_out import DecisionOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    match_id: UUID,
    *,
    body: DecisionIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/matches/{match_id}/decisions".format(
            match_id=quote(str(match_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DecisionOut | Problem | None:
    if response.status_code == 201:
        response_201 = DecisionOut.from_dict(response.json())

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
) -> Response[DecisionOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    match_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DecisionIn,
) -> Response[DecisionOut | Problem]:
    """Record a decision on a match

     Shortlist, reject, ask for information, approve or withdraw. An approval is checked, under
    locks, against the pair as it is scored now: it must still be eligible under a legal
    pathway, and its headcount must fit the pathway's quota for the vacancy's start year, the
    vacancy's openings left and the pool's eligible headcount left; it then consumes them and
    starts a placement (GET /api/v1/placements). Concurrent approvals never exceed any of
    them. A match with workers approved takes no other decision until the approval is
    withdrawn; a withdrawal (note required) releases exactly what the approval consumed and
    reopens a vacancy it filled, and is refused once workers of the approval have departed.
    Decisions are append-only history: the answer is the row recorded (the last one when a
    withdrawal releases approvals of several pathways or years). Not idempotent: a retried
    approval is refused by the checks (409 `approved_match`), never recorded twice.

    **Roles:** officer, admin.

    Args:
        match_id (UUID): the match's id (as GET /api/v1/vacancies/{id}/matches lists it)
        body (DecisionIn): An officer's decision on a match. An approval names how many workers it
            approves; a
            withdrawal needs a note saying why.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionOut | Problem]
    """

    kwargs = _get_kwargs(
        match_id=match_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    match_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DecisionIn,
) -> DecisionOut | Problem | None:
    """Record a decision on a match

     Shortlist, reject, ask for information, approve or withdraw. An approval is checked, under
    locks, against the pair as it is scored now: it must still be eligible under a legal
    pathway, and its headcount must fit the pathway's quota for the vacancy's start year, the
    vacancy's openings left and the pool's eligible headcount left; it then consumes them and
    starts a placement (GET /api/v1/placements). Concurrent approvals never exceed any of
    them. A match with workers approved takes no other decision until the approval is
    withdrawn; a withdrawal (note required) releases exactly what the approval consumed and
    reopens a vacancy it filled, and is refused once workers of the approval have departed.
    Decisions are append-only history: the answer is the row recorded (the last one when a
    withdrawal releases approvals of several pathways or years). Not idempotent: a retried
    approval is refused by the checks (409 `approved_match`), never recorded twice.

    **Roles:** officer, admin.

    Args:
        match_id (UUID): the match's id (as GET /api/v1/vacancies/{id}/matches lists it)
        body (DecisionIn): An officer's decision on a match. An approval names how many workers it
            approves; a
            withdrawal needs a note saying why.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionOut | Problem
    """

    return sync_detailed(
        match_id=match_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    match_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DecisionIn,
) -> Response[DecisionOut | Problem]:
    """Record a decision on a match

     Shortlist, reject, ask for information, approve or withdraw. An approval is checked, under
    locks, against the pair as it is scored now: it must still be eligible under a legal
    pathway, and its headcount must fit the pathway's quota for the vacancy's start year, the
    vacancy's openings left and the pool's eligible headcount left; it then consumes them and
    starts a placement (GET /api/v1/placements). Concurrent approvals never exceed any of
    them. A match with workers approved takes no other decision until the approval is
    withdrawn; a withdrawal (note required) releases exactly what the approval consumed and
    reopens a vacancy it filled, and is refused once workers of the approval have departed.
    Decisions are append-only history: the answer is the row recorded (the last one when a
    withdrawal releases approvals of several pathways or years). Not idempotent: a retried
    approval is refused by the checks (409 `approved_match`), never recorded twice.

    **Roles:** officer, admin.

    Args:
        match_id (UUID): the match's id (as GET /api/v1/vacancies/{id}/matches lists it)
        body (DecisionIn): An officer's decision on a match. An approval names how many workers it
            approves; a
            withdrawal needs a note saying why.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionOut | Problem]
    """

    kwargs = _get_kwargs(
        match_id=match_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    match_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DecisionIn,
) -> DecisionOut | Problem | None:
    """Record a decision on a match

     Shortlist, reject, ask for information, approve or withdraw. An approval is checked, under
    locks, against the pair as it is scored now: it must still be eligible under a legal
    pathway, and its headcount must fit the pathway's quota for the vacancy's start year, the
    vacancy's openings left and the pool's eligible headcount left; it then consumes them and
    starts a placement (GET /api/v1/placements). Concurrent approvals never exceed any of
    them. A match with workers approved takes no other decision until the approval is
    withdrawn; a withdrawal (note required) releases exactly what the approval consumed and
    reopens a vacancy it filled, and is refused once workers of the approval have departed.
    Decisions are append-only history: the answer is the row recorded (the last one when a
    withdrawal releases approvals of several pathways or years). Not idempotent: a retried
    approval is refused by the checks (409 `approved_match`), never recorded twice.

    **Roles:** officer, admin.

    Args:
        match_id (UUID): the match's id (as GET /api/v1/vacancies/{id}/matches lists it)
        body (DecisionIn): An officer's decision on a match. An approval names how many workers it
            approves; a
            withdrawal needs a note saying why.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionOut | Problem
    """

    return (
        await asyncio_detailed(
            match_id=match_id,
            client=client,
            body=body,
        )
    ).parsed
