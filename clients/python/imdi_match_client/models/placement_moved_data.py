from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.placement_moved_data_stages import PlacementMovedDataStages


T = TypeVar("T", bound="PlacementMovedData")


@_attrs_define
class PlacementMovedData:
    """Workers of an approval moved from one placement stage to another.

    Attributes:
        count (int): how many workers moved
        from_stage (None | str): the stage they left; null: approved, not selected
        on (datetime.date): the day it happened
        placement_id (UUID): the placement (one per approval)
        pool_id (UUID): the pool
        released (int): workers given back to quota, openings and pool by it
        stages (PlacementMovedDataStages): the placement's workers by stage, after it
        to_stage (str): the stage they reached
        vacancy_id (UUID): the vacancy
    """

    count: int
    from_stage: None | str
    on: datetime.date
    placement_id: UUID
    pool_id: UUID
    released: int
    stages: PlacementMovedDataStages
    to_stage: str
    vacancy_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        from_stage: None | str
        from_stage = self.from_stage

        on = self.on.isoformat()

        placement_id = str(self.placement_id)

        pool_id = str(self.pool_id)

        released = self.released

        stages = self.stages.to_dict()

        to_stage = self.to_stage

        vacancy_id = str(self.vacancy_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "from_stage": from_stage,
                "on": on,
                "placement_id": placement_id,
                "pool_id": pool_id,
                "released": released,
                "stages": stages,
                "to_stage": to_stage,
                "vacancy_id": vacancy_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.placement_moved_data_stages import PlacementMovedDataStages  # noqa: PLC0415

        d = dict(src_dict)
        count = d.pop("count")

        def _parse_from_stage(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        from_stage = _parse_from_stage(d.pop("from_stage"))

        on = datetime.date.fromisoformat(d.pop("on"))

        placement_id = UUID(d.pop("placement_id"))

        pool_id = UUID(d.pop("pool_id"))

        released = d.pop("released")

        stages = PlacementMovedDataStages.from_dict(d.pop("stages"))

        to_stage = d.pop("to_stage")

        vacancy_id = UUID(d.pop("vacancy_id"))

        placement_moved_data = cls(
            count=count,
            from_stage=from_stage,
            on=on,
            placement_id=placement_id,
            pool_id=pool_id,
            released=released,
            stages=stages,
            to_stage=to_stage,
            vacancy_id=vacancy_id,
        )

        placement_moved_data.additional_properties = d
        return placement_moved_data

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
