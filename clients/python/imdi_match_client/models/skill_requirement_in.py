from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.importance import Importance
from ..types import UNSET, Unset

T = TypeVar("T", bound="SkillRequirementIn")


@_attrs_define
class SkillRequirementIn:
    """A skill a vacancy asks for, essential or optional.

    Attributes:
        skill (str): a skill id of the taxonomy (built-in, or an ESCO skill URI), or the skill in words, resolved to the
            closest skill by label similarity and kept as original_text
        importance (Importance | Unset): How much a vacancy needs a skill: essential skills weigh 2, optional 1 in the
            skills
            score (design section 5); a pool missing an essential one is shown as such.
    """

    skill: str
    importance: Importance | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        skill = self.skill

        importance: str | Unset = UNSET
        if not isinstance(self.importance, Unset):
            importance = self.importance.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "skill": skill,
            }
        )
        if importance is not UNSET:
            field_dict["importance"] = importance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        skill = d.pop("skill")

        _importance = d.pop("importance", UNSET)
        importance: Importance | Unset
        if isinstance(_importance, Unset):
            importance = UNSET
        else:
            importance = Importance(_importance)

        skill_requirement_in = cls(
            skill=skill,
            importance=importance,
        )

        return skill_requirement_in
