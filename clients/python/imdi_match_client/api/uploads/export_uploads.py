from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.upload_mode import UploadMode
from ...models.upload_status import UploadStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: None | Unset | UploadStatus = UNSET,
    mode: None | Unset | UploadMode = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, UploadStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_mode: None | str | Unset
    if isinstance(mode, Unset):
        json_mode = UNSET
    elif isinstance(mode, UploadMode):
        json_mode = mode.value
    else:
        json_mode = mode
    params["mode"] = json_mode

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/uploads.csv",
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
    status: None | Unset | UploadStatus = UNSET,
    mode: None | Unset | UploadMode = UNSET,
) -> Response[Problem | str]:
    """Export survey uploads as CSV

     Every upload GET /api/v1/uploads would list with the same filters and access rules, in the
    same order (newest first), in one CSV file (no paging). Columns: id, organisation_id,
    uploaded_by_id, filename, file_format, mode, checksum, size_bytes, rows_read, rows_accepted,
    rows_rejected, cells_suppressed, status, created_at, pools_created, pools_updated,
    pools_withdrawn. An upload's row errors and outcomes are in its report.csv.

    **Roles:** ministry, officer, admin.

    Args:
        status (None | Unset | UploadStatus): only uploads with this outcome
        mode (None | Unset | UploadMode): only uploads of this mode

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        status=status,
        mode=mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: None | Unset | UploadStatus = UNSET,
    mode: None | Unset | UploadMode = UNSET,
) -> Problem | str | None:
    """Export survey uploads as CSV

     Every upload GET /api/v1/uploads would list with the same filters and access rules, in the
    same order (newest first), in one CSV file (no paging). Columns: id, organisation_id,
    uploaded_by_id, filename, file_format, mode, checksum, size_bytes, rows_read, rows_accepted,
    rows_rejected, cells_suppressed, status, created_at, pools_created, pools_updated,
    pools_withdrawn. An upload's row errors and outcomes are in its report.csv.

    **Roles:** ministry, officer, admin.

    Args:
        status (None | Unset | UploadStatus): only uploads with this outcome
        mode (None | Unset | UploadMode): only uploads of this mode

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        status=status,
        mode=mode,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: None | Unset | UploadStatus = UNSET,
    mode: None | Unset | UploadMode = UNSET,
) -> Response[Problem | str]:
    """Export survey uploads as CSV

     Every upload GET /api/v1/uploads would list with the same filters and access rules, in the
    same order (newest first), in one CSV file (no paging). Columns: id, organisation_id,
    uploaded_by_id, filename, file_format, mode, checksum, size_bytes, rows_read, rows_accepted,
    rows_rejected, cells_suppressed, status, created_at, pools_created, pools_updated,
    pools_withdrawn. An upload's row errors and outcomes are in its report.csv.

    **Roles:** ministry, officer, admin.

    Args:
        status (None | Unset | UploadStatus): only uploads with this outcome
        mode (None | Unset | UploadMode): only uploads of this mode

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        status=status,
        mode=mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: None | Unset | UploadStatus = UNSET,
    mode: None | Unset | UploadMode = UNSET,
) -> Problem | str | None:
    """Export survey uploads as CSV

     Every upload GET /api/v1/uploads would list with the same filters and access rules, in the
    same order (newest first), in one CSV file (no paging). Columns: id, organisation_id,
    uploaded_by_id, filename, file_format, mode, checksum, size_bytes, rows_read, rows_accepted,
    rows_rejected, cells_suppressed, status, created_at, pools_created, pools_updated,
    pools_withdrawn. An upload's row errors and outcomes are in its report.csv.

    **Roles:** ministry, officer, admin.

    Args:
        status (None | Unset | UploadStatus): only uploads with this outcome
        mode (None | Unset | UploadMode): only uploads of this mode

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
            mode=mode,
        )
    ).parsed
