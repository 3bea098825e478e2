from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.occupation_ref import OccupationRef


T = TypeVar("T", bound="OccupationOut")


@_attrs_define
class OccupationOut:
    """An ISCO-08 group with its parents and direct children.

    Attributes:
        code (str): ISCO-08 code: a unit group has 4 digits (e.g. "2221" nursing professionals); 3, 2 and 1 digits are
            its minor, sub-major and major groups
        level (int): the ISCO-08 level: 1 major group, 2 sub-major, 3 minor, 4 unit group (the level vacancies and pools
            are coded at)
        title (str): the group's ISCO-08 title (English)
        alt_labels (list[str] | Unset): other names of the ISCO-08 group (job titles it covers)
        children (list[OccupationRef] | Unset): the ISCO-08 groups one level below, by code; empty for a unit group
        esco_uri (None | str | Unset): the ISCO-08 group's ESCO URI (after an ESCO import); null: none
        parents (list[OccupationRef] | Unset): the enclosing ISCO-08 groups, nearest first (minor, sub-major, major)
    """

    code: str
    level: int
    title: str
    alt_labels: list[str] | Unset = UNSET
    children: list[OccupationRef] | Unset = UNSET
    esco_uri: None | str | Unset = UNSET
    parents: list[OccupationRef] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        level = self.level

        title = self.title

        alt_labels: list[str] | Unset = UNSET
        if not isinstance(self.alt_labels, Unset):
            alt_labels = self.alt_labels

        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item = children_item_data.to_dict()
                children.append(children_item)

        esco_uri: None | str | Unset
        if isinstance(self.esco_uri, Unset):
            esco_uri = UNSET
        else:
            esco_uri = self.esco_uri

        parents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.parents, Unset):
            parents = []
            for parents_item_data in self.parents:
                parents_item = parents_item_data.to_dict()
                parents.append(parents_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "level": level,
                "title": title,
            }
        )
        if alt_labels is not UNSET:
            field_dict["alt_labels"] = alt_labels
        if children is not UNSET:
            field_dict["children"] = children
        if esco_uri is not UNSET:
            field_dict["esco_uri"] = esco_uri
        if parents is not UNSET:
            field_dict["parents"] = parents

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.occupation_ref import OccupationRef  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        level = d.pop("level")

        title = d.pop("title")

        alt_labels = cast(list[str], d.pop("alt_labels", UNSET))

        _children = d.pop("children", UNSET)
        children: list[OccupationRef] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                children_item = OccupationRef.from_dict(children_item_data)

                children.append(children_item)

        def _parse_esco_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        esco_uri = _parse_esco_uri(d.pop("esco_uri", UNSET))

        _parents = d.pop("parents", UNSET)
        parents: list[OccupationRef] | Unset = UNSET
        if _parents is not UNSET:
            parents = []
            for parents_item_data in _parents:
                parents_item = OccupationRef.from_dict(parents_item_data)

                parents.append(parents_item)

        occupation_out = cls(
            code=code,
            level=level,
            title=title,
            alt_labels=alt_labels,
            children=children,
            esco_uri=esco_uri,
            parents=parents,
        )

        occupation_out.additional_properties = d
        return occupation_out

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
