from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EscoOccupationRef")


@_attrs_define
class EscoOccupationRef:
    """An ESCO occupation (after `imdi import-esco`): finer than the ISCO-08 unit group it
    belongs to.

        Attributes:
            isco_code (str): the ISCO-08 unit group (4 digits) it belongs to
            label (str): the ESCO preferred label (English)
            uri (str): the ESCO occupation's URI, its id
    """

    isco_code: str
    label: str
    uri: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        isco_code = self.isco_code

        label = self.label

        uri = self.uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "isco_code": isco_code,
                "label": label,
                "uri": uri,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        isco_code = d.pop("isco_code")

        label = d.pop("label")

        uri = d.pop("uri")

        esco_occupation_ref = cls(
            isco_code=isco_code,
            label=label,
            uri=uri,
        )

        esco_occupation_ref.additional_properties = d
        return esco_occupation_ref

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
