from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.pair_source_out import PairSourceOut
    from ..models.skill_gap_row_out import SkillGapRowOut


T = TypeVar("T", bound="SkillsGapOut")


@_attrs_define
class SkillsGapOut:
    """Missing essential skills in each open vacancy's top eligible matches, per (occupation,
    skill), most often missing first (then most workers, occupation, skill).

        Attributes:
            items (list[SkillGapRowOut]): one row per (occupation, skill)
            source (PairSourceOut): Where an analysis's ranked pairs come from, and what they are as of: the live ranking
                (ranked for this request), or a batch run's stored pairs (`imdi batch-rank`). A batch run's
                figures cover its scope only (the demand of vacancies outside it is not counted), and its
                vacancies still open and pools still active; demand and capacities are read now.
            top (int): top matches per vacancy looked at
    """

    items: list[SkillGapRowOut]
    source: PairSourceOut
    top: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        source = self.source.to_dict()

        top = self.top

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "source": source,
                "top": top,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pair_source_out import PairSourceOut  # noqa: PLC0415
        from ..models.skill_gap_row_out import SkillGapRowOut  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = SkillGapRowOut.from_dict(items_item_data)

            items.append(items_item)

        source = PairSourceOut.from_dict(d.pop("source"))

        top = d.pop("top")

        skills_gap_out = cls(
            items=items,
            source=source,
            top=top,
        )

        skills_gap_out.additional_properties = d
        return skills_gap_out

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
