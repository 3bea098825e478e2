"""API schemas of workforce-survey uploads."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Literal

from fastapi import Query
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from app.common.schemas import UtcDatetime, one_of


class UploadMode(StrEnum):
    """What a survey file's rows are. pool_table: one row per labour pool (columns
    origin_country, occupation, headcount, isced_level, experience_years; optional region,
    sector, skills, languages, available_from). microdata: one row per survey respondent
    (columns respondent_id, occupation, isced_level, experience_years, willing_to_work_abroad;
    optional region, sector, languages, skills), aggregated into pools of the willing, groups of
    fewer than 5 respondents suppressed."""

    POOL_TABLE = "pool_table"
    MICRODATA = "microdata"


class UploadStatus(StrEnum):
    """What became of an upload. accepted: every row was good and stored; partial: the good
    rows were stored and the bad reported (on_error=skip); rejected: nothing was stored, the
    report says why."""

    ACCEPTED = "accepted"
    PARTIAL = "partial"
    REJECTED = "rejected"


_ORGANISATION_ID = "ec7c7c41-4934-45f7-a0a3-da4c102b7083"
_USER_ID = "b185b520-daca-4149-b1f1-311c8d75aaed"
_UPLOAD_ID = "6d1f0b3a-9c47-4e2d-8a65-3b7e9f2c1d04"

#: A Philippine ministry's quarterly pool table: 30 rows, one bad, stored with on_error=skip.
_SUMMARY_EXAMPLE: dict[str, Any] = {
    "id": _UPLOAD_ID,
    "organisation_id": _ORGANISATION_ID,
    "uploaded_by_id": _USER_ID,
    "filename": "dmw_pool_table_2026Q4.csv",
    "file_format": "csv",
    "mode": "pool_table",
    "checksum": "2da563aa45c1ec213a52672dc3081eb04d24c5316166772c7c37da0484947926",
    "size_bytes": 8211,
    "rows_read": 30,
    "rows_accepted": 29,
    "rows_rejected": 1,
    "cells_suppressed": 0,
    "status": "partial",
    "created_at": "2026-11-02T07:45:51+00:00",
    "pools_created": 4,
    "pools_updated": 25,
    "pools_withdrawn": 0,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class UploadFilters:
    """The query parameters of GET /api/v1/uploads (and its CSV export)."""

    status: Annotated[UploadStatus | None, Query(description="only uploads with this outcome")] = (
        None
    )
    mode: Annotated[UploadMode | None, Query(description="only uploads of this mode")] = None


class UploadOptions(BaseModel):
    """Query parameters or form fields of POST /api/v1/uploads."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"mode": "pool_table", "dry_run": False, "on_error": "reject", "replace": True}
            ]
        },
    )

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

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "row": 2,
                    "pool_id": "93d60734-147a-4bce-b796-ad32ecff793d",
                    "outcome": "updated",
                    "version": 2,
                    "pool": "PH, National Capital Region, 2221, sector 86",
                }
            ]
        }
    )

    row: int | None = Field(
        description="the file's row (pool table); null for microdata pools and withdrawals"
    )
    pool_id: uuid.UUID | None = Field(description="null for a pool a dry run would create")
    outcome: PoolOutcome = Field(
        description="created: a new pool; updated: the ministry's pool of this identity took "
        "the figures (version + 1); withdrawn: left out of a wave sent with replace=true"
    )
    version: int = Field(description="the pool's version after the upload")
    pool: str = Field(description="its identity: origin country, region, occupation, sector")


class RowError(BaseModel):
    """One thing wrong with one row of the file: where (row and column), the value, and why."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "row": 4,
                    "column": "languages",
                    "value": "en:B4:0.5",
                    "message": "'B4' is not a CEFR level of 'en'; use one of A1, A2, B1, "
                    "B2, C1, C2",
                }
            ]
        }
    )

    row: int = Field(description="row number as a spreadsheet shows it (the header is row 1)")
    column: str = Field(description="the column's name in the header (empty: the whole row)")
    value: str = Field(description="the offending value, cut to 100 characters")
    message: str = Field(description="what is wrong and how to put it right")


class UploadSummary(BaseModel):
    """A stored survey upload, in brief: the file, what was read and what it did to pools."""

    model_config = ConfigDict(
        from_attributes=True, json_schema_extra={"examples": [_SUMMARY_EXAMPLE]}
    )

    id: uuid.UUID | None = Field(description="null for a dry run, which stores nothing")
    organisation_id: uuid.UUID = Field(description="the ministry whose pools the file holds")
    uploaded_by_id: uuid.UUID | None = Field(description="the user who sent it")
    filename: str = Field(description="the file's name as sent (last path part)")
    file_format: Annotated[str, one_of("csv", "xlsx", "parquet")] = Field(
        description="csv or xlsx, from the file's name; parquet for a registry extract read by "
        "`imdi aggregate-microdata`"
    )
    mode: UploadMode = Field(description="pool_table or microdata (see UploadMode)")
    checksum: str = Field(description="sha256 of the file")
    size_bytes: int = Field(description="the file's size in bytes (a dataset's: all its files')")
    rows_read: int = Field(description="data rows read (the header not counted)")
    rows_accepted: int = Field(description="rows stored (0 when rejected or a dry run's)")
    rows_rejected: int = Field(description="rows with errors")
    cells_suppressed: int = Field(
        description="microdata: groups of fewer than 5 respondents, counted but never stored"
    )
    status: UploadStatus = Field(description="accepted, partial or rejected (see UploadStatus)")
    created_at: UtcDatetime | None = Field(description="when it was stored; null for a dry run")
    pools_created: int = Field(0, description="new pools")
    pools_updated: int = Field(
        0,
        description="existing pools of the same identity that took the row's figures "
        "(version + 1, even when the figures were the same)",
    )
    pools_withdrawn: int = Field(0, description="pools withdrawn by replace=true")


class UploadOut(UploadSummary):
    """The result of an upload: the summary, what each row (or aggregated pool) did, and the
    row errors. The same shape answers POST /api/v1/uploads (201 stored, 200 dry run or
    replay) and GET /api/v1/uploads/{upload_id}; a rejected file's record is in the 422
    problem's `upload` member."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_SUMMARY_EXAMPLE,
                    "pool_ids": [
                        "93d60734-147a-4bce-b796-ad32ecff793d",
                        "1b7e5c29-04d8-4f3a-9e61-c2a8d5f7b390",
                    ],
                    "pools": [
                        {
                            "row": 2,
                            "pool_id": "93d60734-147a-4bce-b796-ad32ecff793d",
                            "outcome": "updated",
                            "version": 3,
                            "pool": "PH, National Capital Region, 2221, sector 86",
                        },
                        {
                            "row": 3,
                            "pool_id": "1b7e5c29-04d8-4f3a-9e61-c2a8d5f7b390",
                            "outcome": "created",
                            "version": 1,
                            "pool": "PH, Western Visayas, 5120, sector 56",
                        },
                    ],
                    "errors": [
                        {
                            "row": 17,
                            "column": "occupation",
                            "value": "9999",
                            "message": "'9999' is not an ISCO-08 unit group",
                        }
                    ],
                    "errors_total": 1,
                    "errors_note": None,
                    "report": {
                        "mode": "pool_table",
                        "on_error": "skip",
                        "dry_run": False,
                        "replace": False,
                        "columns": [
                            "origin_country",
                            "region",
                            "occupation",
                            "sector",
                            "headcount",
                            "skills",
                            "languages",
                            "isced_level",
                            "experience_years",
                            "available_from",
                        ],
                        "codings": [],
                        "errors_total": 1,
                        "errors_truncated": False,
                        "pools": 29,
                        "pools_created": 4,
                        "pools_updated": 25,
                        "pools_withdrawn": 0,
                    },
                    "dry_run": False,
                    "replayed": False,
                }
            ]
        }
    )

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
    report: dict[str, Any] = Field(
        default_factory=dict,
        description="the reading's details: the options, the columns found, job titles coded "
        "(codings), error counts, pools counts; for microdata the respondents read, willing, "
        "pooled and suppressed (k_threshold)",
    )
    dry_run: bool = Field(False, description="true: validated and reported only, nothing stored")
    replayed: bool = Field(
        False, description="true when the same file was already stored: this is that upload"
    )
