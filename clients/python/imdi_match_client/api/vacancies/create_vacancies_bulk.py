from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_result import BulkResult
from ...models.problem import Problem
from ...models.vacancy_in import VacancyIn
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: list[VacancyIn],
    employer_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_employer_id: None | str | Unset
    if isinstance(employer_id, Unset):
        json_employer_id = UNSET
    elif isinstance(employer_id, UUID):
        json_employer_id = str(employer_id)
    else:
        json_employer_id = employer_id
    params["employer_id"] = json_employer_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/vacancies/bulk",
        "params": params,
    }

    _kwargs["json"] = []
    for body_item_data in body:
        body_item = body_item_data.to_dict()
        _kwargs["json"].append(body_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BulkResult | Problem | None:
    if response.status_code == 200:
        response_200 = BulkResult.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = BulkResult.from_dict(response.json())

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
) -> Response[BulkResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: list[VacancyIn],
    employer_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[BulkResult | Problem]:
    """Post many vacancies at once

     Validates each item of the array on its own (an HR system's whole export in one request)
    and creates every valid one in one transaction, whatever the others hold: 201 when all
    were created, 200 when some failed, with one result per item in request order (the new id,
    or the item's field errors, their paths starting with the item's index, e.g.
    `[3].languages[0].min_level`). An `external_ref` the employer used before, or that two items
    share, fails that item. A body that is not a JSON array is a 422. Send an Idempotency-Key to
    retry the request safely.

    **Roles:** employer, admin.

    Args:
        employer_id (None | Unset | UUID): admins only, and then required: the employer
            organisation the vacancy belongs to (an employer posts for its own organisation and leaves
            it out)
        idempotency_key (None | str | Unset): Optional; 1 to 255 visible ASCII characters, e.g. a
            UUID the client makes per request. A retry with the same key, method, path and body within
            24 hours gets the first response again (marked `Idempotent-Replayed: true`) instead of
            doing the work twice; the same key with another request is a 422; a retry while the first
            request is still running is a 409 with Retry-After. Keys belong to the caller's user.
        body (list[VacancyIn]): vacancies to post (VacancyIn each), at most bulk_max_items (1,000
            by default)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        employer_id=employer_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: list[VacancyIn],
    employer_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> BulkResult | Problem | None:
    """Post many vacancies at once

     Validates each item of the array on its own (an HR system's whole export in one request)
    and creates every valid one in one transaction, whatever the others hold: 201 when all
    were created, 200 when some failed, with one result per item in request order (the new id,
    or the item's field errors, their paths starting with the item's index, e.g.
    `[3].languages[0].min_level`). An `external_ref` the employer used before, or that two items
    share, fails that item. A body that is not a JSON array is a 422. Send an Idempotency-Key to
    retry the request safely.

    **Roles:** employer, admin.

    Args:
        employer_id (None | Unset | UUID): admins only, and then required: the employer
            organisation the vacancy belongs to (an employer posts for its own organisation and leaves
            it out)
        idempotency_key (None | str | Unset): Optional; 1 to 255 visible ASCII characters, e.g. a
            UUID the client makes per request. A retry with the same key, method, path and body within
            24 hours gets the first response again (marked `Idempotent-Replayed: true`) instead of
            doing the work twice; the same key with another request is a 422; a retry while the first
            request is still running is a 409 with Retry-After. Keys belong to the caller's user.
        body (list[VacancyIn]): vacancies to post (VacancyIn each), at most bulk_max_items (1,000
            by default)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        employer_id=employer_id,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: list[VacancyIn],
    employer_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[BulkResult | Problem]:
    """Post many vacancies at once

     Validates each item of the array on its own (an HR system's whole export in one request)
    and creates every valid one in one transaction, whatever the others hold: 201 when all
    were created, 200 when some failed, with one result per item in request order (the new id,
    or the item's field errors, their paths starting with the item's index, e.g.
    `[3].languages[0].min_level`). An `external_ref` the employer used before, or that two items
    share, fails that item. A body that is not a JSON array is a 422. Send an Idempotency-Key to
    retry the request safely.

    **Roles:** employer, admin.

    Args:
        employer_id (None | Unset | UUID): admins only, and then required: the employer
            organisation the vacancy belongs to (an employer posts for its own organisation and leaves
            it out)
        idempotency_key (None | str | Unset): Optional; 1 to 255 visible ASCII characters, e.g. a
            UUID the client makes per request. A retry with the same key, method, path and body within
            24 hours gets the first response again (marked `Idempotent-Replayed: true`) instead of
            doing the work twice; the same key with another request is a 422; a retry while the first
            request is still running is a 409 with Retry-After. Keys belong to the caller's user.
        body (list[VacancyIn]): vacancies to post (VacancyIn each), at most bulk_max_items (1,000
            by default)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        employer_id=employer_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: list[VacancyIn],
    employer_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> BulkResult | Problem | None:
    """Post many vacancies at once

     Validates each item of the array on its own (an HR system's whole export in one request)
    and creates every valid one in one transaction, whatever the others hold: 201 when all
    were created, 200 when some failed, with one result per item in request order (the new id,
    or the item's field errors, their paths starting with the item's index, e.g.
    `[3].languages[0].min_level`). An `external_ref` the employer used before, or that two items
    share, fails that item. A body that is not a JSON array is a 422. Send an Idempotency-Key to
    retry the request safely.

    **Roles:** employer, admin.

    Args:
        employer_id (None | Unset | UUID): admins only, and then required: the employer
            organisation the vacancy belongs to (an employer posts for its own organisation and leaves
            it out)
        idempotency_key (None | str | Unset): Optional; 1 to 255 visible ASCII characters, e.g. a
            UUID the client makes per request. A retry with the same key, method, path and body within
            24 hours gets the first response again (marked `Idempotent-Replayed: true`) instead of
            doing the work twice; the same key with another request is a 422; a retry while the first
            request is still running is a 409 with Retry-After. Keys belong to the caller's user.
        body (list[VacancyIn]): vacancies to post (VacancyIn each), at most bulk_max_items (1,000
            by default)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            employer_id=employer_id,
            idempotency_key=idempotency_key,
        )
    ).parsed
