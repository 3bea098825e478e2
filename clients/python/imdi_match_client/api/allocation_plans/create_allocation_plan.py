from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.plan_in import PlanIn
from ...models.plan_out import PlanOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: PlanIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/allocation-plans",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PlanOut | Problem | None:
    if response.status_code == 201:
        response_201 = PlanOut.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PlanOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PlanIn,
) -> Response[PlanOut | Problem]:
    """Create an allocation plan

     Solves, for the scope's open vacancies and active pools, the assignment of workers that
    maximises the sum of match score times headcount, within each vacancy's openings, each
    pool's headcount and each legal pathway's quota left now, and each pair's eligible
    headcount (pairs with workers approved now are left out). CPU work of up to
    `time_limit_seconds`; the greedy plan is computed too, for comparison. The plan is stored
    as proposed: nothing is approved until it is adopted. Not idempotent: each call stores a
    new plan.

    **Roles:** officer, admin.

    Args:
        body (PlanIn): What to plan: a scope and the solver's options. Solving takes up to
            `time_limit_seconds`; the plan is stored as proposed, for an officer to read and adopt.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanOut | Problem]
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
    body: PlanIn,
) -> PlanOut | Problem | None:
    """Create an allocation plan

     Solves, for the scope's open vacancies and active pools, the assignment of workers that
    maximises the sum of match score times headcount, within each vacancy's openings, each
    pool's headcount and each legal pathway's quota left now, and each pair's eligible
    headcount (pairs with workers approved now are left out). CPU work of up to
    `time_limit_seconds`; the greedy plan is computed too, for comparison. The plan is stored
    as proposed: nothing is approved until it is adopted. Not idempotent: each call stores a
    new plan.

    **Roles:** officer, admin.

    Args:
        body (PlanIn): What to plan: a scope and the solver's options. Solving takes up to
            `time_limit_seconds`; the plan is stored as proposed, for an officer to read and adopt.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PlanIn,
) -> Response[PlanOut | Problem]:
    """Create an allocation plan

     Solves, for the scope's open vacancies and active pools, the assignment of workers that
    maximises the sum of match score times headcount, within each vacancy's openings, each
    pool's headcount and each legal pathway's quota left now, and each pair's eligible
    headcount (pairs with workers approved now are left out). CPU work of up to
    `time_limit_seconds`; the greedy plan is computed too, for comparison. The plan is stored
    as proposed: nothing is approved until it is adopted. Not idempotent: each call stores a
    new plan.

    **Roles:** officer, admin.

    Args:
        body (PlanIn): What to plan: a scope and the solver's options. Solving takes up to
            `time_limit_seconds`; the plan is stored as proposed, for an officer to read and adopt.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PlanIn,
) -> PlanOut | Problem | None:
    """Create an allocation plan

     Solves, for the scope's open vacancies and active pools, the assignment of workers that
    maximises the sum of match score times headcount, within each vacancy's openings, each
    pool's headcount and each legal pathway's quota left now, and each pair's eligible
    headcount (pairs with workers approved now are left out). CPU work of up to
    `time_limit_seconds`; the greedy plan is computed too, for comparison. The plan is stored
    as proposed: nothing is approved until it is adopted. Not idempotent: each call stores a
    new plan.

    **Roles:** officer, admin.

    Args:
        body (PlanIn): What to plan: a scope and the solver's options. Solving takes up to
            `time_limit_seconds`; the plan is stored as proposed, for an officer to read and adopt.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
