from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.occupation_suggestion import OccupationSuggestion


T = TypeVar("T", bound="OccupationSuggestions")


@_attrs_define
class OccupationSuggestions:
    """ISCO-08 unit groups for a job title, most likely first (ties by code).

    Attributes:
        items (list[OccupationSuggestion]): the suggestions, most likely first
        min_confidence (float): below this confidence the service does not code a job title on its own: a vacancy or
            pool sent with such a title is refused (422) with these suggestions
    """

    items: list[OccupationSuggestion]
    min_confidence: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        min_confidence = self.min_confidence

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "min_confidence": min_confidence,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.occupation_suggestion import OccupationSuggestion  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = OccupationSuggestion.from_dict(items_item_data)

            items.append(items_item)

        min_confidence = d.pop("min_confidence")

        occupation_suggestions = cls(
            items=items,
            min_confidence=min_confidence,
        )

        occupation_suggestions.additional_properties = d
        return occupation_suggestions

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
