from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sector_out_level import SectorOutLevel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sector_ref import SectorRef


T = TypeVar("T", bound="SectorOut")


@_attrs_define
class SectorOut:
    """An ISIC Rev.4 sector and, for a section, its divisions.

    Attributes:
        code (str): ISIC Rev.4 code: a section letter (e.g. "Q") or a division of two digits (e.g. "86")
        level (SectorOutLevel): section or division
        title (str): the ISIC Rev.4 title (English)
        children (list[SectorRef] | Unset): a section's ISIC Rev.4 divisions, by code; empty for a division
        section_code (None | str | Unset): the ISIC Rev.4 section the sector is in (a section: itself)
    """

    code: str
    level: SectorOutLevel
    title: str
    children: list[SectorRef] | Unset = UNSET
    section_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        level = self.level.value

        title = self.title

        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item = children_item_data.to_dict()
                children.append(children_item)

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
        if children is not UNSET:
            field_dict["children"] = children
        if section_code is not UNSET:
            field_dict["section_code"] = section_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sector_ref import SectorRef  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        level = SectorOutLevel(d.pop("level"))

        title = d.pop("title")

        _children = d.pop("children", UNSET)
        children: list[SectorRef] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                children_item = SectorRef.from_dict(children_item_data)

                children.append(children_item)

        def _parse_section_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        section_code = _parse_section_code(d.pop("section_code", UNSET))

        sector_out = cls(
            code=code,
            level=level,
            title=title,
            children=children,
            section_code=section_code,
        )

        sector_out.additional_properties = d
        return sector_out

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
