from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BatchInputsOut")


@_attrs_define
class BatchInputsOut:
    """The inputs' version a run ranked: the change feed's position of its snapshot. Its
    results are "as of" this change; a later write is not in them.

        Attributes:
            change_seq (int): the change feed's number (change_head) when the run read its snapshot
            change_epoch (None | str | Unset): the feed's epoch, naming the database (one restored from a backup has a new
                one); null: none recorded
    """

    change_seq: int
    change_epoch: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        change_seq = self.change_seq

        change_epoch: None | str | Unset
        if isinstance(self.change_epoch, Unset):
            change_epoch = UNSET
        else:
            change_epoch = self.change_epoch

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "change_seq": change_seq,
            }
        )
        if change_epoch is not UNSET:
            field_dict["change_epoch"] = change_epoch

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        change_seq = d.pop("change_seq")

        def _parse_change_epoch(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        change_epoch = _parse_change_epoch(d.pop("change_epoch", UNSET))

        batch_inputs_out = cls(
            change_seq=change_seq,
            change_epoch=change_epoch,
        )

        batch_inputs_out.additional_properties = d
        return batch_inputs_out

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
