from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.check_name import CheckName

if TYPE_CHECKING:
    from ..models.reason import Reason


T = TypeVar("T", bound="EligibilityOut")


@_attrs_define
class EligibilityOut:
    """The legal verdict on the pair: the pathway reported and the checks it passed or failed.

    Attributes:
        checks_passed (list[CheckName]): names of the checks the reported pathway passed, in the order of design section
            4 (eligible_workers last; it is judged only when every other check passes)
        eligible (bool): true when at least one legal pathway admits the pair
        eligible_headcount (int): pool members estimated to meet the hard requirements under that pathway (0 when
            ineligible)
        pathway (None | str): code of the best admitting pathway (most eligible workers); for an ineligible pair the
            closest one (fewest failed checks); null: the destination has no candidate pathway
        reasons (list[Reason]): the failed checks of the reported pathway, in the same order (empty when eligible)
    """

    checks_passed: list[CheckName]
    eligible: bool
    eligible_headcount: int
    pathway: None | str
    reasons: list[Reason]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checks_passed = []
        for checks_passed_item_data in self.checks_passed:
            checks_passed_item = checks_passed_item_data.value
            checks_passed.append(checks_passed_item)

        eligible = self.eligible

        eligible_headcount = self.eligible_headcount

        pathway: None | str
        pathway = self.pathway

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checks_passed": checks_passed,
                "eligible": eligible,
                "eligible_headcount": eligible_headcount,
                "pathway": pathway,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reason import Reason  # noqa: PLC0415

        d = dict(src_dict)
        checks_passed = []
        _checks_passed = d.pop("checks_passed")
        for checks_passed_item_data in _checks_passed:
            checks_passed_item = CheckName(checks_passed_item_data)

            checks_passed.append(checks_passed_item)

        eligible = d.pop("eligible")

        eligible_headcount = d.pop("eligible_headcount")

        def _parse_pathway(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pathway = _parse_pathway(d.pop("pathway"))

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = Reason.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        eligibility_out = cls(
            checks_passed=checks_passed,
            eligible=eligible,
            eligible_headcount=eligible_headcount,
            pathway=pathway,
            reasons=reasons,
        )

        eligibility_out.additional_properties = d
        return eligibility_out

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
