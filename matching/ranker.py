"""The vectorised ranker: many pools at once with numpy and scipy.sparse (production path).

`PoolIndex` turns pools into columns once (codes, a sparse pools x skills share matrix, a sparse
pools x skill-groups max-share matrix, language entries grouped by language). `PoolIndex.rank`
then scores one vacancy against every pool with array operations and builds `Match` records,
explanations included, only for the top k. `rank_all` / `iter_rank_all` do that for many
vacancies in chunks, optionally in forked worker processes that share the index copy-on-write.
`VacancyIndex` is the mirror (vacancies for one pool). `PoolColumns` is the compact columnar
form of pools: `PoolIndex.build` makes it from records, and the synthetic generator emits it
directly for 10^6 pools (`PoolIndex.from_columns`), where records would cost minutes and GBs.

Memory (10^6 pools, ~15 skills each): ~350 MB of arrays (two sparse matrices of 15M entries,
per-pool codes, language entries) plus the pool ids; per-vacancy temporaries are O(pools).

The reference scorer (`matching.reference`) is the specification; this module must give the same
scores, order, eligibility and reason codes. To make ties break identically the arithmetic
mirrors the reference operation by operation (same products, sums in the same order), so scores
come out bit-identical rather than merely close: a last-bit difference would reorder ties.
Both sides add floats left to right on every Python version: the reference and the scalar sums
here use `arith.left_sum` (never the built-in `sum()`, compensated since Python 3.12), and the
array sums are running `+` or `np.bincount`, which adds sequentially. No pairwise `np.sum`.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import islice
from multiprocessing.pool import AsyncResult

import numpy as np
import scipy.sparse as sp

from matching import ENGINE_VERSION
from matching.arith import left_sum
from matching.components import RELEVANT_PREFIX, RELEVANT_SKILLS, SKILL_WEIGHT, PoolSkills
from matching.eligibility import (
    CHECK_NAMES,
    CHECKS,
    HEADCOUNT_EPSILON,
    approved_per_pool,
    assess,
    candidate_pathways,
    check_pathway,
    is_health_occupation,
    required_levels,
    share_at_or_above,
)
from matching.explain import explain as explain_pair
from matching.kernels import (
    availability_scores,
    best_credit,
    combine_scores,
    education_scores,
    experience_scores,
    group_credit,
    language_credit,
    language_means,
    occupation_table,
    ordered_sum,
    sector_table,
    sum_by_row,
)
from matching.records import (
    COMPONENTS,
    Context,
    Eligibility,
    Explanation,
    LanguageRequirement,
    Match,
    Pathway,
    Pool,
    PoolLanguage,
    PoolSkill,
    Taxonomy,
    Vacancy,
)
from matching.weights import validate_weights, weights_hash

__all__ = ["PoolColumns", "PoolIndex", "VacancyIndex", "iter_rank_all", "rank_all"]

#: available_from of a pool that is available now (date ordinals start at 1).
NO_DATE = 0
#: Codes of the checks that read the pool; every other check depends on the vacancy and pathway
#: only.
POOL_CHECKS = frozenset(
    {
        "origin_not_covered",
        "education_below_minimum",
        "language_below_minimum",
        "experience_below_minimum",
        "ethical_recruitment_health",
    }
)
#: What check_pathway reports as passed when a pathway admits a pair: every check, table order.
ALL_PASSED: tuple[str, ...] = CHECK_NAMES
#: Stand-in pool for the vacancy-level checks, which never read it.
_NO_POOL = Pool(id="", origin="", occupation="", headcount=0, isced_level=0, experience_years=0)


def _ints(values: object, dtype: type = np.int64) -> np.ndarray:
    return np.ascontiguousarray(np.asarray(values, dtype=dtype))


# ---- columns ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PoolColumns:
    """Pools as columns: the compact form the index is built from (and the generator emits).

    Codes index into the vocab tuples; skills and languages are CSR-like (ptr of length n + 1).
    """

    ids: np.ndarray  # object array of str
    origin: np.ndarray  # int32 -> origin_vocab
    origin_vocab: tuple[str, ...]
    occupation: np.ndarray  # int32 -> occupation_vocab
    occupation_vocab: tuple[str, ...]
    sector: np.ndarray  # int32 -> sector_vocab, -1 = None
    sector_vocab: tuple[str, ...]
    headcount: np.ndarray  # int64
    isced: np.ndarray  # int64
    experience: np.ndarray  # float64
    available_from: np.ndarray  # int64 date ordinals, NO_DATE = available now
    skill_ptr: np.ndarray  # int64, n + 1
    skill: np.ndarray  # int32 -> skill_vocab
    skill_share: np.ndarray  # float64
    skill_vocab: tuple[str, ...]
    lang_ptr: np.ndarray  # int64, n + 1
    lang: np.ndarray  # int32 -> lang_vocab
    lang_level: np.ndarray  # int8 CEFR index
    lang_share: np.ndarray  # float64
    lang_vocab: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def from_pools(cls, pools: Sequence[Pool]) -> PoolColumns:
        """Encode pool records (a Python loop: fine for 10^5, the generator skips it for 10^6)."""
        vocabs: dict[str, dict[str, int]] = {k: {} for k in ("o", "c", "s", "k", "l")}

        def code(kind: str, value: str) -> int:
            table = vocabs[kind]
            found = table.get(value)
            if found is None:
                found = table[value] = len(table)
            return found

        n = len(pools)
        origin = np.empty(n, np.int32)
        occupation = np.empty(n, np.int32)
        sector = np.empty(n, np.int32)
        skill_ptr = np.zeros(n + 1, np.int64)
        lang_ptr = np.zeros(n + 1, np.int64)
        skills: list[int] = []
        shares: list[float] = []
        langs: list[int] = []
        levels: list[int] = []
        lshares: list[float] = []
        for i, pool in enumerate(pools):
            origin[i] = code("o", pool.origin)
            occupation[i] = code("c", pool.occupation)
            sector[i] = -1 if pool.sector is None else code("s", pool.sector)
            for entry in pool.skills:
                skills.append(code("k", entry.skill))
                shares.append(entry.share)
            for lang in pool.languages:
                langs.append(code("l", lang.language))
                levels.append(lang.level)
                lshares.append(lang.share)
            skill_ptr[i + 1] = len(skills)
            lang_ptr[i + 1] = len(langs)
        ids = np.empty(n, dtype=object)
        ids[:] = [p.id for p in pools]
        return cls(
            ids=ids,
            origin=origin,
            origin_vocab=tuple(vocabs["o"]),
            occupation=occupation,
            occupation_vocab=tuple(vocabs["c"]),
            sector=sector,
            sector_vocab=tuple(vocabs["s"]),
            headcount=_ints([p.headcount for p in pools]),
            isced=_ints([p.isced_level for p in pools]),
            experience=np.asarray([p.experience_years for p in pools], dtype=np.float64),
            available_from=_ints(
                [
                    NO_DATE if p.available_from is None else p.available_from.toordinal()
                    for p in pools
                ]
            ),
            skill_ptr=skill_ptr,
            skill=_ints(skills, np.int32),
            skill_share=np.asarray(shares, dtype=np.float64),
            skill_vocab=tuple(vocabs["k"]),
            lang_ptr=lang_ptr,
            lang=_ints(langs, np.int32),
            lang_level=_ints(levels, np.int8),
            lang_share=np.asarray(lshares, dtype=np.float64),
            lang_vocab=tuple(vocabs["l"]),
        )

    @classmethod
    def from_entries(
        cls,
        pools: Sequence[tuple[str, str, str, str | None, int, int, float, date | None]],
        skills: Sequence[tuple[int, str, float]],
        languages: Sequence[tuple[int, str, int, float]],
    ) -> PoolColumns:
        """Encode plain rows, as a database returns them, without building records.

        `pools`: (id, origin, occupation, sector or None, headcount, isced, experience,
        available_from or None); `skills`: (pool row, skill id, share); `languages`: (pool row,
        language, CEFR index, share), each in entry order within a pool (rows may come in any
        order: entries are grouped by pool with a stable sort).
        """
        n = len(pools)

        def encode(values: Sequence[str]) -> tuple[np.ndarray, tuple[str, ...]]:
            table: dict[str, int] = {}
            codes = np.fromiter(
                (table.setdefault(v, len(table)) for v in values), np.int32, len(values)
            )
            return codes, tuple(table)

        def csr(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            order = np.argsort(rows, kind="stable")
            ptr = np.zeros(n + 1, np.int64)
            np.cumsum(np.bincount(rows, minlength=n), out=ptr[1:])
            return order, ptr

        ids = np.empty(n, dtype=object)
        ids[:] = [p[0] for p in pools]
        origin, origin_vocab = encode([p[1] for p in pools])
        occupation, occupation_vocab = encode([p[2] for p in pools])
        sector_codes, sector_vocab = encode([p[3] or "" for p in pools])
        if "" in sector_vocab:  # None: code -1, and "" out of the vocabulary
            blank = sector_vocab.index("")
            sector_codes = np.where(
                sector_codes == blank, -1, sector_codes - (sector_codes > blank)
            ).astype(np.int32)
            sector_vocab = tuple(v for v in sector_vocab if v)
        skill_rows = _ints([e[0] for e in skills])
        s_order, skill_ptr = csr(skill_rows)
        skill, skill_vocab = encode([skills[i][1] for i in s_order.tolist()])
        lang_rows = _ints([e[0] for e in languages])
        l_order, lang_ptr = csr(lang_rows)
        ordered = [languages[i] for i in l_order.tolist()]
        lang, lang_vocab = encode([e[1] for e in ordered])
        return cls(
            ids=ids,
            origin=origin,
            origin_vocab=origin_vocab,
            occupation=occupation,
            occupation_vocab=occupation_vocab,
            sector=sector_codes,
            sector_vocab=sector_vocab,
            headcount=_ints([p[4] for p in pools]),
            isced=_ints([p[5] for p in pools]),
            experience=np.asarray([p[6] for p in pools], dtype=np.float64),
            available_from=_ints([NO_DATE if p[7] is None else p[7].toordinal() for p in pools]),
            skill_ptr=skill_ptr,
            skill=skill,
            skill_share=np.asarray([skills[i][2] for i in s_order.tolist()], dtype=np.float64),
            skill_vocab=skill_vocab,
            lang_ptr=lang_ptr,
            lang=lang,
            lang_level=_ints([e[2] for e in ordered], np.int8),
            lang_share=np.asarray([e[3] for e in ordered], dtype=np.float64),
            lang_vocab=lang_vocab,
        )

    def pool(self, i: int) -> Pool:
        """Pool record i, rebuilt from the columns."""
        s0, s1 = int(self.skill_ptr[i]), int(self.skill_ptr[i + 1])
        l0, l1 = int(self.lang_ptr[i]), int(self.lang_ptr[i + 1])
        sector = int(self.sector[i])
        available = int(self.available_from[i])
        return Pool(
            id=str(self.ids[i]),
            origin=self.origin_vocab[self.origin[i]],
            occupation=self.occupation_vocab[self.occupation[i]],
            headcount=int(self.headcount[i]),
            isced_level=int(self.isced[i]),
            experience_years=float(self.experience[i]),
            sector=None if sector < 0 else self.sector_vocab[sector],
            skills=tuple(
                PoolSkill(self.skill_vocab[k], float(s))
                for k, s in zip(
                    self.skill[s0:s1].tolist(), self.skill_share[s0:s1].tolist(), strict=True
                )
            ),
            languages=tuple(
                PoolLanguage(self.lang_vocab[g], int(lv), float(s))
                for g, lv, s in zip(
                    self.lang[l0:l1].tolist(),
                    self.lang_level[l0:l1].tolist(),
                    self.lang_share[l0:l1].tolist(),
                    strict=True,
                )
            ),
            available_from=None if available == NO_DATE else date.fromordinal(available),
        )

    def to_pools(self) -> list[Pool]:
        return [self.pool(i) for i in range(len(self))]

    def block(self, start: int, stop: int) -> PoolColumns:
        """Rows start:stop as columns of their own (the vocabularies shared): a block of pools
        for a cluster task."""
        s0, s1 = int(self.skill_ptr[start]), int(self.skill_ptr[stop])
        l0, l1 = int(self.lang_ptr[start]), int(self.lang_ptr[stop])
        return replace(
            self,
            ids=self.ids[start:stop].copy(),
            origin=self.origin[start:stop].copy(),
            occupation=self.occupation[start:stop].copy(),
            sector=self.sector[start:stop].copy(),
            headcount=self.headcount[start:stop].copy(),
            isced=self.isced[start:stop].copy(),
            experience=self.experience[start:stop].copy(),
            available_from=self.available_from[start:stop].copy(),
            skill_ptr=self.skill_ptr[start : stop + 1] - s0,
            skill=self.skill[s0:s1].copy(),
            skill_share=self.skill_share[s0:s1].copy(),
            lang_ptr=self.lang_ptr[start : stop + 1] - l0,
            lang=self.lang[l0:l1].copy(),
            lang_level=self.lang_level[l0:l1].copy(),
            lang_share=self.lang_share[l0:l1].copy(),
        )


def _csc(
    rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, shape: tuple[int, int]
) -> sp.csc_matrix:
    """CSC from unique (row, col) entries, keeping explicit zeros (a share of 0 is still held)."""
    # Entries come sorted by row, so a stable sort by column gives column-major, rows ascending.
    # Column numbers that fit 16 bits sort by radix (a third of the time; the same order).
    keys = cols.astype(np.uint16) if shape[1] <= 1 << 16 else cols
    order = np.argsort(keys, kind="stable")
    indptr = np.zeros(shape[1] + 1, np.int64)
    np.cumsum(np.bincount(cols, minlength=shape[1]), out=indptr[1:])
    return sp.csc_matrix(
        (vals[order], rows[order].astype(np.int32), indptr), shape=shape, copy=False
    )


def _max_by_key(keys: np.ndarray, vals: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Unique keys and the max value per key."""
    if len(keys) and np.all(keys[1:] > keys[:-1]):
        return keys, vals  # already unique and sorted (the generator's case): skip the sort
    order = np.argsort(keys, kind="stable")
    keys, vals = keys[order], vals[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else keys[:0]
    return keys[starts], np.maximum.reduceat(vals, starts) if len(starts) else vals[:0]


# ---- per-vacancy intermediate results ----------------------------------------------------------


@dataclass(slots=True)
class _TopK:
    """The top rows of one vacancy, compact (cheap to send back from a worker)."""

    rows: np.ndarray  # pool row numbers, in rank order
    score: np.ndarray
    comps: np.ndarray  # (len(rows), len(COMPONENTS)); NaN = component absent
    headcount: np.ndarray  # eligible headcount
    eligible: np.ndarray
    pathway: list[Pathway | None]
    #: Filled in by _extras: eligibility of ineligible rows (None for eligible ones).
    ineligible: list[Eligibility | None] | None = None
    explanations: list[Explanation] | None = None
    #: How many pairs were ranked (eligible ones, or relevant ones with include_ineligible).
    total: int = 0


@dataclass(slots=True)
class _Verdicts:
    """Eligibility of a vacancy's pools under each evaluated candidate pathway (code order)."""

    pathways: list[Pathway]
    #: The rows described: the relevant pools (with failure counts) or the admitted ones.
    rows: np.ndarray
    headcount: np.ndarray | None  # (P, rows) eligible headcount, -1 where not admitted
    fails: np.ndarray | None  # (P, rows) failed-check counts, only when asked for


@dataclass(slots=True)
class _Rates:
    """Per-context constants, computed once per (index, context)."""

    weights: dict[str, float]
    weights_hash: str
    taxonomy: Taxonomy
    section_of: np.ndarray = field(default_factory=lambda: np.empty(0, object))


# ---- the index ---------------------------------------------------------------------------------


class PoolIndex:
    """Pools as arrays, built once; `rank` scores a vacancy against all of them."""

    def __init__(self, columns: PoolColumns, taxonomy: Taxonomy, pools: Sequence[Pool] | None):
        n = len(columns)
        self.columns = columns
        self.taxonomy = taxonomy
        self._pools = list(pools) if pools is not None else None
        self.n = n
        self.ids = columns.ids
        # Rank of each id in str order: one int key for the final lexsort.
        order_ids = np.argsort(np.asarray(columns.ids, dtype=str), kind="stable")
        self.id_rank = np.empty(n, np.int64)
        self.id_rank[order_ids] = np.arange(n)
        self.origin = columns.origin.astype(np.int32, copy=False)
        self.occupation = columns.occupation.astype(np.int32, copy=False)
        self.sector = columns.sector.astype(np.int32, copy=False)
        self.headcount = columns.headcount.astype(np.int64, copy=False)
        self.experience = columns.experience.astype(np.float64, copy=False)
        self.available_from = columns.available_from.astype(np.int64, copy=False)
        self.isced_vocab, isced_code = np.unique(columns.isced, return_inverse=True)
        self.isced_code = isced_code.astype(np.int32)
        self.isced = columns.isced
        # Origin and education checks fold into one table lookup per pathway.
        self.origin_isced = self.origin * len(self.isced_vocab) + self.isced_code

        # Skills: deduplicated with the larger share (as the reference's _pool_shares), clipped
        # at 0 as its max(0.0, share) does.
        self.skill_vocab = columns.skill_vocab
        self.skill_lookup = {s: i for i, s in enumerate(columns.skill_vocab)}
        n_skills = len(columns.skill_vocab)
        counts = np.diff(columns.skill_ptr)
        rows = np.repeat(np.arange(n, dtype=np.int64), counts)
        keys, shares = _max_by_key(
            rows * n_skills + columns.skill, np.maximum(columns.skill_share, 0.0)
        )
        rows, cols = keys // max(n_skills, 1), keys % max(n_skills, 1)
        self.skills = _csc(rows, cols, shares, (n, n_skills))
        # Skill groups: the max share per (pool, group) gives hierarchy credit in one lookup.
        group_vocab: dict[str, int] = {}
        group_of_skill = np.full(n_skills, -1, np.int64)
        for i, skill in enumerate(columns.skill_vocab):
            group = taxonomy.skill_group.get(skill)
            if group is not None:
                group_of_skill[i] = group_vocab.setdefault(group, len(group_vocab))
        self.group_lookup = group_vocab
        g = group_of_skill[cols]
        has = g >= 0
        gkeys, gmax = _max_by_key(rows[has] * len(group_vocab) + g[has], shares[has])
        n_groups = max(len(group_vocab), 1)
        self.groups = _csc(gkeys // n_groups, gkeys % n_groups, gmax, (n, len(group_vocab)))
        self._skill_group = taxonomy.skill_group

        # Languages: entries grouped by language, in pool order then entry order (a stable sort),
        # so per-pool sums run in the reference's order.
        lang_rows = np.repeat(np.arange(n, dtype=np.int32), np.diff(columns.lang_ptr))
        order = np.argsort(columns.lang, kind="stable")
        self.lang_rows = lang_rows[order]
        self.lang_level = columns.lang_level[order].astype(np.int8)
        self.lang_share = columns.lang_share[order].astype(np.float64)
        bounds = np.searchsorted(columns.lang[order], np.arange(len(columns.lang_vocab) + 1))
        self.lang_slices = {
            lang: (int(bounds[i]), int(bounds[i + 1])) for i, lang in enumerate(columns.lang_vocab)
        }
        # ~256 MB of cached per-pool language arrays at most (8 bytes per pool per entry).
        self._cache: OrderedDict[tuple[object, ...], np.ndarray] = OrderedDict()
        self._cache_entries = int(min(256, max(8, 2**25 // max(n, 1))))
        self._occ_tables: dict[str, np.ndarray] = {}
        # Relevance: pools by ISCO minor group (rows ascending within each), so a vacancy's
        # same-group candidates are one slice.
        minor_vocab, minor_of = np.unique(
            np.asarray([o[:RELEVANT_PREFIX] for o in columns.occupation_vocab] or [""], object),
            return_inverse=True,
        )
        minor = minor_of.astype(np.int64)[self.occupation] if n else np.empty(0, np.int64)
        self._minor_order = np.argsort(minor, kind="stable")
        bounds = np.searchsorted(minor[self._minor_order], np.arange(len(minor_vocab) + 1))
        self._minor_slices = {
            str(g): (int(bounds[i]), int(bounds[i + 1])) for i, g in enumerate(minor_vocab)
        }
        # Pool id -> row without a dict of a million strings: binary search in the sorted ids.
        self._id_order = order_ids
        self._sorted_ids = columns.ids[order_ids]
        self._approved_cache: (
            tuple[object, np.ndarray, dict[str, tuple[np.ndarray, np.ndarray]]] | None
        ) = None
        self._health_cache: tuple[tuple[str, ...], np.ndarray] | None = None
        self._ctx_cache: tuple[Taxonomy, np.ndarray, dict[tuple[float, ...], str]] | None = None
        self._lock = threading.Lock()  # the LRU below may be used from several threads

    # -- constructors --

    @classmethod
    def build(cls, pools: Sequence[Pool], taxonomy: Taxonomy) -> PoolIndex:
        """Index pool records (kept, so matches show the caller's own objects)."""
        pools = list(pools)
        return cls(PoolColumns.from_pools(pools), taxonomy, pools)

    @classmethod
    def from_columns(cls, columns: PoolColumns, taxonomy: Taxonomy) -> PoolIndex:
        """Index pools given as columns (the generator's path for 10^6 pools)."""
        return cls(columns, taxonomy, None)

    def __len__(self) -> int:
        return self.n

    def __reduce__(self) -> tuple[object, ...]:
        # Sent between processes (a cluster moving a task's input) as what it is built from:
        # the columns are a fraction of the index, and its lock and caches are per process.
        return (PoolIndex, (self.columns, self.taxonomy, self._pools))

    def pool(self, row: int) -> Pool:
        return self._pools[row] if self._pools is not None else self.columns.pool(row)

    def row(self, pool_id: str) -> int:
        """The row of a pool id (KeyError when the index does not hold it)."""
        pos = int(np.searchsorted(self._sorted_ids, pool_id))
        if pos >= self.n or self._sorted_ids[pos] != pool_id:
            raise KeyError(pool_id)
        return int(self._id_order[pos])

    def nbytes(self) -> int:
        """Approximate memory held by the arrays (ids and records not counted)."""
        total = 0
        for value in vars(self).values():
            if isinstance(value, np.ndarray):
                total += value.nbytes
            elif sp.issparse(value):
                total += value.data.nbytes + value.indices.nbytes + value.indptr.nbytes
        return total

    # -- per-context constants --

    def _prepare(self, ctx: Context) -> _Rates:
        # Weights are validated on every call, as the reference does: a mutable mapping in a
        # frozen Context may change between calls. Only what derives from the taxonomy (which
        # the index is bound to anyway) is kept, with the weights hash per weights.
        weights = validate_weights(ctx.weights)
        tax = ctx.taxonomy
        cached = self._ctx_cache
        if cached is None or cached[0] is not tax:
            if tax.skill_group is not self._skill_group and tax.skill_group != self._skill_group:
                raise ValueError("ctx.taxonomy's skill groups differ from the index's; rebuild it.")
            sections = np.empty(len(self.columns.sector_vocab), dtype=object)
            sections[:] = [tax.sector_section.get(s) for s in self.columns.sector_vocab]
            cached = self._ctx_cache = (tax, sections, {})
        hashes = cached[2]
        key = tuple(weights.values())
        digest = hashes.get(key)
        if digest is None:
            digest = hashes[key] = weights_hash(weights)
        return _Rates(weights, digest, tax, cached[1])

    # -- cached per-language arrays --

    def _cached(self, key: tuple[object, ...], compute: Callable[[], np.ndarray]) -> np.ndarray:
        """Per-pool arrays that depend on a few codes only (a language and a level), kept in a
        small LRU: vacancies and pathways ask for the same few again and again."""
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                return found
        value = compute()  # outside the lock: two threads may both compute, harmlessly
        with self._lock:
            self._cache[key] = value
            if len(self._cache) > self._cache_entries:
                self._cache.popitem(last=False)
        return value

    def clear_cache(self) -> None:
        """Forget cached per-language arrays and occupation tables (benchmarks: cold runs)."""
        with self._lock:
            self._cache.clear()
            self._occ_tables.clear()

    def _share_at_or_above(self, language: str, min_level: int) -> np.ndarray:
        """min(1, summed shares of entries in the language at or above the level), per pool."""

        def compute() -> np.ndarray:
            bounds = self.lang_slices.get(language)
            if bounds is None:
                return np.zeros(self.n)
            a, b = bounds
            sel = self.lang_level[a:b] >= min_level
            share = sum_by_row(self.lang_rows[a:b][sel], self.lang_share[a:b][sel], self.n)
            return np.minimum(1.0, share, out=share)

        return self._cached(("at_or_above", language, min_level), compute)

    def _language_share(self, pathway: Pathway) -> np.ndarray:
        """language_share: best over the any-of list of capped summed shares at/above level."""

        def compute() -> np.ndarray:
            best = np.zeros(self.n, np.float64)
            for req in pathway.languages:
                np.maximum(best, self._share_at_or_above(req.language, req.min_level), out=best)
            return best

        key = tuple((r.language, r.min_level) for r in pathway.languages)
        return self._cached(("any_of", key), compute)

    def _language_credit(self, language: str, min_level: int) -> np.ndarray:
        """language_score's per-language term: min(1, sum of share * (1, 0.5 one level below,
        else 0)), per pool."""

        def compute() -> np.ndarray:
            bounds = self.lang_slices.get(language)
            if bounds is None:
                return np.zeros(self.n)
            a, b = bounds
            level = self.lang_level[a:b].astype(np.int64)
            return language_credit(
                self.lang_rows[a:b], level, self.lang_share[a:b], min_level, self.n
            )

        return self._cached(("credit", language, min_level), compute)

    # -- eligibility --

    def _approved(
        self, ctx: Context
    ) -> tuple[np.ndarray, dict[str, tuple[np.ndarray, np.ndarray]]]:
        """Per pool row the headcount approved on it; per vacancy id its own approved (rows,
        headcounts). Derived once per `ctx.approved` mapping (kept, so its id is not reused)."""
        cached = self._approved_cache
        if cached is not None and cached[0] is ctx.approved:
            return cached[1], cached[2]
        used = np.zeros(self.n, np.int64)
        own: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        if ctx.approved and self.n:
            items = list(ctx.approved.items())
            pool_ids = np.empty(len(items), dtype=object)
            pool_ids[:] = [p for (_, p), _ in items]
            pos = np.minimum(np.searchsorted(self._sorted_ids, pool_ids), self.n - 1)
            found = self._sorted_ids[pos] == pool_ids
            rows = self._id_order[pos]
            heads = np.fromiter((h for _, h in items), np.int64, len(items))
            np.add.at(used, rows[found], heads[found])
            per: dict[str, tuple[list[int], list[int]]] = {}
            for i in np.flatnonzero(found).tolist():
                r, h = per.setdefault(items[i][0][0], ([], []))
                r.append(int(rows[i]))
                h.append(int(heads[i]))
            own = {v: (_ints(r), _ints(h)) for v, (r, h) in per.items()}
        self._approved_cache = (ctx.approved, used, own)
        return used, own

    def _available(self, vacancy: Vacancy, ctx: Context, rows: np.ndarray) -> np.ndarray:
        """available_headcount for these rows (sorted): headcount not approved for others."""
        available: np.ndarray = self.headcount[rows]
        if not ctx.approved:
            return available
        used, own = self._approved(ctx)
        available = available - used[rows]
        mine = own.get(vacancy.id)
        if mine is not None and len(rows):
            pos = np.minimum(np.searchsorted(rows, mine[0]), len(rows) - 1)
            hit = rows[pos] == mine[0]
            np.add.at(available, pos[hit], mine[1][hit])
        floored: np.ndarray = np.maximum(available, 0)
        return floored

    def _headcount_share(
        self, pathway: Pathway, required: tuple[tuple[str, int], ...], rows: np.ndarray
    ) -> np.ndarray | None:
        """estimate_headcount's share for these rows (None: 1.0 everywhere, no factor at all),
        multiplied in the reference's order so the floor sees the same bits."""
        best: np.ndarray | None = None
        entries: tuple[LanguageRequirement | None, ...] = pathway.languages or (None,)
        for entry in entries:
            factors: list[tuple[str, int]] = []
            if entry is not None:
                level = max([entry.min_level] + [lv for g, lv in required if g == entry.language])
                factors.append((entry.language, level))
            factors += [(g, lv) for g, lv in required if entry is None or g != entry.language]
            if not factors:
                return None
            share = np.ones(len(rows))
            for language, level in factors:
                share = share * self._share_at_or_above(language, level)[rows]
            best = share if best is None else np.maximum(best, share)
        return best

    def _relevant(
        self, vacancy: Vacancy, skills: np.ndarray | None, within: np.ndarray | None = None
    ) -> np.ndarray:
        """Rows of the pools relevant to the vacancy (sorted): same ISCO minor group, or a
        skills component >= 0.5 (`skills`: the component for every pool, None: no skills);
        only rows where `within` (a mask over rows) is true, when given."""
        bounds = self._minor_slices.get(vacancy.occupation[:RELEVANT_PREFIX])
        same = self._minor_order[bounds[0] : bounds[1]] if bounds else np.empty(0, np.int64)
        if skills is None:
            rows = same
        else:
            # A mask, not union1d: the union of two row sets without sorting them.
            wanted = skills >= RELEVANT_SKILLS
            wanted[same] = True
            rows = np.flatnonzero(wanted)
        return rows if within is None else rows[within[rows]]

    def _eligibility(
        self,
        vacancy: Vacancy,
        ctx: Context,
        candidates: Sequence[Pathway],
        need_fails: bool,
        rows: np.ndarray,
    ) -> _Verdicts:
        """Every candidate pathway's verdict on the pools of `rows` (the relevant ones).

        Pathways failing a vacancy-level check admit no one; unless the failure counts are needed
        (include_ineligible: the closest pathway of an ineligible pair), they are skipped and
        only the admitted rows are returned, with their eligible headcounts.
        """
        tax = ctx.taxonomy
        origins = self.columns.origin_vocab
        health = is_health_occupation(vacancy.occupation, tax)
        used: list[Pathway] = []
        fails_rows: list[np.ndarray] = []
        eh_rows: list[np.ndarray] = []
        origin_isced = self.origin_isced[rows]
        available = self._available(vacancy, ctx, rows)
        required = required_levels(vacancy)
        # The pool's own health occupation counts too (either side, design section 4).
        who = np.fromiter((o in tax.who_safeguard for o in origins), bool, len(origins))
        pool_health = (
            (self._health_table(tax)[self.occupation[rows]] & who[self.origin[rows]])
            if (not health and len(origins))
            else None
        )
        for pathway in candidates:
            vac_fails = sum(
                1
                for check in CHECKS
                if check.code not in POOL_CHECKS
                and check.run(vacancy, _NO_POOL, pathway, ctx) is not None
            )
            if vac_fails and not need_fails:
                continue
            # Origin, health and education checks: one lookup in an (origin x ISCED) table.
            origin_fail = np.fromiter(
                (
                    (bool(pathway.origins) and o not in pathway.origins)
                    + (health and not pathway.government_to_government and o in tax.who_safeguard)
                    for o in origins
                ),
                dtype=np.int8,
                count=len(origins),
            )
            if pathway.min_isced is None:
                edu_fail = np.zeros(len(self.isced_vocab), np.int8)
            else:
                edu_fail = (self.isced_vocab < pathway.min_isced).astype(np.int8)
            table = (origin_fail[:, None] + edu_fail[None, :]).ravel()
            fails = table[origin_isced].astype(np.int16) + np.int16(vac_fails)
            if pool_health is not None and not pathway.government_to_government:
                fails += pool_health
            if pathway.min_experience_years is not None:
                fails += ~(self.experience[rows] >= pathway.min_experience_years)
            if pathway.languages:
                fails += ~(self._language_share(pathway)[rows] > 0)
            share = self._headcount_share(pathway, required, rows)
            if share is None:
                eh = available.copy()  # floor(n * 1.0 + 1e-9) == n for any realistic headcount
            else:
                eh = np.floor(available * share + HEADCOUNT_EPSILON).astype(np.int64)
            # no_eligible_workers: judged only where every other check passes.
            fails += (fails == 0) & (eh == 0)
            eh[fails > 0] = -1
            used.append(pathway)
            fails_rows.append(fails)
            eh_rows.append(eh)
        if not used:
            return _Verdicts(used, rows if need_fails else rows[:0], None, None)
        eh_all = np.stack(eh_rows)
        if need_fails:
            return _Verdicts(used, rows, eh_all, np.stack(fails_rows))
        admitted = np.flatnonzero(eh_all.max(axis=0) >= 0)
        return _Verdicts(used, rows[admitted], eh_all[:, admitted], None)

    def _health_table(self, tax: Taxonomy) -> np.ndarray:
        """Per occupation code of the index: is it a health occupation?"""
        cached = self._health_cache
        if cached is None or cached[0] != tax.health_occupations:
            table = np.array(
                [is_health_occupation(o, tax) for o in self.columns.occupation_vocab] or [False]
            )
            cached = self._health_cache = (tax.health_occupations, table)
        return cached[1]

    # -- components --

    def _skills_component(self, vacancy: Vacancy, tax: Taxonomy) -> np.ndarray | None:
        """The skills component of every pool (None: the vacancy names no skills)."""
        if not vacancy.skills:
            return None
        total_w = left_sum(SKILL_WEIGHT[r.importance] for r in vacancy.skills)
        return self._skills_numerator(vacancy, tax) / total_w

    def _skills_numerator(self, vacancy: Vacancy, tax: Taxonomy) -> np.ndarray:
        """sum over vacancy skills of w * credit, per pool, added in the vacancy's skill order.

        Each skill's nonzero credits come from one column of the skill matrix and one of the
        group matrix; one bincount over all of them, concatenated in skill order, adds them per
        pool in that order (bincount adds sequentially), so sums match the reference bit for bit.
        """
        s_ptr, s_idx, s_val = self.skills.indptr, self.skills.indices, self.skills.data
        g_ptr, g_idx, g_val = self.groups.indptr, self.groups.indices, self.groups.data
        rows: list[np.ndarray] = []
        values: list[np.ndarray] = []
        for req in vacancy.skills:
            w = SKILL_WEIGHT[req.importance]
            col = self.skill_lookup.get(req.skill, -1)
            group = tax.skill_group.get(req.skill)
            gcol = -1 if group is None else self.group_lookup.get(group, -1)
            if col >= 0:
                srows = s_idx[s_ptr[col] : s_ptr[col + 1]]
                svals = s_val[s_ptr[col] : s_ptr[col + 1]]
            if gcol < 0:
                if col >= 0:
                    rows.append(srows)
                    values.append(w * svals)
                continue
            grows = g_idx[g_ptr[gcol] : g_ptr[gcol + 1]]
            credit = group_credit(g_val[g_ptr[gcol] : g_ptr[gcol + 1]])
            if col >= 0 and len(srows):
                # The group max includes the skill itself; max(s, 0.5 * max(s, other)) equals
                # the reference's max(s, 0.5 * other). Holders of the skill are rows of its group
                # column (both sorted), so searchsorted finds them.
                pos = np.searchsorted(grows, srows)
                credit[pos] = best_credit(svals, credit[pos])
            rows.append(grows)
            values.append(w * credit)
        if not rows:
            return np.zeros(self.n)
        return sum_by_row(np.concatenate(rows), np.concatenate(values), self.n)

    def _language_score(self, vacancy: Vacancy, rows: np.ndarray) -> np.ndarray | float:
        """Mean over the vacancy's languages of the capped credit (sum then divide, in order)."""
        credits = (
            self._language_credit(req.language, req.min_level)[rows] for req in vacancy.languages
        )
        return language_means(credits, len(vacancy.languages))

    def _components(
        self, vacancy: Vacancy, rates: _Rates, rows: np.ndarray, skills: np.ndarray | None
    ) -> tuple[np.ndarray, dict[str, np.ndarray | float | None]]:
        """Score and component arrays for `rows`, as the reference computes (`skills`: the
        skills component of every pool, from _skills_component)."""
        tax = rates.taxonomy

        def take(a: np.ndarray) -> np.ndarray:
            taken: np.ndarray = a[rows]
            return taken

        comps: dict[str, np.ndarray | float | None] = {}
        present: dict[str, np.ndarray | bool] = dict.fromkeys(COMPONENTS, True)
        comps["skills"] = None if skills is None else skills[rows]
        present["skills"] = skills is not None
        occ_table = self._occ_tables.get(vacancy.occupation)
        if occ_table is None:
            occ_table = occupation_table(vacancy.occupation, self.columns.occupation_vocab)
            self._occ_tables[vacancy.occupation] = occ_table
        comps["occupation"] = occ_table[take(self.occupation)]
        if vacancy.sector is None:
            comps["sector"] = None
            present["sector"] = False
        else:
            table = sector_table(
                vacancy.sector,
                tax.sector_section.get(vacancy.sector),
                self.columns.sector_vocab,
                rates.section_of.tolist(),
            )
            codes = take(self.sector)
            sector_values: np.ndarray = table[codes]  # code -1 (no sector) reads 0.0: masked
            comps["sector"] = sector_values
            present["sector"] = codes >= 0
        comps["language"] = self._language_score(vacancy, rows)
        if vacancy.min_isced is None:
            comps["education"] = 1.0
        else:
            edu = education_scores(self.isced_vocab, vacancy.min_isced)
            comps["education"] = edu[take(self.isced_code)]
        required = vacancy.min_experience_years
        if required is None or required <= 0:
            comps["experience"] = 1.0
        else:
            comps["experience"] = experience_scores(take(self.experience), required)
        comps["availability"] = availability_scores(
            take(self.available_from), vacancy.start_date.toordinal()
        )
        values = {name: 0.0 if c is None else c for name, c in comps.items()}
        score = combine_scores(values, present, rates.weights, len(rows))
        sector_present = present["sector"]
        if not isinstance(sector_present, bool):
            comps["sector"] = np.where(sector_present, sector_values, np.nan)  # absent: NaN
        return score, comps

    # -- ranking --

    def _topk(
        self,
        vacancy: Vacancy,
        ctx: Context,
        k: int | None,
        include_ineligible: bool,
        within: np.ndarray | None = None,
    ) -> _TopK:
        rates = self._prepare(ctx)
        skills = self._skills_component(vacancy, rates.taxonomy)
        relevant = self._relevant(vacancy, skills, within)
        verdicts = self._eligibility(
            vacancy, ctx, candidate_pathways(vacancy, ctx), include_ineligible, relevant
        )
        rows = verdicts.rows
        n_rows = len(rows)
        if n_rows == 0 or k == 0:
            empty = _empty_topk()
            empty.total = n_rows
            return empty
        score, comps = self._components(vacancy, rates, rows, skills)
        eh_all = verdicts.headcount  # (P, n_rows), -1 where a pathway does not admit
        if eh_all is not None:
            eh = eh_all.max(axis=0)
            admitted = eh >= 0
            eh = np.maximum(eh, 0)  # ineligible pairs report 0
        else:
            eh = np.zeros(n_rows, np.int64)
            admitted = np.zeros(n_rows, bool)
        # Top k by (score desc, eligible headcount desc, id asc): partition on score first and
        # keep every row tied with the k-th score, then sort that small set by the full key.
        if k is not None and k < n_rows:
            kth = np.partition(score, n_rows - k)[n_rows - k]
            cand = np.flatnonzero(score >= kth)
        else:
            cand = np.arange(n_rows)
        ids = self.id_rank[rows[cand]]
        order = np.lexsort((ids, -eh[cand], -score[cand]))
        top = cand[order[:k] if k is not None else order]
        prow = rows[top]
        elig = admitted[top]
        pathway: list[Pathway | None] = [None] * len(top)
        if eh_all is not None:
            best = np.argmax(eh_all[:, top], axis=0)  # first max: lowest code among ties
            fails = verdicts.fails
            closest = np.argmin(fails[:, top], axis=0) if fails is not None else best
            chosen = np.where(elig, best, closest)
            pathway = [verdicts.pathways[c] for c in chosen.tolist()]
        comp_mat = np.full((len(top), len(COMPONENTS)), np.nan)
        for j, name in enumerate(COMPONENTS):
            s = comps[name]
            if s is None:
                continue
            comp_mat[:, j] = s[top] if isinstance(s, np.ndarray) else s
        return _TopK(prow, score[top].copy(), comp_mat, eh[top], elig, pathway, total=n_rows)

    def _extras(self, vacancy: Vacancy, ctx: Context, top: _TopK, explain: bool) -> None:
        """Reasons of ineligible rows and explanations: per-pair Python, only for the top k."""
        if not top.eligible.all():
            out: list[Eligibility | None] = []
            for i, row in enumerate(top.rows.tolist()):
                if top.eligible[i]:
                    out.append(None)
                    continue
                pool = self.pool(row)
                pathway = top.pathway[i]
                if pathway is None:
                    out.append(assess(vacancy, pool, ctx))  # no candidate: the no_pathway verdict
                else:
                    c = check_pathway(vacancy, pool, pathway, ctx)
                    out.append(Eligibility(False, pathway.code, 0, c.passed, c.reasons))
            top.ineligible = out
        if explain:
            top.explanations = [
                explain_pair(vacancy, self.pool(row), ctx, _eligibility_of(top, i))
                for i, row in enumerate(top.rows.tolist())
            ]

    def _matches(self, vacancy: Vacancy, ctx: Context, top: _TopK) -> list[Match]:
        rates = self._prepare(ctx)
        names = [(j, name) for j, name in enumerate(COMPONENTS)]
        out: list[Match] = []
        comps = top.comps.tolist()
        scores = top.score.tolist()
        for i, row in enumerate(top.rows.tolist()):
            values = comps[i]
            out.append(
                Match(
                    vacancy_id=vacancy.id,
                    pool_id=str(self.ids[row]),
                    score=scores[i],
                    components={n: values[j] for j, n in names if values[j] == values[j]},
                    eligibility=_eligibility_of(top, i),
                    engine_version=ENGINE_VERSION,
                    weights_hash=rates.weights_hash,
                    explanation=None if top.explanations is None else top.explanations[i],
                )
            )
        return out

    def rank(
        self,
        vacancy: Vacancy,
        ctx: Context,
        k: int | None = 50,
        *,
        include_ineligible: bool = False,
        explain: bool = True,
    ) -> list[Match]:
        """The top k pools for a vacancy, as rank_reference(vacancy, pools, ctx, k=k, ...)."""
        return self.rank_counted(
            vacancy, ctx, k, include_ineligible=include_ineligible, explain=explain
        )[0]

    def rank_counted(
        self,
        vacancy: Vacancy,
        ctx: Context,
        k: int | None = 50,
        *,
        include_ineligible: bool = False,
        explain: bool = True,
        within: np.ndarray | None = None,
    ) -> tuple[list[Match], int]:
        """rank, and how many pairs the full ranking holds; only the rows where `within` (a
        boolean mask over the index's rows) is true, when given."""
        if k is not None and k < 0:
            raise ValueError(f"k must be None or >= 0, got {k}.")
        top = self._topk(vacancy, ctx, k, include_ineligible, within)
        self._extras(vacancy, ctx, top, explain)
        return self._matches(vacancy, ctx, top), top.total


def _empty_topk() -> _TopK:
    e = np.empty(0, np.int64)
    return _TopK(e, np.empty(0), np.empty((0, len(COMPONENTS))), e, np.empty(0, bool), [])


def _eligibility_of(top: _TopK, i: int) -> Eligibility:
    if top.eligible[i]:
        # check_pathway of an admitting pathway: every check passed, no reasons.
        pathway = top.pathway[i]
        assert pathway is not None
        return Eligibility(True, pathway.code, int(top.headcount[i]), ALL_PASSED, ())
    assert top.ineligible is not None
    found = top.ineligible[i]
    assert found is not None
    return found


# ---- many vacancies ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Job:
    """What the workers of iter_rank_all rank."""

    index: PoolIndex
    vacancies: list[Vacancy]
    ctx: Context
    k: int | None
    include_ineligible: bool
    explain: bool


#: Set in the parent before forking, so workers inherit the index instead of unpickling it.
_SHARED: dict[str, _Job] = {}


def _work(span: tuple[int, int]) -> list[tuple[int, _TopK]]:
    job = _SHARED["job"]
    index, ctx = job.index, job.ctx
    out = []
    for i in range(*span):
        vacancy = job.vacancies[i]
        top = index._topk(vacancy, ctx, job.k, job.include_ineligible)
        index._extras(vacancy, ctx, top, job.explain)
        out.append((i, top))
    return out


def default_signals() -> None:
    """In a forked worker: SIGTERM and SIGINT as Python's defaults. A server's handlers (uvicorn
    sets a flag and waits for its loop to see it) are inherited by a fork, and would make a
    worker outlive Pool.terminate(): the parent then waits for it forever."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)


def iter_rank_all(
    vacancies: Sequence[Vacancy],
    index: PoolIndex,
    ctx: Context,
    k: int | None = 50,
    *,
    include_ineligible: bool = False,
    explain: bool = True,
    workers: int = 1,
    chunk_size: int = 64,
) -> Iterator[tuple[str, list[Match]]]:
    """(vacancy id, matches) for each vacancy, in input order, with bounded memory.

    Work goes out in chunks of `chunk_size` vacancies; with workers > 1, to forked processes
    that inherit the index (copy-on-write; nothing big is pickled). Workers send back compact
    top-k arrays; the Match records are built here.
    """
    if k is not None and k < 0:
        raise ValueError(f"k must be None or >= 0, got {k}.")
    vacancies = list(vacancies)
    spans = [(a, min(a + chunk_size, len(vacancies))) for a in range(0, len(vacancies), chunk_size)]
    index._prepare(ctx)  # validate once, before forking
    _SHARED["job"] = _Job(index, vacancies, ctx, k, include_ineligible, explain)
    try:
        if workers <= 1 or len(spans) <= 1:
            for span in spans:
                for i, top in _work(span):
                    yield vacancies[i].id, index._matches(vacancies[i], ctx, top)
            return
        mp = multiprocessing.get_context("fork")
        with mp.Pool(workers, initializer=default_signals) as pool:
            # At most `2 * workers` chunks in flight: pending results stay bounded even when
            # the consumer is slower than the workers. Results come back in input order.
            todo = iter(spans)
            pending: deque[AsyncResult[list[tuple[int, _TopK]]]] = deque(
                pool.apply_async(_work, (span,)) for span in islice(todo, 2 * workers)
            )
            while pending:
                chunk = pending.popleft().get()
                for span in islice(todo, 1):
                    pending.append(pool.apply_async(_work, (span,)))
                for i, top in chunk:
                    yield vacancies[i].id, index._matches(vacancies[i], ctx, top)
    finally:
        _SHARED.clear()


def rank_all(
    vacancies: Sequence[Vacancy],
    index: PoolIndex,
    ctx: Context,
    k: int | None = 50,
    *,
    include_ineligible: bool = False,
    explain: bool = True,
    workers: int = 1,
    chunk_size: int = 64,
) -> dict[str, list[Match]]:
    """Top k pools for every vacancy: {vacancy id: matches}. See iter_rank_all."""
    return dict(
        iter_rank_all(
            vacancies,
            index,
            ctx,
            k,
            include_ineligible=include_ineligible,
            explain=explain,
            workers=workers,
            chunk_size=chunk_size,
        )
    )


# ---- the mirror: vacancies for one pool --------------------------------------------------------


class VacancyIndex:
    """Vacancies as arrays, built once; `rank` scores one pool against all of them.

    The mirror of PoolIndex, held to rank_vacancies_reference (tie-break: vacancy id). The
    vacancy-level eligibility checks run once per (vacancy, candidate pathway) per context and
    are cached while the context's pathways, rates, quota use and hours stay the same.
    """

    def __init__(self, vacancies: Sequence[Vacancy], taxonomy: Taxonomy):
        self.vacancies = list(vacancies)
        self.taxonomy = taxonomy
        n = self.n = len(self.vacancies)
        vs = self.vacancies
        self.ids = [v.id for v in vs]
        order = np.argsort(np.asarray(self.ids, dtype=str), kind="stable")
        self.id_rank = np.empty(n, np.int64)
        self.id_rank[order] = np.arange(n)
        self.occ_vocab, occ = np.unique(
            np.asarray([v.occupation for v in vs] or [""], dtype=object), return_inverse=True
        )
        self.occupation = occ[:n].astype(np.int32)
        sectors = sorted({v.sector for v in vs if v.sector is not None})
        self.sector_vocab = tuple(sectors)
        lookup = {s: i for i, s in enumerate(sectors)}
        self.sector = _ints([-1 if v.sector is None else lookup[v.sector] for v in vs], np.int32)
        self.start = _ints([v.start_date.toordinal() for v in vs])
        self.destination = np.asarray([v.destination for v in vs], dtype=object)
        # Start years (quota is counted per pathway and start year), as codes into `years`.
        self.years, year_code = np.unique(
            np.asarray([v.start_date.year for v in vs] or [0], np.int64), return_inverse=True
        )
        self.year_code = year_code[:n].astype(np.int64)
        self.has_isced = np.array([v.min_isced is not None for v in vs], bool)
        self.min_isced = _ints([0 if v.min_isced is None else v.min_isced for v in vs])
        req = [v.min_experience_years for v in vs]
        self.has_exp = np.array([r is not None and r > 0 for r in req], bool)
        self.min_exp = np.array([r if r is not None and r > 0 else 1.0 for r in req], np.float64)

        # Skills, padded to the longest list: code and weight per position, weight 0 past the end
        # (adds w * credit = +0.0, leaving the running sum as the reference's).
        skill_vocab: dict[str, int] = {}
        smax = max((len(v.skills) for v in vs), default=0)
        self.skill_code = np.zeros((n, smax), np.int32)
        self.skill_weight = np.zeros((n, smax), np.float64)
        for i, v in enumerate(vs):
            for j, req_ in enumerate(v.skills):
                self.skill_code[i, j] = skill_vocab.setdefault(req_.skill, len(skill_vocab))
                self.skill_weight[i, j] = SKILL_WEIGHT[req_.importance]
        self.skill_vocab = tuple(skill_vocab)
        self.has_skills = np.array([bool(v.skills) for v in vs], bool)
        self.skill_total = np.array(
            [
                left_sum(SKILL_WEIGHT[r.importance] for r in v.skills) if v.skills else 1.0
                for v in vs
            ]
        )
        self._skill_group = taxonomy.skill_group
        self.skill_group_of = [taxonomy.skill_group.get(s) for s in self.skill_vocab]

        # Languages, padded the same way: a code per (language, level) pair.
        pairs: dict[tuple[str, int], int] = {}
        lmax = max((len(v.languages) for v in vs), default=0)
        self.lang_code = np.zeros((n, lmax), np.int32)
        self.lang_mask = np.zeros((n, lmax), bool)
        for i, v in enumerate(vs):
            for j, lr in enumerate(v.languages):
                self.lang_code[i, j] = pairs.setdefault((lr.language, lr.min_level), len(pairs))
                self.lang_mask[i, j] = True
        self.lang_pairs = tuple(pairs)
        self.n_langs = _ints([len(v.languages) for v in vs])
        # Required languages (required_levels: once each, strictest level), padded likewise.
        req_vocab: dict[str, int] = {}
        merged = [required_levels(v) for v in vs]
        rmax = max((len(r) for r in merged), default=0)
        self.req_lang = np.full((n, rmax), -1, np.int32)
        self.req_level = np.zeros((n, rmax), np.int64)
        for i, levels in enumerate(merged):
            for j, (language, level) in enumerate(levels):
                self.req_lang[i, j] = req_vocab.setdefault(language, len(req_vocab))
                self.req_level[i, j] = level
        self.req_vocab = req_vocab
        self.req_langs = tuple(req_vocab)
        self.row_of = {vid: i for i, vid in enumerate(self.ids)}
        self.minor = np.asarray([v.occupation[:RELEVANT_PREFIX] for v in vs], dtype=object)
        self._vac_cache: tuple[object, Context, list[Pathway], np.ndarray, np.ndarray] | None = None
        self._approved_cache: tuple[object, dict[str, tuple[np.ndarray, np.ndarray]]] | None = None

    @classmethod
    def build(cls, vacancies: Sequence[Vacancy], taxonomy: Taxonomy) -> VacancyIndex:
        return cls(vacancies, taxonomy)

    def __len__(self) -> int:
        return self.n

    def prepare(self, ctx: Context) -> None:
        """Run the vacancy-level checks of this context now (they are kept until the pathways
        or rates change), so that the first pool ranked does not wait for them."""
        self._vacancy_checks(ctx)

    def _vacancy_checks(self, ctx: Context) -> tuple[list[Pathway], np.ndarray, np.ndarray]:
        """Pathways in code order, candidate mask (P, n), vacancy-level failure counts (P, n).

        The checks but quota are kept while the pathways, rates and hours stay the same, and run
        only for candidate pairs (a pathway of the vacancy's destination, and one it names if
        it names any); the quota check is one lookup per (pathway, start year), added on each
        call, so an approval (which moves quota use) costs no re-check of every vacancy.
        """
        key = (
            ctx.pathways,
            ctx.rates.base,
            tuple(sorted(ctx.rates.rates.items())),
            ctx.hours_per_year,
            ctx.months_per_year,
            id(ctx.taxonomy),
        )
        cached = self._vac_cache
        if cached is not None and cached[0] == key and cached[1].taxonomy is ctx.taxonomy:
            paths, cand, other = cached[2], cached[3], cached[4]
        else:
            # Sorting the whole list by code (stable) keeps each vacancy's candidates in the
            # order candidate_pathways gives them.
            paths = sorted(ctx.pathways, key=lambda p: p.code)
            cand = np.zeros((len(paths), self.n), bool)
            other = np.zeros((len(paths), self.n), np.int16)
            for p_i, p in enumerate(paths):
                rows = np.flatnonzero(self.destination == p.destination)
                for i in rows.tolist():
                    v = self.vacancies[i]
                    if v.pathways and p.code not in v.pathways:
                        continue
                    cand[p_i, i] = True
                    other[p_i, i] = sum(
                        1
                        for check in CHECKS
                        if check.code not in POOL_CHECKS
                        and check.code != "quota_exhausted"
                        and check.run(v, _NO_POOL, p, ctx) is not None
                    )
            self._vac_cache = (key, ctx, paths, cand, other)
        fails = other.copy()
        for p_i, p in enumerate(paths):
            if p.annual_quota is None:
                continue
            exhausted = np.fromiter(
                (ctx.quota_used.get((p.code, int(y)), 0) >= p.annual_quota for y in self.years),
                bool,
                len(self.years),
            )
            fails[p_i] += (exhausted[self.year_code] & cand[p_i]).astype(np.int16)
        return paths, cand, fails

    def _available(self, pool: Pool, ctx: Context) -> np.ndarray:
        """available_headcount for every vacancy: the pool's headcount less what is approved
        on it for other vacancies (its approvals for a vacancy stay available to that one)."""
        available = np.full(self.n, pool.headcount, np.int64)
        if not ctx.approved:
            return available
        cached = self._approved_cache
        if cached is None or cached[0] is not ctx.approved:
            per: dict[str, tuple[list[int], list[int]]] = {}
            for (vid, pid), h in ctx.approved.items():
                row = self.row_of.get(vid)
                if row is not None:
                    r, hs = per.setdefault(pid, ([], []))
                    r.append(row)
                    hs.append(h)
            cached = self._approved_cache = (
                ctx.approved,
                {pid: (_ints(r), _ints(hs)) for pid, (r, hs) in per.items()},
            )
        total = approved_per_pool(ctx.approved).get(pool.id, 0)
        available -= total
        mine = cached[1].get(pool.id)
        if mine is not None:
            np.add.at(available, mine[0], mine[1])
        return np.maximum(available, 0)

    def _headcount_share(
        self, pathway: Pathway, share_of: Callable[[str, int], float], rows: np.ndarray
    ) -> np.ndarray | None:
        """estimate_headcount's share for the vacancies at `rows` under one pathway (None: 1.0
        for all), in the reference's order: the pathway entry (at the stricter level where the
        vacancy requires the same language), then the vacancy's other required languages; best
        entry wins."""
        rmax = self.req_lang.shape[1]
        if not pathway.languages and rmax == 0:
            return None
        n = len(rows)
        req_lang_at, req_level_at = self.req_lang[rows], self.req_level[rows]
        # share_of for every (required language, level) any vacancy asks, as one table.
        top = int(self.req_level.max()) + 1 if self.req_level.size else 1
        table = np.array(
            [[share_of(lang, lv) for lv in range(top)] for lang in self.req_langs] or [[0.0]]
        )
        req_lang = np.maximum(req_lang_at, 0)
        best: np.ndarray | None = None
        entries: tuple[LanguageRequirement | None, ...] = pathway.languages or (None,)
        for entry in entries:
            share = np.ones(n)
            code = -2  # matches no required-language code
            if entry is not None:
                code = self.req_vocab.get(entry.language, -2)
                level = np.full(n, entry.min_level, np.int64)
                for j in range(rmax):
                    same = req_lang_at[:, j] == code
                    level = np.where(same, np.maximum(level, req_level_at[:, j]), level)
                values = np.unique(level)
                lookup = np.array([share_of(entry.language, lv) for lv in values.tolist()])
                share = share * lookup[np.searchsorted(values, level)]
            for j in range(rmax):
                lang = req_lang_at[:, j]
                other = (lang >= 0) & (lang != code)
                share = share * np.where(other, table[req_lang[:, j], req_level_at[:, j]], 1.0)
            best = share if best is None else np.maximum(best, share)
        return best

    def _skill_credit(self, pool: Pool, tax: Taxonomy) -> np.ndarray:
        """The reference's credit of the pool for every skill any vacancy asks for."""
        # The reference's own index of the pool's skills (shares by id, best share by group).
        pool_skills = PoolSkills.of(pool, tax)
        size = len(self.skill_vocab) or 1
        exact = np.zeros(size)
        related = np.zeros(size)
        for i, skill in enumerate(self.skill_vocab):
            exact[i] = pool_skills.shares.get(skill, 0.0)
            group = self.skill_group_of[i]
            related[i] = 0.0 if group is None else pool_skills.group_best.get(group, 0.0)
        return best_credit(exact, group_credit(related))

    def _components(
        self, pool: Pool, ctx: Context, weights: dict[str, float]
    ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        tax = ctx.taxonomy
        n = self.n
        values: dict[str, np.ndarray] = {}
        present: dict[str, np.ndarray | bool] = dict.fromkeys(COMPONENTS, True)
        # skills: w * credit per position, padded positions weigh 0 (they add +0.0).
        credit = self._skill_credit(pool, tax)
        skill_terms = (
            self.skill_weight[:, j] * credit[self.skill_code[:, j]]
            for j in range(self.skill_code.shape[1])
        )
        values["skills"] = np.where(
            self.has_skills, ordered_sum(skill_terms) / self.skill_total, 0.0
        )
        present["skills"] = self.has_skills
        values["occupation"] = occupation_table(pool.occupation, self.occ_vocab.tolist())[
            self.occupation
        ]
        if pool.sector is None:
            values["sector"] = np.zeros(n)
            present["sector"] = False
        else:
            table = sector_table(
                pool.sector,
                tax.sector_section.get(pool.sector),
                self.sector_vocab,
                [tax.sector_section.get(s) for s in self.sector_vocab],
            )
            has = self.sector >= 0
            values["sector"] = table[self.sector]  # code -1 reads the last entry, 0.0
            present["sector"] = has
        # language: one credit per (language, level) pair any vacancy names, from the pool's
        # entries in entry order; padded positions add +0.0.
        pair_credit = self._language_credits(pool)
        lang_terms = (
            np.where(self.lang_mask[:, j], pair_credit[self.lang_code[:, j]], 0.0)
            for j in range(self.lang_code.shape[1])
        )
        language = np.asarray(language_means(lang_terms, self.n_langs), np.float64)
        values["language"] = np.broadcast_to(language, (n,))
        values["education"] = np.where(
            self.has_isced, education_scores(pool.isced_level, self.min_isced), 1.0
        )
        values["experience"] = np.where(
            self.has_exp, experience_scores(pool.experience_years, self.min_exp), 1.0
        )
        available = NO_DATE if pool.available_from is None else pool.available_from.toordinal()
        values["availability"] = availability_scores(available, self.start)
        score = combine_scores(values, present, weights, n)
        comps = {
            name: values[name] if isinstance(here, bool) else np.where(here, values[name], np.nan)
            for name, here in present.items()
        }
        if present["sector"] is False:
            comps["sector"] = np.full(n, np.nan)
        return score, comps

    def _language_credits(self, pool: Pool) -> np.ndarray:
        """language_score's capped credit of the pool for each (language, level) pair of
        `lang_pairs`, then 0.0 (the padding's code reads it, masked out anyway)."""
        size = len(self.lang_pairs)
        if not size or not pool.languages:
            return np.zeros(size + 1)
        entry_lang = np.array([e.language for e in pool.languages], dtype=object)
        pair_lang = np.array([lang for lang, _ in self.lang_pairs], dtype=object)
        # (entry, pair) where the entry is in the pair's language; nonzero lists them entry by
        # entry, so each pair's entries come in the pool's order (the reference's sum order).
        entry, pair = np.nonzero(entry_lang[:, None] == pair_lang[None, :])
        levels = np.array([e.level for e in pool.languages], np.int64)[entry]
        shares = np.array([e.share for e in pool.languages], np.float64)[entry]
        pair_level = np.array([lv for _, lv in self.lang_pairs], np.int64)[pair]
        credit = language_credit(pair, levels, shares, pair_level, size)
        return np.concatenate([credit, [0.0]])

    def rank(
        self,
        pool: Pool,
        ctx: Context,
        k: int | None = 50,
        *,
        include_ineligible: bool = False,
        explain: bool = True,
    ) -> list[Match]:
        """The top k vacancies for a pool, as rank_vacancies_reference(pool, vacancies, ...)."""
        return self.rank_counted(
            pool, ctx, k, include_ineligible=include_ineligible, explain=explain
        )[0]

    def rank_counted(
        self,
        pool: Pool,
        ctx: Context,
        k: int | None = 50,
        *,
        include_ineligible: bool = False,
        explain: bool = True,
        within: np.ndarray | None = None,
    ) -> tuple[list[Match], int]:
        """rank, and how many pairs the full ranking holds; only the rows where `within` (a
        boolean mask over the index's rows) is true, when given."""
        if k is not None and k < 0:
            raise ValueError(f"k must be None or >= 0, got {k}.")
        if self.n == 0:
            return [], 0
        tax = ctx.taxonomy
        if tax.skill_group is not self._skill_group and tax.skill_group != self._skill_group:
            raise ValueError("ctx.taxonomy's skill groups differ from the index's; rebuild it.")
        weights = validate_weights(ctx.weights)
        paths, cand, vac_fails = self._vacancy_checks(ctx)
        score, comps = self._components(pool, ctx, weights)
        # Relevance before eligibility: same ISCO minor group, or skills component >= 0.5.
        relevant = (self.minor == pool.occupation[:RELEVANT_PREFIX]) | (
            self.has_skills & (np.nan_to_num(comps["skills"]) >= RELEVANT_SKILLS)
        )
        if within is not None:
            relevant &= within
        health_occ = np.array([is_health_occupation(o, tax) for o in self.occ_vocab])
        # Either side's health occupation counts (design section 4).
        health_vac = health_occ[self.occupation] | is_health_occupation(pool.occupation, tax)
        any_vacancy = self.vacancies[0]  # the pool-level checks below never read the vacancy
        available = self._available(pool, ctx)
        shares: dict[tuple[str, int], float] = {}

        def share_of(language: str, level: int) -> float:
            found = shares.get((language, level))
            if found is None:
                found = shares[(language, level)] = share_at_or_above(pool, language, level)
            return found

        big = np.int16(1000)
        fails = np.full((len(paths), self.n), big, np.int16)
        eh_all = np.full((len(paths), self.n), -1, np.int64)
        for p_i, p in enumerate(paths):
            # Only the pathway's candidate vacancies (its destination's): the others keep
            # `big` failures and no headcount, so nothing is computed for them.
            at = np.flatnonzero(cand[p_i])
            if len(at) == 0:
                continue
            scalar = sum(
                1
                for check in CHECKS
                if check.code in POOL_CHECKS
                and check.code != "ethical_recruitment_health"
                and check.run(any_vacancy, pool, p, ctx) is not None
            )
            health = (
                health_vac[at]
                if pool.origin in tax.who_safeguard and not p.government_to_government
                else np.zeros(len(at), bool)
            )
            f = vac_fails[p_i, at] + np.int16(scalar) + health
            share = self._headcount_share(p, share_of, at)
            if share is None:
                eh = available[at]
            else:
                eh = np.floor(available[at] * share + HEADCOUNT_EPSILON).astype(np.int64)
            f = f + ((f == 0) & (eh == 0))  # no_eligible_workers, where all else passes
            fails[p_i, at] = f
            eh_all[p_i, at] = np.where(f == 0, eh, -1)
        eh_best: np.ndarray = eh_all.max(axis=0) if len(paths) else np.full(self.n, -1, np.int64)
        admitted: np.ndarray = (eh_best >= 0) & relevant
        eh = np.maximum(eh_best, 0)
        rows = np.flatnonzero(relevant if include_ineligible else admitted)
        if len(rows) == 0 or k == 0:
            return [], len(rows)
        order = np.lexsort((self.id_rank[rows], -eh[rows], -score[rows]))
        top = rows[order[:k] if k is not None else order]
        has_candidate = np.asarray(cand.any(axis=0))  # (n,): not the scalar of 1-D input
        digest = weights_hash(weights)
        out: list[Match] = []
        for row in top.tolist():
            vacancy = self.vacancies[row]
            if admitted[row]:
                p = paths[int(np.argmax(eh_all[:, row]))]
                eligibility = Eligibility(True, p.code, int(eh[row]), ALL_PASSED, ())
            elif not has_candidate[row]:
                eligibility = assess(vacancy, pool, ctx)  # the no_pathway verdict
            else:
                p = paths[int(np.argmin(fails[:, row]))]
                c = check_pathway(vacancy, pool, p, ctx)
                eligibility = Eligibility(False, p.code, 0, c.passed, c.reasons)
            out.append(
                Match(
                    vacancy_id=vacancy.id,
                    pool_id=pool.id,
                    score=float(score[row]),
                    components={
                        name: float(comps[name][row])
                        for name in COMPONENTS
                        if comps[name][row] == comps[name][row]
                    },
                    eligibility=eligibility,
                    engine_version=ENGINE_VERSION,
                    weights_hash=digest,
                    explanation=explain_pair(vacancy, pool, ctx, eligibility) if explain else None,
                )
            )
        return out, len(rows)
