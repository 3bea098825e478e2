from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.upload_mode import UploadMode
from ..models.upload_out_file_format import UploadOutFileFormat
from ..models.upload_status import UploadStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pool_outcome_out import PoolOutcomeOut
    from ..models.row_error import RowError
    from ..models.upload_out_report import UploadOutReport


T = TypeVar("T", bound="UploadOut")


@_attrs_define
class UploadOut:
    """The result of an upload: the summary, what each row (or aggregated pool) did, and the
    row errors. The same shape answers POST /api/v1/uploads (201 stored, 200 dry run or
    replay) and GET /api/v1/uploads/{upload_id}; a rejected file's record is in the 422
    problem's `upload` member.

        Attributes:
            cells_suppressed (int): microdata: groups of fewer than 5 respondents, counted but never stored
            checksum (str): sha256 of the file
            created_at (datetime.datetime | None): when it was stored; null for a dry run
            file_format (UploadOutFileFormat): csv or xlsx, from the file's name; parquet for a registry extract read by
                `imdi aggregate-microdata`
            filename (str): the file's name as sent (last path part)
            id (None | UUID): null for a dry run, which stores nothing
            mode (UploadMode): What a survey file's rows are. pool_table: one row per labour pool (columns
                origin_country, occupation, headcount, isced_level, experience_years; optional region,
                sector, skills, languages, available_from). microdata: one row per survey respondent
                (columns respondent_id, occupation, isced_level, experience_years, willing_to_work_abroad;
                optional region, sector, languages, skills), aggregated into pools of the willing, groups of
                fewer than 5 respondents suppressed.
            organisation_id (UUID): the ministry whose pools the file holds
            rows_accepted (int): rows stored (0 when rejected or a dry run's)
            rows_read (int): data rows read (the header not counted)
            rows_rejected (int): rows with errors
            size_bytes (int): the file's size in bytes (a dataset's: all its files')
            status (UploadStatus): What became of an upload. accepted: every row was good and stored; partial: the good
                rows were stored and the bad reported (on_error=skip); rejected: nothing was stored, the
                report says why.
            uploaded_by_id (None | UUID): the user who sent it
            dry_run (bool | Unset): true: validated and reported only, nothing stored Default: False.
            errors (list[RowError] | Unset): row errors; the API lists the first 1,000 (report.csv has them all)
            errors_note (None | str | Unset): set when `errors` is cut short: how many are listed, where the rest are
            errors_total (int | Unset): how many row errors there are in all Default: 0.
            pool_ids (list[UUID] | Unset): pools this upload created or updated
            pools (list[PoolOutcomeOut] | Unset): per row (or aggregated pool): created or updated, and the withdrawn pools
            pools_created (int | Unset): new pools Default: 0.
            pools_updated (int | Unset): existing pools of the same identity that took the row's figures (version + 1, even
                when the figures were the same) Default: 0.
            pools_withdrawn (int | Unset): pools withdrawn by replace=true Default: 0.
            replayed (bool | Unset): true when the same file was already stored: this is that upload Default: False.
            report (UploadOutReport | Unset): the reading's details: the options, the columns found, job titles coded
                (codings), error counts, pools counts; for microdata the respondents read, willing, pooled and suppressed
                (k_threshold)
    """

    cells_suppressed: int
    checksum: str
    created_at: datetime.datetime | None
    file_format: UploadOutFileFormat
    filename: str
    id: None | UUID
    mode: UploadMode
    organisation_id: UUID
    rows_accepted: int
    rows_read: int
    rows_rejected: int
    size_bytes: int
    status: UploadStatus
    uploaded_by_id: None | UUID
    dry_run: bool | Unset = False
    errors: list[RowError] | Unset = UNSET
    errors_note: None | str | Unset = UNSET
    errors_total: int | Unset = 0
    pool_ids: list[UUID] | Unset = UNSET
    pools: list[PoolOutcomeOut] | Unset = UNSET
    pools_created: int | Unset = 0
    pools_updated: int | Unset = 0
    pools_withdrawn: int | Unset = 0
    replayed: bool | Unset = False
    report: UploadOutReport | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cells_suppressed = self.cells_suppressed

        checksum = self.checksum

        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        file_format = self.file_format.value

        filename = self.filename

        id: None | str
        if isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        mode = self.mode.value

        organisation_id = str(self.organisation_id)

        rows_accepted = self.rows_accepted

        rows_read = self.rows_read

        rows_rejected = self.rows_rejected

        size_bytes = self.size_bytes

        status = self.status.value

        uploaded_by_id: None | str
        if isinstance(self.uploaded_by_id, UUID):
            uploaded_by_id = str(self.uploaded_by_id)
        else:
            uploaded_by_id = self.uploaded_by_id

        dry_run = self.dry_run

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        errors_note: None | str | Unset
        if isinstance(self.errors_note, Unset):
            errors_note = UNSET
        else:
            errors_note = self.errors_note

        errors_total = self.errors_total

        pool_ids: list[str] | Unset = UNSET
        if not isinstance(self.pool_ids, Unset):
            pool_ids = []
            for pool_ids_item_data in self.pool_ids:
                pool_ids_item = str(pool_ids_item_data)
                pool_ids.append(pool_ids_item)

        pools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.pools, Unset):
            pools = []
            for pools_item_data in self.pools:
                pools_item = pools_item_data.to_dict()
                pools.append(pools_item)

        pools_created = self.pools_created

        pools_updated = self.pools_updated

        pools_withdrawn = self.pools_withdrawn

        replayed = self.replayed

        report: dict[str, Any] | Unset = UNSET
        if not isinstance(self.report, Unset):
            report = self.report.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cells_suppressed": cells_suppressed,
                "checksum": checksum,
                "created_at": created_at,
                "file_format": file_format,
                "filename": filename,
                "id": id,
                "mode": mode,
                "organisation_id": organisation_id,
                "rows_accepted": rows_accepted,
                "rows_read": rows_read,
                "rows_rejected": rows_rejected,
                "size_bytes": size_bytes,
                "status": status,
                "uploaded_by_id": uploaded_by_id,
            }
        )
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run
        if errors is not UNSET:
            field_dict["errors"] = errors
        if errors_note is not UNSET:
            field_dict["errors_note"] = errors_note
        if errors_total is not UNSET:
            field_dict["errors_total"] = errors_total
        if pool_ids is not UNSET:
            field_dict["pool_ids"] = pool_ids
        if pools is not UNSET:
            field_dict["pools"] = pools
        if pools_created is not UNSET:
            field_dict["pools_created"] = pools_created
        if pools_updated is not UNSET:
            field_dict["pools_updated"] = pools_updated
        if pools_withdrawn is not UNSET:
            field_dict["pools_withdrawn"] = pools_withdrawn
        if replayed is not UNSET:
            field_dict["replayed"] = replayed
        if report is not UNSET:
            field_dict["report"] = report

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pool_outcome_out import PoolOutcomeOut  # noqa: PLC0415
        from ..models.row_error import RowError  # noqa: PLC0415
        from ..models.upload_out_report import UploadOutReport  # noqa: PLC0415

        d = dict(src_dict)
        cells_suppressed = d.pop("cells_suppressed")

        checksum = d.pop("checksum")

        def _parse_created_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        created_at = _parse_created_at(d.pop("created_at"))

        file_format = UploadOutFileFormat(d.pop("file_format"))

        filename = d.pop("filename")

        def _parse_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        id = _parse_id(d.pop("id"))

        mode = UploadMode(d.pop("mode"))

        organisation_id = UUID(d.pop("organisation_id"))

        rows_accepted = d.pop("rows_accepted")

        rows_read = d.pop("rows_read")

        rows_rejected = d.pop("rows_rejected")

        size_bytes = d.pop("size_bytes")

        status = UploadStatus(d.pop("status"))

        def _parse_uploaded_by_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                uploaded_by_id_type_0 = UUID(data)

                return uploaded_by_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        uploaded_by_id = _parse_uploaded_by_id(d.pop("uploaded_by_id"))

        dry_run = d.pop("dry_run", UNSET)

        _errors = d.pop("errors", UNSET)
        errors: list[RowError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = RowError.from_dict(errors_item_data)

                errors.append(errors_item)

        def _parse_errors_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        errors_note = _parse_errors_note(d.pop("errors_note", UNSET))

        errors_total = d.pop("errors_total", UNSET)

        _pool_ids = d.pop("pool_ids", UNSET)
        pool_ids: list[UUID] | Unset = UNSET
        if _pool_ids is not UNSET:
            pool_ids = []
            for pool_ids_item_data in _pool_ids:
                pool_ids_item = UUID(pool_ids_item_data)

                pool_ids.append(pool_ids_item)

        _pools = d.pop("pools", UNSET)
        pools: list[PoolOutcomeOut] | Unset = UNSET
        if _pools is not UNSET:
            pools = []
            for pools_item_data in _pools:
                pools_item = PoolOutcomeOut.from_dict(pools_item_data)

                pools.append(pools_item)

        pools_created = d.pop("pools_created", UNSET)

        pools_updated = d.pop("pools_updated", UNSET)

        pools_withdrawn = d.pop("pools_withdrawn", UNSET)

        replayed = d.pop("replayed", UNSET)

        _report = d.pop("report", UNSET)
        report: UploadOutReport | Unset
        if isinstance(_report, Unset):
            report = UNSET
        else:
            report = UploadOutReport.from_dict(_report)

        upload_out = cls(
            cells_suppressed=cells_suppressed,
            checksum=checksum,
            created_at=created_at,
            file_format=file_format,
            filename=filename,
            id=id,
            mode=mode,
            organisation_id=organisation_id,
            rows_accepted=rows_accepted,
            rows_read=rows_read,
            rows_rejected=rows_rejected,
            size_bytes=size_bytes,
            status=status,
            uploaded_by_id=uploaded_by_id,
            dry_run=dry_run,
            errors=errors,
            errors_note=errors_note,
            errors_total=errors_total,
            pool_ids=pool_ids,
            pools=pools,
            pools_created=pools_created,
            pools_updated=pools_updated,
            pools_withdrawn=pools_withdrawn,
            replayed=replayed,
            report=report,
        )

        upload_out.additional_properties = d
        return upload_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
