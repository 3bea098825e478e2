from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SkillResolution")


@_attrs_define
class SkillResolution:
    """A taxonomy skill for a free text; confidence is the best label similarity (1 = a label
    written exactly). Intake takes a skill in words as the best one when its confidence is at
    least the service's threshold (0.75 by default), else refuses it with a 422.

        Attributes:
            confidence (float): the best similarity, 0..1, of the text with one of the skill's preferred or alternative
                labels
            label (str): the skill's preferred label
            skill (str): the skill's id (built-in id or ESCO skill URI)
    """

    confidence: float
    label: str
    skill: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        confidence = self.confidence

        label = self.label

        skill = self.skill

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "confidence": confidence,
                "label": label,
                "skill": skill,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        confidence = d.pop("confidence")

        label = d.pop("label")

        skill = d.pop("skill")

        skill_resolution = cls(
            confidence=confidence,
            label=label,
            skill=skill,
        )

        skill_resolution.additional_properties = d
        return skill_resolution

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
