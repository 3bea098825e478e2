"""Workforce-survey upload (ministries) and the row-by-row report: what became of each row (a
pool created or updated), the withdrawn pools of a replacing wave, and the row errors.

Post/redirect/get: a stored upload (accepted, partial, rejected or a file sent again) is
answered with a redirect to its report, /uploads/{id}, so that a refresh never sends the file
again. A dry run stores nothing and has no id: its report is the POST's answer."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass

from fastapi import Request
from pydantic import ValidationError
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile
from starlette.responses import Response

from app.common import codes
from app.deps import SessionDep, SettingsDep
from app.errors import ProblemError
from app.pools import repository as pools_repo
from app.surveys import repository as uploads
from app.surveys import service as surveys
from app.surveys.receive import ReceivedFile
from app.surveys.router import report_download
from app.surveys.schemas import UploadOptions, UploadOut
from app.taxonomy import repository as taxonomy
from app.web.deps import CsrfForm, CurrentWebUser, MinistryUser
from app.web.identity import WebUser
from app.web.names import pool_label
from app.web.pages.common import redirect, text, web_router
from app.web.render import plural, render

router = web_router()
_CHUNK = 1024 * 1024


def _form(
    request: Request,
    user: WebUser,
    session: Session,
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
    if out.dry_run or out.id is None:
        # A dry run stores nothing, so it has no address to redirect to: its report is this
        # answer (no-store, like every page). Sending it again on a refresh writes nothing.
        return _report_page(request, session, out)
    # Post/redirect/get: the report has its own address (a stored, rejected or replayed
    # upload alike), so a refresh reads it again instead of sending the file again.
    if out.replayed:
        return redirect(request, f"/uploads/{out.id}", "info", _REPLAYED)
    return redirect(request, f"/uploads/{out.id}")


_REPLAYED = "This file was uploaded before; this is that upload (nothing was stored twice)."


@router.get("/uploads/{upload_id}")
def upload_report(
    request: Request, upload_id: uuid.UUID, user: CurrentWebUser, session: SessionDep
) -> Response:
    # The API's access rules: a ministry its own uploads, officers and admins all, employers
    # none (403); another's is a 404.
    out = surveys.to_out(session, surveys.get_upload(session, user.principal, upload_id))
    return _report_page(request, session, out)


@router.get("/uploads/{upload_id}/report.csv")
def upload_report_csv(upload_id: uuid.UUID, user: CurrentWebUser, session: SessionDep) -> Response:
    """The API's report.csv (same export, same access rules) for the signed-in browser."""
    return report_download(surveys.get_upload(session, user.principal, upload_id))


def _report_page(request: Request, session: Session, out: UploadOut) -> Response:
    return render(
        request,
        "upload_report.html",
        {
            "upload": out,
            "pools_text": pools_sentence(out),
            "rows_text": rows_sentence(out),
            "pool_rows": pool_rows(session, out),
        },
    )


def rows_sentence(out: UploadOut) -> str:
    """'3 rows read, 2 accepted, 1 rejected, 1 small cell suppressed'."""
    text = (
        f"{plural(out.rows_read, 'row')} read, {out.rows_accepted:,} accepted, "
        f"{out.rows_rejected:,} rejected"
    )
    if out.cells_suppressed:
        text += f", {plural(out.cells_suppressed, 'small cell')} suppressed"
    return text


@dataclass(frozen=True, slots=True)
class PoolRow:
    row: int | None
    label: str
    href: str | None
    outcome: str
    version: int


def pool_rows(session: Session, out: UploadOut) -> list[PoolRow]:
    """The report's pools by their readable names (names.pool_label), linked when stored: the
    pools in one query, their occupations' titles in another. A pool a dry run would create
    has no row yet: it is named from its identity (origin, region, occupation)."""
    stored = pools_repo.pools_by_id(session, {p.pool_id for p in out.pools if p.pool_id})
    identities = {p.pool: _identity(p.pool) for p in out.pools if p.pool_id not in stored}
    titles = taxonomy.occupation_titles(
        session,
        {p.occupation_code for p in stored.values()}
        | {i[2] for i in identities.values() if i is not None},
    )
    rows = []
    for p in out.pools:
        pool = stored.get(p.pool_id) if p.pool_id else None
        if pool is not None:
            label, href = pool_label(pool, titles), f"/pools/{pool.id}"
        else:
            label, href = _identity_label(p.pool, identities.get(p.pool), titles), None
        rows.append(PoolRow(p.row, label, href, p.outcome, p.version))
    return rows


def _identity(described: str) -> tuple[str, str | None, str] | None:
    """(origin, region, occupation) of a pool described as 'PH, Central Luzon, 2221, sector 86'
    (app.pools.service.describe_identity; a region may hold commas, the other parts never)."""
    parts = described.rsplit(", ", 2)
    if len(parts) != 3:
        return None
    place, occupation, _sector = parts
    origin, _, region = place.partition(", ")
    if not origin or not region:
        return None
    return origin, (None if region == "no region" else region), occupation


def _identity_label(
    described: str, identity: tuple[str, str | None, str] | None, titles: dict[str, str]
) -> str:
    if identity is None:
        return described
    origin, region, occupation = identity
    country = codes.countries().get(origin, ("", origin))[1]
    place = f"{country}, {region}" if region else country
    return f"{place} - {titles.get(occupation) or f'ISCO {occupation}'}"


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
            parts.append(f"{plural(n, 'pool')} {verb} {_VERBS[outcome]}")
    if not parts:
        return ""
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return text[0].upper() + text[1:] + "."
