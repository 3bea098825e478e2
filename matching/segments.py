"""A market held as segments: one large index built once, small ones for what changed since.

An index of a million pools takes seconds to build, yet a survey wave or a new vacancy must be
in the very next ranking. So a change never rebuilds: the changed objects become a new small
segment and their earlier rows in older segments are masked out. A ranking ranks every segment
(the engine's own top k on each) and merges by the engine's order: score, then eligible
headcount (both descending), then id. Equal to one index of the live objects (property tests).

Segments objects are immutable snapshots: `changed` returns a new one sharing the built indexes
with new masks, so a ranking running in another thread sees one state or the other, never a mix.
When the small segments grow many, they are merged into one (their live records rebuilt).
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Generic, Self, TypeVar

import numpy as np

from matching.explain import explain as explain_pair
from matching.ranker import PoolColumns, PoolIndex, VacancyIndex, default_signals
from matching.records import Context, Match, Pool, Taxonomy, Vacancy

#: Small segments kept apart before they are merged into one.
MAX_SMALL_SEGMENTS = 8

Index = TypeVar("Index", PoolIndex, VacancyIndex)
#: The records a segment's index holds (Pool for PoolIndex, Vacancy for VacancyIndex).
Record = TypeVar("Record", Pool, Vacancy)


def _key_pools(m: Match) -> tuple[float, int, str]:
    return (-m.score, -m.eligibility.eligible_headcount, m.pool_id)


def _key_vacancies(m: Match) -> tuple[float, int, str]:
    return (-m.score, -m.eligibility.eligible_headcount, m.vacancy_id)


@dataclass(frozen=True, slots=True)
class _Segment(Generic[Index]):
    """One index and which of its rows are still live."""

    index: Index
    sorted_ids: np.ndarray  # the ids in str order (object array)
    order: np.ndarray  # row of each sorted id
    alive: np.ndarray  # bool per row: still in the market
    labels: np.ndarray  # an int per row (e.g. the owning organisation's number), -1 for none

    @classmethod
    def of(cls, index: Index, labels: Sequence[int] | np.ndarray | None = None) -> _Segment[Index]:
        if isinstance(index, PoolIndex):  # the index keeps its ids sorted already
            sorted_ids, order = index._sorted_ids, index._id_order
        else:
            ids = np.empty(len(index), dtype=object)
            ids[:] = list(index.ids)
            order = np.argsort(ids.astype(str), kind="stable")
            sorted_ids = ids[order]
        n = len(index)
        marks = np.full(n, -1, np.int64) if labels is None else np.asarray(labels, np.int64)
        if len(marks) != n:
            raise ValueError(f"{len(marks)} labels for {n} rows.")
        return cls(index, sorted_ids, order, np.ones(n, bool), marks)

    def live_rows(self) -> np.ndarray:
        return np.flatnonzero(self.alive)

    def rows(self, idents: Sequence[str]) -> np.ndarray:
        """Rows of the live objects among `idents` (ids the segment lacks are skipped)."""
        if not len(idents) or not len(self.sorted_ids):
            return np.empty(0, np.int64)
        wanted = np.empty(len(idents), dtype=object)
        wanted[:] = list(idents)
        pos = np.minimum(np.searchsorted(self.sorted_ids, wanted), len(self.sorted_ids) - 1)
        rows: np.ndarray = self.order[pos[self.sorted_ids[pos] == wanted]]
        live: np.ndarray = rows[self.alive[rows]]
        return live


class _Segments(Generic[Index, Record]):
    """What the two sides share: masks, merging, compaction. An id is live in at most one
    segment: adding it again retires its older row first."""

    def __init__(self, segments: Sequence[_Segment[Index]], taxonomy: Taxonomy) -> None:
        self._segments: tuple[_Segment[Index], ...] = tuple(segments)
        self.taxonomy = taxonomy

    # -- what subclasses provide --

    def _build(self, records: Sequence[Record]) -> Index:  # pragma: no cover - abstract
        raise NotImplementedError

    def _record(self, index: Index, row: int) -> Record:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- reading --

    def __len__(self) -> int:
        return sum(int(seg.alive.sum()) for seg in self._segments)

    def __contains__(self, ident: str) -> bool:
        return self._locate(ident) is not None

    @property
    def segment_count(self) -> int:
        return len(self._segments)

    def segment_sizes(self) -> list[int]:
        return [len(s.index) for s in self._segments]

    def _locate(self, ident: str) -> tuple[Index, int] | None:
        for seg in reversed(self._segments):
            rows = seg.rows([ident])
            if len(rows):
                return seg.index, int(rows[0])
        return None

    def get(self, ident: str) -> Record:
        """The record of a live object (KeyError when it is not in the market)."""
        found = self._locate(ident)
        if found is None:
            raise KeyError(ident)
        return self._record(*found)

    def records(self) -> list[Record]:
        """Every live record (segment by segment, rows in order)."""
        return [
            self._record(seg.index, r) for seg in self._segments for r in seg.live_rows().tolist()
        ]

    def masks(self, per_index: Callable[[Index], np.ndarray]) -> list[np.ndarray]:
        """A mask per segment from a predicate on each segment's index (one bool per row)."""
        return [per_index(seg.index) for seg in self._segments]

    def labelled(self, label: int) -> list[np.ndarray]:
        """A mask per segment: the rows carrying this label (for `within`)."""
        return [seg.labels == label for seg in self._segments]

    def label_of(self, ident: str) -> int | None:
        for seg in reversed(self._segments):
            rows = seg.rows([ident])
            if len(rows):
                return int(seg.labels[rows[0]])
        return None

    # -- changing --

    def changed(
        self, gone: Iterable[str], added: Sequence[Record], labels: Sequence[int] | None = None
    ) -> Self:
        """A new snapshot: objects `gone` (ids) leave the market, `added` records join it (an
        id both gone and added is replaced by its new record), with `labels` (one per record)."""
        index = self._build(list(added)) if added else None
        return self._changed(set(gone) | {r.id for r in added}, index, labels)

    def _changed(
        self, leaving: set[str], index: Index | None, labels: Sequence[int] | None
    ) -> Self:
        """`leaving` ids retired, and `index` (their new rows and others') as a new segment."""
        ids = sorted(leaving)
        segments = []
        for seg in self._segments:
            hit = seg.rows(ids)
            if len(hit):
                alive = seg.alive.copy()
                alive[hit] = False
                seg = replace(seg, alive=alive)
            segments.append(seg)
        if index is not None:
            segments.append(_Segment.of(index, labels))
        # A small segment with nothing live goes (the first, the large one, stays as the base).
        segments = [s for i, s in enumerate(segments) if i == 0 or s.alive.any()]
        if len(segments) > 1 + MAX_SMALL_SEGMENTS:
            segments = [segments[0], self._merged(segments[1:])]
        return type(self)(segments, self.taxonomy)

    def _merged(self, segments: Sequence[_Segment[Index]]) -> _Segment[Index]:
        records, labels = [], []
        for s in segments:
            for r in s.live_rows().tolist():
                records.append(self._record(s.index, r))
                labels.append(int(s.labels[r]))
        return _Segment.of(self._build(records), labels)

    # -- ranking --

    def _rank(
        self,
        rank: Callable[[Index, np.ndarray | None], tuple[list[Match], int]],
        k: int | None,
        within: Sequence[np.ndarray | None] | None,
        key: Callable[[Match], tuple[float, int, str]],
    ) -> tuple[list[tuple[int, Match]], int]:
        """`rank(index, mask)` (the index's rank_counted of the subject, explain=False, within
        the mask) on every segment's live rows, merged by `key`."""
        found: list[tuple[int, Match]] = []
        total = 0
        for s_i, seg in enumerate(self._segments):
            mask = seg.alive
            if within is not None and within[s_i] is not None:
                mask = mask & within[s_i]
            if not mask.any():
                continue
            got, n = rank(seg.index, None if mask.all() else mask)
            total += n
            found.extend((s_i, m) for m in got)
        found.sort(key=lambda sm: key(sm[1]))
        return (found if k is None else found[:k]), total


class PoolSegments(_Segments[PoolIndex, Pool]):
    """Every pool in the market, for ranking one vacancy against all of them."""

    @classmethod
    def of_index(
        cls, index: PoolIndex, taxonomy: Taxonomy, labels: Sequence[int] | None = None
    ) -> PoolSegments:
        return cls([_Segment.of(index, labels)], taxonomy)

    def _build(self, records: Sequence[Pool]) -> PoolIndex:
        return PoolIndex.build(records, self.taxonomy)

    def changed_columns(
        self, gone: Iterable[str], added: PoolColumns, labels: Sequence[int] | None = None
    ) -> PoolSegments:
        """`changed` with the added pools as columns (as the database reader gives them): the
        new segment is indexed from them directly, with no record per pool in between."""
        index = PoolIndex.from_columns(added, self.taxonomy) if len(added) else None
        return self._changed(set(gone) | set(added.ids.tolist()), index, labels)

    def _record(self, index: PoolIndex, row: int) -> Pool:
        return index.pool(row)

    def rank_counted(
        self,
        vacancy: Vacancy,
        ctx: Context,
        k: int | None = 50,
        *,
        include_ineligible: bool = False,
        explain: bool = True,
        within: Sequence[np.ndarray | None] | None = None,
    ) -> tuple[list[Match], int]:
        """PoolIndex.rank_counted over the live pools of every segment (`within`: a mask per
        segment, as from `masks`, to rank only some pools)."""

        def rank(index: PoolIndex, mask: np.ndarray | None) -> tuple[list[Match], int]:
            return index.rank_counted(
                vacancy, ctx, k, include_ineligible=include_ineligible, explain=False, within=mask
            )

        found, total = self._rank(rank, k, within, _key_pools)
        out = [m for _, m in found]
        return (self.explained(vacancy, out, ctx) if explain else out), total

    def rank_many(
        self,
        vacancies: Sequence[Vacancy],
        ctx: Context,
        k: int | None = 50,
        *,
        include_ineligible: bool = False,
        workers: int = 1,
        chunk_size: int = 64,
    ) -> Iterator[tuple[str, list[Match]]]:
        """(vacancy id, its top k without explanations) for each vacancy, in input order; with
        workers > 1, in forked processes that inherit the segments (nothing big is pickled
        but the matches sent back). One batch at a time per process."""
        vacancies = list(vacancies)
        spans = [
            (a, min(a + chunk_size, len(vacancies))) for a in range(0, len(vacancies), chunk_size)
        ]
        if workers <= 1 or len(spans) <= 1:
            for v in vacancies:
                found, _ = self.rank_counted(
                    v, ctx, k, include_ineligible=include_ineligible, explain=False
                )
                yield v.id, found
            return
        with _BATCH_LOCK:
            _BATCH["job"] = (self, vacancies, ctx, k, include_ineligible)
            try:
                mp = multiprocessing.get_context("fork")
                with mp.Pool(workers, initializer=_fresh_locks) as pool:
                    for chunk in pool.imap(_rank_span, spans):
                        for i, found in chunk:
                            yield vacancies[i].id, found
            finally:
                _BATCH.clear()

    def explained(self, vacancy: Vacancy, matches: Sequence[Match], ctx: Context) -> list[Match]:
        """These matches of the vacancy (from rank_counted, explain=False) with explanations."""
        return [
            replace(m, explanation=explain_pair(vacancy, self.get(m.pool_id), ctx, m.eligibility))
            for m in matches
        ]


class VacancySegments(_Segments[VacancyIndex, Vacancy]):
    """Every open vacancy, for ranking one pool against all of them."""

    @classmethod
    def build(
        cls,
        vacancies: Sequence[Vacancy],
        taxonomy: Taxonomy,
        labels: Sequence[int] | None = None,
    ) -> VacancySegments:
        return cls([_Segment.of(VacancyIndex.build(vacancies, taxonomy), labels)], taxonomy)

    def _build(self, records: Sequence[Vacancy]) -> VacancyIndex:
        return VacancyIndex.build(records, self.taxonomy)

    def _record(self, index: VacancyIndex, row: int) -> Vacancy:
        return index.vacancies[row]

    def rank_counted(
        self,
        pool: Pool,
        ctx: Context,
        k: int | None = 50,
        *,
        include_ineligible: bool = False,
        explain: bool = True,
        within: Sequence[np.ndarray | None] | None = None,
    ) -> tuple[list[Match], int]:
        """VacancyIndex.rank_counted over the open vacancies of every segment."""

        def rank(index: VacancyIndex, mask: np.ndarray | None) -> tuple[list[Match], int]:
            return index.rank_counted(
                pool, ctx, k, include_ineligible=include_ineligible, explain=False, within=mask
            )

        found, total = self._rank(rank, k, within, _key_vacancies)
        out = [m for _, m in found]
        return (self.explained(pool, out, ctx) if explain else out), total

    def prepare(self, ctx: Context) -> None:
        """VacancyIndex.prepare on every segment."""
        for seg in self._segments:
            seg.index.prepare(ctx)

    def explained(self, pool: Pool, matches: Sequence[Match], ctx: Context) -> list[Match]:
        """These matches of the pool (from rank_counted, explain=False) with explanations."""
        return [
            replace(m, explanation=explain_pair(self.get(m.vacancy_id), pool, ctx, m.eligibility))
            for m in matches
        ]


# ---- batches in forked workers -----------------------------------------------------------------

#: The batch being ranked, set in the parent before forking (workers inherit it).
_BATCH: dict[str, tuple[PoolSegments, list[Vacancy], Context, int | None, bool]] = {}
_BATCH_LOCK = threading.Lock()


def _fresh_locks() -> None:
    # A fork copies locks in whatever state other threads held them: give the copy's indexes
    # new ones (their small caches take them), so a worker never waits on a thread it lacks.
    default_signals()
    market = _BATCH["job"][0]
    for seg in market._segments:
        seg.index._lock = threading.Lock()


def _rank_span(span: tuple[int, int]) -> list[tuple[int, list[Match]]]:
    market, vacancies, ctx, k, include_ineligible = _BATCH["job"]
    out = []
    for i in range(*span):
        found, _ = market.rank_counted(
            vacancies[i], ctx, k, include_ineligible=include_ineligible, explain=False
        )
        out.append((i, found))
    return out
