from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.component_name import ComponentName

if TYPE_CHECKING:
    from ..models.component_out_evidence import ComponentOutEvidence


T = TypeVar("T", bound="ComponentOut")


@_attrs_define
class ComponentOut:
    """One score component of a pair: its score, the weight applied, and the facts behind it.

    Attributes:
        contribution (float): score x weight; the contributions of a pair sum to its score
        evidence (ComponentOutEvidence): the facts compared, by key (typed values; null means none asked or none at
            all). skills: vacancy_skills, matched, exact, group, missing_essential (counts). occupation: vacancy, pool
            (ISCO-08 codes), common_prefix (digits in common, 0-4). sector: vacancy, pool (ISIC Rev.4 divisions), match
            (division, section, or null: neither). language: per language the vacancy names (ISO 639-1 code as prefix, e.g.
            de_), <lang>_level (the CEFR level asked, A1..C2), <lang>_required_at_start (true: it limits the eligible
            headcount), <lang>_share_at_or_above and <lang>_share_one_below (shares of the pool, 0-1); required: null when
            the vacancy names no language. education: required_isced (ISCED 2011 level or null), pool_isced. experience:
            required_years (or null), pool_years (median). availability: start_date, available_from (ISO dates; null:
            available now), days_late
        name (ComponentName): A score component (design section 5; default weight in brackets): skills (0.40)
            coverage of the vacancy's skills by the pool; occupation (0.25) closeness of the ISCO-08
            codes; sector (0.10) same ISIC Rev.4 division or section; language (0.10) share of the pool
            at the vacancy's CEFR levels; education (0.05) ISCED 2011 level against the minimum;
            experience (0.05) median years against the years asked; availability (0.05) available by
            the start date.
        score (float): the component's score, 0 to 1
        weight (float): the weight applied: the configured weight renormalised over the components present (the weights
            of a pair sum to 1)
    """

    contribution: float
    evidence: ComponentOutEvidence
    name: ComponentName
    score: float
    weight: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contribution = self.contribution

        evidence = self.evidence.to_dict()

        name = self.name.value

        score = self.score

        weight = self.weight

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contribution": contribution,
                "evidence": evidence,
                "name": name,
                "score": score,
                "weight": weight,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.component_out_evidence import ComponentOutEvidence  # noqa: PLC0415

        d = dict(src_dict)
        contribution = d.pop("contribution")

        evidence = ComponentOutEvidence.from_dict(d.pop("evidence"))

        name = ComponentName(d.pop("name"))

        score = d.pop("score")

        weight = d.pop("weight")

        component_out = cls(
            contribution=contribution,
            evidence=evidence,
            name=name,
            score=score,
            weight=weight,
        )

        component_out.additional_properties = d
        return component_out

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
