from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.component_out import ComponentOut
    from ..models.eligibility_out import EligibilityOut
    from ..models.headcount_factor_out import HeadcountFactorOut
    from ..models.skill_evidence_out import SkillEvidenceOut


T = TypeVar("T", bound="ExplanationOut")


@_attrs_define
class ExplanationOut:
    """Why the pair scored what it did, component by component, and why it is eligible or not.

    Attributes:
        components (list[ComponentOut]): the components present, in the order skills, occupation, sector, language,
            education, experience, availability (skills drops out when the vacancy names none, sector when either side has
            none)
        eligibility (EligibilityOut): The legal verdict on the pair: the pathway reported and the checks it passed or
            failed.
        headcount (list[HeadcountFactorOut]): the factors of the eligible headcount under the reported pathway (empty
            when none is reported, and in matches stored before engine 2.0)
        missing_essential (list[str]): ids of the essential vacancy skills the pool earns no credit for
        skills (list[SkillEvidenceOut]): the vacancy's skills, in its order
    """

    components: list[ComponentOut]
    eligibility: EligibilityOut
    headcount: list[HeadcountFactorOut]
    missing_essential: list[str]
    skills: list[SkillEvidenceOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        components = []
        for components_item_data in self.components:
            components_item = components_item_data.to_dict()
            components.append(components_item)

        eligibility = self.eligibility.to_dict()

        headcount = []
        for headcount_item_data in self.headcount:
            headcount_item = headcount_item_data.to_dict()
            headcount.append(headcount_item)

        missing_essential = self.missing_essential

        skills = []
        for skills_item_data in self.skills:
            skills_item = skills_item_data.to_dict()
            skills.append(skills_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "components": components,
                "eligibility": eligibility,
                "headcount": headcount,
                "missing_essential": missing_essential,
                "skills": skills,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.component_out import ComponentOut  # noqa: PLC0415
        from ..models.eligibility_out import EligibilityOut  # noqa: PLC0415
        from ..models.headcount_factor_out import HeadcountFactorOut  # noqa: PLC0415
        from ..models.skill_evidence_out import SkillEvidenceOut  # noqa: PLC0415

        d = dict(src_dict)
        components = []
        _components = d.pop("components")
        for components_item_data in _components:
            components_item = ComponentOut.from_dict(components_item_data)

            components.append(components_item)

        eligibility = EligibilityOut.from_dict(d.pop("eligibility"))

        headcount = []
        _headcount = d.pop("headcount")
        for headcount_item_data in _headcount:
            headcount_item = HeadcountFactorOut.from_dict(headcount_item_data)

            headcount.append(headcount_item)

        missing_essential = cast(list[str], d.pop("missing_essential"))

        skills = []
        _skills = d.pop("skills")
        for skills_item_data in _skills:
            skills_item = SkillEvidenceOut.from_dict(skills_item_data)

            skills.append(skills_item)

        explanation_out = cls(
            components=components,
            eligibility=eligibility,
            headcount=headcount,
            missing_essential=missing_essential,
            skills=skills,
        )

        explanation_out.additional_properties = d
        return explanation_out

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
