from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.group_by import GroupBy

if TYPE_CHECKING:
    from ..models.balance_row_out import BalanceRowOut
    from ..models.pair_source_out import PairSourceOut


T = TypeVar("T", bound="ShortageSurplusOut")


@_attrs_define
class ShortageSurplusOut:
    """Shortage and surplus per group, biggest shortage first (then biggest surplus, then
    key).

        Attributes:
            by (GroupBy): How shortage and surplus are grouped: by the vacancies' ISCO-08 unit group
                (occupation), their ISO 3166-1 destination country, or the pools' ISO 3166-1 origin
                country.
            items (list[BalanceRowOut]): one row per group, biggest shortage first
            source (PairSourceOut): Where an analysis's ranked pairs come from, and what they are as of: the live ranking
                (ranked for this request), or a batch run's stored pairs (`imdi batch-rank`). A batch run's
                figures cover its scope only (the demand of vacancies outside it is not counted), and its
                vacancies still open and pools still active; demand and capacities are read now.
    """

    by: GroupBy
    items: list[BalanceRowOut]
    source: PairSourceOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by = self.by.value

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        source = self.source.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by": by,
                "items": items,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.balance_row_out import BalanceRowOut  # noqa: PLC0415
        from ..models.pair_source_out import PairSourceOut  # noqa: PLC0415

        d = dict(src_dict)
        by = GroupBy(d.pop("by"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = BalanceRowOut.from_dict(items_item_data)

            items.append(items_item)

        source = PairSourceOut.from_dict(d.pop("source"))

        shortage_surplus_out = cls(
            by=by,
            items=items,
            source=source,
        )

        shortage_surplus_out.additional_properties = d
        return shortage_surplus_out

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
