from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.skill_resolution import SkillResolution
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    text: str,
    k: int | Unset = 5,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["text"] = text

    params["k"] = k

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/taxonomy/skills/resolve",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[SkillResolution] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = SkillResolution.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Problem | list[SkillResolution]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    text: str,
    k: int | Unset = 5,
) -> Response[Problem | list[SkillResolution]]:
    """Resolve a skill in words to taxonomy skills

     The taxonomy skills (built-in and ESCO) most like a free text, best first, with a
    confidence in [0, 1]: the best similarity with one of the skill's preferred or alternative
    labels. A vacancy or pool may name a skill in words: intake takes the best one when its
    confidence reaches the service's threshold (0.75 by default). At most `k` skills (ties by
    id), only those with some similarity: a text unlike every label gets an empty list.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        text (str): a skill in words, e.g. "IV cannulation"
        k (int | Unset): how many skills, 1..20 Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[SkillResolution]]
    """

    kwargs = _get_kwargs(
        text=text,
        k=k,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    text: str,
    k: int | Unset = 5,
) -> Problem | list[SkillResolution] | None:
    """Resolve a skill in words to taxonomy skills

     The taxonomy skills (built-in and ESCO) most like a free text, best first, with a
    confidence in [0, 1]: the best similarity with one of the skill's preferred or alternative
    labels. A vacancy or pool may name a skill in words: intake takes the best one when its
    confidence reaches the service's threshold (0.75 by default). At most `k` skills (ties by
    id), only those with some similarity: a text unlike every label gets an empty list.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        text (str): a skill in words, e.g. "IV cannulation"
        k (int | Unset): how many skills, 1..20 Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[SkillResolution]
    """

    return sync_detailed(
        client=client,
        text=text,
        k=k,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    text: str,
    k: int | Unset = 5,
) -> Response[Problem | list[SkillResolution]]:
    """Resolve a skill in words to taxonomy skills

     The taxonomy skills (built-in and ESCO) most like a free text, best first, with a
    confidence in [0, 1]: the best similarity with one of the skill's preferred or alternative
    labels. A vacancy or pool may name a skill in words: intake takes the best one when its
    confidence reaches the service's threshold (0.75 by default). At most `k` skills (ties by
    id), only those with some similarity: a text unlike every label gets an empty list.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        text (str): a skill in words, e.g. "IV cannulation"
        k (int | Unset): how many skills, 1..20 Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[SkillResolution]]
    """

    kwargs = _get_kwargs(
        text=text,
        k=k,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    text: str,
    k: int | Unset = 5,
) -> Problem | list[SkillResolution] | None:
    """Resolve a skill in words to taxonomy skills

     The taxonomy skills (built-in and ESCO) most like a free text, best first, with a
    confidence in [0, 1]: the best similarity with one of the skill's preferred or alternative
    labels. A vacancy or pool may name a skill in words: intake takes the best one when its
    confidence reaches the service's threshold (0.75 by default). At most `k` skills (ties by
    id), only those with some similarity: a text unlike every label gets an empty list.

    **Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds only what the
    caller's organisation may see.

    Args:
        text (str): a skill in words, e.g. "IV cannulation"
        k (int | Unset): how many skills, 1..20 Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[SkillResolution]
    """

    return (
        await asyncio_detailed(
            client=client,
            text=text,
            k=k,
        )
    ).parsed
