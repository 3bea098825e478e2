from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OriginsOut")


@_attrs_define
class OriginsOut:
    """The origin countries a ministry may publish pools for: its own, and those an officer
    allowed it (a regional labour office, a ministry that also registers its diaspora).

        Attributes:
            country (str): the ministry's own country (ISO 3166-1 alpha-2)
            granted (list[str]): other origins an officer allowed (ISO 3166-1 alpha-2), sorted
            ministry_id (UUID): the ministry organisation
            origins (list[str]): every origin the ministry may publish pools for (ISO 3166-1 alpha-2), sorted
    """

    country: str
    granted: list[str]
    ministry_id: UUID
    origins: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        granted = self.granted

        ministry_id = str(self.ministry_id)

        origins = self.origins

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "country": country,
                "granted": granted,
                "ministry_id": ministry_id,
                "origins": origins,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country = d.pop("country")

        granted = cast(list[str], d.pop("granted"))

        ministry_id = UUID(d.pop("ministry_id"))

        origins = cast(list[str], d.pop("origins"))

        origins_out = cls(
            country=country,
            granted=granted,
            ministry_id=ministry_id,
            origins=origins,
        )

        origins_out.additional_properties = d
        return origins_out

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
