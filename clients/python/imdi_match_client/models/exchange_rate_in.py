from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ExchangeRateIn")


@_attrs_define
class ExchangeRateIn:
    """The rate of a currency on a date. Wages and wage thresholds in other currencies are
    compared in EUR through the newest rate of their currency.

        Attributes:
            as_of (datetime.date): the day the rate is of (ISO 8601; not in the future)
            currency (str): ISO 4217 code of the currency rated, e.g. "PHP"
            rate (float): value of 1 unit of the currency in the base currency (EUR): a number greater than 0 with at most
                12 decimal places (a decimal string is accepted too); 1 for EUR
    """

    as_of: datetime.date
    currency: str
    rate: float

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        currency = self.currency

        rate = self.rate

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "as_of": as_of,
                "currency": currency,
                "rate": rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        currency = d.pop("currency")

        rate = d.pop("rate")

        exchange_rate_in = cls(
            as_of=as_of,
            currency=currency,
            rate=rate,
        )

        return exchange_rate_in
