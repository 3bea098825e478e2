from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExchangeRateOut")


@_attrs_define
class ExchangeRateOut:
    """A stored exchange rate.

    Attributes:
        as_of (datetime.date): the day the rate is of (ISO 8601)
        base (str): ISO 4217 code of the base currency the rate is in ("EUR")
        created_at (datetime.datetime): when it was first stored (RFC 3339, UTC)
        currency (str): ISO 4217 code of the currency rated, e.g. "MAD"
        rate (float): value of 1 unit of the currency in the base currency (EUR)
    """

    as_of: datetime.date
    base: str
    created_at: datetime.datetime
    currency: str
    rate: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        base = self.base

        created_at = self.created_at.isoformat()

        currency = self.currency

        rate = self.rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "base": base,
                "created_at": created_at,
                "currency": currency,
                "rate": rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        base = d.pop("base")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        rate = d.pop("rate")

        exchange_rate_out = cls(
            as_of=as_of,
            base=base,
            created_at=created_at,
            currency=currency,
            rate=rate,
        )

        exchange_rate_out.additional_properties = d
        return exchange_rate_out

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
