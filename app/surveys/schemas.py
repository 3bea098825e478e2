"""API schemas of workforce-survey uploads."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.common.schemas import UtcDatetime


class UploadMode(StrEnum):
    POOL_TABLE = "pool_table"
    MICRODATA = "microdata"


class UploadStatus(StrEnum):
    ACCEPTED = "accepted"
    PARTIAL = "partial"
    REJECTED = "rejected"


class UploadOptions(BaseModel):
    """Query parameters or form fields of POST /api/v1/uploads."""

    model_config = ConfigDict(extra="forbid")

    mode: UploadMode = Field(
        description="pool_table: one row per pool; microdata: one row per "
        "survey respondent, aggregated into pools"
    )
    dry_run: bool = Field(False, description="validate and report only; store nothing")
    on_error: Literal["reject", "skip"] = Field(
        "reject",
        description="reject: one bad row rejects the file (nothing stored); skip: "
        "store the good rows and report the bad",
    )


class RowError(BaseModel):
    row: int = Field(description="row number as a spreadsheet shows it (the header is row 1)")
    column: str
    value: str = Field(description="the offending value, cut to 100 characters")
    message: str


class UploadSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID | None = Field(description="null for a dry run, which stores nothing")
    organisation_id: uuid.UUID
    uploaded_by_id: uuid.UUID | None
    filename: str
    file_format: str
    mode: str
    checksum: str = Field(description="sha256 of the file")
    size_bytes: int
    rows_read: int
    rows_accepted: int
    rows_rejected: int
    cells_suppressed: int
    status: UploadStatus
    created_at: UtcDatetime | None


class UploadOut(UploadSummary):
    pool_ids: list[uuid.UUID] = Field(default_factory=list, description="pools created")
    errors: list[RowError] = Field(
        default_factory=list,
        description="row errors; the API lists the first 1,000 (report.csv has them all)",
    )
    errors_total: int = Field(0, description="how many row errors there are in all")
    errors_note: str | None = Field(
        None, description="set when `errors` is cut short: how many are listed, where the rest are"
    )
    report: dict[str, Any] = Field(default_factory=dict)
    dry_run: bool = False
    replayed: bool = Field(
        False, description="true when the same file was already stored: this is that upload"
    )
