from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.plan_out import PlanOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    plan_id: UUID,
    assignment_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/allocation-plans/{plan_id}/assignments/{assignment_id}".format(
            plan_id=quote(str(plan_id), safe=""),
            assignment_id=quote(str(assignment_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PlanOut | Problem | None:
    if response.status_code == 200:
        response_200 = PlanOut.from_dict(response.json())

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
    plan_id: UUID,
    assignment_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[PlanOut | Problem]:
    """Remove an assignment from a proposed plan

     Takes one line out of a plan before adoption, when an officer will not approve that pair:
    adoption then records only the remaining lines. The plan's objective becomes the sum of
    score times headcount of its remaining lines; the removal is in the audit log (action
    remove_assignment on the plan, with the line removed). Answers the plan as it is now.

    **Roles:** officer, admin.

    Args:
        plan_id (UUID): the plan's id
        assignment_id (UUID): the assignment's id (AssignmentOut.id)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanOut | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        assignment_id=assignment_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    plan_id: UUID,
    assignment_id: UUID,
    *,
    client: AuthenticatedClient,
) -> PlanOut | Problem | None:
    """Remove an assignment from a proposed plan

     Takes one line out of a plan before adoption, when an officer will not approve that pair:
    adoption then records only the remaining lines. The plan's objective becomes the sum of
    score times headcount of its remaining lines; the removal is in the audit log (action
    remove_assignment on the plan, with the line removed). Answers the plan as it is now.

    **Roles:** officer, admin.

    Args:
        plan_id (UUID): the plan's id
        assignment_id (UUID): the assignment's id (AssignmentOut.id)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanOut | Problem
    """

    return sync_detailed(
        plan_id=plan_id,
        assignment_id=assignment_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    plan_id: UUID,
    assignment_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[PlanOut | Problem]:
    """Remove an assignment from a proposed plan

     Takes one line out of a plan before adoption, when an officer will not approve that pair:
    adoption then records only the remaining lines. The plan's objective becomes the sum of
    score times headcount of its remaining lines; the removal is in the audit log (action
    remove_assignment on the plan, with the line removed). Answers the plan as it is now.

    **Roles:** officer, admin.

    Args:
        plan_id (UUID): the plan's id
        assignment_id (UUID): the assignment's id (AssignmentOut.id)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanOut | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        assignment_id=assignment_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    plan_id: UUID,
    assignment_id: UUID,
    *,
    client: AuthenticatedClient,
) -> PlanOut | Problem | None:
    """Remove an assignment from a proposed plan

     Takes one line out of a plan before adoption, when an officer will not approve that pair:
    adoption then records only the remaining lines. The plan's objective becomes the sum of
    score times headcount of its remaining lines; the removal is in the audit log (action
    remove_assignment on the plan, with the line removed). Answers the plan as it is now.

    **Roles:** officer, admin.

    Args:
        plan_id (UUID): the plan's id
        assignment_id (UUID): the assignment's id (AssignmentOut.id)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanOut | Problem
    """

    return (
        await asyncio_detailed(
            plan_id=plan_id,
            assignment_id=assignment_id,
            client=client,
        )
    ).parsed
