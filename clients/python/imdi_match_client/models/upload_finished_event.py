from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.upload_finished_data import UploadFinishedData


T = TypeVar("T", bound="UploadFinishedEvent")


@_attrs_define
class UploadFinishedEvent:
    """Your survey upload was processed.

    Attributes:
        data (UploadFinishedData): A ministry's survey upload was processed.
        id (UUID): the event's id: the webhook-id header, on retries too
        occurred_at (datetime.datetime): when the write that caused it committed
        type_ (Literal['upload.finished']): the event's type
    """

    data: UploadFinishedData
    id: UUID
    occurred_at: datetime.datetime
    type_: Literal["upload.finished"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        id = str(self.id)

        occurred_at = self.occurred_at.isoformat()

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "id": id,
                "occurred_at": occurred_at,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.upload_finished_data import UploadFinishedData  # noqa: PLC0415

        d = dict(src_dict)
        data = UploadFinishedData.from_dict(d.pop("data"))

        id = UUID(d.pop("id"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        type_ = cast(Literal["upload.finished"], d.pop("type"))
        if type_ != "upload.finished":
            raise ValueError(f"type must match const 'upload.finished', got '{type_}'")

        upload_finished_event = cls(
            data=data,
            id=id,
            occurred_at=occurred_at,
            type_=type_,
        )

        upload_finished_event.additional_properties = d
        return upload_finished_event

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
