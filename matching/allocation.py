"""Allocation (design section 6): choose how many workers of each pool go to each vacancy.

Given eligible (vacancy, pool) pairs with their scores, choose integer headcounts x >= 0 that
maximise sum(score * x) subject to
- per vacancy: sum of x <= openings left;
- per pool: sum of x <= headcount left;
- per pair: x <= the pair's eligible headcount left;
- per (pathway, year) with a quota: sum of x over the pairs using it <= quota left;
- optionally, per destination d and origin o: x[o, d] <= cap * x[d] (no origin country takes
  more than a share `cap` of a destination's placements).

The integer programme is solved with HiGHS (`scipy.optimize.linprog` for its LP relaxation,
`scipy.optimize.milp` for the integer part; see `allocate`); the greedy baseline (highest score
first, same constraints) is solved too, so that the result says what optimisation gained.
Handing the whole programme to milp does not scale: at 500,000 pairs HiGHS's MIP presolve alone
ran for minutes past the time limit; the LP relaxation of these transportation-like problems
is nearly integral, so relaxation + rounding + reduced-cost fixing leaves milp a small
programme, or proves the rounded relaxation optimal outright. Pure library: numpy and scipy.

Readings pinned here (the design left them open):
- Pairs with a score below `min_score`, or a score of 0 (they add nothing to the objective and
  would only be noise in a plan an officer adopts), are left out.
- Negative capacities (e.g. openings reduced below what was already approved) count as 0.
- The origin cap is linear: with cap < 1 a destination served by a single origin gets no
  placements at all (any placement would be 100 % of the destination's). cap = 1 is no cap.
- The problem is always feasible (x = 0). Invalid options raise ValueError.
- The reported plan is never worse than greedy: when the solver stops (time limit) with a worse
  or no solution, the greedy plan is reported instead (`source` says which).
- Deterministic for the same input: pairs are sorted canonically before the model is built, and
  greedy breaks ties by (score desc, vacancy id, pool id). A run cut short by the time limit
  depends on the machine's speed, like any time-limited search.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, OptimizeResult, linprog, milp

__all__ = [
    "AllocationOptions",
    "AllocationPair",
    "AllocationProblem",
    "AllocationResult",
    "AllocationStatus",
    "Assignment",
    "allocate",
    "greedy",
]

#: Slack allowed when comparing x[o, d] with cap * x[d] (both sides are exact small integers
#: times a float; the tolerance only absorbs the float product's rounding).
CAP_TOLERANCE = 1e-9
#: Largest solver time limit accepted (seconds); the service caps lower.
MAX_TIME_LIMIT = 3600.0

QuotaKey = tuple[str, int]
K = TypeVar("K", str, tuple[str, str])


class AllocationStatus(StrEnum):
    OPTIMAL = "optimal"  # proven optimal (within mip_rel_gap)
    TIME_LIMIT = "time_limit"  # stopped by the time limit; the plan is feasible, maybe not optimal
    #: A feasible plan with a proven gap; the integer programme left after reduced-cost fixing
    #: was larger than `max_milp_pairs`, so optimality was not pursued (see the gap).
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"  # the solver said so (cannot happen for valid input: x = 0 fits)
    ERROR = "error"  # the solver failed; the greedy plan is reported


# ---- inputs ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AllocationPair:
    """One eligible (vacancy, pool) pair as allocation sees it."""

    vacancy_id: str
    pool_id: str
    pathway: str  # the legal pathway the pair is admitted under (its quota is consumed)
    score: float  # 0..1
    max_headcount: int  # the pair's eligible headcount still available
    origin: str = ""  # pool's origin country (for the origin cap)
    destination: str = ""  # vacancy's destination country (for the origin cap)
    year: int = 0  # the calendar year whose quota the pair consumes (vacancy start year)

    @property
    def quota_key(self) -> QuotaKey:
        return (self.pathway, self.year)


@dataclass(frozen=True, slots=True)
class AllocationProblem:
    pairs: tuple[AllocationPair, ...]
    #: Vacancy id -> openings left. Every vacancy of a pair must be present.
    openings: Mapping[str, int]
    #: Pool id -> headcount left. Every pool of a pair must be present.
    pool_headcount: Mapping[str, int]
    #: (pathway, year) -> places left in the annual quota; absent = no quota.
    quotas: Mapping[QuotaKey, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AllocationOptions:
    min_score: float = 0.0
    #: Largest share (0 < cap <= 1) of a destination's placements any one origin may take.
    origin_cap: float | None = None
    #: Seconds the solver may take; when it runs out the best plan found so far is returned.
    time_limit: float = 10.0
    #: Relative optimality gap at which HiGHS may stop (its default is 1e-4).
    mip_rel_gap: float = 1e-6
    #: Largest integer programme (free pairs after reduced-cost fixing) handed to milp. HiGHS
    #: overran its time limit several-fold on larger ones with an origin cap (it checks the
    #: limit between phases only), and gained little there over the rounded relaxation.
    max_milp_pairs: int = 20_000

    def validate(self) -> None:
        """Raise ValueError naming the first invalid option."""
        if not (math.isfinite(self.min_score) and 0.0 <= self.min_score <= 1.0):
            raise ValueError(f"min_score must be between 0 and 1, not {self.min_score}")
        cap = self.origin_cap
        if cap is not None and not (math.isfinite(cap) and 0.0 < cap <= 1.0):
            raise ValueError(f"origin_cap must be > 0 and <= 1, not {cap}")
        if not (math.isfinite(self.time_limit) and 0.0 < self.time_limit <= MAX_TIME_LIMIT):
            raise ValueError(
                f"time_limit must be > 0 and <= {MAX_TIME_LIMIT:g} seconds, not {self.time_limit}"
            )
        if not (math.isfinite(self.mip_rel_gap) and 0.0 <= self.mip_rel_gap < 1.0):
            raise ValueError(f"mip_rel_gap must be >= 0 and < 1, not {self.mip_rel_gap}")
        if self.max_milp_pairs < 0:
            raise ValueError(f"max_milp_pairs must be >= 0, not {self.max_milp_pairs}")


# ---- outputs ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Assignment:
    vacancy_id: str
    pool_id: str
    pathway: str
    year: int
    headcount: int
    score: float
    origin: str = ""
    destination: str = ""

    @property
    def value(self) -> float:
        return self.score * self.headcount


@dataclass(frozen=True, slots=True)
class AllocationResult:
    status: AllocationStatus
    #: sum(score * headcount) of `assignments`.
    objective: float
    #: Upper bound on the optimal objective proven by the solver (None when it gave none).
    dual_bound: float | None
    #: (dual_bound - objective) / objective; 0 when proven optimal; None when undefined.
    gap: float | None
    assignments: tuple[Assignment, ...]
    greedy_objective: float
    greedy_assignments: tuple[Assignment, ...]
    #: Pairs that entered the model (after the minimum score and zero capacities).
    pairs: int
    #: "milp" or "greedy" (the solver's plan was missing or worse; see the module docstring).
    source: str
    message: str
    #: Wall-clock seconds for the solver call; excluded from equality (it varies run to run).
    solve_seconds: float = field(default=0.0, compare=False)

    @property
    def improvement(self) -> float:
        """What optimisation gained over greedy, in objective units (>= 0)."""
        return self.objective - self.greedy_objective

    @property
    def headcount(self) -> int:
        return sum(a.headcount for a in self.assignments)


# ---- the model -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Model:
    """The filtered, canonically ordered pairs as arrays, with their constraint groups."""

    pairs: list[AllocationPair]
    score: np.ndarray  # float64 (n,)
    ub: np.ndarray  # int64 (n,): min of every capacity the pair is subject to
    vac: np.ndarray  # int64 (n,) index into vac_cap
    pool: np.ndarray  # int64 (n,) index into pool_cap
    quota: np.ndarray  # int64 (n,) index into quota_cap, -1 = no quota
    dest: np.ndarray  # int64 (n,) index of the destination
    group: np.ndarray  # int64 (n,) index of the (destination, origin) group
    group_dest: np.ndarray  # int64 (n_groups,) destination of each group
    vac_cap: np.ndarray
    pool_cap: np.ndarray
    quota_cap: np.ndarray
    n_dest: int


def _index(values: Sequence[K]) -> tuple[list[K], np.ndarray]:
    """Sorted distinct values and each value's position among them."""
    distinct: list[K] = sorted(set(values))
    pos = {v: i for i, v in enumerate(distinct)}
    return distinct, np.fromiter((pos[v] for v in values), dtype=np.int64, count=len(values))


def _build(problem: AllocationProblem, options: AllocationOptions) -> _Model:
    seen: set[tuple[str, str]] = set()
    for p in problem.pairs:
        if not math.isfinite(p.score):
            raise ValueError(f"pair ({p.vacancy_id}, {p.pool_id}) has a non-finite score")
        if (p.vacancy_id, p.pool_id) in seen:
            raise ValueError(f"pair ({p.vacancy_id}, {p.pool_id}) is listed twice")
        seen.add((p.vacancy_id, p.pool_id))
        if p.vacancy_id not in problem.openings:
            raise ValueError(f"no openings given for vacancy {p.vacancy_id}")
        if p.pool_id not in problem.pool_headcount:
            raise ValueError(f"no headcount given for pool {p.pool_id}")

    def cap_of(p: AllocationPair) -> int:
        caps = [p.max_headcount, problem.openings[p.vacancy_id], problem.pool_headcount[p.pool_id]]
        if p.quota_key in problem.quotas:
            caps.append(problem.quotas[p.quota_key])
        return max(0, min(caps))

    kept = sorted(
        (p for p in problem.pairs if p.score > 0 and p.score >= options.min_score and cap_of(p)),
        key=lambda p: (p.vacancy_id, p.pool_id),
    )
    vac_ids, vac = _index([p.vacancy_id for p in kept])
    pool_ids, pool = _index([p.pool_id for p in kept])
    quota_keys = sorted({p.quota_key for p in kept if p.quota_key in problem.quotas})
    quota_pos = {k: i for i, k in enumerate(quota_keys)}
    dests, dest = _index([p.destination for p in kept])
    groups, group = _index([(p.destination, p.origin) for p in kept])
    dest_pos = {d: i for i, d in enumerate(dests)}
    n = len(kept)
    return _Model(
        pairs=kept,
        score=np.fromiter((p.score for p in kept), dtype=np.float64, count=n),
        ub=np.fromiter((cap_of(p) for p in kept), dtype=np.int64, count=n),
        vac=vac,
        pool=pool,
        quota=np.fromiter((quota_pos.get(p.quota_key, -1) for p in kept), np.int64, count=n),
        dest=dest,
        group=group,
        group_dest=np.array([dest_pos[d] for d, _ in groups], dtype=np.int64),
        vac_cap=np.array([max(0, problem.openings[v]) for v in vac_ids], dtype=np.int64),
        pool_cap=np.array([max(0, problem.pool_headcount[p]) for p in pool_ids], dtype=np.int64),
        quota_cap=np.array([max(0, problem.quotas[k]) for k in quota_keys], dtype=np.int64),
        n_dest=len(dests),
    )


def _assignments(model: _Model, x: np.ndarray) -> tuple[Assignment, ...]:
    out = []
    for i in np.flatnonzero(x):
        p = model.pairs[i]
        out.append(
            Assignment(
                p.vacancy_id,
                p.pool_id,
                p.pathway,
                p.year,
                int(x[i]),
                p.score,
                p.origin,
                p.destination,
            )
        )
    return tuple(out)  # canonical order: (vacancy id, pool id), as the model is sorted


def _objective(model: _Model, x: np.ndarray) -> float:
    # math.fsum: exact sum of the products, independent of order (determinism, and fair
    # comparison of two plans).
    return math.fsum(float(model.score[i]) * int(x[i]) for i in np.flatnonzero(x))


def _capacities_hold(model: _Model, x: np.ndarray) -> bool:
    if np.any(x < 0) or np.any(x > model.ub):
        return False
    if np.any(np.bincount(model.vac, weights=x, minlength=len(model.vac_cap)) > model.vac_cap):
        return False
    if np.any(np.bincount(model.pool, weights=x, minlength=len(model.pool_cap)) > model.pool_cap):
        return False
    q = model.quota >= 0
    used = np.bincount(model.quota[q], weights=x[q], minlength=len(model.quota_cap))
    return not np.any(used > model.quota_cap)


def _trim_to_cap(model: _Model, x: np.ndarray, cap: float) -> np.ndarray:
    """Lower x until no origin exceeds `cap` of its destination, removing the lowest-scoring
    placements of the over-represented origins first."""
    x = x.copy()
    n_groups = len(model.group_dest)
    group_total = np.bincount(model.group, weights=x, minlength=n_groups).astype(np.int64)
    target = group_total.copy()
    groups_of: dict[int, list[int]] = defaultdict(list)
    for g, d in enumerate(model.group_dest.tolist()):
        groups_of[d].append(g)
    for gs in groups_of.values():
        # Lowering an origin lowers the destination total and so every origin's limit:
        # repeat until nothing changes (the total only falls, so this ends).
        changed = True
        while changed:
            changed = False
            limit = math.floor(cap * int(target[gs].sum()) + CAP_TOLERANCE)
            for g in gs:
                if target[g] > limit:
                    target[g] = limit
                    changed = True
    excess = group_total - target
    if not excess.any():
        return x
    # Within a group: lowest score first, then the canonically last pair first.
    order = np.lexsort((-np.arange(len(x)), model.score))
    for i in order:
        g = model.group[i]
        if excess[g] > 0 and x[i] > 0:
            take = min(int(x[i]), int(excess[g]))
            x[i] -= take
            excess[g] -= take
    return x


def _cap_holds(model: _Model, x: np.ndarray, cap: float) -> bool:
    group_total = np.bincount(model.group, weights=x, minlength=len(model.group_dest))
    dest_total = np.bincount(model.dest, weights=x, minlength=model.n_dest)
    return bool(np.all(group_total <= cap * dest_total[model.group_dest] + CAP_TOLERANCE))


def _greedy(model: _Model, cap: float | None, start: np.ndarray | None = None) -> np.ndarray:
    """Highest score first, each pair as many as every constraint allows. From `start` (a
    feasible plan) it only fills the room left, respecting the cap from the first increment."""
    n = len(model.pairs)
    # Plain lists: this loop runs once per pair; numpy scalars would slow it down.
    x = [0] * n if start is None else start.astype(np.int64).tolist()
    # Highest score first; ties by vacancy id then pool id (indices follow sorted ids).
    order = np.lexsort((model.pool, model.vac, -model.score)).tolist()
    ub, vac, pool, quota = (a.tolist() for a in (model.ub, model.vac, model.pool, model.quota))
    dest, group = model.dest.tolist(), model.group.tolist()

    def fill(capped: bool) -> None:
        xs = np.array(x, dtype=np.int64)
        q = model.quota >= 0

        def used(index: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
            return np.bincount(index, values, size).astype(np.int64)

        vac_left = (model.vac_cap - used(model.vac, xs, len(model.vac_cap))).tolist()
        pool_left = (model.pool_cap - used(model.pool, xs, len(model.pool_cap))).tolist()
        quota_left = (model.quota_cap - used(model.quota[q], xs[q], len(model.quota_cap))).tolist()
        dest_total = used(model.dest, xs, model.n_dest).tolist()
        group_total = used(model.group, xs, len(model.group_dest)).tolist()
        for i in order:
            h = min(ub[i] - x[i], vac_left[vac[i]], pool_left[pool[i]])
            if quota[i] >= 0:
                h = min(h, quota_left[quota[i]])
            if h > 0 and capped and cap is not None:
                # Adding h to origin o of destination d keeps o within the cap when
                # x_od + h <= cap * (x_d + h); the other origins only gain room.
                room = (cap * dest_total[dest[i]] - group_total[group[i]]) / (1.0 - cap)
                h = min(h, math.floor(room + CAP_TOLERANCE))
            if h <= 0:
                continue
            x[i] += h
            vac_left[vac[i]] -= h
            pool_left[pool[i]] -= h
            if quota[i] >= 0:
                quota_left[quota[i]] -= h
            dest_total[dest[i]] += h
            group_total[group[i]] += h

    capped = cap is not None and cap < 1.0
    if start is not None:
        fill(capped)
        return np.array(x, dtype=np.int64)
    fill(capped=False)
    if capped and cap is not None:
        # The first pass ignores the cap (with cap < 1 the first placement in any destination
        # would break it); then over-represented origins are trimmed, and the room that freed
        # is filled in score order, one cap-respecting increment at a time.
        x[:] = _trim_to_cap(model, np.array(x, dtype=np.int64), cap).tolist()
        fill(capped=True)
    return np.array(x, dtype=np.int64)


@dataclass(slots=True)
class _Program:
    """The integer programme in matrix form: minimise c @ v subject to a_ub @ v <= b_ub,
    a_eq @ v == b_eq, 0 <= v <= upper; the first n columns are the pairs' x (integer), the
    rest the destinations' totals y (continuous, only with an origin cap)."""

    c: np.ndarray
    a_ub: sp.csc_array
    b_ub: np.ndarray
    a_eq: sp.csc_array | None
    b_eq: np.ndarray | None
    upper: np.ndarray
    n: int


def _program(model: _Model, cap: float | None) -> _Program:
    n = len(model.pairs)
    cols = np.arange(n)
    use_cap = cap is not None and cap < 1.0
    n_vars = n + (model.n_dest if use_cap else 0)
    blocks: list[sp.csr_array] = []
    rhs: list[np.ndarray] = []

    def rows(row_of: np.ndarray, n_rows: int, bound: np.ndarray, col: np.ndarray) -> None:
        blocks.append(sp.csr_array((np.ones(len(col)), (row_of, col)), shape=(n_rows, n_vars)))
        rhs.append(bound.astype(np.float64))

    rows(model.vac, len(model.vac_cap), model.vac_cap, cols)
    rows(model.pool, len(model.pool_cap), model.pool_cap, cols)
    has_quota = model.quota >= 0
    if len(model.quota_cap):
        rows(model.quota[has_quota], len(model.quota_cap), model.quota_cap, cols[has_quota])
    a_eq = b_eq = None
    if use_cap:
        assert cap is not None
        # y_d = placements in destination d (one auxiliary column per destination), then
        # x_od - cap * y_d <= 0. Writing cap * sum(x_d) into every (d, o) row instead would
        # repeat each destination's columns once per origin: far too many non-zeros at scale.
        n_groups = len(model.group_dest)
        blocks.append(
            sp.csr_array(
                (
                    np.concatenate([np.ones(n), np.full(n_groups, -cap)]),
                    (
                        np.concatenate([model.group, np.arange(n_groups)]),
                        np.concatenate([cols, n + model.group_dest]),
                    ),
                ),
                shape=(n_groups, n_vars),
            )
        )
        rhs.append(np.zeros(n_groups))
        dest_rows = np.arange(model.n_dest)
        a_eq = sp.csc_array(
            (
                np.concatenate([np.ones(n), -np.ones(model.n_dest)]),
                (np.concatenate([model.dest, dest_rows]), np.concatenate([cols, n + dest_rows])),
            ),
            shape=(model.n_dest, n_vars),
        )
        b_eq = np.zeros(model.n_dest)
    c = np.zeros(n_vars)
    c[:n] = -model.score  # HiGHS minimises
    upper = np.full(n_vars, np.inf)
    upper[:n] = model.ub
    return _Program(
        c=c,
        a_ub=sp.csc_array(sp.vstack(blocks, format="csr")),
        b_ub=np.concatenate(rhs),
        a_eq=a_eq,
        b_eq=b_eq,
        upper=upper,
        n=n,
    )


def _relaxation(prog: _Program, time_limit: float) -> OptimizeResult:
    """The LP relaxation (HiGHS dual simplex), with the reduced costs of its optimum."""
    return linprog(
        prog.c,
        A_ub=prog.a_ub,
        b_ub=prog.b_ub,
        A_eq=prog.a_eq,
        b_eq=prog.b_eq,
        bounds=np.column_stack([np.zeros(len(prog.c)), prog.upper]),
        method="highs-ds",
        # HiGHS's presolve does not watch the time limit, and on these models it reduces
        # nothing (every row and column is needed); without it the limit holds.
        options={"time_limit": time_limit, "presolve": False, "disp": False},
    )


def _fixings(prog: _Program, lp: OptimizeResult, incumbent: float) -> tuple[np.ndarray, np.ndarray]:
    """Reduced-cost fixing: which pair columns no plan better than `incumbent` can move.

    For any feasible v, score @ x <= z_LP - sum(rc_j * distance of x_j from its LP bound),
    where rc_j >= 0 are the LP's reduced costs. A column whose reduced cost alone takes the
    bound below the incumbent keeps its LP value in every better plan.
    Returns (fixed mask over the n pair columns, their values)."""
    z_lp = -float(lp.fun)
    at_lower = np.asarray(lp.lower.marginals[: prog.n], dtype=np.float64)  # >= 0
    at_upper = -np.asarray(lp.upper.marginals[: prog.n], dtype=np.float64)  # >= 0
    # A small margin: fix only where the reduced cost clears the gap by more than rounding.
    margin = 1e-7 * max(1.0, abs(z_lp))
    room = z_lp - incumbent + margin
    x = lp.x[: prog.n]
    fixed_low = (at_lower > room) & (x <= 1e-9)
    fixed_up = (at_upper > room) & (x >= prog.upper[: prog.n] - 1e-9)
    fixed = fixed_low | fixed_up
    values = np.where(fixed_up, prog.upper[: prog.n], 0.0)
    return fixed, values


def _reduced_milp(
    prog: _Program, fixed: np.ndarray, values: np.ndarray, time_limit: float, gap: float
) -> tuple[OptimizeResult, np.ndarray]:
    """The integer programme over the columns reduced-cost fixing left free (HiGHS via
    scipy.optimize.milp). Returns the result and the free pair columns' indices."""
    free_x = np.flatnonzero(~fixed)
    keep = np.concatenate([free_x, np.arange(prog.n, len(prog.c))])
    fixed_x = np.flatnonzero(fixed)
    fixed_vals = values[fixed_x]
    b_ub = prog.b_ub - prog.a_ub[:, fixed_x] @ fixed_vals
    constraints = [LinearConstraint(prog.a_ub[:, keep], -np.inf, b_ub)]
    if prog.a_eq is not None and prog.b_eq is not None:
        b_eq = prog.b_eq - prog.a_eq[:, fixed_x] @ fixed_vals
        constraints.append(LinearConstraint(prog.a_eq[:, keep], b_eq, b_eq))
    integrality = np.zeros(len(keep))
    integrality[: len(free_x)] = 1
    res = milp(
        prog.c[keep],
        constraints=constraints,
        integrality=integrality,
        bounds=Bounds(np.zeros(len(keep)), prog.upper[keep]),
        options={"time_limit": time_limit, "disp": False, "mip_rel_gap": gap, "presolve": False},
    )
    return res, free_x


def _gap(bound: float | None, objective: float) -> float | None:
    if bound is None:
        return None
    diff = max(0.0, bound - objective)
    if diff <= 1e-9 * max(1.0, abs(bound)):
        return 0.0
    return diff / objective if objective > 0 else None


def _feasible(model: _Model, x: np.ndarray, cap: float | None) -> bool:
    if not _capacities_hold(model, x):
        return False
    return cap is None or cap >= 1.0 or _cap_holds(model, x, cap)


def _round(model: _Model, values: np.ndarray, cap: float | None) -> np.ndarray:
    """An integer plan from solver values: round (down where not within 1e-6 of an integer),
    restore the origin cap, fill what rounding freed greedily."""
    near = np.rint(values)
    x = np.where(np.abs(values - near) <= 1e-6, near, np.floor(values))
    x = np.clip(x, 0, model.ub).astype(np.int64)
    if cap is not None and cap < 1.0 and not _cap_holds(model, x, cap):
        x = _trim_to_cap(model, x, cap)
    if not _capacities_hold(model, x):
        # Only a solver's tolerance on a capacity row can get here; start from nothing.
        x = np.zeros_like(x)
    return _greedy(model, cap, start=x)


def allocate(
    problem: AllocationProblem, options: AllocationOptions | None = None
) -> AllocationResult:
    """The optimal plan, the greedy plan, and how they compare.

    1. Greedy (the baseline, and the first incumbent).
    2. The LP relaxation (HiGHS): an upper bound z_LP, and, rounded down and filled greedily,
       a second incumbent. A relaxation that is already integral is the optimum: done.
    3. Reduced-cost fixing against the best incumbent leaves free only the columns a better
       plan could change; the integer programme over them is solved by HiGHS through
       scipy.optimize.milp in the time left. On allocation problems the relaxation is nearly
       integral, so this is a small programme where the whole one would take HiGHS minutes.
    The best of the plans is reported, with the proven bound and gap.
    """
    options = options or AllocationOptions()
    options.validate()
    model = _build(problem, options)
    cap = options.origin_cap
    x_greedy = _greedy(model, cap)
    greedy_objective = _objective(model, x_greedy)
    greedy_plan = _assignments(model, x_greedy)
    if not model.pairs:
        return AllocationResult(
            status=AllocationStatus.OPTIMAL,
            objective=0.0,
            dual_bound=0.0,
            gap=0.0,
            assignments=(),
            greedy_objective=0.0,
            greedy_assignments=(),
            pairs=0,
            source="greedy",
            message="Nothing to allocate: no pair in scope has a score, capacity and openings.",
        )
    started = time.perf_counter()
    prog = _program(model, cap)
    best, best_objective, source = x_greedy, greedy_objective, "greedy"
    bound: float | None = None
    status = AllocationStatus.TIME_LIMIT
    lp = _relaxation(prog, options.time_limit)
    lp_seconds = time.perf_counter() - started
    if lp.status == 0 and lp.x is not None:
        z_lp = -float(lp.fun)
        bound = z_lp
        x_lp = _round(model, lp.x[: prog.n], cap)
        if _feasible(model, x_lp, cap) and _objective(model, x_lp) > best_objective:
            best, best_objective, source = x_lp, _objective(model, x_lp), "lp"
        tolerance = options.mip_rel_gap * max(1.0, abs(z_lp))
        if z_lp - best_objective <= tolerance:
            status = AllocationStatus.OPTIMAL
            message = "The LP relaxation's optimum is integral (or rounds to it): optimal."
        else:
            fixed, values = _fixings(prog, lp, best_objective)
            left = options.time_limit - (time.perf_counter() - started)
            n_free = int((~fixed).sum())
            message = (
                f"LP relaxation {z_lp:.6f} in {lp_seconds:.1f} s; {n_free} of {prog.n} pairs "
                "left free by reduced-cost fixing."
            )
            # HiGHS checks its time limit between phases, not inside the root LP: a programme
            # whose root LP alone would outlast the time left would overrun it, so skip it.
            root_estimate = lp_seconds * max(n_free / prog.n, 0.05)
            if n_free > options.max_milp_pairs:
                status = AllocationStatus.FEASIBLE
                message += (
                    f" More than {options.max_milp_pairs} free pairs: the rounded relaxation is"
                    " reported with its gap to the LP bound."
                )
            elif left > max(0.05, 1.5 * root_estimate):
                res, free_x = _reduced_milp(prog, fixed, values, left, options.mip_rel_gap)
                message += f" {res.message}"
                if res.x is not None:
                    full = values.copy()
                    full[free_x] = res.x[: len(free_x)]
                    x_mip = _round(model, full, cap)
                    if _feasible(model, x_mip, cap) and _objective(model, x_mip) > best_objective:
                        best, best_objective, source = x_mip, _objective(model, x_mip), "milp"
                raw = getattr(res, "mip_dual_bound", None)
                if raw is not None and math.isfinite(raw):
                    # Plans outside the free columns are no better than the incumbent the
                    # fixing used, so the bound is the larger of the two, and never above z_LP.
                    bound = min(z_lp, max(best_objective, -float(raw) + 0.0))
                if res.status == 0:
                    status = AllocationStatus.OPTIMAL
                elif res.status == 2:
                    # Nothing in the free columns beats the incumbent: it is optimal.
                    status, bound = AllocationStatus.OPTIMAL, best_objective
            else:
                message += (
                    f" Not enough time left ({max(left, 0):.1f} s) for the integer programme;"
                    " the rounded relaxation is reported with its gap to the LP bound."
                )
    elif lp.status == 1:
        message = f"The time limit ran out in the LP relaxation ({lp.message}); greedy reported."
    else:
        status = AllocationStatus.ERROR
        message = f"The LP relaxation failed ({lp.message}); greedy reported."
    if status is AllocationStatus.OPTIMAL and (bound is None or bound < best_objective):
        bound = best_objective
    return AllocationResult(
        status=status,
        objective=best_objective,
        dual_bound=bound,
        gap=_gap(bound, best_objective),
        assignments=_assignments(model, best),
        greedy_objective=greedy_objective,
        greedy_assignments=greedy_plan,
        pairs=len(model.pairs),
        source=source,
        message=message,
        solve_seconds=time.perf_counter() - started,
    )


def greedy(
    problem: AllocationProblem, options: AllocationOptions | None = None
) -> tuple[Assignment, ...]:
    """The greedy plan alone (highest score first, same constraints)."""
    options = options or AllocationOptions()
    options.validate()
    model = _build(problem, options)
    return _assignments(model, _greedy(model, options.origin_cap))


def total(assignments: Iterable[Assignment]) -> float:
    """sum(score * headcount), summed exactly."""
    return math.fsum(a.value for a in assignments)
