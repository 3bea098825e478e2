from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OccupationRef")


@_attrs_define
class OccupationRef:
    """An ISCO-08 group (International Standard Classification of Occupations), at any
    level.

        Attributes:
            code (str): ISCO-08 code: a unit group has 4 digits (e.g. "2221" nursing professionals); 3, 2 and 1 digits are
                its minor, sub-major and major groups
            level (int): the ISCO-08 level: 1 major group, 2 sub-major, 3 minor, 4 unit group (the level vacancies and pools
                are coded at)
            title (str): the group's ISCO-08 title (English)
    """

    code: str
    level: int
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        level = self.level

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "level": level,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        level = d.pop("level")

        title = d.pop("title")

        occupation_ref = cls(
            code=code,
            level=level,
            title=title,
        )

        occupation_ref.additional_properties = d
        return occupation_ref

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
