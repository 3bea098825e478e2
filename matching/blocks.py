"""Ranking in blocks: (vacancy block x pool block) pieces whose merge is the whole ranking.

A national run (10^6 vacancies x 10^6 pools) does not fit one process, so it is cut into blocks
that a cluster ranks independently: each piece is one pool block's own top k for each vacancy of
a vacancy block, in the engine's order (score, then eligible headcount, both descending, then
pool id). A pair's score and eligibility depend on the pair and the context only, never on the
other pools, so the union of the pieces' top k holds the whole top k, and sorting it by the same
key gives what one index of every pool gives (held equal by tests/matching/test_blocks.py).

Pieces are compact arrays (cheap to send between processes); `explain_missing` adds, for the
first few pairs of each vacancy, the essential skills the pool gives no credit for (what the
skills-gap analytics count), from the pool records a piece keeps for exactly those pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from matching.explain import explain as explain_pair
from matching.ranker import ALL_PASSED, PoolIndex
from matching.records import Context, Eligibility, Pool, Vacancy


@dataclass(frozen=True, slots=True)
class BlockTop:
    """Each vacancy's best eligible pairs from some pools: vacancy i's pairs are the entries
    ptr[i]:ptr[i + 1], in rank order."""

    vacancy_ids: tuple[str, ...]
    ptr: np.ndarray  # int64, len(vacancy_ids) + 1
    pool_ids: np.ndarray  # str
    score: np.ndarray  # float64
    headcount: np.ndarray  # int64, eligible headcount under the admitting pathway
    pathway: np.ndarray  # str, the admitting pathway's code
    #: Per vacancy: the eligible pairs ranked (the ranking's length before the top k cut).
    total: np.ndarray
    #: Per entry: the pool record for the first `keep` entries of each vacancy, else None.
    pools: tuple[Pool | None, ...]
    #: Per entry, after explain_missing: missing essential skills (None where not explained).
    missing: tuple[tuple[str, ...] | None, ...] | None = None

    def __len__(self) -> int:
        return len(self.vacancy_ids)

    def entries(self, i: int) -> range:
        return range(int(self.ptr[i]), int(self.ptr[i + 1]))


def _str_array(values: Sequence[str]) -> np.ndarray:
    return np.asarray(values, dtype=str) if len(values) else np.empty(0, dtype="<U1")


def rank_block(
    index: PoolIndex, vacancies: Sequence[Vacancy], ctx: Context, k: int | None, *, keep: int = 0
) -> BlockTop:
    """The top k eligible pools of `index` for each vacancy (k None: all of them), as
    index.rank(v, ctx, k, explain=False) orders them; the pool records of the first `keep`."""
    if k is not None and k < 0:
        raise ValueError(f"k must be None or >= 0, got {k}.")
    ptr = np.zeros(len(vacancies) + 1, np.int64)
    total = np.zeros(len(vacancies), np.int64)
    rows: list[np.ndarray] = []
    scores: list[np.ndarray] = []
    heads: list[np.ndarray] = []
    codes: list[str] = []
    pools: list[Pool | None] = []
    for i, vacancy in enumerate(vacancies):
        top = index._topk(vacancy, ctx, k, False)
        n = len(top.rows)
        ptr[i + 1] = ptr[i] + n
        total[i] = top.total
        rows.append(top.rows)
        scores.append(top.score)
        heads.append(top.headcount)
        codes.extend(p.code if p is not None else "" for p in top.pathway)
        kept = top.rows[: min(keep, n)].tolist()
        pools.extend(index.pool(r) for r in kept)
        pools.extend([None] * (n - len(kept)))
    all_rows = np.concatenate(rows) if rows else np.empty(0, np.int64)
    return BlockTop(
        vacancy_ids=tuple(v.id for v in vacancies),
        ptr=ptr,
        pool_ids=_str_array([str(x) for x in index.ids[all_rows]]),
        score=np.concatenate(scores) if scores else np.empty(0),
        headcount=np.concatenate(heads).astype(np.int64) if heads else np.empty(0, np.int64),
        pathway=_str_array(codes),
        total=total,
        pools=tuple(pools),
    )


def merge_blocks(parts: Sequence[BlockTop], k: int | None, *, keep: int = 0) -> BlockTop:
    """One BlockTop of the same vacancies from pieces over disjoint pool blocks: each
    vacancy's entries of every piece, sorted by the engine's key, the first k kept."""
    if not parts:
        raise ValueError("merge_blocks needs at least one piece")
    ids = parts[0].vacancy_ids
    if any(p.vacancy_ids != ids for p in parts):
        raise ValueError("pieces of one merge rank the same vacancies")
    n_vac = len(ids)
    owner = np.concatenate([np.repeat(np.arange(n_vac), np.diff(p.ptr)) for p in parts])
    pool_ids = np.concatenate([p.pool_ids for p in parts])
    score = np.concatenate([p.score for p in parts])
    heads = np.concatenate([p.headcount for p in parts])
    order = np.lexsort((pool_ids, -heads, -score, owner))
    owner = owner[order]
    counts = np.bincount(owner, minlength=n_vac)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64)
    place = np.arange(len(order)) - starts[owner]  # rank of each entry within its vacancy
    take = order if k is None else order[place < k]
    place = place if k is None else place[place < k]
    kept = np.minimum(counts, k) if k is not None else counts
    ptr = np.zeros(n_vac + 1, np.int64)
    np.cumsum(kept, out=ptr[1:])
    all_pools = [pool for p in parts for pool in p.pools]
    # A piece keeps records for its first `keep` entries; the merged first `keep` are among them.
    pools = tuple(all_pools[j] if r < keep else None for j, r in zip(take, place, strict=True))
    return BlockTop(
        vacancy_ids=ids,
        ptr=ptr,
        pool_ids=pool_ids[take],
        score=score[take],
        headcount=heads[take],
        pathway=np.concatenate([p.pathway for p in parts])[take],
        total=np.sum([p.total for p in parts], axis=0).astype(np.int64),
        pools=pools,
    )


def explain_missing(top: BlockTop, vacancies: Sequence[Vacancy], ctx: Context) -> BlockTop:
    """`top` with the missing essential skills of every entry that has its pool record, from
    the pair's explanation (matching.explain), as the matches API would explain it."""
    by_id = {v.id: v for v in vacancies}
    missing: list[tuple[str, ...] | None] = [None] * len(top.pool_ids)
    for i, vid in enumerate(top.vacancy_ids):
        vacancy = by_id[vid]
        for j in top.entries(i):
            pool = top.pools[j]
            if pool is None:
                continue
            eligibility = Eligibility(
                True, str(top.pathway[j]), int(top.headcount[j]), ALL_PASSED, ()
            )
            missing[j] = explain_pair(vacancy, pool, ctx, eligibility).missing_essential
    return replace(top, missing=tuple(missing))
