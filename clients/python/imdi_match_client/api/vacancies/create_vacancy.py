from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.vacancy_in import VacancyIn
from ...models.vacancy_out import VacancyOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: VacancyIn,
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
        "url": "/api/v1/vacancies",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | VacancyOut | None:
    if response.status_code == 201:
        response_201 = VacancyOut.from_dict(response.json())

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
) -> Response[Problem | VacancyOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: VacancyIn,
    employer_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VacancyOut]:
    """Post a vacancy

     Stores one vacancy of the caller's employer organisation (an admin names the employer with
    `employer_id`) and answers it with its ETag and Location. An open vacancy is on the market
    at once: it is ranked against the labour pools (GET /api/v1/vacancies/{vacancy_id}/matches).
    The occupation may be an ISCO-08 unit group or a job title, which is coded and reported in
    `occupation_coding` (a title that cannot be coded with confidence is a 422 listing the
    closest unit groups); skills may be taxonomy ids or words. With no skills named the
    occupation's skill profile is used. Send an Idempotency-Key to retry safely: the retry gets
    the first answer instead of a second vacancy. An `external_ref` already used by the employer
    is a 409 naming the existing vacancy.

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
        body (VacancyIn): A vacancy to post: who is wanted (occupation, skills, languages,
            education, experience),
            how many, where, when and on what terms. Codes are checked against the taxonomy (GET
            /api/v1/taxonomy/...); an unknown one is a 422 naming the field. Unknown fields are
            errors.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VacancyOut]
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
    body: VacancyIn,
    employer_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VacancyOut | None:
    """Post a vacancy

     Stores one vacancy of the caller's employer organisation (an admin names the employer with
    `employer_id`) and answers it with its ETag and Location. An open vacancy is on the market
    at once: it is ranked against the labour pools (GET /api/v1/vacancies/{vacancy_id}/matches).
    The occupation may be an ISCO-08 unit group or a job title, which is coded and reported in
    `occupation_coding` (a title that cannot be coded with confidence is a 422 listing the
    closest unit groups); skills may be taxonomy ids or words. With no skills named the
    occupation's skill profile is used. Send an Idempotency-Key to retry safely: the retry gets
    the first answer instead of a second vacancy. An `external_ref` already used by the employer
    is a 409 naming the existing vacancy.

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
        body (VacancyIn): A vacancy to post: who is wanted (occupation, skills, languages,
            education, experience),
            how many, where, when and on what terms. Codes are checked against the taxonomy (GET
            /api/v1/taxonomy/...); an unknown one is a 422 naming the field. Unknown fields are
            errors.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VacancyOut
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
    body: VacancyIn,
    employer_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VacancyOut]:
    """Post a vacancy

     Stores one vacancy of the caller's employer organisation (an admin names the employer with
    `employer_id`) and answers it with its ETag and Location. An open vacancy is on the market
    at once: it is ranked against the labour pools (GET /api/v1/vacancies/{vacancy_id}/matches).
    The occupation may be an ISCO-08 unit group or a job title, which is coded and reported in
    `occupation_coding` (a title that cannot be coded with confidence is a 422 listing the
    closest unit groups); skills may be taxonomy ids or words. With no skills named the
    occupation's skill profile is used. Send an Idempotency-Key to retry safely: the retry gets
    the first answer instead of a second vacancy. An `external_ref` already used by the employer
    is a 409 naming the existing vacancy.

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
        body (VacancyIn): A vacancy to post: who is wanted (occupation, skills, languages,
            education, experience),
            how many, where, when and on what terms. Codes are checked against the taxonomy (GET
            /api/v1/taxonomy/...); an unknown one is a 422 naming the field. Unknown fields are
            errors.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VacancyOut]
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
    body: VacancyIn,
    employer_id: None | Unset | UUID = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VacancyOut | None:
    """Post a vacancy

     Stores one vacancy of the caller's employer organisation (an admin names the employer with
    `employer_id`) and answers it with its ETag and Location. An open vacancy is on the market
    at once: it is ranked against the labour pools (GET /api/v1/vacancies/{vacancy_id}/matches).
    The occupation may be an ISCO-08 unit group or a job title, which is coded and reported in
    `occupation_coding` (a title that cannot be coded with confidence is a 422 listing the
    closest unit groups); skills may be taxonomy ids or words. With no skills named the
    occupation's skill profile is used. Send an Idempotency-Key to retry safely: the retry gets
    the first answer instead of a second vacancy. An `external_ref` already used by the employer
    is a 409 naming the existing vacancy.

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
        body (VacancyIn): A vacancy to post: who is wanted (occupation, skills, languages,
            education, experience),
            how many, where, when and on what terms. Codes are checked against the taxonomy (GET
            /api/v1/taxonomy/...); an unknown one is a 422 naming the field. Unknown fields are
            errors.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VacancyOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            employer_id=employer_id,
            idempotency_key=idempotency_key,
        )
    ).parsed
