from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.decision_recorded_data import DecisionRecordedData


T = TypeVar("T", bound="DecisionRecordedEvent")


@_attrs_define
class DecisionRecordedEvent:
    """An officer recorded a decision on a match of your vacancy or pool.

    Attributes:
        data (DecisionRecordedData): A decision an officer recorded on a match.
        id (UUID): the event's id: the webhook-id header, on retries too
        occurred_at (datetime.datetime): when the write that caused it committed
        type_ (Literal['decision.recorded']): the event's type
    """

    data: DecisionRecordedData
    id: UUID
    occurred_at: datetime.datetime
    type_: Literal["decision.recorded"]
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
        from ..models.decision_recorded_data import DecisionRecordedData  # noqa: PLC0415

        d = dict(src_dict)
        data = DecisionRecordedData.from_dict(d.pop("data"))

        id = UUID(d.pop("id"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        type_ = cast(Literal["decision.recorded"], d.pop("type"))
        if type_ != "decision.recorded":
            raise ValueError(f"type must match const 'decision.recorded', got '{type_}'")

        decision_recorded_event = cls(
            data=data,
            id=id,
            occurred_at=occurred_at,
            type_=type_,
        )

        decision_recorded_event.additional_properties = d
        return decision_recorded_event

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
