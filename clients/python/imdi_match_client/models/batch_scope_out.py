from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BatchScopeOut")


@_attrs_define
class BatchScopeOut:
    """What a run ranked: the open vacancies of a destination and occupation, against the
    active pools of an origin; a field left out (or null) is not narrowed.

        Attributes:
            destination (None | str | Unset): vacancies to this destination country (ISO 3166-1 alpha-2); null: all
            occupation_prefix (None | str | Unset): vacancies whose ISCO-08 occupation code starts with this; null: all
            origin (None | str | Unset): pools of this origin country (ISO 3166-1 alpha-2); null: all
    """

    destination: None | str | Unset = UNSET
    occupation_prefix: None | str | Unset = UNSET
    origin: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        destination: None | str | Unset
        if isinstance(self.destination, Unset):
            destination = UNSET
        else:
            destination = self.destination

        occupation_prefix: None | str | Unset
        if isinstance(self.occupation_prefix, Unset):
            occupation_prefix = UNSET
        else:
            occupation_prefix = self.occupation_prefix

        origin: None | str | Unset
        if isinstance(self.origin, Unset):
            origin = UNSET
        else:
            origin = self.origin

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if destination is not UNSET:
            field_dict["destination"] = destination
        if occupation_prefix is not UNSET:
            field_dict["occupation_prefix"] = occupation_prefix
        if origin is not UNSET:
            field_dict["origin"] = origin

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_destination(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        destination = _parse_destination(d.pop("destination", UNSET))

        def _parse_occupation_prefix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        occupation_prefix = _parse_occupation_prefix(d.pop("occupation_prefix", UNSET))

        def _parse_origin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        origin = _parse_origin(d.pop("origin", UNSET))

        batch_scope_out = cls(
            destination=destination,
            occupation_prefix=occupation_prefix,
            origin=origin,
        )

        batch_scope_out.additional_properties = d
        return batch_scope_out

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
