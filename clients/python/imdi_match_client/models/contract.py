from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.contract_type import ContractType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Contract")


@_attrs_define
class Contract:
    """The kind of employment contract offered, and for how long.

    Attributes:
        duration_months (int | None | Unset): length of a fixed-term contract in months; null: open
        type_ (ContractType | Unset): The kind of employment contract a vacancy offers; a pathway admits some of them.
    """

    duration_months: int | None | Unset = UNSET
    type_: ContractType | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        duration_months: int | None | Unset
        if isinstance(self.duration_months, Unset):
            duration_months = UNSET
        else:
            duration_months = self.duration_months

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if duration_months is not UNSET:
            field_dict["duration_months"] = duration_months
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_duration_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_months = _parse_duration_months(d.pop("duration_months", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: ContractType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = ContractType(_type_)

        contract = cls(
            duration_months=duration_months,
            type_=type_,
        )

        return contract
