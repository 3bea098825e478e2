from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GreedySummary")


@_attrs_define
class GreedySummary:
    """The greedy baseline (highest score first, same constraints), for comparison.

    Attributes:
        assignments (int): how many assignments it has
        headcount (int): how many workers it assigns
        objective (float): its sum of score times headcount
    """

    assignments: int
    headcount: int
    objective: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assignments = self.assignments

        headcount = self.headcount

        objective = self.objective

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assignments": assignments,
                "headcount": headcount,
                "objective": objective,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assignments = d.pop("assignments")

        headcount = d.pop("headcount")

        objective = d.pop("objective")

        greedy_summary = cls(
            assignments=assignments,
            headcount=headcount,
            objective=objective,
        )

        greedy_summary.additional_properties = d
        return greedy_summary

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
