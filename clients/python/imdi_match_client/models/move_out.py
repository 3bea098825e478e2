from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.placement_stage import PlacementStage

T = TypeVar("T", bound="MoveOut")


@_attrs_define
class MoveOut:
    """One recorded move of a placement's workers (append-only: the placement's history).

    Attributes:
        actor_id (UUID): the user who recorded it
        count (int): how many workers moved
        from_stage (None | PlacementStage): the stage they left; null: the approved workers not selected yet
        id (UUID): the move's id
        note (str): the note sent with it (may be empty)
        on (datetime.date): the day it happened, as recorded (ISO 8601 date)
        recorded_at (datetime.datetime): when it was recorded (RFC 3339, UTC)
        released (int): workers this move gave back (quota, opening, pool)
        to_stage (PlacementStage): Where an approved worker is (design section 3, "Placement"), in pipeline order.
    """

    actor_id: UUID
    count: int
    from_stage: None | PlacementStage
    id: UUID
    note: str
    on: datetime.date
    recorded_at: datetime.datetime
    released: int
    to_stage: PlacementStage
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor_id = str(self.actor_id)

        count = self.count

        from_stage: None | str
        if isinstance(self.from_stage, PlacementStage):
            from_stage = self.from_stage.value
        else:
            from_stage = self.from_stage

        id = str(self.id)

        note = self.note

        on = self.on.isoformat()

        recorded_at = self.recorded_at.isoformat()

        released = self.released

        to_stage = self.to_stage.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor_id": actor_id,
                "count": count,
                "from_stage": from_stage,
                "id": id,
                "note": note,
                "on": on,
                "recorded_at": recorded_at,
                "released": released,
                "to_stage": to_stage,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor_id = UUID(d.pop("actor_id"))

        count = d.pop("count")

        def _parse_from_stage(data: object) -> None | PlacementStage:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_stage_type_0 = PlacementStage(data)

                return from_stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlacementStage, data)

        from_stage = _parse_from_stage(d.pop("from_stage"))

        id = UUID(d.pop("id"))

        note = d.pop("note")

        on = datetime.date.fromisoformat(d.pop("on"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        released = d.pop("released")

        to_stage = PlacementStage(d.pop("to_stage"))

        move_out = cls(
            actor_id=actor_id,
            count=count,
            from_stage=from_stage,
            id=id,
            note=note,
            on=on,
            recorded_at=recorded_at,
            released=released,
            to_stage=to_stage,
        )

        move_out.additional_properties = d
        return move_out

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
