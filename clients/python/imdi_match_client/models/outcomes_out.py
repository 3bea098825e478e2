from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.outcome_by import OutcomeBy

if TYPE_CHECKING:
    from ..models.outcome_out import OutcomeOut
    from ..models.outlier_out import OutlierOut
    from ..models.outlier_rule import OutlierRule


T = TypeVar("T", bound="OutcomesOut")


@_attrs_define
class OutcomesOut:
    """What became of approvals, per group, with the programme's totals and its outliers.

    Attributes:
        by (OutcomeBy): How outcomes are grouped: by legal pathway, by the pools' origin country (ISO 3166-1),
            by the vacancies' occupation (ISCO-08 unit group) or by employer organisation.
        groups (list[OutcomeOut]): most approved workers first, then key
        outliers (list[OutlierOut]): most significant first
        rule (OutlierRule): When a group is flagged: all three conditions hold.
        totals (OutcomeOut): One group's figures. Stage counts are workers who reached the stage (moves into it),
            not those there now.
    """

    by: OutcomeBy
    groups: list[OutcomeOut]
    outliers: list[OutlierOut]
    rule: OutlierRule
    totals: OutcomeOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by = self.by.value

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        outliers = []
        for outliers_item_data in self.outliers:
            outliers_item = outliers_item_data.to_dict()
            outliers.append(outliers_item)

        rule = self.rule.to_dict()

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by": by,
                "groups": groups,
                "outliers": outliers,
                "rule": rule,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.outcome_out import OutcomeOut  # noqa: PLC0415
        from ..models.outlier_out import OutlierOut  # noqa: PLC0415
        from ..models.outlier_rule import OutlierRule  # noqa: PLC0415

        d = dict(src_dict)
        by = OutcomeBy(d.pop("by"))

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = OutcomeOut.from_dict(groups_item_data)

            groups.append(groups_item)

        outliers = []
        _outliers = d.pop("outliers")
        for outliers_item_data in _outliers:
            outliers_item = OutlierOut.from_dict(outliers_item_data)

            outliers.append(outliers_item)

        rule = OutlierRule.from_dict(d.pop("rule"))

        totals = OutcomeOut.from_dict(d.pop("totals"))

        outcomes_out = cls(
            by=by,
            groups=groups,
            outliers=outliers,
            rule=rule,
            totals=totals,
        )

        outcomes_out.additional_properties = d
        return outcomes_out

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
