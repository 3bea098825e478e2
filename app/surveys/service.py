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

Survey waves (design section 3). Each row (pool table) or aggregated cell (microdata) names a
pool identity (origin country, region, occupation, sector; microdata pools have no sector). A
pool of the ministry with that identity is updated (version + 1, earlier figures kept in its
history, an audit event), even when its figures are the same already: a wave naming a pool
confirms it, and its history shows when; otherwise a pool is created. Whatever the format: the
same table as CSV and then as XLSX (another checksum) creates nothing the second time, every
row is "updated". Two rows of one file with the same identity are both row errors (the file
does not say which is right). The report lists per row created / updated with the pool id, and
the counts.

replace=true (with on_error=reject: a skipped row would look unlisted) makes the file the
ministry's whole wave: its active pools from earlier uploads of the same mode that the file does
not list are withdrawn, as POST /pools/{id}/withdraw does (their decided pairs stay as history),
and reported. The scope is the mode because a pool table and a microdata survey are different
sources (a microdata wave names no sector, so it would never list a pool table's pools); pools
made through the API are not part of any wave and never withdrawn by one. A dry run reports what
would be created, updated and withdrawn.

Reading and the rest are apart: `process_upload` reads an uploaded file, and `finish_upload`
does all that follows (report, status, record, dry run, on_error, replace, the wave stored,
audit, webhook). `imdi aggregate-microdata` (app/surveys/distributed.py) reads microdata too
large to upload on a Dask cluster and hands its reading to the same `finish_upload`, after
the same replay check (`find_replay`).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.audit.service import record
from app.auth.models import Organisation
from app.common.csv_safe import to_csv
from app.common.principal import Principal, Role
from app.common.schemas import Page
from app.config import Settings
from app.errors import NotFound, ProblemError
from app.intake.owners import resolve_owner
from app.pools.models import Pool, PoolStatus
from app.pools.service import (
    PoolPlan,
    StoredPools,
    check_pool_codes,
    describe_identity,
    identity_keys,
    plan_pools,
    store_pools,
)
from app.surveys import microdata, pool_table
from app.surveys.errors import FileProblem
from app.surveys.limits import ReadLimits
from app.surveys.models import SurveyUpload
from app.surveys.occupations import TitleCoder
from app.surveys.receive import ReceivedFile
from app.surveys.schemas import (
    PoolOutcomeOut,
    UploadMode,
    UploadOptions,
    UploadOut,
    UploadStatus,
    UploadSummary,
)
from app.surveys.tables import open_table
from app.webhooks.events import EventType, emit

ENTITY = "survey_upload"
#: Reports keep at most this many row errors, and at most this many bytes of them as JSON (the
#: total is always counted). A file with more bad rows than this is wrong as a whole, and the
#: report must stay readable and storable. An error is at most ~700 bytes (its value and
#: message are cut short, app/surveys/errors.py).
MAX_REPORTED_ERRORS = 10_000
MAX_REPORTED_ERROR_BYTES = 2 * 1024 * 1024
_STORED = (UploadStatus.ACCEPTED.value, UploadStatus.PARTIAL.value)
_OUTCOMES = ("created", "updated", "withdrawn")


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
    ministry_id: uuid.UUID | None = None,
) -> UploadResult:
    """Validate `received` and, unless a dry run or rejected, store its pools: the uploading
    ministry's, or for an admin those of the ministry named by `ministry_id`."""
    if principal.role not in (Role.MINISTRY, Role.ADMIN):
        raise ProblemError(403, "Only ministries and admins upload workforce surveys.")
    owner = resolve_owner(session, principal, ministry_id, kind="ministry", param="ministry_id")
    org = session.get(Organisation, owner)
    if org is None:  # a principal always has an organisation; guard for a deleted one
        raise ProblemError(403, "Your organisation no longer exists.")

    replay = find_replay(session, org, received.sha256, options)
    if replay is not None:
        return replay

    spec = pool_table.COLUMNS if options.mode == UploadMode.POOL_TABLE else microdata.COLUMNS
    table = open_table(
        received.file, received.filename, spec, limits=ReadLimits.from_settings(settings)
    )
    coder = TitleCoder(session, settings.coding_min_confidence)
    details: dict[str, Any] = {}

    items: list[Any]
    #: The file row of each item (pool table); None for microdata, whose pools are cells.
    rows: list[int | None]
    if options.mode == UploadMode.POOL_TABLE:
        parsed = pool_table.parse_rows(table, coder)
        require_rows(table.rows_read)
        if parsed.items:
            codes = check_pool_codes(
                session,
                parsed.items,
                organisation_id=org.id,
                min_confidence=settings.coding_min_confidence,
            )
            pool_table.apply_code_errors(parsed, codes)
        if parsed.items:
            keys = identity_keys(
                session, parsed.items, min_confidence=settings.coding_min_confidence
            )
            pool_table.apply_identity_errors(parsed, keys)
        pool_table.check_bad_rows(session, parsed)
        errors = parsed.errors
        bad_rows = len(parsed.bad_rows) + table.shape_bad_rows
        items = parsed.items
        rows = list(parsed.rows)
        good_rows = len(items)
        details["codings"] = parsed.codings
    else:
        reader = microdata.MicrodataReader(coder)
        reader.read(table)
        require_rows(table.rows_read)
        valid = reader.check_codes(session)
        agg = reader.aggregate(valid, origin=org.country)
        errors = agg.errors
        bad_rows = agg.bad_rows + table.shape_bad_rows
        items = agg.items
        rows = [None] * len(items)
        good_rows = agg.pooled
        details.update(agg.report())
        details["codings"] = agg.codings

    errors = sorted([*errors, *table.shape_errors], key=error_order(table.columns))
    read = ReadResult(
        filename=received.filename,
        file_format=table.format,
        checksum=received.sha256,
        size_bytes=received.size,
        rows_read=table.rows_read,
        columns=table.columns,
        items=items,
        rows=rows,
        errors=errors,
        errors_total=len(errors),
        bad_rows=bad_rows,
        good_rows=good_rows,
        details=details,
    )
    return finish_upload(session, principal, settings, org, options, read)


@dataclass(slots=True)
class ReadResult:
    """What reading a file found: all that `finish_upload` needs to report and store it."""

    filename: str
    file_format: str
    checksum: str
    size_bytes: int
    rows_read: int
    columns: list[str]
    #: PoolIn items, and the file row of each (pool table; None for a microdata cell).
    items: list[Any]
    rows: list[int | None]
    #: Row errors in report order (`error_order`); possibly only the first of them (a
    #: distributed job keeps no more than a report can show), `errors_total` counts all.
    errors: list[dict[str, Any]]
    errors_total: int
    bad_rows: int
    good_rows: int
    #: The mode's own report entries (microdata: the respondents' counts), and "codings".
    details: dict[str, Any]


def error_order(columns: list[str]) -> Callable[[dict[str, Any]], tuple[int, int]]:
    """The sort key of row errors in a report: by row, then by column as the file has them (a
    row's errors in one column keep the order they were found in: sort stably)."""
    position = {name: i for i, name in enumerate(columns)}

    def key(error: dict[str, Any]) -> tuple[int, int]:
        return error["row"], position.get(error["column"], -1)

    return key


def find_replay(
    session: Session, org: Organisation, checksum: str, options: UploadOptions
) -> UploadResult | None:
    """The earlier upload of this file (by checksum) that stored pools in this mode, as a
    replay; a 409 when this one asks for replace=true and that one did not. Asked before the
    file is read, so that sending a file again costs no reading."""
    earlier = session.scalar(
        select(SurveyUpload).where(
            SurveyUpload.organisation_id == org.id,
            SurveyUpload.checksum == checksum,
            SurveyUpload.mode == options.mode.value,
            SurveyUpload.status.in_(_STORED),
        )
    )
    if earlier is None:
        return None
    if options.replace and not (earlier.report or {}).get("replace"):
        raise ProblemError(
            409,
            f"This file was stored before (upload {earlier.id}) without replace=true, and "
            "one file is stored once. Withdraw the pools it does not list through the API "
            "(POST /api/v1/pools/{id}/withdraw), or send the next wave with replace=true.",
            existing_id=str(earlier.id),
        )
    out = to_out(session, earlier)
    out.replayed = True
    out.dry_run = options.dry_run
    return UploadResult(out, 200)


def finish_upload(
    session: Session,
    principal: Principal | None,
    settings: Settings,
    org: Organisation,
    options: UploadOptions,
    read: ReadResult,
) -> UploadResult:
    """Everything after reading, for an upload and for `imdi aggregate-microdata` alike: the
    report and status, the upload record, the dry run, on_error and replace, the pools
    stored as a wave, the audit event and the webhook event. `principal` None: the system
    (the command line), as in the audit trail."""
    report: dict[str, Any] = {
        "mode": options.mode.value,
        "on_error": options.on_error,
        "dry_run": options.dry_run,
        "replace": options.replace,
        "columns": read.columns,
        **read.details,
    }
    items, rows, errors = read.items, read.rows, read.errors
    if read.bad_rows == 0:
        status = UploadStatus.ACCEPTED
    elif options.on_error == "skip" and items:
        status = UploadStatus.PARTIAL
    else:
        status = UploadStatus.REJECTED
    stored = status != UploadStatus.REJECTED
    kept = _reported(errors)
    report["errors_total"] = read.errors_total
    report["errors_truncated"] = len(kept) < read.errors_total
    report["pools"] = len(items) if stored else 0
    if not stored and items:
        report["pools_not_stored"] = len(items)

    upload = SurveyUpload(
        id=None if options.dry_run else uuid.uuid4(),
        organisation_id=org.id,
        uploaded_by_id=principal.user_id if principal is not None else None,
        filename=read.filename,
        file_format=read.file_format,
        mode=options.mode.value,
        checksum=read.checksum,
        size_bytes=read.size_bytes,
        rows_read=read.rows_read,
        rows_accepted=read.good_rows if stored else 0,
        rows_rejected=read.bad_rows,
        cells_suppressed=int(report.get("cells_suppressed", 0)),
        errors=kept,
        report=report,
        status=status.value,
    )
    # A wave with no pool left (every microdata cell suppressed) still replaces the earlier one.
    writes = stored and bool(items or options.replace)
    if options.dry_run:
        planned: list[dict[str, Any]] = []
        if writes:
            plan = plan_pools(
                session,
                items,
                organisation_id=org.id,
                min_confidence=settings.coding_min_confidence,
                withdraw_among=_wave_pools(session, org.id, options.mode)
                if options.replace
                else None,
            )
            planned = _planned(plan, rows)
        upload.report = _with_outcomes(report, planned)
        out = _out(upload)
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
    outcomes: list[dict[str, Any]] = []
    if writes:
        # The upload record is flushed: this request holds the write lock, so a concurrent
        # wave of the same ministry waits and then finds these pools instead of adding its own.
        result = store_pools(
            session,
            principal,
            items,
            organisation_id=org.id,
            upload_id=upload.id,
            min_confidence=settings.coding_min_confidence,
            withdraw_among=_wave_pools(session, org.id, options.mode) if options.replace else None,
        )
        outcomes = _stored(result, rows)
    upload.report = _with_outcomes(report, outcomes)
    record(session, principal, "create", ENTITY, upload.id, None, _audit_state(upload))
    session.flush()
    emit(
        session,
        EventType.UPLOAD_FINISHED,
        {
            "upload_id": str(upload.id),
            "filename": upload.filename,
            "status": upload.status,
            "rows_read": upload.rows_read,
            "rows_accepted": upload.rows_accepted,
            "rows_rejected": upload.rows_rejected,
            "summary": summary_counts(upload),
        },
        organisation_id=upload.organisation_id,
    )
    return UploadResult(_out(upload), 422 if status == UploadStatus.REJECTED else 201)


# ---- outcomes --------------------------------------------------------------------------------


def _wave_pools(session: Session, organisation_id: uuid.UUID, mode: UploadMode) -> list[Pool]:
    """The pools replace=true may withdraw: the ministry's active pools whose source is an
    upload of the same mode."""
    return list(
        session.scalars(
            select(Pool)
            .join(SurveyUpload, Pool.upload_id == SurveyUpload.id)
            .where(
                Pool.ministry_id == organisation_id,
                Pool.status == PoolStatus.ACTIVE,
                SurveyUpload.mode == mode.value,
            )
        )
    )


def _entry(
    row: int | None,
    pool_id: uuid.UUID | None,
    outcome: str,
    version: int,
    origin: str,
    region: str | None,
    occupation: str,
    sector: str | None,
) -> dict[str, Any]:
    return {
        "row": row,
        "pool_id": str(pool_id) if pool_id else None,
        "outcome": outcome,
        "version": version,
        "pool": describe_identity(origin, region, occupation, sector),
    }


def _pool_entry(row: int | None, pool: Pool, outcome: str, version: int) -> dict[str, Any]:
    return _entry(
        row,
        pool.id,
        outcome,
        version,
        pool.origin_country,
        pool.region,
        pool.occupation_code,
        pool.sector_code,
    )


def _stored(result: StoredPools, rows: list[int | None]) -> list[dict[str, Any]]:
    out = [
        _pool_entry(row, pool, outcome, pool.version)
        for row, pool, outcome in zip(rows, result.pools, result.outcomes, strict=True)
    ]
    return out + [_pool_entry(None, p, "withdrawn", p.version) for p in result.withdrawn]


def _planned(plan: PoolPlan, rows: list[int | None]) -> list[dict[str, Any]]:
    """What a dry run would do: the versions the pools would have."""
    out = []
    for index, (row, item, outcome) in enumerate(zip(rows, plan.items, plan.outcomes, strict=True)):
        pool = plan.matched.get(index)
        version = 1 if pool is None else pool.version + 1
        out.append(
            _entry(
                row,
                pool.id if pool is not None else None,
                outcome,
                version,
                item.data.origin_country,
                item.data.region,
                item.occupation.code,
                item.data.sector,
            )
        )
    return out + [_pool_entry(None, p, "withdrawn", p.version + 1) for p in plan.withdraw]


def _with_outcomes(report: dict[str, Any], outcomes: list[dict[str, Any]]) -> dict[str, Any]:
    # A new dict: the JSON column sees a new value (in-place changes are not tracked).
    counts = {f"pools_{o}": sum(1 for e in outcomes if e["outcome"] == o) for o in _OUTCOMES}
    return {**report, **counts, "outcomes": outcomes}


def _reported(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The first errors, as many as MAX_REPORTED_ERRORS and MAX_REPORTED_ERROR_BYTES allow."""
    size = 0
    for count, error in enumerate(errors[:MAX_REPORTED_ERRORS]):
        size += len(json.dumps(error)) + 2  # escaped to ASCII: never less than stored
        if size > MAX_REPORTED_ERROR_BYTES:
            return errors[:count]
    return errors[:MAX_REPORTED_ERRORS]


def require_rows(rows_read: int) -> None:
    if rows_read == 0:
        raise FileProblem(422, "The file has a header row but no data rows.")


def _audit_state(upload: SurveyUpload) -> dict[str, Any]:
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
        "replace": bool((upload.report or {}).get("replace")),
        "pools_created": upload.pools_created,
        "pools_updated": upload.pools_updated,
        "pools_withdrawn": upload.pools_withdrawn,
    }


def _out(upload: SurveyUpload, legacy_pool_ids: list[uuid.UUID] | None = None) -> UploadOut:
    report = upload.report or {}
    pools = [PoolOutcomeOut.model_validate(e) for e in report.get("outcomes", [])]
    pool_ids = (
        [p.pool_id for p in pools if p.pool_id and p.outcome in ("created", "updated")]
        if legacy_pool_ids is None
        else legacy_pool_ids
    )
    return UploadOut(
        id=upload.id,
        organisation_id=upload.organisation_id,
        uploaded_by_id=upload.uploaded_by_id,
        filename=upload.filename,
        file_format=upload.file_format,
        mode=UploadMode(upload.mode),
        checksum=upload.checksum,
        size_bytes=upload.size_bytes,
        rows_read=upload.rows_read,
        rows_accepted=upload.rows_accepted,
        rows_rejected=upload.rows_rejected,
        cells_suppressed=upload.cells_suppressed,
        status=UploadStatus(upload.status),
        created_at=upload.created_at,
        pools_created=upload.pools_created,
        pools_updated=upload.pools_updated,
        pools_withdrawn=upload.pools_withdrawn,
        pool_ids=pool_ids,
        pools=pools,
        errors=upload.errors or [],
        errors_total=int(report.get("errors_total", len(upload.errors or []))),
        # The outcomes are `pools`, not repeated here.
        report={k: v for k, v in report.items() if k != "outcomes"},
    )


def to_out(session: Session, upload: SurveyUpload) -> UploadOut:
    if "outcomes" in (upload.report or {}):
        return _out(upload)
    # Stored before pools had an identity: every pool it stored was created, and is its own.
    legacy = list(
        session.scalars(
            select(Pool.id).where(Pool.upload_id == upload.id).order_by(Pool.created_at, Pool.id)
        )
    )
    return _out(upload, legacy)


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


#: The columns of GET /api/v1/uploads.csv: UploadSummary's fields.
CSV_COLUMNS = (
    "id",
    "organisation_id",
    "uploaded_by_id",
    "filename",
    "file_format",
    "mode",
    "checksum",
    "size_bytes",
    "rows_read",
    "rows_accepted",
    "rows_rejected",
    "cells_suppressed",
    "status",
    "created_at",
    "pools_created",
    "pools_updated",
    "pools_withdrawn",
)


def export_uploads(
    session: Session, principal: Principal, *, status: UploadStatus | None, mode: UploadMode | None
) -> list[tuple[Any, ...]]:
    """Every upload of the list (same filters, access and order: newest first) as CSV rows of
    CSV_COLUMNS, in one query of the columns needed: the pools counts are read out of the
    report in SQL, never the reports (or row errors) themselves, which can be large."""
    _readable(principal)
    u = SurveyUpload
    stmt = _visible(select(u), principal)
    if status is not None:
        stmt = stmt.where(u.status == status.value)
    if mode is not None:
        stmt = stmt.where(u.mode == mode.value)
    rows = session.execute(
        stmt.with_only_columns(
            u.id,
            u.organisation_id,
            u.uploaded_by_id,
            u.filename,
            u.file_format,
            u.mode,
            u.checksum,
            u.size_bytes,
            u.rows_read,
            u.rows_accepted,
            u.rows_rejected,
            u.cells_suppressed,
            u.status,
            u.created_at,
            u.report["pools_created"].as_integer(),
            u.report["pools_updated"].as_integer(),
            u.report["pools_withdrawn"].as_integer(),
            u.report["pools"].as_integer(),
        ).order_by(u.created_at.desc(), u.id.desc())
    ).all()
    out: list[tuple[Any, ...]] = []
    for *head, created_at, created, updated, withdrawn, legacy in rows:
        if created is None:  # stored before pools had an identity: it only created pools
            created, updated, withdrawn = legacy or 0, 0, 0
        out.append((*head, created_at, created, updated or 0, withdrawn or 0))
    return out


# ---- CSV report ------------------------------------------------------------------------------


_MESSAGES = {
    "created": "a new pool (version {version})",
    "updated": "the pool of this identity took the new figures (version {version})",
    "withdrawn": "withdrawn: the wave does not list it (replace=true)",
}


def summary_counts(upload: UploadSummary | SurveyUpload) -> str:
    """'30 rows read, 30 accepted, 0 rejected; pools: 0 created, 30 updated, 0 withdrawn'."""
    return (
        f"{upload.rows_read} rows read, {upload.rows_accepted} accepted, "
        f"{upload.rows_rejected} rejected; pools: {upload.pools_created} created, "
        f"{upload.pools_updated} updated, {upload.pools_withdrawn} withdrawn"
    )


def report_csv(upload: SurveyUpload) -> str:
    """The upload's report for a spreadsheet: a summary line, then per row of the file what
    became of it (outcome created / updated with the pool id) or each of its errors
    (outcome "error"), then the withdrawn pools. The first four columns are those of the row
    errors, so that a sheet reading them by position still works. The row number is an int, the
    other cells are text (values are stored truncated), so every formula-like cell is
    neutralised."""
    lines: list[tuple[tuple[bool, int, int], tuple[object, ...]]] = []
    for e in (upload.report or {}).get("outcomes", []):
        row = e.get("row")
        kind = 2 if e["outcome"] == "withdrawn" else 0
        message = _MESSAGES.get(e["outcome"], e["outcome"]).format(version=e.get("version"))
        lines.append(
            (
                (row is None, row or 0, kind),
                (
                    "" if row is None else row,
                    "",
                    e.get("pool"),
                    message,
                    e["outcome"],
                    e["pool_id"],
                ),
            )
        )
    for e in upload.errors or []:
        row = e.get("row")
        lines.append(
            (
                (row is None, row or 0, 1),
                (row if row is not None else "", e.get("column"), e.get("value"), e.get("message"),
                 "error", ""),
            )
        )  # fmt: skip
    lines.sort(key=lambda line: line[0])  # stable: a row's errors keep their order
    return to_csv(
        ("row", "column", "value", "message", "outcome", "pool_id"),
        [("", "", "", summary_counts(upload), "summary", ""), *(cells for _, cells in lines)],
    )
