"""Workforce-survey uploads: validate a file, report every bad row, and store the pools it
describes, all in the request's one transaction.

Outcomes (design section 7):
- accepted: every row is good; the pools are stored.
- partial: on_error=skip and some rows are bad; the good rows' pools are stored.
- rejected: on_error=reject (the default) and a row is bad, or no row is good. No pool is stored.
  The upload record is stored with its report (status "rejected", HTTP 422) so that the ministry
  can read the report later (GET /api/v1/uploads/{id}, report.csv); it never deduplicates, so the
  same file can be sent again, e.g. with on_error=skip.
- dry_run: the same validation and report; nothing at all is stored (no record, no event).
A file that cannot be read as a table (format, encoding, header, size and row limits) is a plain
4xx problem: there is no row report to keep, so nothing is stored either.
The same file (sha256) sent again by the same ministry in the same mode after an accepted or
partial upload returns that upload (replayed) and stores nothing new.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.audit.service import record
from app.auth.models import Organisation
from app.auth.principal import Principal, Role
from app.common.csv_safe import to_csv
from app.common.schemas import Page
from app.config import Settings
from app.errors import NotFound, ProblemError
from app.pools.models import Pool
from app.pools.service import check_pool_codes, create_pools
from app.surveys import microdata, pool_table
from app.surveys.errors import FileProblem
from app.surveys.models import SurveyUpload
from app.surveys.occupations import TitleCoder
from app.surveys.receive import ReceivedFile
from app.surveys.schemas import (
    UploadMode,
    UploadOptions,
    UploadOut,
    UploadStatus,
    UploadSummary,
)
from app.surveys.tables import open_table

ENTITY = "survey_upload"
#: Reports keep at most this many row errors (the total is always counted). A file with more
#: bad rows than this is wrong as a whole, and the report must stay readable and storable.
MAX_REPORTED_ERRORS = 100_000
_STORED = (UploadStatus.ACCEPTED.value, UploadStatus.PARTIAL.value)


@dataclass(frozen=True, slots=True)
class UploadResult:
    upload: UploadOut
    #: 201 stored, 200 replay or dry run, 422 rejected.
    status_code: int


# ---- access ----------------------------------------------------------------------------------


def _readable(principal: Principal) -> None:
    if principal.role == Role.EMPLOYER:
        raise ProblemError(403, "Employers do not read survey uploads.")


def _visible(stmt: Any, principal: Principal) -> Any:
    if principal.sees_everything:
        return stmt
    return stmt.where(SurveyUpload.organisation_id == principal.organisation_id)


# ---- upload ----------------------------------------------------------------------------------


def process_upload(
    session: Session,
    principal: Principal,
    settings: Settings,
    received: ReceivedFile,
    options: UploadOptions,
) -> UploadResult:
    """Validate `received` and, unless a dry run or rejected, store its pools."""
    if principal.role != Role.MINISTRY:
        raise ProblemError(403, "Only ministries upload workforce surveys.")
    org = session.get(Organisation, principal.organisation_id)
    if org is None:  # a principal always has an organisation; guard for a deleted one
        raise ProblemError(403, "Your organisation no longer exists.")

    earlier = session.scalar(
        select(SurveyUpload).where(
            SurveyUpload.organisation_id == org.id,
            SurveyUpload.checksum == received.sha256,
            SurveyUpload.mode == options.mode.value,
            SurveyUpload.status.in_(_STORED),
        )
    )
    if earlier is not None:
        out = to_out(session, earlier)
        out.replayed = True
        out.dry_run = options.dry_run
        return UploadResult(out, 200)

    spec = pool_table.COLUMNS if options.mode == UploadMode.POOL_TABLE else microdata.COLUMNS
    table = open_table(received.file, received.filename, spec, max_rows=settings.upload_max_rows)
    coder = TitleCoder(session, settings.coding_min_confidence)
    report: dict[str, Any] = {
        "mode": options.mode.value,
        "on_error": options.on_error,
        "dry_run": options.dry_run,
        "columns": table.columns,
    }

    items: list[Any]
    if options.mode == UploadMode.POOL_TABLE:
        parsed = pool_table.parse_rows(table, coder)
        _require_rows(table.rows_read)
        if parsed.items:
            codes = check_pool_codes(
                session, parsed.items, min_confidence=settings.coding_min_confidence
            )
            pool_table.apply_code_errors(parsed, codes)
        pool_table.check_bad_rows(session, parsed)
        errors = parsed.errors
        bad_rows = len(parsed.bad_rows) + len(table.shape_errors)
        items = parsed.items
        good_rows = len(items)
        report["codings"] = parsed.codings
    else:
        reader = microdata.MicrodataReader(coder)
        reader.read(table)
        _require_rows(table.rows_read)
        valid = reader.check_codes(session)
        agg = reader.aggregate(valid, origin=org.country)
        errors = agg.errors
        bad_rows = agg.bad_rows + len(table.shape_errors)
        items = agg.items
        good_rows = agg.pooled
        report.update(agg.report())
        report["codings"] = agg.codings

    errors = sorted(
        [*errors, *table.shape_errors], key=lambda e: (e["row"], _column_order(table, e))
    )
    if bad_rows == 0:
        status = UploadStatus.ACCEPTED
    elif options.on_error == "skip" and items:
        status = UploadStatus.PARTIAL
    else:
        status = UploadStatus.REJECTED
    stored = status != UploadStatus.REJECTED
    report["errors_total"] = len(errors)
    report["errors_truncated"] = len(errors) > MAX_REPORTED_ERRORS
    report["pools"] = len(items) if stored else 0
    if not stored and items:
        report["pools_not_stored"] = len(items)

    upload = SurveyUpload(
        id=None if options.dry_run else uuid.uuid4(),
        organisation_id=org.id,
        uploaded_by_id=principal.user_id,
        filename=received.filename,
        file_format=table.format,
        mode=options.mode.value,
        checksum=received.sha256,
        size_bytes=received.size,
        rows_read=table.rows_read,
        rows_accepted=good_rows if stored else 0,
        rows_rejected=bad_rows,
        cells_suppressed=int(report.get("cells_suppressed", 0)),
        errors=errors[:MAX_REPORTED_ERRORS],
        report=report,
        status=status.value,
    )
    if options.dry_run:
        out = _out(upload, [])
        out.dry_run = True
        return UploadResult(out, 200)

    session.add(upload)
    try:
        session.flush()
    except IntegrityError:
        # The partial unique index: the same file was stored by a concurrent request just now.
        raise ProblemError(
            409,
            "The same file is being stored by another upload right now; list your uploads "
            "to find it.",
        ) from None
    pool_ids: list[uuid.UUID] = []
    if stored and items:
        pools = create_pools(
            session,
            principal,
            items,
            organisation_id=org.id,
            upload_id=upload.id,
            min_confidence=settings.coding_min_confidence,
        )
        pool_ids = [p.id for p in pools]
    record(session, principal, "create", ENTITY, upload.id, None, _audit_state(upload, pool_ids))
    session.flush()
    return UploadResult(_out(upload, pool_ids), 422 if status == UploadStatus.REJECTED else 201)


def _require_rows(rows_read: int) -> None:
    if rows_read == 0:
        raise FileProblem(422, "The file has a header row but no data rows.")


def _column_order(table: Any, error: dict[str, Any]) -> int:
    try:
        return int(table.columns.index(error["column"]))
    except ValueError:
        return -1


def _audit_state(upload: SurveyUpload, pool_ids: list[uuid.UUID]) -> dict[str, Any]:
    # What the upload did, without its errors (the report holds those) and without row values.
    return {
        "filename": upload.filename,
        "file_format": upload.file_format,
        "mode": upload.mode,
        "checksum": upload.checksum,
        "size_bytes": upload.size_bytes,
        "status": upload.status,
        "rows_read": upload.rows_read,
        "rows_accepted": upload.rows_accepted,
        "rows_rejected": upload.rows_rejected,
        "cells_suppressed": upload.cells_suppressed,
        "pools_created": len(pool_ids),
    }


def _out(upload: SurveyUpload, pool_ids: list[uuid.UUID]) -> UploadOut:
    return UploadOut(
        id=upload.id,
        organisation_id=upload.organisation_id,
        uploaded_by_id=upload.uploaded_by_id,
        filename=upload.filename,
        file_format=upload.file_format,
        mode=upload.mode,
        checksum=upload.checksum,
        size_bytes=upload.size_bytes,
        rows_read=upload.rows_read,
        rows_accepted=upload.rows_accepted,
        rows_rejected=upload.rows_rejected,
        cells_suppressed=upload.cells_suppressed,
        status=UploadStatus(upload.status),
        created_at=upload.created_at,
        pool_ids=pool_ids,
        errors=upload.errors or [],
        errors_total=int((upload.report or {}).get("errors_total", len(upload.errors or []))),
        report=upload.report or {},
    )


def to_out(session: Session, upload: SurveyUpload) -> UploadOut:
    pool_ids = list(
        session.scalars(
            select(Pool.id).where(Pool.upload_id == upload.id).order_by(Pool.created_at, Pool.id)
        )
    )
    return _out(upload, pool_ids)


# ---- read ------------------------------------------------------------------------------------


def get_upload(session: Session, principal: Principal, upload_id: uuid.UUID) -> SurveyUpload:
    _readable(principal)
    upload = session.scalar(
        _visible(select(SurveyUpload), principal).where(SurveyUpload.id == upload_id)
    )
    if upload is None:  # another organisation's upload is "not found": ids reveal nothing
        raise NotFound("Upload", upload_id)
    return upload


def list_uploads(
    session: Session,
    principal: Principal,
    *,
    status: UploadStatus | None,
    mode: UploadMode | None,
    limit: int,
    offset: int,
) -> Page[UploadSummary]:
    _readable(principal)
    stmt = _visible(select(SurveyUpload), principal)
    if status is not None:
        stmt = stmt.where(SurveyUpload.status == status.value)
    if mode is not None:
        stmt = stmt.where(SurveyUpload.mode == mode.value)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(
        stmt.order_by(SurveyUpload.created_at.desc(), SurveyUpload.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return Page(
        items=[UploadSummary.model_validate(r) for r in rows],
        total=total,
        limit=limit,
        offset=offset,
    )


# ---- CSV report ------------------------------------------------------------------------------


def report_csv(errors: Iterable[dict[str, Any]]) -> str:
    """The row errors of an upload; the row number is an int, the other cells are text (values
    are stored truncated to text), so every formula-like cell is neutralised."""
    return to_csv(
        ("row", "column", "value", "message"),
        ((e.get("row", ""), e.get("column"), e.get("value"), e.get("message")) for e in errors),
    )
