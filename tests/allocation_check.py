"""An independent checker for allocation plans, written apart from matching/allocation.py.

It takes the problem as plain data and a plan as (vacancy, pool, pathway, year, headcount,
score) rows and lists every broken rule of design section 6, in words. It shares no code with
the solver, so that a bug there cannot hide here.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    vacancy: str
    pool: str
    pathway: str
    year: int
    headcount: int
    score: float


@dataclass(frozen=True)
class Pair:
    vacancy: str
    pool: str
    pathway: str
    year: int
    score: float
    max_headcount: int
    origin: str
    destination: str


def violations(
    pairs: Sequence[Pair],
    openings: Mapping[str, int],
    pool_headcount: Mapping[str, int],
    quotas: Mapping[tuple[str, int], int],
    plan: Iterable[Row],
    *,
    min_score: float = 0.0,
    origin_cap: float | None = None,
) -> list[str]:
    by_pair = {(p.vacancy, p.pool): p for p in pairs}
    out: list[str] = []
    per_vacancy: Counter[str] = Counter()
    per_pool: Counter[str] = Counter()
    per_quota: Counter[tuple[str, int]] = Counter()
    per_dest: Counter[str] = Counter()
    per_dest_origin: Counter[tuple[str, str]] = Counter()
    seen: set[tuple[str, str]] = set()
    for r in plan:
        key = (r.vacancy, r.pool)
        pair = by_pair.get(key)
        if pair is None:
            out.append(f"{key}: not an eligible pair of the problem")
            continue
        if key in seen:
            out.append(f"{key}: assigned twice")
        seen.add(key)
        if not isinstance(r.headcount, int) or r.headcount <= 0:
            out.append(f"{key}: headcount {r.headcount!r} is not a positive integer")
        if r.headcount > max(0, pair.max_headcount):
            out.append(f"{key}: {r.headcount} > pair capacity {pair.max_headcount}")
        if r.pathway != pair.pathway or r.year != pair.year:
            out.append(f"{key}: pathway {r.pathway}/{r.year}, pair has {pair.pathway}/{pair.year}")
        if r.score != pair.score:
            out.append(f"{key}: score {r.score} differs from the pair's {pair.score}")
        if pair.score < min_score:
            out.append(f"{key}: score {pair.score} below the minimum {min_score}")
        per_vacancy[r.vacancy] += r.headcount
        per_pool[r.pool] += r.headcount
        per_quota[(pair.pathway, pair.year)] += r.headcount
        per_dest[pair.destination] += r.headcount
        per_dest_origin[(pair.destination, pair.origin)] += r.headcount
    for v, n in per_vacancy.items():
        if n > max(0, openings[v]):
            out.append(f"vacancy {v}: {n} placed > {openings[v]} openings left")
    for p, n in per_pool.items():
        if n > max(0, pool_headcount[p]):
            out.append(f"pool {p}: {n} placed > {pool_headcount[p]} headcount left")
    for k, n in per_quota.items():
        if k in quotas and n > max(0, quotas[k]):
            out.append(f"quota {k}: {n} placed > {quotas[k]} left")
    if origin_cap is not None:
        for (d, o), n in per_dest_origin.items():
            # Compared exactly in integers where the cap is a simple fraction would be nicer;
            # the tolerance only absorbs the float product.
            if n > origin_cap * per_dest[d] + 1e-9:
                out.append(f"destination {d}: origin {o} has {n} of {per_dest[d]} > cap")
    return out


def value(plan: Iterable[Row]) -> float:
    return sum(r.score * r.headcount for r in plan)


def brute_force_optimum(
    pairs: Sequence[Pair],
    openings: Mapping[str, int],
    pool_headcount: Mapping[str, int],
    quotas: Mapping[tuple[str, int], int],
    *,
    min_score: float = 0.0,
    origin_cap: float | None = None,
) -> float:
    """The best objective by trying every integer plan (tiny problems only)."""
    usable = [p for p in pairs if p.score >= min_score and p.score > 0]
    ranges = [
        range(0, max(0, min(p.max_headcount, openings[p.vacancy], pool_headcount[p.pool])) + 1)
        for p in usable
    ]
    best = 0.0
    for xs in itertools.product(*ranges):
        plan = [
            Row(p.vacancy, p.pool, p.pathway, p.year, x, p.score)
            for p, x in zip(usable, xs, strict=True)
            if x
        ]
        if not violations(
            pairs,
            openings,
            pool_headcount,
            quotas,
            plan,
            min_score=min_score,
            origin_cap=origin_cap,
        ):
            best = max(best, value(plan))
    return best
