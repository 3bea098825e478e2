from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sector_ref_level import SectorRefLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="SectorRef")


@_attrs_define
class SectorRef:
    """An ISIC Rev.4 sector (International Standard Industrial Classification of All Economic
    Activities): a section or a division.

        Attributes:
            code (str): ISIC Rev.4 code: a section letter (e.g. "Q") or a division of two digits (e.g. "86")
            level (SectorRefLevel): section or division
            title (str): the ISIC Rev.4 title (English)
            section_code (None | str | Unset): the ISIC Rev.4 section the sector is in (a section: itself)
    """

    code: str
    level: SectorRefLevel
    title: str
    section_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        level = self.level.value

        title = self.title

        section_code: None | str | Unset
        if isinstance(self.section_code, Unset):
            section_code = UNSET
        else:
            section_code = self.section_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "level": level,
                "title": title,
            }
        )
        if section_code is not UNSET:
            field_dict["section_code"] = section_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        level = SectorRefLevel(d.pop("level"))

        title = d.pop("title")

        def _parse_section_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        section_code = _parse_section_code(d.pop("section_code", UNSET))

        sector_ref = cls(
            code=code,
            level=level,
            title=title,
            section_code=section_code,
        )

        sector_ref.additional_properties = d
        return sector_ref

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
