"""API schemas of workforce-survey uploads."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

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
    replace: bool = Field(
        False,
        description="the file is the ministry's whole new wave: its active pools from earlier "
        "uploads of the same mode that the file does not list are withdrawn (reported)",
    )

    @field_validator("replace")
    @classmethod
    def _whole_wave(cls, value: bool, info: ValidationInfo) -> bool:
        # A skipped row's pool would look unlisted and be withdrawn: a whole wave or nothing.
        if value and info.data.get("on_error") == "skip":
            raise ValueError(
                "replace=true withdraws the pools the file does not list, so it needs every row: "
                "use it with on_error=reject"
            )
        return value


PoolOutcome = Literal["created", "updated", "withdrawn"]


class PoolOutcomeOut(BaseModel):
    """What one row (pool table) or one aggregated pool (microdata) did, or a pool withdrawn
    because the wave no longer lists it (replace=true)."""

    row: int | None = Field(
        description="the file's row (pool table); null for microdata pools and withdrawals"
    )
    pool_id: uuid.UUID | None = Field(description="null for a pool a dry run would create")
    outcome: PoolOutcome
    version: int = Field(description="the pool's version after the upload")
    pool: str = Field(description="its identity: origin country, region, occupation, sector")


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
    pools_created: int = Field(0, description="new pools")
    pools_updated: int = Field(
        0,
        description="existing pools of the same identity that took the row's figures "
        "(version + 1, even when the figures were the same)",
    )
    pools_withdrawn: int = Field(0, description="pools withdrawn by replace=true")


class UploadOut(UploadSummary):
    pool_ids: list[uuid.UUID] = Field(
        default_factory=list, description="pools this upload created or updated"
    )
    pools: list[PoolOutcomeOut] = Field(
        default_factory=list,
        description="per row (or aggregated pool): created or updated, and the withdrawn pools",
    )
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
