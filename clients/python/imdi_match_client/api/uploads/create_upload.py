from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_upload_body import CreateUploadBody
from ...models.create_upload_mode import CreateUploadMode
from ...models.create_upload_on_error import CreateUploadOnError
from ...models.problem import Problem
from ...models.upload_out import UploadOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreateUploadBody,
    mode: CreateUploadMode | Unset = UNSET,
    dry_run: bool | Unset = UNSET,
    on_error: CreateUploadOnError | Unset = UNSET,
    replace: bool | Unset = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_mode: str | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = mode.value

    params["mode"] = json_mode

    params["dry_run"] = dry_run

    json_on_error: str | Unset = UNSET
    if not isinstance(on_error, Unset):
        json_on_error = on_error.value

    params["on_error"] = json_on_error

    params["replace"] = replace

    json_ministry_id: None | str | Unset
    if isinstance(ministry_id, Unset):
        json_ministry_id = UNSET
    elif isinstance(ministry_id, UUID):
        json_ministry_id = str(ministry_id)
    else:
        json_ministry_id = ministry_id
    params["ministry_id"] = json_ministry_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/uploads",
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UploadOut | None:
    if response.status_code == 200:
        response_200 = UploadOut.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = UploadOut.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | UploadOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateUploadBody,
    mode: CreateUploadMode | Unset = UNSET,
    dry_run: bool | Unset = UNSET,
    on_error: CreateUploadOnError | Unset = UNSET,
    replace: bool | Unset = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
) -> Response[Problem | UploadOut]:
    """Upload a workforce survey

     Reads a ministry's survey file (multipart/form-data, the file in the field `file`) into
    labour pools. Formats: CSV (UTF-8 with or without BOM, comma or semicolon separated) or
    XLSX (the first worksheet); a header row (names case-insensitive), then data rows. Modes:
    `pool_table`, one row per pool, columns origin_country, occupation (ISCO-08 unit group or
    job title), headcount, isced_level (ISCED 2011, 0..8), experience_years, and optionally
    region, sector (ISIC Rev.4 division), skills (`skill:share;skill:share`, share 0..1,
    default 1), languages (`en:B2:0.6;de:A2:0.1`: ISO 639-1 code, CEFR level, share),
    available_from (YYYY-MM-DD); `microdata`, one row per survey respondent, columns
    respondent_id, occupation, isced_level, experience_years, willing_to_work_abroad (yes/no),
    and optionally region, sector, languages (`en:B2;tl:C2`), skills (`skill;skill`), aggregated
    into pools of the willing by region and occupation, groups of fewer than 5 respondents
    suppressed (respondent ids are never stored). A row whose pool identity the ministry has
    already updates that pool (version + 1). The file is limited to upload_max_bytes (50 MB by
    default) and upload_max_rows rows (1,000,000 by default). Answers: 201 stored, 200 a dry
    run or the same file again (one file is stored once per ministry and mode: re-sending it
    is safe), 422 rejected with the report. At most 1,000 row errors are listed in JSON;
    GET /api/v1/uploads/{upload_id}/report.csv has every one.

    **Roles:** ministry, admin.

    Args:
        mode (CreateUploadMode | Unset):
        dry_run (bool | Unset):
        on_error (CreateUploadOnError | Unset):
        replace (bool | Unset):
        ministry_id (None | Unset | UUID): admins only, and then required: the ministry
            organisation the survey belongs to (a ministry uploads its own and leaves it out)
        body (CreateUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UploadOut]
    """

    kwargs = _get_kwargs(
        body=body,
        mode=mode,
        dry_run=dry_run,
        on_error=on_error,
        replace=replace,
        ministry_id=ministry_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateUploadBody,
    mode: CreateUploadMode | Unset = UNSET,
    dry_run: bool | Unset = UNSET,
    on_error: CreateUploadOnError | Unset = UNSET,
    replace: bool | Unset = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
) -> Problem | UploadOut | None:
    """Upload a workforce survey

     Reads a ministry's survey file (multipart/form-data, the file in the field `file`) into
    labour pools. Formats: CSV (UTF-8 with or without BOM, comma or semicolon separated) or
    XLSX (the first worksheet); a header row (names case-insensitive), then data rows. Modes:
    `pool_table`, one row per pool, columns origin_country, occupation (ISCO-08 unit group or
    job title), headcount, isced_level (ISCED 2011, 0..8), experience_years, and optionally
    region, sector (ISIC Rev.4 division), skills (`skill:share;skill:share`, share 0..1,
    default 1), languages (`en:B2:0.6;de:A2:0.1`: ISO 639-1 code, CEFR level, share),
    available_from (YYYY-MM-DD); `microdata`, one row per survey respondent, columns
    respondent_id, occupation, isced_level, experience_years, willing_to_work_abroad (yes/no),
    and optionally region, sector, languages (`en:B2;tl:C2`), skills (`skill;skill`), aggregated
    into pools of the willing by region and occupation, groups of fewer than 5 respondents
    suppressed (respondent ids are never stored). A row whose pool identity the ministry has
    already updates that pool (version + 1). The file is limited to upload_max_bytes (50 MB by
    default) and upload_max_rows rows (1,000,000 by default). Answers: 201 stored, 200 a dry
    run or the same file again (one file is stored once per ministry and mode: re-sending it
    is safe), 422 rejected with the report. At most 1,000 row errors are listed in JSON;
    GET /api/v1/uploads/{upload_id}/report.csv has every one.

    **Roles:** ministry, admin.

    Args:
        mode (CreateUploadMode | Unset):
        dry_run (bool | Unset):
        on_error (CreateUploadOnError | Unset):
        replace (bool | Unset):
        ministry_id (None | Unset | UUID): admins only, and then required: the ministry
            organisation the survey belongs to (a ministry uploads its own and leaves it out)
        body (CreateUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UploadOut
    """

    return sync_detailed(
        client=client,
        body=body,
        mode=mode,
        dry_run=dry_run,
        on_error=on_error,
        replace=replace,
        ministry_id=ministry_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateUploadBody,
    mode: CreateUploadMode | Unset = UNSET,
    dry_run: bool | Unset = UNSET,
    on_error: CreateUploadOnError | Unset = UNSET,
    replace: bool | Unset = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
) -> Response[Problem | UploadOut]:
    """Upload a workforce survey

     Reads a ministry's survey file (multipart/form-data, the file in the field `file`) into
    labour pools. Formats: CSV (UTF-8 with or without BOM, comma or semicolon separated) or
    XLSX (the first worksheet); a header row (names case-insensitive), then data rows. Modes:
    `pool_table`, one row per pool, columns origin_country, occupation (ISCO-08 unit group or
    job title), headcount, isced_level (ISCED 2011, 0..8), experience_years, and optionally
    region, sector (ISIC Rev.4 division), skills (`skill:share;skill:share`, share 0..1,
    default 1), languages (`en:B2:0.6;de:A2:0.1`: ISO 639-1 code, CEFR level, share),
    available_from (YYYY-MM-DD); `microdata`, one row per survey respondent, columns
    respondent_id, occupation, isced_level, experience_years, willing_to_work_abroad (yes/no),
    and optionally region, sector, languages (`en:B2;tl:C2`), skills (`skill;skill`), aggregated
    into pools of the willing by region and occupation, groups of fewer than 5 respondents
    suppressed (respondent ids are never stored). A row whose pool identity the ministry has
    already updates that pool (version + 1). The file is limited to upload_max_bytes (50 MB by
    default) and upload_max_rows rows (1,000,000 by default). Answers: 201 stored, 200 a dry
    run or the same file again (one file is stored once per ministry and mode: re-sending it
    is safe), 422 rejected with the report. At most 1,000 row errors are listed in JSON;
    GET /api/v1/uploads/{upload_id}/report.csv has every one.

    **Roles:** ministry, admin.

    Args:
        mode (CreateUploadMode | Unset):
        dry_run (bool | Unset):
        on_error (CreateUploadOnError | Unset):
        replace (bool | Unset):
        ministry_id (None | Unset | UUID): admins only, and then required: the ministry
            organisation the survey belongs to (a ministry uploads its own and leaves it out)
        body (CreateUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UploadOut]
    """

    kwargs = _get_kwargs(
        body=body,
        mode=mode,
        dry_run=dry_run,
        on_error=on_error,
        replace=replace,
        ministry_id=ministry_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateUploadBody,
    mode: CreateUploadMode | Unset = UNSET,
    dry_run: bool | Unset = UNSET,
    on_error: CreateUploadOnError | Unset = UNSET,
    replace: bool | Unset = UNSET,
    ministry_id: None | Unset | UUID = UNSET,
) -> Problem | UploadOut | None:
    """Upload a workforce survey

     Reads a ministry's survey file (multipart/form-data, the file in the field `file`) into
    labour pools. Formats: CSV (UTF-8 with or without BOM, comma or semicolon separated) or
    XLSX (the first worksheet); a header row (names case-insensitive), then data rows. Modes:
    `pool_table`, one row per pool, columns origin_country, occupation (ISCO-08 unit group or
    job title), headcount, isced_level (ISCED 2011, 0..8), experience_years, and optionally
    region, sector (ISIC Rev.4 division), skills (`skill:share;skill:share`, share 0..1,
    default 1), languages (`en:B2:0.6;de:A2:0.1`: ISO 639-1 code, CEFR level, share),
    available_from (YYYY-MM-DD); `microdata`, one row per survey respondent, columns
    respondent_id, occupation, isced_level, experience_years, willing_to_work_abroad (yes/no),
    and optionally region, sector, languages (`en:B2;tl:C2`), skills (`skill;skill`), aggregated
    into pools of the willing by region and occupation, groups of fewer than 5 respondents
    suppressed (respondent ids are never stored). A row whose pool identity the ministry has
    already updates that pool (version + 1). The file is limited to upload_max_bytes (50 MB by
    default) and upload_max_rows rows (1,000,000 by default). Answers: 201 stored, 200 a dry
    run or the same file again (one file is stored once per ministry and mode: re-sending it
    is safe), 422 rejected with the report. At most 1,000 row errors are listed in JSON;
    GET /api/v1/uploads/{upload_id}/report.csv has every one.

    **Roles:** ministry, admin.

    Args:
        mode (CreateUploadMode | Unset):
        dry_run (bool | Unset):
        on_error (CreateUploadOnError | Unset):
        replace (bool | Unset):
        ministry_id (None | Unset | UUID): admins only, and then required: the ministry
            organisation the survey belongs to (a ministry uploads its own and leaves it out)
        body (CreateUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UploadOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            mode=mode,
            dry_run=dry_run,
            on_error=on_error,
            replace=replace,
            ministry_id=ministry_id,
        )
    ).parsed
