from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reason_code import ReasonCode

T = TypeVar("T", bound="Reason")


@_attrs_define
class Reason:
    """Why a legal pathway does not admit the pair: a stable code and one sentence.

    Attributes:
        code (ReasonCode): Why a legal pathway does not admit a pair (design section 4), a stable code:
            origin_not_covered (the pool's ISO 3166-1 origin country is not covered),
            occupation_not_covered (the ISCO-08 occupation is not covered, or excluded),
            sector_not_covered (the ISIC Rev.4 sector is not covered), education_below_minimum (ISCED
            2011 level below the minimum), language_below_minimum (no share of the pool meets a language
            requirement), experience_below_minimum (median years below the minimum),
            wage_below_threshold (annual wage below the threshold), contract_not_allowed (contract type
            or length not allowed), quota_exhausted (the start year's quota is used up),
            pathway_not_in_force (start date outside the pathway's validity),
            ethical_recruitment_health (a health occupation from a WHO safeguard list country, outside a
            government-to-government pathway), fees_charged_to_worker (the employer-pays attestation is
            missing), no_eligible_workers (every other check passes but no worker meets the hard
            requirements), no_exchange_rate (no rate to compare the wage with the threshold: stands in
            for wage_below_threshold), no_pathway (the destination has no candidate pathway).
        message (str): one sentence for a person, naming the figures compared (not for parsing)
    """

    code: ReasonCode
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = ReasonCode(d.pop("code"))

        message = d.pop("message")

        reason = cls(
            code=code,
            message=message,
        )

        reason.additional_properties = d
        return reason

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
