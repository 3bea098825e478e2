from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PoolSkillIn")


@_attrs_define
class PoolSkillIn:
    """A skill in a pool, and the share of the pool's headcount that has it.

    Attributes:
        skill (str): a skill id of the taxonomy (built-in, or an ESCO skill URI), or the skill in words, resolved to the
            closest skill by label similarity and kept as original_text
        share (float | Unset): share of the pool's headcount with the skill, 0..1 (default 1) Default: 1.0.
    """

    skill: str
    share: float | Unset = 1.0

    def to_dict(self) -> dict[str, Any]:
        skill = self.skill

        share = self.share

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "skill": skill,
            }
        )
        if share is not UNSET:
            field_dict["share"] = share

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        skill = d.pop("skill")

        share = d.pop("share", UNSET)

        pool_skill_in = cls(
            skill=skill,
            share=share,
        )

        return pool_skill_in
