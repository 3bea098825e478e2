from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.occupation_suggestions import OccupationSuggestions
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    title: str,
    description: None | str | Unset = UNSET,
    k: int | Unset = 5,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["title"] = title

    json_description: None | str | Unset
    if isinstance(description, Unset):
        json_description = UNSET
    else:
        json_description = description
    params["description"] = json_description

    params["k"] = k

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/taxonomy/occupations/suggest",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OccupationSuggestions | Problem | None:
    if response.status_code == 200:
        response_200 = OccupationSuggestions.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[OccupationSuggestions | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    title: str,
    description: None | str | Unset = UNSET,
    k: int | Unset = 5,
) -> Response[OccupationSuggestions | Problem]:
    """Suggest ISCO-08 codes for a job title

     The `k` ISCO-08 unit groups a job title most likely belongs to, most likely first (ties by
    code), each with a calibrated confidence, and the confidence below which the service does
    not code a title on its own (a vacancy or pool that sends such a title as its occupation
    is refused). What an HR system calls to code its job titles before posting. A title
    without letters or digits gets no suggestions.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        title (str): a job title, e.g. "Registered nurse"
        description (None | str | Unset): the job description, if any: it can raise a group's
            score, never lower it
        k (int | Unset): how many suggestions, 1..20 Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OccupationSuggestions | Problem]
    """

    kwargs = _get_kwargs(
        title=title,
        description=description,
        k=k,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    title: str,
    description: None | str | Unset = UNSET,
    k: int | Unset = 5,
) -> OccupationSuggestions | Problem | None:
    """Suggest ISCO-08 codes for a job title

     The `k` ISCO-08 unit groups a job title most likely belongs to, most likely first (ties by
    code), each with a calibrated confidence, and the confidence below which the service does
    not code a title on its own (a vacancy or pool that sends such a title as its occupation
    is refused). What an HR system calls to code its job titles before posting. A title
    without letters or digits gets no suggestions.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        title (str): a job title, e.g. "Registered nurse"
        description (None | str | Unset): the job description, if any: it can raise a group's
            score, never lower it
        k (int | Unset): how many suggestions, 1..20 Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OccupationSuggestions | Problem
    """

    return sync_detailed(
        client=client,
        title=title,
        description=description,
        k=k,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    title: str,
    description: None | str | Unset = UNSET,
    k: int | Unset = 5,
) -> Response[OccupationSuggestions | Problem]:
    """Suggest ISCO-08 codes for a job title

     The `k` ISCO-08 unit groups a job title most likely belongs to, most likely first (ties by
    code), each with a calibrated confidence, and the confidence below which the service does
    not code a title on its own (a vacancy or pool that sends such a title as its occupation
    is refused). What an HR system calls to code its job titles before posting. A title
    without letters or digits gets no suggestions.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        title (str): a job title, e.g. "Registered nurse"
        description (None | str | Unset): the job description, if any: it can raise a group's
            score, never lower it
        k (int | Unset): how many suggestions, 1..20 Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OccupationSuggestions | Problem]
    """

    kwargs = _get_kwargs(
        title=title,
        description=description,
        k=k,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    title: str,
    description: None | str | Unset = UNSET,
    k: int | Unset = 5,
) -> OccupationSuggestions | Problem | None:
    """Suggest ISCO-08 codes for a job title

     The `k` ISCO-08 unit groups a job title most likely belongs to, most likely first (ties by
    code), each with a calibrated confidence, and the confidence below which the service does
    not code a title on its own (a vacancy or pool that sends such a title as its occupation
    is refused). What an HR system calls to code its job titles before posting. A title
    without letters or digits gets no suggestions.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        title (str): a job title, e.g. "Registered nurse"
        description (None | str | Unset): the job description, if any: it can raise a group's
            score, never lower it
        k (int | Unset): how many suggestions, 1..20 Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OccupationSuggestions | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            title=title,
            description=description,
            k=k,
        )
    ).parsed
