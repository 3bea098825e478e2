"""Float arithmetic that gives the same bits on every Python version.

The vectorised ranker must reproduce the reference scorer's scores bit for bit (a last-bit
difference reorders tied scores), so both add floats in one fixed order. Python 3.12 made the
built-in `sum()` of floats compensated (Neumaier summation), which changes the last bits of some
sums, and would do so on one side only (numpy's bincount and the ranker's running sums stay
plain). The engine therefore never adds floats with `sum()`; it uses `left_sum`, which is what
`sum()` did up to Python 3.11, on every version. Counting with `sum(1 for ...)` is fine: integer
sums are exact everywhere.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from functools import reduce


def left_sum(values: Iterable[float]) -> float:
    """((0.0 + v0) + v1) + ...: plain left-to-right addition, no compensation; 0.0 when empty.

    Starting from 0.0 matches Python 3.11's `sum()` of floats bit for bit (its float path starts
    from 0.0 too), so switching to it changed no score. `reduce` keeps the loop in C.
    """
    return reduce(operator.add, values, 0.0)
