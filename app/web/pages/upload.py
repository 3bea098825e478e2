"""Workforce-survey upload (ministries) and the row-by-row report: what became of each row (a
pool created or updated), the withdrawn pools of a replacing wave, and the row errors."""

from __future__ import annotations

import hashlib
import uuid

from fastapi import Request
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.responses import Response

from app.deps import SessionDep, SettingsDep
from app.errors import ProblemError
from app.surveys import repository as uploads
from app.surveys import service as surveys
from app.surveys.receive import ReceivedFile
from app.surveys.schemas import UploadOptions, UploadOut
from app.web.deps import CsrfForm, CurrentWebUser, MinistryUser
from app.web.pages.common import text, web_router
from app.web.render import render

router = web_router()
_CHUNK = 1024 * 1024


def _form(
    request: Request,
    user,
    session,
    *,
    error: str | None = None,
    status: int = 200,
    values: dict[str, str] | None = None,
) -> Response:
    return render(
        request,
        "upload.html",
        {
            "uploads": uploads.uploads_of(session, user.principal, limit=10),
            "error": error,
            "values": values
            or {"mode": "pool_table", "on_error": "reject", "dry_run": "", "replace": ""},
        },
        status=status,
    )


@router.get("/upload")
def upload_form(request: Request, user: MinistryUser, session: SessionDep) -> Response:
    return _form(request, user, session)


def _received(upload: UploadFile, fields: dict[str, str]) -> ReceivedFile:
    """The spooled form file, measured and hashed as the API's receiver does."""
    digest = hashlib.sha256()
    size = 0
    upload.file.seek(0)
    while chunk := upload.file.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
    upload.file.seek(0)
    return ReceivedFile(
        filename=(upload.filename or "upload")[:255],
        file=upload.file,
        size=size,
        sha256=digest.hexdigest(),
        fields=fields,
    )


@router.post("/upload")
def upload(
    request: Request,
    # The user before the form: an anonymous or wrong-role POST is refused unread.
    user: MinistryUser,
    form: CsrfForm,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    values = {
        "mode": text(form, "mode"),
        "on_error": text(form, "on_error"),
        "dry_run": "true" if form.get("dry_run") == "on" else "",
        "replace": "true" if form.get("replace") == "on" else "",
    }
    file = form.get("file")
    if not isinstance(file, UploadFile) or not file.filename:
        return _form(
            request,
            user,
            session,
            error="Choose a CSV or XLSX file to upload.",
            status=422,
            values=values,
        )
    try:
        options = UploadOptions.model_validate(
            {
                "mode": values["mode"],
                "on_error": values["on_error"],
                "dry_run": bool(values["dry_run"]),
                "replace": bool(values["replace"]),
            }
        )
    except ValidationError as exc:
        replace = [e for e in exc.errors() if e.get("loc") == ("replace",)]
        return _form(
            request,
            user,
            session,
            error=(
                "Replacing the whole wave needs every row: choose to reject the file if a row "
                "is bad."
                if replace
                else "Choose a mode and what to do with bad rows."
            ),
            status=422,
            values=values,
        )
    received = _received(file, {})
    if received.size > settings.upload_max_bytes:
        raise ProblemError(
            413, f"The file is larger than the upload limit of {settings.upload_max_bytes} bytes."
        )
    try:
        result = surveys.process_upload(session, user.principal, settings, received, options)
    except ProblemError as exc:
        if exc.status >= 500 or exc.status == 409:
            raise  # a failed write: the error page, and the transaction rolls back
        # The file could not be read, or its pools could not be stored (store_pools refuses
        # after the upload record was flushed): roll back whatever was written, as raising would,
        # and say why on the form. A rejected upload is a result, not an error: it is kept.
        session.rollback()
        return _form(request, user, session, error=exc.detail, status=exc.status, values=values)
    out = result.upload
    return render(
        request,
        "upload_report.html",
        {"upload": out, "fresh": True, "pools_text": pools_sentence(out)},
        status=result.status_code if result.status_code != 201 else 200,
    )


@router.get("/uploads/{upload_id}")
def upload_report(
    request: Request, upload_id: uuid.UUID, user: CurrentWebUser, session: SessionDep
) -> Response:
    out = surveys.to_out(session, surveys.get_upload(session, user.principal, upload_id))
    return render(
        request,
        "upload_report.html",
        {"upload": out, "fresh": False, "pools_text": pools_sentence(out)},
    )


_VERBS = {
    "created": "created",
    "updated": "updated with the new figures",
    "withdrawn": "withdrawn (not in this wave)",
}


def pools_sentence(out: UploadOut) -> str:
    """'1 pool was created and 29 pools were updated with the new figures.' ('would be' for a
    dry run); empty when the upload stored nothing."""
    counts = {
        "created": out.pools_created,
        "updated": out.pools_updated,
        "withdrawn": out.pools_withdrawn,
    }
    parts = []
    for outcome, n in counts.items():
        if n:
            verb = "would be" if out.dry_run else ("was" if n == 1 else "were")
            parts.append(f"{n} {'pool' if n == 1 else 'pools'} {verb} {_VERBS[outcome]}")
    if not parts:
        return ""
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return text[0].upper() + text[1:] + "."
