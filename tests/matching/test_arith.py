"""Float sums are the same on every Python version (matching/arith.py).

Python 3.12 made the built-in sum() of floats compensated (Neumaier). The ranker mirrors the
reference's additions bit for bit, so the engine adds floats with `left_sum` only. These tests
pin `left_sum` to plain left-to-right addition, forbid float sum() in the engine modules, and
run the reference and the ranker with a compensated sum() in place of the built-in (what 3.12
does) to show that nothing changes.
"""

from __future__ import annotations

import ast
import builtins
import math
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import matching
from bench.synthetic import make_dataset
from matching import arith, components, eligibility, explain, kernels, ranker, reference
from matching.arith import left_sum
from matching.ranker import PoolIndex, VacancyIndex
from matching.reference import rank_reference, rank_vacancies_reference

MATCHING_DIR = Path(matching.__file__).resolve().parent
#: Modules on the scoring path (allocation.py sums exactly with math.fsum and is not one).
ENGINE_MODULES = (arith, components, eligibility, explain, kernels, ranker, reference)


def test_left_sum_adds_left_to_right_from_zero() -> None:
    assert left_sum([]) == 0.0 and isinstance(left_sum([]), float)
    assert left_sum(iter([0.5, 0.25])) == 0.75
    # (1e16 + 1) rounds back to 1e16 twice; a compensated or exact sum gives 1e16 + 2.
    assert left_sum([1e16, 1.0, 1.0]) == 1e16
    assert math.fsum([1e16, 1.0, 1.0]) == 1e16 + 2
    assert left_sum([0.1] * 10) == 0.9999999999999999  # Python 3.11's sum(); 3.12's gives 1.0


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False, width=64)))
def test_left_sum_is_a_plain_loop(values: list[float]) -> None:
    total = 0.0
    for value in values:
        total += value
    assert left_sum(values) == total


def _sum_calls(path: Path) -> list[ast.Call]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "sum"
    ]


def _is_count(call: ast.Call) -> bool:
    """sum(1 for ...): an integer count, exact on every version."""
    (arg,) = call.args
    return (
        isinstance(arg, ast.GeneratorExp)
        and isinstance(arg.elt, ast.Constant)
        and type(arg.elt.value) is int
    )


@pytest.mark.parametrize("module", ENGINE_MODULES, ids=lambda m: m.__name__)
def test_engine_adds_floats_with_left_sum_only(module: object) -> None:
    path = Path(module.__file__)  # type: ignore[attr-defined]
    floats = [f"{path.name}:{c.lineno}" for c in _sum_calls(path) if not _is_count(c)]
    assert floats == [], "use matching.arith.left_sum for floats, not sum()"


def _compensated_sum(values: Iterable[object], start: object = 0) -> object:
    """sum() as Python 3.12+ does it for floats (Neumaier); integer sums stay exact."""
    items = list(values)
    if not any(isinstance(x, float) for x in [start, *items]):
        return builtins.sum(items, start)  # type: ignore[arg-type]
    total, compensation = float(start), 0.0  # type: ignore[arg-type]
    for x in map(float, items):  # type: ignore[arg-type]
        t = total + x
        if abs(total) >= abs(x):
            compensation += (total - t) + x
        else:
            compensation += (x - t) + total
        total = t
    return total + compensation


@pytest.fixture
def compensated_sum(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shadow the built-in sum() in the engine modules with the 3.12 algorithm."""
    for module in ENGINE_MODULES:
        monkeypatch.setattr(module, "sum", _compensated_sum, raising=False)


def test_compensated_sum_differs_from_left_to_right() -> None:
    # The stand-in must actually differ, or the test below would prove nothing.
    assert _compensated_sum([0.1] * 10) == 1.0 != left_sum([0.1] * 10)
    assert _compensated_sum(1 for _ in range(3)) == 3 and isinstance(
        _compensated_sum(1 for _ in range(3)), int
    )


def test_pools_for_a_vacancy_unchanged_under_a_compensated_sum(
    request: pytest.FixtureRequest,
) -> None:
    vacs, pools, ctx = make_dataset(8, 400, seed=5)
    index = PoolIndex.build(pools, ctx.taxonomy)
    want = [rank_reference(v, pools, ctx, k=20, include_ineligible=True) for v in vacs]
    request.getfixturevalue("compensated_sum")
    # Bit-identical: Match equality compares every score, component and explanation exactly.
    assert [rank_reference(v, pools, ctx, k=20, include_ineligible=True) for v in vacs] == want
    assert [index.rank(v, ctx, 20, include_ineligible=True) for v in vacs] == want


def test_vacancies_for_a_pool_unchanged_under_a_compensated_sum(
    request: pytest.FixtureRequest,
) -> None:
    vacs, pools, ctx = make_dataset(300, 6, seed=4)
    index = VacancyIndex.build(vacs, ctx.taxonomy)
    want = [rank_vacancies_reference(p, vacs, ctx, k=15, include_ineligible=True) for p in pools]
    request.getfixturevalue("compensated_sum")
    got = [rank_vacancies_reference(p, vacs, ctx, k=15, include_ineligible=True) for p in pools]
    assert got == want
    assert [index.rank(p, ctx, 15, include_ineligible=True) for p in pools] == want
