"""HTTP API of workforce-survey uploads: parse, authorise, call the service.

The upload route is a plain `def`: parsing and aggregating a large file is CPU work, which
FastAPI runs in its thread pool instead of on the event loop.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError

from app.auth.deps import require_roles
from app.common.principal import Principal, Role
from app.common.schemas import MAX_OFFSET, Page, SingleLine
from app.deps import SessionDep, SettingsDep
from app.errors import ProblemError, field_path, problem_response
from app.surveys import service
from app.surveys.receive import ReceivedDep, uploader
from app.surveys.schemas import UploadMode, UploadOptions, UploadOut, UploadStatus, UploadSummary

router = APIRouter(prefix="/api/v1/uploads", tags=["uploads"])

Uploader = Annotated[Principal, Depends(uploader)]
Reader = Annotated[Principal, Depends(require_roles(Role.MINISTRY, Role.OFFICER, Role.ADMIN))]

_PROBLEMS: dict[int | str, dict[str, Any]] = {
    401: {"description": "no or invalid API key"},
    403: {"description": "the role may not do this"},
    404: {"description": "unknown, or another organisation's, upload"},
}
_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "description": ".csv (UTF-8, comma or semicolon) or .xlsx",
                        },
                        "mode": {"type": "string", "enum": ["pool_table", "microdata"]},
                        "dry_run": {"type": "boolean", "default": False},
                        "on_error": {
                            "type": "string",
                            "enum": ["reject", "skip"],
                            "default": "reject",
                        },
                        "replace": {
                            "type": "boolean",
                            "default": False,
                            "description": "withdraw the ministry's pools of earlier uploads "
                            "of this mode that the file does not list (needs on_error=reject)",
                        },
                    },
                }
            }
        },
    }
}


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
        **_PROBLEMS,
        200: {
            "description": "dry run, or the same file stored earlier (Upload-Replayed: true)",
            "model": UploadOut,
        },
        409: {
            "description": "the same file is being stored right now, or it was stored before "
            "without replace=true and is sent again with it"
        },
        413: {"description": "file over the size or row limit"},
        415: {"description": "not a .csv or .xlsx file, or not multipart"},
        422: {"description": "rejected: the report is in `errors`, the stored record in `upload`"},
    },
)
def create_upload(
    received: ReceivedDep,
    session: SessionDep,
    settings: SettingsDep,
    principal: Uploader,
    mode: Annotated[SingleLine | None, Query(description="pool_table | microdata")] = None,
    dry_run: Annotated[
        SingleLine | None, Query(description="true: validate and report only")
    ] = None,
    on_error: Annotated[SingleLine | None, Query(description="reject (default) | skip")] = None,
    replace: Annotated[
        SingleLine | None,
        Query(description="true: the file is the whole wave; unlisted pools are withdrawn"),
    ] = None,
    ministry_id: Annotated[
        uuid.UUID | None,
        Query(description="admins only: the ministry organisation the survey belongs to"),
    ] = None,
) -> Response:
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


@router.get("", response_model=Page[UploadSummary], responses=_PROBLEMS)
def list_uploads(
    session: SessionDep,
    principal: Reader,
    status: UploadStatus | None = None,
    mode: UploadMode | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Page[UploadSummary]:
    return service.list_uploads(
        session, principal, status=status, mode=mode, limit=limit, offset=offset
    )


@router.get("/{upload_id}", response_model=UploadOut, responses=_PROBLEMS)
def get_upload(upload_id: uuid.UUID, session: SessionDep, principal: Reader) -> UploadOut:
    return _capped(service.to_out(session, service.get_upload(session, principal, upload_id)))


@router.get(
    "/{upload_id}/report.csv",
    responses={
        **_PROBLEMS,
        200: {
            "content": {"text/csv": {}},
            "description": "summary, per row the pool created / updated or the row's errors, "
            "and the withdrawn pools",
        },
    },
    response_class=Response,
)
def get_report_csv(upload_id: uuid.UUID, session: SessionDep, principal: Reader) -> Response:
    upload = service.get_upload(session, principal, upload_id)
    return Response(
        service.report_csv(upload),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="upload-{upload.id}-report.csv"'},
    )
