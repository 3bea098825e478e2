"""HTTP API of workforce-survey uploads: parse, authorise, call the service.

The upload route is a plain `def`: parsing and aggregating a large file is CPU work, which
FastAPI runs in its thread pool instead of on the event loop.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError, WithJsonSchema

from app.auth.deps import require_roles
from app.common.csv_safe import CSV_EXPORT, csv_response
from app.common.principal import Principal, Role
from app.common.schemas import Page, SingleLine
from app.deps import SessionDep, SettingsDep
from app.errors import ProblemError, field_path, problem_response
from app.intake.listing import Paging
from app.surveys import service
from app.surveys.models import SurveyUpload
from app.surveys.receive import ReceivedDep, uploader
from app.surveys.schemas import UploadFilters, UploadOptions, UploadOut, UploadSummary

router = APIRouter(prefix="/api/v1/uploads", tags=["uploads"])

Uploader = Annotated[Principal, Depends(uploader)]
Reader = Annotated[Principal, Depends(require_roles(Role.MINISTRY, Role.OFFICER, Role.ADMIN))]

_MODE_DESCRIPTION = (
    "pool_table: one row per labour pool; microdata: one row per survey respondent, aggregated "
    "into pools (see UploadMode for each mode's columns). Required, as a query parameter or a "
    "form field"
)
_DRY_RUN_DESCRIPTION = "true: validate and report only, store nothing (answered 200)"
_ON_ERROR_DESCRIPTION = (
    "reject (default): one bad row rejects the file and nothing is stored (a 422 with the "
    "report); skip: store the good rows and report the bad (status partial)"
)
_REPLACE_DESCRIPTION = (
    "true: the file is the ministry's whole new wave: its active pools from earlier uploads of "
    "this mode that the file does not list are withdrawn (reported); needs on_error=reject"
)
_MODES = ["pool_table", "microdata"]
_ON_ERRORS = ["reject", "skip"]
_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "description": "The survey file in the multipart field `file`, and the options as form "
        "fields (or query parameters; given both ways they must agree).",
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "description": ".csv (UTF-8 with or without BOM, comma- or "
                            "semicolon-separated) or .xlsx (the first worksheet), a header row "
                            "then one row per pool or respondent; at most upload_max_bytes "
                            "(50 MB unless the deployment sets IMDI_UPLOAD_MAX_BYTES) and "
                            "upload_max_rows data rows (1,000,000 by default)",
                        },
                        "mode": {
                            "type": "string",
                            "enum": _MODES,
                            "description": _MODE_DESCRIPTION,
                        },
                        "dry_run": {
                            "type": "boolean",
                            "default": False,
                            "description": _DRY_RUN_DESCRIPTION,
                        },
                        "on_error": {
                            "type": "string",
                            "enum": _ON_ERRORS,
                            "default": "reject",
                            "description": _ON_ERROR_DESCRIPTION,
                        },
                        "replace": {
                            "type": "boolean",
                            "default": False,
                            "description": _REPLACE_DESCRIPTION,
                        },
                    },
                },
                "examples": {
                    "pool_table": {
                        "summary": "a ministry's quarterly pool table, bad rows skipped",
                        "value": {
                            "file": "dmw_pool_table_2026Q4.csv",
                            "mode": "pool_table",
                            "on_error": "skip",
                            "dry_run": False,
                        },
                    },
                    "microdata_wave": {
                        "summary": "a labour-force survey wave that replaces the last one",
                        "value": {
                            "file": "lfs_2026_wave3_respondents.xlsx",
                            "mode": "microdata",
                            "replace": True,
                        },
                    },
                },
                "encoding": {
                    "file": {
                        "contentType": "text/csv, application/vnd.openxmlformats-officedocument"
                        ".spreadsheetml.sheet, application/octet-stream"
                    }
                },
            }
        },
    }
}
_LOCATION = {"Location": {"description": "the stored upload's URL", "schema": {"type": "string"}}}

UploadId = Annotated[uuid.UUID, Path(description="the upload's id")]
_EMPLOYER_403 = "employers do not read survey uploads"


def _options(fields: dict[str, str], query: dict[str, Any]) -> UploadOptions:
    """Options from query parameters or form fields; both may be used, but not disagree."""
    merged: dict[str, Any] = {}
    for name in sorted(set(fields) | {k for k, v in query.items() if v is not None}):
        form_value, query_value = fields.get(name), query.get(name)
        if form_value is not None and query_value is not None and form_value != query_value:
            raise ProblemError(
                422,
                f"{name!r} is given twice with different values "
                f"({query_value!r} in the query, {form_value!r} in the form).",
            )
        merged[name] = form_value if form_value is not None else query_value
    try:
        return UploadOptions.model_validate(merged)
    except ValidationError as exc:
        errors = [
            {
                "field": field_path(e.get("loc", ())),
                "message": str(e.get("msg", "invalid")),
                "type": e["type"],
            }
            for e in exc.errors()
        ]
        first = errors[0]
        raise ProblemError(422, f"{first['field']}: {first['message']}", errors=errors) from None


#: JSON answers list this many row errors at most; report.csv has every stored one.
MAX_JSON_ERRORS = 1_000


def _capped(out: UploadOut) -> UploadOut:
    """`out` with at most MAX_JSON_ERRORS row errors, saying how many there are and where."""
    if len(out.errors) <= MAX_JSON_ERRORS:
        return out
    where = (
        f"{router.prefix}/{out.id}/report.csv has them all"
        if out.id is not None
        else "a dry run stores no report.csv; upload the file to keep one"
    )
    return out.model_copy(
        update={
            "errors": out.errors[:MAX_JSON_ERRORS],
            "errors_note": f"The first {MAX_JSON_ERRORS} of {out.errors_total} row errors are "
            f"listed; {where}.",
        }
    )


@router.post(
    "",
    status_code=201,
    response_model=UploadOut,
    openapi_extra=_UPLOAD_BODY,
    responses={
        201: {"description": "the file was read and its pools stored", "headers": _LOCATION},
        200: {
            "description": "a dry run (nothing stored, id null), or the same file stored "
            "earlier by the ministry in this mode: that upload is answered again "
            "(replayed true, header Upload-Replayed: true), nothing is stored twice",
            "model": UploadOut,
            "headers": {
                **_LOCATION,
                "Upload-Replayed": {
                    "description": "true when the file was stored before",
                    "schema": {"type": "string", "enum": ["true"]},
                },
            },
        },
        400: {"description": "the multipart body cannot be parsed"},
        403: {
            "description": "the role may not upload surveys, or a non-admin named another "
            "organisation in ministry_id"
        },
        409: {
            "description": "the same file is being stored by another request right now, or it "
            "was stored before without replace=true and is sent again with it (the problem "
            "carries existing_id)"
        },
        413: {
            "description": "the file is over the size limit (the problem carries max_bytes), "
            "has more data rows than the row limit, a row or the cells over their limits, or "
            "an XLSX that decompresses beyond its limits"
        },
        415: {
            "description": "the body is not multipart/form-data, or the file is neither .csv "
            "nor .xlsx (an old .xls included)"
        },
        422: {
            "description": "the file was rejected (on_error=reject and a row is bad): the "
            "row errors are in `errors`, and the stored upload record, report and all, in the "
            "problem's `upload` member (Location names it). Also: no file, a file that cannot "
            "be read (empty, bad encoding, a header missing required columns or naming unknown "
            "ones), an invalid option, or an option given differently as query parameter and "
            "form field"
        },
    },
)
def create_upload(
    received: ReceivedDep,
    session: SessionDep,
    settings: SettingsDep,
    principal: Uploader,
    mode: Annotated[
        SingleLine | None,
        WithJsonSchema({"type": "string", "enum": _MODES}),
        Query(description=_MODE_DESCRIPTION),
    ] = None,
    dry_run: Annotated[
        SingleLine | None,
        WithJsonSchema({"type": "boolean", "default": False}),
        Query(description=_DRY_RUN_DESCRIPTION),
    ] = None,
    on_error: Annotated[
        SingleLine | None,
        WithJsonSchema({"type": "string", "enum": _ON_ERRORS, "default": "reject"}),
        Query(description=_ON_ERROR_DESCRIPTION),
    ] = None,
    replace: Annotated[
        SingleLine | None,
        WithJsonSchema({"type": "boolean", "default": False}),
        Query(description=_REPLACE_DESCRIPTION),
    ] = None,
    ministry_id: Annotated[
        uuid.UUID | None,
        Query(
            description="admins only, and then required: the ministry organisation the survey "
            "belongs to (a ministry uploads its own and leaves it out)"
        ),
    ] = None,
) -> Response:
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
    """
    options = _options(
        received.fields,
        {"mode": mode, "dry_run": dry_run, "on_error": on_error, "replace": replace},
    )
    result = service.process_upload(session, principal, settings, received, options, ministry_id)
    out = _capped(result.upload)
    body = out.model_dump(mode="json")
    if result.status_code == 422:
        # A rejected upload is stored (with its report) and the transaction commits: answer
        # with a problem document instead of raising, which would roll the record back.
        shown = body["errors"]
        return problem_response(
            422,
            f"The file was rejected: {out.rows_rejected} of {out.rows_read} rows have errors "
            "and nothing was stored (on_error=skip stores the good rows). The report is in "
            f"`errors` and at {router.prefix}/{out.id}/report.csv.",
            instance=router.prefix,
            errors=shown,
            upload=body,
            headers={"Location": f"{router.prefix}/{out.id}"},
        )
    headers: dict[str, str] = {}
    if out.replayed:
        headers["Upload-Replayed"] = "true"
    if out.id is not None:
        headers["Location"] = f"{router.prefix}/{out.id}"
    return JSONResponse(body, status_code=result.status_code, headers=headers)


@router.get(
    "",
    response_model=Page[UploadSummary],
    responses={200: {"description": "a page of uploads"}, 403: {"description": _EMPLOYER_403}},
)
def list_uploads(
    session: SessionDep,
    principal: Reader,
    filters: Annotated[UploadFilters, Depends()],
    page: Annotated[Paging, Depends()],
) -> Page[UploadSummary]:
    """List survey uploads

    The stored uploads the caller may see, newest first (ties by id), a page at a time (limit,
    offset; `total` counts every match): a ministry its own, officers and admins all. Filter by
    status and mode. Dry runs are never stored, so never listed. GET /api/v1/uploads.csv exports
    the same list whole.
    """
    return service.list_uploads(
        session,
        principal,
        status=filters.status,
        mode=filters.mode,
        limit=page.limit,
        offset=page.offset,
    )


@router.get(
    ".csv",
    response_class=Response,
    responses={**CSV_EXPORT, 403: {"description": _EMPLOYER_403}},
)
def export_uploads(
    session: SessionDep,
    principal: Reader,
    filters: Annotated[UploadFilters, Depends()],
) -> Response:
    """Export survey uploads as CSV

    Every upload GET /api/v1/uploads would list with the same filters and access rules, in the
    same order (newest first), in one CSV file (no paging). Columns: id, organisation_id,
    uploaded_by_id, filename, file_format, mode, checksum, size_bytes, rows_read, rows_accepted,
    rows_rejected, cells_suppressed, status, created_at, pools_created, pools_updated,
    pools_withdrawn. An upload's row errors and outcomes are in its report.csv.
    """
    rows = service.export_uploads(session, principal, status=filters.status, mode=filters.mode)
    return csv_response(service.CSV_COLUMNS, rows, "uploads.csv")


@router.get(
    "/{upload_id}",
    response_model=UploadOut,
    responses={200: {"description": "the upload"}, 403: {"description": _EMPLOYER_403}},
)
def get_upload(upload_id: UploadId, session: SessionDep, principal: Reader) -> UploadOut:
    """Read a survey upload

    One stored upload: its summary, what each row (or aggregated pool) did, and its row errors
    (the first 1,000; `errors_note` says when there are more, all in report.csv). A ministry
    reads its own uploads, officers and admins all; another's is a 404.
    """
    return _capped(service.to_out(session, service.get_upload(session, principal, upload_id)))


@router.get(
    "/{upload_id}/report.csv",
    responses={
        403: {"description": _EMPLOYER_403},
        200: {
            "content": {"text/csv": {"schema": {"type": "string"}}},
            "description": "summary, per row the pool created / updated or the row's errors, "
            "and the withdrawn pools",
        },
    },
    response_class=Response,
)
def get_upload_report(upload_id: UploadId, session: SessionDep, principal: Reader) -> Response:
    """Download an upload's report as CSV

    The whole report of a stored upload for a spreadsheet (formula-safe cells): columns row,
    column, value, message, outcome, pool_id. The first line is the summary (outcome
    `summary`); then, by file row, the pool each row created or updated (outcome created /
    updated, with the pool's id) or each of the row's errors (outcome `error`, with column,
    value and message); last the pools withdrawn by replace=true.
    """
    return report_download(service.get_upload(session, principal, upload_id))


def report_download(upload: SurveyUpload) -> Response:
    """An upload's report.csv as a download: this route's and the web page's (one export)."""
    return Response(
        service.report_csv(upload),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="upload-{upload.id}-report.csv"',
            "Cache-Control": "no-store",
        },
    )
