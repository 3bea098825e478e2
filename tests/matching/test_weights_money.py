"""Weights validation and hash; wage annualisation and currency conversion."""

from __future__ import annotations

import math

import pytest

from matching.money import annualise, convert
from matching.records import COMPONENTS, DEFAULT_WEIGHTS, ExchangeRates, Money, WagePeriod
from matching.weights import validate_weights, weights_hash

# ---- weights -----------------------------------------------------------------------------------


def test_validate_defaults_and_partial_override() -> None:
    assert validate_weights({}) == dict(DEFAULT_WEIGHTS)
    got = validate_weights({"sector": 0.3, "skills": 1})
    assert list(got) == list(COMPONENTS)
    assert got["sector"] == 0.3
    assert got["skills"] == 1.0 and isinstance(got["skills"], float)
    assert got["occupation"] == DEFAULT_WEIGHTS["occupation"]  # missing takes the default


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({"skils": 0.4}, "Unknown weight name.*skils"),
        ({"skills": -0.1}, "'skills' must not be negative"),
        ({"skills": math.nan}, "'skills' must be finite"),
        ({"skills": math.inf}, "'skills' must be finite"),
        ({"skills": "0.4"}, "'skills' must be a number"),
        ({"skills": True}, "'skills' must be a number"),
        (dict.fromkeys(COMPONENTS, 0.0), "all weights are zero"),
    ],
)
def test_validate_errors(weights: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        validate_weights(weights)


def test_weights_hash_stable() -> None:
    h = weights_hash(DEFAULT_WEIGHTS)
    assert len(h) == 16 and all(c in "0123456789abcdef" for c in h)
    assert weights_hash({}) == h  # defaults filled in
    assert weights_hash(dict(reversed(list(DEFAULT_WEIGHTS.items())))) == h  # order-free
    assert weights_hash({"skills": 0.4}) == h
    assert weights_hash({"skills": 0.41}) != h
    assert weights_hash({"experience": 1}) == weights_hash({"experience": 1.0})
    # Pinned (sha256 of sorted, compact JSON) so a change to the canonical form shows up.
    assert h == "b73d328e7af18cf1"


def test_weights_hash_validates() -> None:
    with pytest.raises(ValueError):
        weights_hash({"skills": -1})


# ---- money -------------------------------------------------------------------------------------


def test_annualise() -> None:
    assert annualise(Money(20.0, "EUR", WagePeriod.HOUR), 2080, 12) == 41_600.0
    assert annualise(Money(3_000.0, "EUR", WagePeriod.MONTH), 2080, 12) == 36_000.0
    assert annualise(Money(3_000.0, "EUR", WagePeriod.MONTH), 2080, 14) == 42_000.0
    assert annualise(Money(50_000.0, "EUR", WagePeriod.YEAR), 1, 1) == 50_000.0


RATES = ExchangeRates("EUR", {"EUR": 1.0, "USD": 0.9, "PHP": 0.016})


def test_convert_through_base() -> None:
    assert convert(100.0, "USD", "EUR", RATES) == pytest.approx(90.0)
    assert convert(90.0, "EUR", "USD", RATES) == pytest.approx(100.0)
    assert convert(1_000.0, "PHP", "USD", RATES) == pytest.approx(16.0 / 0.9)


def test_convert_missing_rate_is_none() -> None:
    assert convert(1.0, "NGN", "EUR", RATES) is None
    assert convert(1.0, "EUR", "NGN", RATES) is None
    assert convert(1.0, "USD", "EUR", ExchangeRates("EUR", {"USD": 0.0})) is None


def test_convert_same_currency_needs_no_rate() -> None:
    assert convert(5.0, "NGN", "NGN", ExchangeRates("EUR", {})) == 5.0


def test_convert_base_currency_implicit() -> None:
    assert convert(10.0, "USD", "EUR", ExchangeRates("EUR", {"USD": 0.9})) == pytest.approx(9.0)
