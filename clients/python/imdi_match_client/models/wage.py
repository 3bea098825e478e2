from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.wage_period import WagePeriod

T = TypeVar("T", bound="Wage")


@_attrs_define
class Wage:
    """A gross wage: an amount per period in a currency. Matching compares wages per year in
    EUR, converting with the stored exchange rates.

        Attributes:
            amount (float): gross amount per period, in `currency`
            currency (str): ISO 4217 currency code of the amount, e.g. "EUR"
            period (WagePeriod): The period a wage amount is paid for; thresholds compare yearly amounts (hour x 2080,
                month x 12).
    """

    amount: float
    currency: str
    period: WagePeriod

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        currency = self.currency

        period = self.period.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "currency": currency,
                "period": period,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        currency = d.pop("currency")

        period = WagePeriod(d.pop("period"))

        wage = cls(
            amount=amount,
            currency=currency,
            period=period,
        )

        return wage
