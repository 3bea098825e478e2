"""The component rules over arrays: one implementation for both indexes (design section 5).

`components.py` states each rule for one pair, readably (the reference scorer uses it); these
functions state the same rules for many pairs at once. `PoolIndex` (one vacancy against many
pools) and `VacancyIndex` (one pool against many vacancies) differ only in how they lay their
data out (sparse pool columns, padded vacancy rows) and both call these kernels for the
arithmetic, so a rule changes in one place here and in one place in `components.py`.

Each kernel does the reference's float operations in the reference's order (the same products,
sums left to right from 0.0), so the results are bit-identical to `components` and `combine`,
not merely close: a last-bit difference would reorder tied scores. Arguments broadcast: either
side may be the scalar one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TypeAlias

import numpy as np
import numpy.typing as npt

from matching.arith import left_sum
from matching.components import (
    AVAILABILITY_HORIZON_DAYS,
    GROUP_CREDIT,
    OCCUPATION_BY_PREFIX,
    ONE_LEVEL_BELOW,
    common_prefix_length,
)
from matching.records import COMPONENTS

__all__ = [
    "Floats",
    "Ints",
    "Present",
    "Values",
    "availability_scores",
    "best_credit",
    "combine_scores",
    "education_scores",
    "experience_scores",
    "group_credit",
    "language_credit",
    "language_factors",
    "language_means",
    "occupation_table",
    "ordered_sum",
    "sector_table",
    "sum_by_row",
]

Floats: TypeAlias = npt.NDArray[np.float64]
Ints: TypeAlias = npt.NDArray[np.integer]
#: A component's values for the rows: an array, or one float for every row.
Values: TypeAlias = Floats | float
#: Where a component is present: True (every row), False (none) or a mask over the rows.
Present: TypeAlias = npt.NDArray[np.bool_] | bool


# ---- sums --------------------------------------------------------------------------------------


def sum_by_row(rows: Ints, values: Floats, n: int) -> Floats:
    """Per-row sums, added in input order (bincount adds sequentially: `left_sum`'s order)."""
    # float64 even when empty (bincount of nothing is int64).
    return np.bincount(rows, weights=values, minlength=n).astype(np.float64, copy=False)


def ordered_sum(terms: Iterable[Values]) -> Values:
    """((0.0 + t0) + t1) + ...: `left_sum` over arrays, term by term."""
    total: Values = 0.0
    for term in terms:
        total = total + term
    return total


# ---- skills ------------------------------------------------------------------------------------


def group_credit(best_share: Floats) -> Floats:
    """Hierarchy credit from the best share among the pool's skills of the skill's group."""
    return GROUP_CREDIT * best_share


def best_credit(exact: Floats, group: Floats) -> Floats:
    """A skill's credit: the exact share, or the group credit when that is larger."""
    return np.maximum(exact, group)


# ---- occupation and sector ---------------------------------------------------------------------


def occupation_table(code: str, vocab: Sequence[str]) -> Floats:
    """The occupation score of `code` against each code of `vocab` ([0.0] for none)."""
    return np.array(
        [OCCUPATION_BY_PREFIX[min(common_prefix_length(code, other), 4)] for other in vocab]
        or [0.0]
    )


def sector_table(
    sector: str, section: str | None, vocab: Sequence[str], sections: Sequence[str | None]
) -> Floats:
    """The sector score of `sector` (in `section`) against each division of `vocab` (in
    `sections`), then 0.0 for code -1 (no sector: the caller masks those rows out)."""
    return np.array(
        [
            1.0 if other == sector else 0.5 if section is not None and section == sec else 0.0
            for other, sec in zip(vocab, sections, strict=True)
        ]
        + [0.0]
    )


# ---- language, education, experience, availability ---------------------------------------------


def language_factors(levels: Ints, min_level: int | Ints) -> Floats:
    """Credit of pool language entries: 1 at or above the level, 0.5 exactly one level below."""
    below = np.where(levels == min_level - 1, ONE_LEVEL_BELOW, 0.0)
    return np.where(levels >= min_level, 1.0, below)


def language_credit(
    bins: Ints, levels: Ints, shares: Floats, min_level: int | Ints, n: int
) -> Floats:
    """min(1, sum of share * factor) per bin over the entries of one language (`bins`: the bin
    of each entry, entries in the reference's order within a bin)."""
    credit = sum_by_row(bins, shares * language_factors(levels, min_level), n)
    return np.minimum(1.0, credit, out=credit)


def language_means(credits: Iterable[Values], count: int | Ints) -> Values:
    """Mean of the per-language credits (summed in the vacancy's order, then divided); 1.0
    where the vacancy names no language (`count` 0)."""
    total = ordered_sum(credits)
    if isinstance(count, int):
        return 1.0 if count == 0 else total / count
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / count, 1.0)


def education_scores(level: int | Ints, minimum: int | Ints) -> Floats:
    """1 at or above the minimum ISCED level, 0.5 one level below, else 0."""
    return np.where(level >= minimum, 1.0, np.where(level == minimum - 1, 0.5, 0.0))


def experience_scores(years: float | Floats, required: float | Floats) -> Floats:
    """min(1, years / required) (`required` > 0: callers give 1.0 where none is required)."""
    return np.minimum(1.0, np.divide(years, required))


def availability_scores(available: int | Ints, start: int | Ints) -> Floats:
    """1 when available by the start, linear decay to 0 at 180 days late (date ordinals; an
    `available` of 0 is "available now")."""
    late = np.maximum(np.subtract(available, start), 0)
    return np.maximum(0.0, 1.0 - late / AVAILABILITY_HORIZON_DAYS)


# ---- all together ------------------------------------------------------------------------------


def combine_scores(
    values: Mapping[str, Values],
    present: Mapping[str, Present],
    weights: Mapping[str, float],
    size: int,
) -> Floats:
    """`components.combine` for `size` rows: sum(w * s) over the present components in
    COMPONENTS order, divided by the sum of their weights (0 where that is 0).

    `values` must hold 0.0 where a component is absent, so that it adds w * 0.0 = +0.0 and
    leaves the running sum as the reference's. The weight sums are scalars, one `left_sum`
    per pattern of presence of the partly present components.
    """
    numerator: Values = 0.0
    partial: list[tuple[str, npt.NDArray[np.bool_]]] = []
    for name in COMPONENTS:
        here = present[name]
        if here is False:
            continue
        numerator = numerator + weights[name] * values[name]
        if not isinstance(here, bool):
            partial.append((name, here))
    always = [name for name in COMPONENTS if present[name] is True]
    totals: list[float] = []
    for pattern in range(1 << len(partial)):
        on = set(always)
        on.update(name for bit, (name, _) in enumerate(partial) if pattern >> bit & 1)
        totals.append(left_sum(weights[name] for name in COMPONENTS if name in on))
    if not partial:
        score: Values = numerator / totals[0] if totals[0] > 0 else 0.0
        return np.broadcast_to(np.asarray(score, np.float64), (size,))
    code: npt.NDArray[np.intp] = partial[0][1].astype(np.intp)
    for bit, (_, mask) in enumerate(partial[1:], start=1):
        code = code + (mask.astype(np.intp) << bit)
    table = np.array(totals)
    total = table[code]
    if bool((table > 0).all()):
        return np.broadcast_to(np.asarray(numerator / total, np.float64), (size,))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.broadcast_to(
            np.asarray(np.where(total > 0, numerator / total, 0.0), np.float64), (size,)
        )
