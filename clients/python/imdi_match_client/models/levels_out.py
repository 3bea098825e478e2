from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.level import Level


T = TypeVar("T", bound="LevelsOut")


@_attrs_define
class LevelsOut:
    """The scales of language and education requirements.

    Attributes:
        cefr (list[Level]): CEFR levels (Common European Framework of Reference for Languages), lowest first
        isced (list[Level]): ISCED 2011 education levels 0..8, lowest first
    """

    cefr: list[Level]
    isced: list[Level]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cefr = []
        for cefr_item_data in self.cefr:
            cefr_item = cefr_item_data.to_dict()
            cefr.append(cefr_item)

        isced = []
        for isced_item_data in self.isced:
            isced_item = isced_item_data.to_dict()
            isced.append(isced_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cefr": cefr,
                "isced": isced,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.level import Level  # noqa: PLC0415

        d = dict(src_dict)
        cefr = []
        _cefr = d.pop("cefr")
        for cefr_item_data in _cefr:
            cefr_item = Level.from_dict(cefr_item_data)

            cefr.append(cefr_item)

        isced = []
        _isced = d.pop("isced")
        for isced_item_data in _isced:
            isced_item = Level.from_dict(isced_item_data)

            isced.append(isced_item)

        levels_out = cls(
            cefr=cefr,
            isced=isced,
        )

        levels_out.additional_properties = d
        return levels_out

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
