from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ComponentOutEvidence")


@_attrs_define
class ComponentOutEvidence:
    """the facts compared, by key (typed values; null means none asked or none at all). skills: vacancy_skills, matched,
    exact, group, missing_essential (counts). occupation: vacancy, pool (ISCO-08 codes), common_prefix (digits in
    common, 0-4). sector: vacancy, pool (ISIC Rev.4 divisions), match (division, section, or null: neither). language:
    per language the vacancy names (ISO 639-1 code as prefix, e.g. de_), <lang>_level (the CEFR level asked, A1..C2),
    <lang>_required_at_start (true: it limits the eligible headcount), <lang>_share_at_or_above and
    <lang>_share_one_below (shares of the pool, 0-1); required: null when the vacancy names no language. education:
    required_isced (ISCED 2011 level or null), pool_isced. experience: required_years (or null), pool_years (median).
    availability: start_date, available_from (ISO dates; null: available now), days_late

    """

    additional_properties: dict[str, bool | float | int | None | str] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        component_out_evidence = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(data: object) -> bool | float | int | None | str:
                if data is None:
                    return data
                return cast(bool | float | int | None | str, data)

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        component_out_evidence.additional_properties = additional_properties
        return component_out_evidence

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> bool | float | int | None | str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: bool | float | int | None | str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
