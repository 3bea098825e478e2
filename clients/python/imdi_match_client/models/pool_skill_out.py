from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PoolSkillOut")


@_attrs_define
class PoolSkillOut:
    """A skill of a pool, as stored: a skill of the taxonomy and the share that has it.

    Attributes:
        label (str): the skill's English label
        share (float): share of the pool's headcount with the skill, 0..1
        skill (str): the skill's id in the taxonomy (built-in id or ESCO URI)
        original_text (None | str | Unset): the words the ministry sent, when the skill was resolved from text
    """

    label: str
    share: float
    skill: str
    original_text: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        share = self.share

        skill = self.skill

        original_text: None | str | Unset
        if isinstance(self.original_text, Unset):
            original_text = UNSET
        else:
            original_text = self.original_text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "label": label,
                "share": share,
                "skill": skill,
            }
        )
        if original_text is not UNSET:
            field_dict["original_text"] = original_text

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label")

        share = d.pop("share")

        skill = d.pop("skill")

        def _parse_original_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        original_text = _parse_original_text(d.pop("original_text", UNSET))

        pool_skill_out = cls(
            label=label,
            share=share,
            skill=skill,
            original_text=original_text,
        )

        pool_skill_out.additional_properties = d
        return pool_skill_out

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
