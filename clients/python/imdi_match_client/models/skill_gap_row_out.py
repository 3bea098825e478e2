from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SkillGapRowOut")


@_attrs_define
class SkillGapRowOut:
    """An essential skill of an occupation's open vacancies that their top matches' pools give
    no credit for: where training would most likely unlock placements.

        Attributes:
            matches_missing (int): top matches (of the vacancies of this occupation) whose pool lacks the essential skill
            occupation (str): the vacancies' ISCO-08 unit group (4 digits)
            occupation_title (str): the unit group's ISCO-08 title
            skill (str): the skill's taxonomy id (built-in id or ESCO skill URI)
            skill_label (str): the skill's label
            vacancies (int): distinct open vacancies among those matches
            workers (int): eligible workers of those matches (summed headcount)
    """

    matches_missing: int
    occupation: str
    occupation_title: str
    skill: str
    skill_label: str
    vacancies: int
    workers: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        matches_missing = self.matches_missing

        occupation = self.occupation

        occupation_title = self.occupation_title

        skill = self.skill

        skill_label = self.skill_label

        vacancies = self.vacancies

        workers = self.workers

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "matches_missing": matches_missing,
                "occupation": occupation,
                "occupation_title": occupation_title,
                "skill": skill,
                "skill_label": skill_label,
                "vacancies": vacancies,
                "workers": workers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        matches_missing = d.pop("matches_missing")

        occupation = d.pop("occupation")

        occupation_title = d.pop("occupation_title")

        skill = d.pop("skill")

        skill_label = d.pop("skill_label")

        vacancies = d.pop("vacancies")

        workers = d.pop("workers")

        skill_gap_row_out = cls(
            matches_missing=matches_missing,
            occupation=occupation,
            occupation_title=occupation_title,
            skill=skill,
            skill_label=skill_label,
            vacancies=vacancies,
            workers=workers,
        )

        skill_gap_row_out.additional_properties = d
        return skill_gap_row_out

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
