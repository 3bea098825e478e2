from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PairScopeOut")


@_attrs_define
class PairScopeOut:
    """What the pairs cover: each field narrows it (null: everything).

    Attributes:
        destination (None | str): open vacancies to this country only (ISO 3166-1 alpha-2); null: all
        occupation_prefix (None | str): open vacancies whose ISCO-08 code starts with this only; null: all
        origin (None | str): active pools of this origin country only (ISO 3166-1 alpha-2); null: all
    """

    destination: None | str
    occupation_prefix: None | str
    origin: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        destination: None | str
        destination = self.destination

        occupation_prefix: None | str
        occupation_prefix = self.occupation_prefix

        origin: None | str
        origin = self.origin

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "destination": destination,
                "occupation_prefix": occupation_prefix,
                "origin": origin,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_destination(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        destination = _parse_destination(d.pop("destination"))

        def _parse_occupation_prefix(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        occupation_prefix = _parse_occupation_prefix(d.pop("occupation_prefix"))

        def _parse_origin(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        origin = _parse_origin(d.pop("origin"))

        pair_scope_out = cls(
            destination=destination,
            occupation_prefix=occupation_prefix,
            origin=origin,
        )

        pair_scope_out.additional_properties = d
        return pair_scope_out

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
