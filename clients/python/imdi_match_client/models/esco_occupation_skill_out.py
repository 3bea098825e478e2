from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.esco_occupation_skill_out_relation import EscoOccupationSkillOutRelation

T = TypeVar("T", bound="EscoOccupationSkillOut")


@_attrs_define
class EscoOccupationSkillOut:
    """A skill that ESCO relates to an occupation.

    Attributes:
        label (str): the skill's label
        relation (EscoOccupationSkillOutRelation): essential or optional for the occupation, as ESCO publishes it
        skill (str): the skill's id (an ESCO skill URI)
    """

    label: str
    relation: EscoOccupationSkillOutRelation
    skill: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        relation = self.relation.value

        skill = self.skill

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "label": label,
                "relation": relation,
                "skill": skill,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label")

        relation = EscoOccupationSkillOutRelation(d.pop("relation"))

        skill = d.pop("skill")

        esco_occupation_skill_out = cls(
            label=label,
            relation=relation,
            skill=skill,
        )

        esco_occupation_skill_out.additional_properties = d
        return esco_occupation_skill_out

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
