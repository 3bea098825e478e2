from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OccupationCoding")


@_attrs_define
class OccupationCoding:
    """How a job title given where an ISCO-08 code was expected was coded (by similarity to the
    ISCO-08 titles and the taxonomy's job titles).

        Attributes:
            code (str): the ISCO-08 unit group (4 digits) it was coded to, e.g. "2221"
            confidence (float): similarity of the title to the unit group, 0..1
            input_ (str): the job title as sent
            title (str): the ISCO-08 title of that unit group
    """

    code: str
    confidence: float
    input_: str
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        confidence = self.confidence

        input_ = self.input_

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "confidence": confidence,
                "input": input_,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        confidence = d.pop("confidence")

        input_ = d.pop("input")

        title = d.pop("title")

        occupation_coding = cls(
            code=code,
            confidence=confidence,
            input_=input_,
            title=title,
        )

        occupation_coding.additional_properties = d
        return occupation_coding

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
