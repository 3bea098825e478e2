from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_allocation_plans_status_type_0 import ExportAllocationPlansStatusType0
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ExportAllocationPlansStatusType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ExportAllocationPlansStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/allocation-plans.csv",
        "params": params,
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
    *,
    client: AuthenticatedClient,
    status: ExportAllocationPlansStatusType0 | None | Unset = UNSET,
) -> Response[Problem | str]:
    """Download the allocation plans as CSV

     Every plan GET /api/v1/allocation-plans would list with the same filter, unpaged, in the
    same order (newest first, ties by id). Columns, named as the JSON fields: id, status,
    scope_destination, scope_origin, scope_occupation_prefix, scope_pathway (the `scope`
    object flattened; empty: not narrowed), min_score, origin_cap, time_limit_seconds,
    solver_status, objective, greedy_objective, improvement, gap, assignment_count,
    headcount, created_by_id, created_at, adopted_by_id, adopted_at (RFC 3339, UTC),
    batch_run_id, batch_run_as_of (empty: planned from the live ranking).

    **Roles:** officer, admin.

    Args:
        status (ExportAllocationPlansStatusType0 | None | Unset): only plans in this state:
            proposed or adopted

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: ExportAllocationPlansStatusType0 | None | Unset = UNSET,
) -> Problem | str | None:
    """Download the allocation plans as CSV

     Every plan GET /api/v1/allocation-plans would list with the same filter, unpaged, in the
    same order (newest first, ties by id). Columns, named as the JSON fields: id, status,
    scope_destination, scope_origin, scope_occupation_prefix, scope_pathway (the `scope`
    object flattened; empty: not narrowed), min_score, origin_cap, time_limit_seconds,
    solver_status, objective, greedy_objective, improvement, gap, assignment_count,
    headcount, created_by_id, created_at, adopted_by_id, adopted_at (RFC 3339, UTC),
    batch_run_id, batch_run_as_of (empty: planned from the live ranking).

    **Roles:** officer, admin.

    Args:
        status (ExportAllocationPlansStatusType0 | None | Unset): only plans in this state:
            proposed or adopted

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ExportAllocationPlansStatusType0 | None | Unset = UNSET,
) -> Response[Problem | str]:
    """Download the allocation plans as CSV

     Every plan GET /api/v1/allocation-plans would list with the same filter, unpaged, in the
    same order (newest first, ties by id). Columns, named as the JSON fields: id, status,
    scope_destination, scope_origin, scope_occupation_prefix, scope_pathway (the `scope`
    object flattened; empty: not narrowed), min_score, origin_cap, time_limit_seconds,
    solver_status, objective, greedy_objective, improvement, gap, assignment_count,
    headcount, created_by_id, created_at, adopted_by_id, adopted_at (RFC 3339, UTC),
    batch_run_id, batch_run_as_of (empty: planned from the live ranking).

    **Roles:** officer, admin.

    Args:
        status (ExportAllocationPlansStatusType0 | None | Unset): only plans in this state:
            proposed or adopted

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: ExportAllocationPlansStatusType0 | None | Unset = UNSET,
) -> Problem | str | None:
    """Download the allocation plans as CSV

     Every plan GET /api/v1/allocation-plans would list with the same filter, unpaged, in the
    same order (newest first, ties by id). Columns, named as the JSON fields: id, status,
    scope_destination, scope_origin, scope_occupation_prefix, scope_pathway (the `scope`
    object flattened; empty: not narrowed), min_score, origin_cap, time_limit_seconds,
    solver_status, objective, greedy_objective, improvement, gap, assignment_count,
    headcount, created_by_id, created_at, adopted_by_id, adopted_at (RFC 3339, UTC),
    batch_run_id, batch_run_as_of (empty: planned from the live ranking).

    **Roles:** officer, admin.

    Args:
        status (ExportAllocationPlansStatusType0 | None | Unset): only plans in this state:
            proposed or adopted

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
        )
    ).parsed
