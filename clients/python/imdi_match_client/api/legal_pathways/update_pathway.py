from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.pathway_out import PathwayOut
from ...models.pathway_patch import PathwayPatch
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    *,
    body: PathwayPatch,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/pathways/{code}".format(
            code=quote(str(code), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PathwayOut | Problem | None:
    if response.status_code == 200:
        response_200 = PathwayOut.from_dict(response.json())

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
) -> Response[PathwayOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: PathwayPatch,
    if_match: None | str | Unset = UNSET,
) -> Response[PathwayOut | Problem]:
    """Update a legal pathway

     Changes only the fields sent (the code never changes), checked as a whole pathway, and
    re-ranks the open vacancies of its destination (and of the old one when that changed).
    Needs If-Match with the version you read: a stale one is a 409 and nothing is changed. A
    patch that changes nothing keeps the version and records no audit event. The answer has
    the new version as the ETag.

    **Roles:** officer, admin.

    Args:
        code (str): the pathway's code, e.g. DE-TRIPLE-WIN (case-insensitive)
        if_match (None | str | Unset): required: the version (ETag) you last read, as "3" or 3 (*
            for any)
        body (PathwayPatch): A partial update: only the fields sent change (PathwayIn describes
            each). The code
            cannot change, because decisions and vacancies refer to pathways by it. Fields without a
            meaningful "nothing" (name, destination_country, kind, the lists, the flags, source) may
            be
            left out but not sent as null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PathwayOut | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient,
    body: PathwayPatch,
    if_match: None | str | Unset = UNSET,
) -> PathwayOut | Problem | None:
    """Update a legal pathway

     Changes only the fields sent (the code never changes), checked as a whole pathway, and
    re-ranks the open vacancies of its destination (and of the old one when that changed).
    Needs If-Match with the version you read: a stale one is a 409 and nothing is changed. A
    patch that changes nothing keeps the version and records no audit event. The answer has
    the new version as the ETag.

    **Roles:** officer, admin.

    Args:
        code (str): the pathway's code, e.g. DE-TRIPLE-WIN (case-insensitive)
        if_match (None | str | Unset): required: the version (ETag) you last read, as "3" or 3 (*
            for any)
        body (PathwayPatch): A partial update: only the fields sent change (PathwayIn describes
            each). The code
            cannot change, because decisions and vacancies refer to pathways by it. Fields without a
            meaningful "nothing" (name, destination_country, kind, the lists, the flags, source) may
            be
            left out but not sent as null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PathwayOut | Problem
    """

    return sync_detailed(
        code=code,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: PathwayPatch,
    if_match: None | str | Unset = UNSET,
) -> Response[PathwayOut | Problem]:
    """Update a legal pathway

     Changes only the fields sent (the code never changes), checked as a whole pathway, and
    re-ranks the open vacancies of its destination (and of the old one when that changed).
    Needs If-Match with the version you read: a stale one is a 409 and nothing is changed. A
    patch that changes nothing keeps the version and records no audit event. The answer has
    the new version as the ETag.

    **Roles:** officer, admin.

    Args:
        code (str): the pathway's code, e.g. DE-TRIPLE-WIN (case-insensitive)
        if_match (None | str | Unset): required: the version (ETag) you last read, as "3" or 3 (*
            for any)
        body (PathwayPatch): A partial update: only the fields sent change (PathwayIn describes
            each). The code
            cannot change, because decisions and vacancies refer to pathways by it. Fields without a
            meaningful "nothing" (name, destination_country, kind, the lists, the flags, source) may
            be
            left out but not sent as null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PathwayOut | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
    body: PathwayPatch,
    if_match: None | str | Unset = UNSET,
) -> PathwayOut | Problem | None:
    """Update a legal pathway

     Changes only the fields sent (the code never changes), checked as a whole pathway, and
    re-ranks the open vacancies of its destination (and of the old one when that changed).
    Needs If-Match with the version you read: a stale one is a 409 and nothing is changed. A
    patch that changes nothing keeps the version and records no audit event. The answer has
    the new version as the ETag.

    **Roles:** officer, admin.

    Args:
        code (str): the pathway's code, e.g. DE-TRIPLE-WIN (case-insensitive)
        if_match (None | str | Unset): required: the version (ETag) you last read, as "3" or 3 (*
            for any)
        body (PathwayPatch): A partial update: only the fields sent change (PathwayIn describes
            each). The code
            cannot change, because decisions and vacancies refer to pathways by it. Fields without a
            meaningful "nothing" (name, destination_country, kind, the lists, the flags, source) may
            be
            left out but not sent as null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PathwayOut | Problem
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
