from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.headcount_kind import HeadcountKind

T = TypeVar("T", bound="HeadcountFactorOut")


@_attrs_define
class HeadcountFactorOut:
    """One factor of the eligible headcount, in the order they multiply (the headcount is
    their product, rounded down).

        Attributes:
            kind (HeadcountKind): A factor of the eligible headcount: available (pool workers not yet approved for other
                vacancies, a count), pathway_language (share meeting the pathway's language requirement),
                required_language (share at or above a level the vacancy requires at the start of work).
            text (str): one sentence for a person
            value (float): a count of workers for available, a share 0-1 for the languages
    """

    kind: HeadcountKind
    text: str
    value: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        text = self.text

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "text": text,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = HeadcountKind(d.pop("kind"))

        text = d.pop("text")

        value = d.pop("value")

        headcount_factor_out = cls(
            kind=kind,
            text=text,
            value=value,
        )

        headcount_factor_out.additional_properties = d
        return headcount_factor_out

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
