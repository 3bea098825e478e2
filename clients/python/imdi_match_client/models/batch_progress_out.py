from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BatchProgressOut")


@_attrs_define
class BatchProgressOut:
    """How far a run is: one task per block of vacancies, counted as its pairs are stored.

    Attributes:
        fraction (float): tasks_done / tasks_total, 0..1 (1 for a succeeded run)
        tasks_done (int): vacancy blocks ranked and stored
        tasks_total (int): vacancy blocks of the run in all
    """

    fraction: float
    tasks_done: int
    tasks_total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fraction = self.fraction

        tasks_done = self.tasks_done

        tasks_total = self.tasks_total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fraction": fraction,
                "tasks_done": tasks_done,
                "tasks_total": tasks_total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fraction = d.pop("fraction")

        tasks_done = d.pop("tasks_done")

        tasks_total = d.pop("tasks_total")

        batch_progress_out = cls(
            fraction=fraction,
            tasks_done=tasks_done,
            tasks_total=tasks_total,
        )

        batch_progress_out.additional_properties = d
        return batch_progress_out

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
