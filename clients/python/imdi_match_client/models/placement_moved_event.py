from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.placement_moved_data import PlacementMovedData


T = TypeVar("T", bound="PlacementMovedEvent")


@_attrs_define
class PlacementMovedEvent:
    """Workers of an approval on your vacancy or pool moved placement stage.

    Attributes:
        data (PlacementMovedData): Workers of an approval moved from one placement stage to another.
        id (UUID): the event's id: the webhook-id header, on retries too
        occurred_at (datetime.datetime): when the write that caused it committed
        type_ (Literal['placement.moved']): the event's type
    """

    data: PlacementMovedData
    id: UUID
    occurred_at: datetime.datetime
    type_: Literal["placement.moved"]
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
        from ..models.placement_moved_data import PlacementMovedData  # noqa: PLC0415

        d = dict(src_dict)
        data = PlacementMovedData.from_dict(d.pop("data"))

        id = UUID(d.pop("id"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        type_ = cast(Literal["placement.moved"], d.pop("type"))
        if type_ != "placement.moved":
            raise ValueError(f"type must match const 'placement.moved', got '{type_}'")

        placement_moved_event = cls(
            data=data,
            id=id,
            occurred_at=occurred_at,
            type_=type_,
        )

        placement_moved_event.additional_properties = d
        return placement_moved_event

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
