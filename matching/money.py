"""Wages: annualise by period and convert through the base currency (design sections 2 and 4)."""

from __future__ import annotations

import math

from matching.records import ExchangeRates, Money, WagePeriod


def annualise(money: Money, hours_per_year: float, months_per_year: float) -> float:
    """The amount per year in the money's own currency."""
    if money.period is WagePeriod.HOUR:
        return money.amount * hours_per_year
    if money.period is WagePeriod.MONTH:
        return money.amount * months_per_year
    return money.amount


def _rate(currency: str, rates: ExchangeRates) -> float | None:
    """Base-currency value of one unit, or None when unknown or unusable."""
    if currency == rates.base and currency not in rates.rates:
        return 1.0  # one unit of the base is worth one unit of the base by definition
    rate = rates.rates.get(currency)
    if rate is None or not math.isfinite(rate) or rate <= 0:
        return None  # a zero or negative rate would divide by zero or flip the comparison
    return float(rate)


def convert(amount: float, from_ccy: str, to_ccy: str, rates: ExchangeRates) -> float | None:
    """Convert through the base currency; None when a needed rate is missing.

    The same currency needs no rate, so a wage can be compared with a threshold in its own
    currency even when the rates table does not list it.
    """
    if from_ccy == to_ccy:
        return amount
    rate_from = _rate(from_ccy, rates)
    rate_to = _rate(to_ccy, rates)
    if rate_from is None or rate_to is None:
        return None
    return amount * rate_from / rate_to
