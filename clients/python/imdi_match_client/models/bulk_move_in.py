from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.placement_stage import PlacementStage
from ..types import UNSET, Unset

T = TypeVar("T", bound="BulkMoveIn")


@_attrs_define
class BulkMoveIn:
    """One move of a bulk request: a MoveIn naming its placement.

    Attributes:
        count (int): how many workers move (1..1,000,000)
        on (datetime.date): the day it happened (ISO 8601 date; not before the approval, not ahead of today)
        placement_id (UUID): the placement whose workers move
        to_stage (PlacementStage): Where an approved worker is (design section 3, "Placement"), in pipeline order.
        from_stage (None | PlacementStage | Unset): the stage they leave; null or omitted: the approved workers not
            selected yet (towards `selected`, or `left_early` for those who drop out first)
        note (str | Unset): a note for the history (optional) Default: ''.
    """

    count: int
    on: datetime.date
    placement_id: UUID
    to_stage: PlacementStage
    from_stage: None | PlacementStage | Unset = UNSET
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        on = self.on.isoformat()

        placement_id = str(self.placement_id)

        to_stage = self.to_stage.value

        from_stage: None | str | Unset
        if isinstance(self.from_stage, Unset):
            from_stage = UNSET
        elif isinstance(self.from_stage, PlacementStage):
            from_stage = self.from_stage.value
        else:
            from_stage = self.from_stage

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "count": count,
                "on": on,
                "placement_id": placement_id,
                "to_stage": to_stage,
            }
        )
        if from_stage is not UNSET:
            field_dict["from_stage"] = from_stage
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        on = datetime.date.fromisoformat(d.pop("on"))

        placement_id = UUID(d.pop("placement_id"))

        to_stage = PlacementStage(d.pop("to_stage"))

        def _parse_from_stage(data: object) -> None | PlacementStage | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_stage_type_0 = PlacementStage(data)

                return from_stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlacementStage | Unset, data)

        from_stage = _parse_from_stage(d.pop("from_stage", UNSET))

        note = d.pop("note", UNSET)

        bulk_move_in = cls(
            count=count,
            on=on,
            placement_id=placement_id,
            to_stage=to_stage,
            from_stage=from_stage,
            note=note,
        )

        return bulk_move_in
