from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CountryOut")


@_attrs_define
class CountryOut:
    """A country of ISO 3166-1.

    Attributes:
        alpha_2 (str): the ISO 3166-1 alpha-2 code (e.g. "PH"): what the API takes as a country
        alpha_3 (str): the ISO 3166-1 alpha-3 code (e.g. "PHL")
        name (str): the country's English short name
        who_safeguard_list (bool | Unset): whether the country is on the WHO health workforce support and safeguards
            list 2023 (active international recruitment of its health workers is discouraged) Default: False.
    """

    alpha_2: str
    alpha_3: str
    name: str
    who_safeguard_list: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alpha_2 = self.alpha_2

        alpha_3 = self.alpha_3

        name = self.name

        who_safeguard_list = self.who_safeguard_list

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alpha_2": alpha_2,
                "alpha_3": alpha_3,
                "name": name,
            }
        )
        if who_safeguard_list is not UNSET:
            field_dict["who_safeguard_list"] = who_safeguard_list

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        alpha_2 = d.pop("alpha_2")

        alpha_3 = d.pop("alpha_3")

        name = d.pop("name")

        who_safeguard_list = d.pop("who_safeguard_list", UNSET)

        country_out = cls(
            alpha_2=alpha_2,
            alpha_3=alpha_3,
            name=name,
            who_safeguard_list=who_safeguard_list,
        )

        country_out.additional_properties = d
        return country_out

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
