from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OccupationSuggestion")


@_attrs_define
class OccupationSuggestion:
    """An ISCO-08 unit group a job title may belong to.

    Attributes:
        code (str): the ISCO-08 unit group (4 digits)
        confidence (float): calibrated chance, 0..1, that the code is right (0.35: about one in three); compare with
            min_confidence
        title (str): the unit group's ISCO-08 title
    """

    code: str
    confidence: float
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        confidence = self.confidence

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "confidence": confidence,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        confidence = d.pop("confidence")

        title = d.pop("title")

        occupation_suggestion = cls(
            code=code,
            confidence=confidence,
            title=title,
        )

        occupation_suggestion.additional_properties = d
        return occupation_suggestion

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
