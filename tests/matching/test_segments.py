"""Segments rank as one index of the live objects (matching/segments.py).

A market is drawn, split into a base and changes (pools replaced by new figures under the same
id, pools gone, pools added) applied as successive snapshots; ranking the snapshot must equal
rank_reference over the live records, with the same totals, for both sides.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from matching import segments as seg_module
from matching.ranker import PoolColumns, PoolIndex
from matching.records import Context, Pool
from matching.reference import rank_reference, rank_vacancies_reference
from matching.segments import PoolSegments, VacancySegments
from tests.matching.test_ranker_equivalence import (
    SETTINGS,
    assert_same,
    assert_same_vacancies,
    pool_templates,
    vacancies,
    vacancy_lists,
    worlds,
)


def _changes(data: st.DataObject, pools: list[Pool]) -> list[tuple[list[str], list[Pool]]]:
    """A few change batches: some ids gone, some replaced, some new."""
    batches = []
    fresh = 0
    for _ in range(data.draw(st.integers(0, 4))):
        ids = [p.id for p in pools]
        gone = data.draw(st.lists(st.sampled_from(ids), max_size=4)) if ids else []
        replaced = [
            replace(data.draw(pool_templates), id=pid)
            for pid in (data.draw(st.lists(st.sampled_from(ids), max_size=3)) if ids else [])
        ]
        added = []
        for _ in range(data.draw(st.integers(0, 3))):
            added.append(replace(data.draw(pool_templates), id=f"n{fresh:02d}"))
            fresh += 1
        new = {r.id: r for r in replaced + added}
        batches.append((gone, list(new.values())))
    return batches


def _live(pools: list[Pool], batches) -> list[Pool]:
    live = {p.id: p for p in pools}
    for gone, added in batches:
        for pid in gone:
            live.pop(pid, None)
        for p in added:
            live[p.id] = p
    return list(live.values())


@SETTINGS
@given(data=st.data(), world=worlds(), small=st.sampled_from([1, 2, 8]), as_columns=st.booleans())
def test_pool_segments_equal_one_index(
    data: st.DataObject, world: tuple[Context, list[Pool]], small: int, as_columns: bool
) -> None:
    """Changes given as records, or as columns (changed_columns: the catch-up's way)."""
    ctx, pools = world
    vacancy = data.draw(vacancies(tuple(p.code for p in ctx.pathways)))
    batches = _changes(data, pools)
    old = seg_module.MAX_SMALL_SEGMENTS
    seg_module.MAX_SMALL_SEGMENTS = small  # compaction on, often
    try:
        market = PoolSegments.of_index(PoolIndex.build(pools, ctx.taxonomy), ctx.taxonomy)
        for gone, added in batches:
            if as_columns:
                market = market.changed_columns(gone, PoolColumns.from_pools(added))
            else:
                market = market.changed(gone, added)
    finally:
        seg_module.MAX_SMALL_SEGMENTS = old
    live = _live(pools, batches)
    assert len(market) == len(live)
    assert sorted(p.id for p in market.records()) == sorted(p.id for p in live)
    for p in live:
        assert market.get(p.id) == p
    for include_ineligible in (False, True):
        full = rank_reference(vacancy, live, ctx, k=None, include_ineligible=include_ineligible)
        for k in (None, 1, 3):
            explain = k == 3
            expected = rank_reference(
                vacancy, live, ctx, k=k, include_ineligible=include_ineligible, explain=explain
            )
            ranked, total = market.rank_counted(
                vacancy, ctx, k, include_ineligible=include_ineligible, explain=explain
            )
            assert_same(ranked, expected, explain=explain)
            assert total == len(full)


@SETTINGS
@given(data=st.data(), world=worlds())
def test_pool_segments_within_a_scope(
    data: st.DataObject, world: tuple[Context, list[Pool]]
) -> None:
    """A mask per segment ranks only the pools it keeps (e.g. one ministry's)."""
    ctx, pools = world
    vacancy = data.draw(vacancies(tuple(p.code for p in ctx.pathways)))
    batches = _changes(data, pools)
    market = PoolSegments.of_index(PoolIndex.build(pools, ctx.taxonomy), ctx.taxonomy)
    for gone, added in batches:
        market = market.changed(gone, added)
    keep = data.draw(st.sets(st.sampled_from(["IN", "NG", "PH", "PK", "DE", "ES"])))
    live = [p for p in _live(pools, batches) if p.origin in keep]
    masks = market.masks(
        lambda index: (
            np.isin(np.asarray(index.columns.origin_vocab, dtype=object)[index.origin], list(keep))
            if len(index.columns.origin_vocab)
            else np.zeros(len(index), bool)
        )
    )
    expected = rank_reference(vacancy, live, ctx, k=5)
    ranked, total = market.rank_counted(vacancy, ctx, 5, within=masks)
    assert_same(ranked, expected, explain=True)
    assert total == len(rank_reference(vacancy, live, ctx, k=None, explain=False))


@SETTINGS
@given(data=st.data(), world=worlds())
def test_vacancy_segments_equal_one_index(
    data: st.DataObject, world: tuple[Context, list[Pool]]
) -> None:
    ctx, _ = world
    codes = tuple(p.code for p in ctx.pathways)
    vacs = data.draw(vacancy_lists(codes))
    pool = replace(data.draw(pool_templates), id="p1")
    market = VacancySegments.build(vacs, ctx.taxonomy)
    live = {v.id: v for v in vacs}
    for _ in range(data.draw(st.integers(0, 3))):
        ids = list(live)
        gone = data.draw(st.lists(st.sampled_from(ids), max_size=3)) if ids else []
        added = [
            replace(v, id=f"w{len(live)}{i}")
            for i, v in enumerate(data.draw(vacancy_lists(codes))[:3])
        ]
        market = market.changed(gone, added)
        for vid in gone:
            live.pop(vid, None)
        live.update({v.id: v for v in added})
    vs = list(live.values())
    for include_ineligible in (False, True):
        for k in (None, 2):
            explain = k == 2
            expected = rank_vacancies_reference(
                pool, vs, ctx, k=k, include_ineligible=include_ineligible, explain=explain
            )
            ranked, total = market.rank_counted(
                pool, ctx, k, include_ineligible=include_ineligible, explain=explain
            )
            assert_same_vacancies(ranked, expected, explain=explain)
            full = rank_vacancies_reference(
                pool, vs, ctx, k=None, include_ineligible=include_ineligible, explain=False
            )
            assert total == len(full)


@SETTINGS
@given(data=st.data(), world=worlds())
def test_labels_follow_their_rows_through_changes_and_merges(
    data: st.DataObject, world: tuple[Context, list[Pool]]
) -> None:
    """A label per pool (its owner) stays with it when segments are added and merged, so a
    labelled mask ranks exactly that owner's live pools."""
    ctx, pools = world
    vacancy = data.draw(vacancies(tuple(p.code for p in ctx.pathways)))
    owner = {p.id: data.draw(st.integers(0, 2)) for p in pools}
    old = seg_module.MAX_SMALL_SEGMENTS
    seg_module.MAX_SMALL_SEGMENTS = 1
    try:
        market = PoolSegments.of_index(
            PoolIndex.build(pools, ctx.taxonomy), ctx.taxonomy, [owner[p.id] for p in pools]
        )
        batches = _changes(data, pools)
        for gone, added in batches:
            for p in added:
                owner[p.id] = data.draw(st.integers(0, 2))
            market = market.changed(gone, added, [owner[p.id] for p in added])
    finally:
        seg_module.MAX_SMALL_SEGMENTS = old
    live = _live(pools, batches)
    for p in live:
        assert market.label_of(p.id) == owner[p.id]
    mine = [p for p in live if owner[p.id] == 1]
    ranked, total = market.rank_counted(vacancy, ctx, None, within=market.labelled(1))
    assert_same(ranked, rank_reference(vacancy, mine, ctx, k=None), explain=True)
    assert total == len(ranked)


def test_rank_many_in_workers_equals_one_by_one() -> None:
    from bench.synthetic import make_dataset

    vacs, pools, ctx = make_dataset(200, 1500, seed=5)
    market = PoolSegments.of_index(PoolIndex.build(pools[:1000], ctx.taxonomy), ctx.taxonomy)
    market = market.changed([p.id for p in pools[:50]], pools[1000:])
    one = dict(market.rank_many(vacs, ctx, 20))
    many = dict(market.rank_many(vacs, ctx, 20, workers=2, chunk_size=16))
    assert list(many) == [v.id for v in vacs]
    for vid, ranked in one.items():
        assert_same(many[vid], ranked, explain=False)


def _sigterm_is_default(_: int) -> bool:
    import signal

    return signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_forked_workers_take_the_default_sigterm() -> None:
    """A server (uvicorn) handles SIGTERM by setting a flag; forked workers inherited that,
    and Pool.terminate() at the pool's close then waited forever for a worker it had caught
    blocked on the task queue's lock (seen in a served allocation plan)."""
    import multiprocessing
    import signal

    from matching.ranker import default_signals

    previous = signal.signal(signal.SIGTERM, lambda *_: None)
    try:
        mp = multiprocessing.get_context("fork")
        with mp.Pool(2, initializer=default_signals) as pool:
            assert pool.map(_sigterm_is_default, range(4)) == [True] * 4
    finally:
        signal.signal(signal.SIGTERM, previous)
