from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UploadFinishedData")


@_attrs_define
class UploadFinishedData:
    """A ministry's survey upload was processed.

    Attributes:
        filename (str): the file's name as uploaded
        rows_accepted (int): rows stored
        rows_read (int): data rows read
        rows_rejected (int): rows with errors
        status (str): accepted, partial or rejected
        summary (str): the outcome in words
        upload_id (UUID): the upload (GET /api/v1/uploads/{id} for its report)
    """

    filename: str
    rows_accepted: int
    rows_read: int
    rows_rejected: int
    status: str
    summary: str
    upload_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filename = self.filename

        rows_accepted = self.rows_accepted

        rows_read = self.rows_read

        rows_rejected = self.rows_rejected

        status = self.status

        summary = self.summary

        upload_id = str(self.upload_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "filename": filename,
                "rows_accepted": rows_accepted,
                "rows_read": rows_read,
                "rows_rejected": rows_rejected,
                "status": status,
                "summary": summary,
                "upload_id": upload_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        filename = d.pop("filename")

        rows_accepted = d.pop("rows_accepted")

        rows_read = d.pop("rows_read")

        rows_rejected = d.pop("rows_rejected")

        status = d.pop("status")

        summary = d.pop("summary")

        upload_id = UUID(d.pop("upload_id"))

        upload_finished_data = cls(
            filename=filename,
            rows_accepted=rows_accepted,
            rows_read=rows_read,
            rows_rejected=rows_rejected,
            status=status,
            summary=summary,
            upload_id=upload_id,
        )

        upload_finished_data.additional_properties = d
        return upload_finished_data

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
