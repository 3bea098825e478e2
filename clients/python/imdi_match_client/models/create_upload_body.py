from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.create_upload_body_mode import CreateUploadBodyMode
from ..models.create_upload_body_on_error import CreateUploadBodyOnError
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="CreateUploadBody")


@_attrs_define
class CreateUploadBody:
    """
    Attributes:
        file (File): .csv (UTF-8 with or without BOM, comma- or semicolon-separated) or .xlsx (the first worksheet), a
            header row then one row per pool or respondent; at most upload_max_bytes (50 MB unless the deployment sets
            IMDI_UPLOAD_MAX_BYTES) and upload_max_rows data rows (1,000,000 by default)
        dry_run (bool | Unset): true: validate and report only, store nothing (answered 200) Default: False.
        mode (CreateUploadBodyMode | Unset): pool_table: one row per labour pool; microdata: one row per survey
            respondent, aggregated into pools (see UploadMode for each mode's columns). Required, as a query parameter or a
            form field
        on_error (CreateUploadBodyOnError | Unset): reject (default): one bad row rejects the file and nothing is stored
            (a 422 with the report); skip: store the good rows and report the bad (status partial) Default:
            CreateUploadBodyOnError.REJECT.
        replace (bool | Unset): true: the file is the ministry's whole new wave: its active pools from earlier uploads
            of this mode that the file does not list are withdrawn (reported); needs on_error=reject Default: False.
    """

    file: File
    dry_run: bool | Unset = False
    mode: CreateUploadBodyMode | Unset = UNSET
    on_error: CreateUploadBodyOnError | Unset = CreateUploadBodyOnError.REJECT
    replace: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        dry_run = self.dry_run

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        on_error: str | Unset = UNSET
        if not isinstance(self.on_error, Unset):
            on_error = self.on_error.value

        replace = self.replace

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
            }
        )
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run
        if mode is not UNSET:
            field_dict["mode"] = mode
        if on_error is not UNSET:
            field_dict["on_error"] = on_error
        if replace is not UNSET:
            field_dict["replace"] = replace

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        if not isinstance(self.dry_run, Unset):
            files.append(("dry_run", (None, str(self.dry_run).encode(), "text/plain")))

        if not isinstance(self.mode, Unset):
            files.append(("mode", (None, str(self.mode.value).encode(), "text/plain")))

        if not isinstance(self.on_error, Unset):
            files.append(("on_error", (None, str(self.on_error.value).encode(), "text/plain")))

        if not isinstance(self.replace, Unset):
            files.append(("replace", (None, str(self.replace).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        dry_run = d.pop("dry_run", UNSET)

        _mode = d.pop("mode", UNSET)
        mode: CreateUploadBodyMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = CreateUploadBodyMode(_mode)

        _on_error = d.pop("on_error", UNSET)
        on_error: CreateUploadBodyOnError | Unset
        if isinstance(_on_error, Unset):
            on_error = UNSET
        else:
            on_error = CreateUploadBodyOnError(_on_error)

        replace = d.pop("replace", UNSET)

        create_upload_body = cls(
            file=file,
            dry_run=dry_run,
            mode=mode,
            on_error=on_error,
            replace=replace,
        )

        create_upload_body.additional_properties = d
        return create_upload_body

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
