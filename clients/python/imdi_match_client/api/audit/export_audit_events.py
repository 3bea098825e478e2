import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    entity_type: None | str | Unset = UNSET,
    entity_id: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_entity_type: None | str | Unset
    if isinstance(entity_type, Unset):
        json_entity_type = UNSET
    else:
        json_entity_type = entity_type
    params["entity_type"] = json_entity_type

    json_entity_id: None | str | Unset
    if isinstance(entity_id, Unset):
        json_entity_id = UNSET
    else:
        json_entity_id = entity_id
    params["entity_id"] = json_entity_id

    json_actor_id: None | str | Unset
    if isinstance(actor_id, Unset):
        json_actor_id = UNSET
    elif isinstance(actor_id, UUID):
        json_actor_id = str(actor_id)
    else:
        json_actor_id = actor_id
    params["actor_id"] = json_actor_id

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    else:
        json_action = action
    params["action"] = json_action

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.datetime):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/audit-events.csv",
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
    entity_type: None | str | Unset = UNSET,
    entity_id: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
) -> Response[Problem | str]:
    """Download the audit log as CSV

     Every event GET /api/v1/audit-events would list with the same filters, unpaged, in the
    same order (newest first, ties by id). Streamed as it is read (a thousand events at a
    time), so that a log of millions downloads without a limit; the events written after the
    download began are not in it. Columns, named as the JSON fields: id, at (RFC 3339, UTC),
    actor_id, actor_email (empty: the system), action, entity_type, entity_id, before and
    after (each the JSON object as text; empty: null).

    **Roles:** officer, admin.

    Args:
        entity_type (None | str | Unset): only events on this kind of object, e.g. vacancy
        entity_id (None | str | Unset): only events on this object (its id or code)
        actor_id (None | Unset | UUID): only events by this user
        action (None | str | Unset): only events of this action, e.g. decide
        since (datetime.datetime | None | Unset): only events at or after this time (inclusive;
            RFC 3339)
        until (datetime.datetime | None | Unset): only events before this time (exclusive; RFC
            3339)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        entity_type=entity_type,
        entity_id=entity_id,
        actor_id=actor_id,
        action=action,
        since=since,
        until=until,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    entity_type: None | str | Unset = UNSET,
    entity_id: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
) -> Problem | str | None:
    """Download the audit log as CSV

     Every event GET /api/v1/audit-events would list with the same filters, unpaged, in the
    same order (newest first, ties by id). Streamed as it is read (a thousand events at a
    time), so that a log of millions downloads without a limit; the events written after the
    download began are not in it. Columns, named as the JSON fields: id, at (RFC 3339, UTC),
    actor_id, actor_email (empty: the system), action, entity_type, entity_id, before and
    after (each the JSON object as text; empty: null).

    **Roles:** officer, admin.

    Args:
        entity_type (None | str | Unset): only events on this kind of object, e.g. vacancy
        entity_id (None | str | Unset): only events on this object (its id or code)
        actor_id (None | Unset | UUID): only events by this user
        action (None | str | Unset): only events of this action, e.g. decide
        since (datetime.datetime | None | Unset): only events at or after this time (inclusive;
            RFC 3339)
        until (datetime.datetime | None | Unset): only events before this time (exclusive; RFC
            3339)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        entity_type=entity_type,
        entity_id=entity_id,
        actor_id=actor_id,
        action=action,
        since=since,
        until=until,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    entity_type: None | str | Unset = UNSET,
    entity_id: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
) -> Response[Problem | str]:
    """Download the audit log as CSV

     Every event GET /api/v1/audit-events would list with the same filters, unpaged, in the
    same order (newest first, ties by id). Streamed as it is read (a thousand events at a
    time), so that a log of millions downloads without a limit; the events written after the
    download began are not in it. Columns, named as the JSON fields: id, at (RFC 3339, UTC),
    actor_id, actor_email (empty: the system), action, entity_type, entity_id, before and
    after (each the JSON object as text; empty: null).

    **Roles:** officer, admin.

    Args:
        entity_type (None | str | Unset): only events on this kind of object, e.g. vacancy
        entity_id (None | str | Unset): only events on this object (its id or code)
        actor_id (None | Unset | UUID): only events by this user
        action (None | str | Unset): only events of this action, e.g. decide
        since (datetime.datetime | None | Unset): only events at or after this time (inclusive;
            RFC 3339)
        until (datetime.datetime | None | Unset): only events before this time (exclusive; RFC
            3339)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        entity_type=entity_type,
        entity_id=entity_id,
        actor_id=actor_id,
        action=action,
        since=since,
        until=until,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    entity_type: None | str | Unset = UNSET,
    entity_id: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
) -> Problem | str | None:
    """Download the audit log as CSV

     Every event GET /api/v1/audit-events would list with the same filters, unpaged, in the
    same order (newest first, ties by id). Streamed as it is read (a thousand events at a
    time), so that a log of millions downloads without a limit; the events written after the
    download began are not in it. Columns, named as the JSON fields: id, at (RFC 3339, UTC),
    actor_id, actor_email (empty: the system), action, entity_type, entity_id, before and
    after (each the JSON object as text; empty: null).

    **Roles:** officer, admin.

    Args:
        entity_type (None | str | Unset): only events on this kind of object, e.g. vacancy
        entity_id (None | str | Unset): only events on this object (its id or code)
        actor_id (None | Unset | UUID): only events by this user
        action (None | str | Unset): only events of this action, e.g. decide
        since (datetime.datetime | None | Unset): only events at or after this time (inclusive;
            RFC 3339)
        until (datetime.datetime | None | Unset): only events before this time (exclusive; RFC
            3339)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            entity_type=entity_type,
            entity_id=entity_id,
            actor_id=actor_id,
            action=action,
            since=since,
            until=until,
        )
    ).parsed
