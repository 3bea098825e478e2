from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.vacancy_skill_out_importance import VacancySkillOutImportance
from ..types import UNSET, Unset

T = TypeVar("T", bound="VacancySkillOut")


@_attrs_define
class VacancySkillOut:
    """A skill a vacancy asks for, as stored: a skill of the taxonomy.

    Attributes:
        importance (VacancySkillOutImportance): essential or optional to the job
        label (str): the skill's English label
        skill (str): the skill's id in the taxonomy (built-in id or ESCO URI)
        derived (bool | Unset): true: taken from the occupation's skill profile, not named by the employer Default:
            False.
        original_text (None | str | Unset): the words the employer sent, when the skill was resolved from text
    """

    importance: VacancySkillOutImportance
    label: str
    skill: str
    derived: bool | Unset = False
    original_text: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        importance = self.importance.value

        label = self.label

        skill = self.skill

        derived = self.derived

        original_text: None | str | Unset
        if isinstance(self.original_text, Unset):
            original_text = UNSET
        else:
            original_text = self.original_text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "importance": importance,
                "label": label,
                "skill": skill,
            }
        )
        if derived is not UNSET:
            field_dict["derived"] = derived
        if original_text is not UNSET:
            field_dict["original_text"] = original_text

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        importance = VacancySkillOutImportance(d.pop("importance"))

        label = d.pop("label")

        skill = d.pop("skill")

        derived = d.pop("derived", UNSET)

        def _parse_original_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        original_text = _parse_original_text(d.pop("original_text", UNSET))

        vacancy_skill_out = cls(
            importance=importance,
            label=label,
            skill=skill,
            derived=derived,
            original_text=original_text,
        )

        vacancy_skill_out.additional_properties = d
        return vacancy_skill_out

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
