from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OutlierRule")


@_attrs_define
class OutlierRule:
    """When a group is flagged: all three conditions hold.

    Attributes:
        alpha (float): a one-sided exact binomial test's p-value below this
        min_at_risk (int): at least this many workers at risk
        min_ratio (float): a rate at least this many times the programme's
    """

    alpha: float
    min_at_risk: int
    min_ratio: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alpha = self.alpha

        min_at_risk = self.min_at_risk

        min_ratio = self.min_ratio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alpha": alpha,
                "min_at_risk": min_at_risk,
                "min_ratio": min_ratio,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        alpha = d.pop("alpha")

        min_at_risk = d.pop("min_at_risk")

        min_ratio = d.pop("min_ratio")

        outlier_rule = cls(
            alpha=alpha,
            min_at_risk=min_at_risk,
            min_ratio=min_ratio,
        )

        outlier_rule.additional_properties = d
        return outlier_rule

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
