"""Workforce-survey uploads and what became of them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, new_id, utcnow


class SurveyUpload(Base):
    __tablename__ = "survey_uploads"
    # The same file (by checksum) from the same ministry in the same mode is stored once: a
    # re-upload returns the earlier upload. Only uploads that stored pools count, so that a
    # corrected re-run after a rejection (same file, other options) is possible; a rejected
    # upload is kept for its report. A partial unique index, on SQLite and PostgreSQL alike.
    __table_args__ = (
        Index(
            "uq_survey_uploads_stored_checksum",
            "organisation_id",
            "checksum",
            "mode",
            unique=True,
            sqlite_where=text("status IN ('accepted', 'partial')"),
            postgresql_where=text("status IN ('accepted', 'partial')"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisations.id"), index=True)
    uploaded_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    filename: Mapped[str] = mapped_column(String(255))
    file_format: Mapped[str] = mapped_column(String(10))  # csv | xlsx | parquet
    mode: Mapped[str] = mapped_column(String(20))  # pool_table | microdata
    checksum: Mapped[str] = mapped_column(String(64))
    # A registry extract read by imdi aggregate-microdata may pass 2 GiB.
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    rows_accepted: Mapped[int] = mapped_column(Integer, default=0)
    rows_rejected: Mapped[int] = mapped_column(Integer, default=0)
    #: Microdata cells below the disclosure threshold (counted, never stored).
    cells_suppressed: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[list[Any]] = mapped_column(JSON, default=list)
    report: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20))  # accepted | partial | rejected
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    # What the upload did to the ministry's pools, kept in its report (no columns of their own:
    # the report has the per-row outcomes too). Uploads stored before pools had an identity
    # only created pools: their "pools" count.
    def _pools(self, outcome: str) -> int:
        report = self.report or {}
        if "outcomes" not in report:
            return int(report.get("pools", 0)) if outcome == "created" else 0
        return int(report.get(f"pools_{outcome}", 0))

    @property
    def pools_created(self) -> int:
        return self._pools("created")

    @property
    def pools_updated(self) -> int:
        return self._pools("updated")

    @property
    def pools_withdrawn(self) -> int:
        return self._pools("withdrawn")
