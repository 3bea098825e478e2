from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.importance import Importance
from ..models.skill_via import SkillVia
from ..types import UNSET, Unset

T = TypeVar("T", bound="SkillEvidenceOut")


@_attrs_define
class SkillEvidenceOut:
    """One skill of the vacancy and the credit the pool earns for it.

    Attributes:
        credit (float): share of the pool holding the skill (0-1), or half the best share of a related skill of the same
            group
        importance (Importance): How much a vacancy needs a skill: essential skills weigh 2, optional 1 in the skills
            score (design section 5); a pool missing an essential one is shown as such.
        skill (str): the skill's id in the service's skill taxonomy (e.g. "patient-assessment"; GET
            /api/v1/taxonomy/skills lists them)
        via (None | SkillVia): how the credit is earned; null: missing (no credit)
        derived (bool | Unset): true when the skill came from the occupation's profile, not named by the employer
            Default: False.
    """

    credit: float
    importance: Importance
    skill: str
    via: None | SkillVia
    derived: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        credit = self.credit

        importance = self.importance.value

        skill = self.skill

        via: None | str
        if isinstance(self.via, SkillVia):
            via = self.via.value
        else:
            via = self.via

        derived = self.derived

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credit": credit,
                "importance": importance,
                "skill": skill,
                "via": via,
            }
        )
        if derived is not UNSET:
            field_dict["derived"] = derived

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        credit = d.pop("credit")

        importance = Importance(d.pop("importance"))

        skill = d.pop("skill")

        def _parse_via(data: object) -> None | SkillVia:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                via_type_0 = SkillVia(data)

                return via_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SkillVia, data)

        via = _parse_via(d.pop("via"))

        derived = d.pop("derived", UNSET)

        skill_evidence_out = cls(
            credit=credit,
            importance=importance,
            skill=skill,
            via=via,
            derived=derived,
        )

        skill_evidence_out.additional_properties = d
        return skill_evidence_out

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
