from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ranking_changed_data_subject import RankingChangedDataSubject

if TYPE_CHECKING:
    from ..models.ranked_entry import RankedEntry


T = TypeVar("T", bound="RankingChangedData")


@_attrs_define
class RankingChangedData:
    """A vacancy's or pool's top 10 eligible pairs as now ranked, and as last reported.

    Attributes:
        id (UUID): the vacancy's or pool's id
        previous_top (list[RankedEntry]): the top as last reported
        subject (RankingChangedDataSubject): what was ranked
        top (list[RankedEntry]): the top eligible pairs now, best first
    """

    id: UUID
    previous_top: list[RankedEntry]
    subject: RankingChangedDataSubject
    top: list[RankedEntry]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        previous_top = []
        for previous_top_item_data in self.previous_top:
            previous_top_item = previous_top_item_data.to_dict()
            previous_top.append(previous_top_item)

        subject = self.subject.value

        top = []
        for top_item_data in self.top:
            top_item = top_item_data.to_dict()
            top.append(top_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "previous_top": previous_top,
                "subject": subject,
                "top": top,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ranked_entry import RankedEntry  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        previous_top = []
        _previous_top = d.pop("previous_top")
        for previous_top_item_data in _previous_top:
            previous_top_item = RankedEntry.from_dict(previous_top_item_data)

            previous_top.append(previous_top_item)

        subject = RankingChangedDataSubject(d.pop("subject"))

        top = []
        _top = d.pop("top")
        for top_item_data in _top:
            top_item = RankedEntry.from_dict(top_item_data)

            top.append(top_item)

        ranking_changed_data = cls(
            id=id,
            previous_top=previous_top,
            subject=subject,
            top=top,
        )

        ranking_changed_data.additional_properties = d
        return ranking_changed_data

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
