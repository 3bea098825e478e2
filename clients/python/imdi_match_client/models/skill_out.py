from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.skill_out_source import SkillOutSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="SkillOut")


@_attrs_define
class SkillOut:
    """A skill, or a skill group, of the taxonomy: the built-in skills and, after an ESCO
    import, ESCO's skills and knowledge. Groups form the hierarchy that gives partial credit
    for a related skill.

        Attributes:
            id (str): the skill's id: a built-in id (e.g. "intravenous-therapy") or an ESCO skill URI; what vacancies and
                pools name a skill by
            is_group (bool): true for a skill group, not a skill
            label (str): the skill's preferred label (English)
            source (SkillOutSource): builtin (the service's own taxonomy) or esco
            alt_labels (list[str] | Unset): other labels of the skill
            code (None | str | Unset): ESCO skill groups: the code in ESCO's skills hierarchy (e.g. "S1.2.3"); null
                otherwise
            description (str | Unset): what the skill is; may be empty Default: ''.
            parent_id (None | str | Unset): the id of the nearest broader skill group; null: a top group
            reuse_level (None | str | Unset): ESCO skills: how widely the skill is reused, "transversal", "cross-sector",
                "sector-specific" or "occupation-specific"; null otherwise
            skill_type (None | str | Unset): ESCO skills: "knowledge" or "skill/competence", as ESCO publishes it; null for
                groups and built-in skills
    """

    id: str
    is_group: bool
    label: str
    source: SkillOutSource
    alt_labels: list[str] | Unset = UNSET
    code: None | str | Unset = UNSET
    description: str | Unset = ""
    parent_id: None | str | Unset = UNSET
    reuse_level: None | str | Unset = UNSET
    skill_type: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        is_group = self.is_group

        label = self.label

        source = self.source.value

        alt_labels: list[str] | Unset = UNSET
        if not isinstance(self.alt_labels, Unset):
            alt_labels = self.alt_labels

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        description = self.description

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        reuse_level: None | str | Unset
        if isinstance(self.reuse_level, Unset):
            reuse_level = UNSET
        else:
            reuse_level = self.reuse_level

        skill_type: None | str | Unset
        if isinstance(self.skill_type, Unset):
            skill_type = UNSET
        else:
            skill_type = self.skill_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "is_group": is_group,
                "label": label,
                "source": source,
            }
        )
        if alt_labels is not UNSET:
            field_dict["alt_labels"] = alt_labels
        if code is not UNSET:
            field_dict["code"] = code
        if description is not UNSET:
            field_dict["description"] = description
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if reuse_level is not UNSET:
            field_dict["reuse_level"] = reuse_level
        if skill_type is not UNSET:
            field_dict["skill_type"] = skill_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        is_group = d.pop("is_group")

        label = d.pop("label")

        source = SkillOutSource(d.pop("source"))

        alt_labels = cast(list[str], d.pop("alt_labels", UNSET))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        description = d.pop("description", UNSET)

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        def _parse_reuse_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reuse_level = _parse_reuse_level(d.pop("reuse_level", UNSET))

        def _parse_skill_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        skill_type = _parse_skill_type(d.pop("skill_type", UNSET))

        skill_out = cls(
            id=id,
            is_group=is_group,
            label=label,
            source=source,
            alt_labels=alt_labels,
            code=code,
            description=description,
            parent_id=parent_id,
            reuse_level=reuse_level,
            skill_type=skill_type,
        )

        skill_out.additional_properties = d
        return skill_out

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
