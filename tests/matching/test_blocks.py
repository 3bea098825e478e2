"""Ranking in blocks (matching/blocks.py): the merged pieces are one index's ranking."""

from __future__ import annotations

import itertools
import pickle

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from matching.blocks import explain_missing, merge_blocks, rank_block
from matching.ranker import PoolColumns, PoolIndex
from matching.records import Context, Pool
from matching.reference import rank_reference
from tests.matching.test_ranker_equivalence import SETTINGS, vacancy_lists, worlds


def _cuts(data: st.DataObject, n: int) -> list[tuple[int, int]]:
    inner = sorted(data.draw(st.sets(st.integers(1, max(n - 1, 1)), max_size=4)))
    bounds = [0, *[c for c in inner if c < n], n]
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a] or [(0, 0)]


@SETTINGS
@given(data=st.data(), world=worlds(), k=st.sampled_from([None, 1, 3]))
def test_merged_blocks_equal_one_index(
    data: st.DataObject, world: tuple[Context, list[Pool]], k: int | None
) -> None:
    ctx, pools = world
    vacancies = data.draw(vacancy_lists(tuple(p.code for p in ctx.pathways)))
    columns = PoolColumns.from_pools(pools)
    parts = []
    for a, b in _cuts(data, len(pools)):
        # Through pickle, as a cluster sends an index between processes.
        built = PoolIndex.from_columns(columns.block(a, b), ctx.taxonomy)
        index = pickle.loads(pickle.dumps(built))
        parts.append(rank_block(index, vacancies, ctx, k, keep=2))
    merged = explain_missing(merge_blocks(parts, k, keep=2), vacancies, ctx)
    for i, vacancy in enumerate(vacancies):
        expected = rank_reference(vacancy, pools, ctx, k=k, explain=True)
        got = list(merged.entries(i))
        assert [str(merged.pool_ids[j]) for j in got] == [m.pool_id for m in expected]
        for place, (j, m) in enumerate(zip(got, expected, strict=True)):
            assert abs(float(merged.score[j]) - m.score) <= 1e-9
            assert int(merged.headcount[j]) == m.eligibility.eligible_headcount
            assert str(merged.pathway[j]) == m.eligibility.pathway
            assert m.explanation is not None
            if place < 2:
                assert merged.missing is not None
                assert merged.missing[j] == m.explanation.missing_essential
            else:
                assert merged.missing is not None and merged.missing[j] is None
        full = rank_reference(vacancy, pools, ctx, k=None)
        assert int(merged.total[i]) == len(full)


@SETTINGS
@given(data=st.data(), world=worlds())
def test_a_block_of_columns_holds_those_pools(
    data: st.DataObject, world: tuple[Context, list[Pool]]
) -> None:
    _, pools = world
    columns = PoolColumns.from_pools(pools)
    for a, b in _cuts(data, len(pools)):
        block = columns.block(a, b)
        assert block.to_pools() == pools[a:b]
        assert np.array_equal(block.skill_ptr[[0, -1]], [0, len(block.skill)])
        assert np.array_equal(block.lang_ptr[[0, -1]], [0, len(block.lang)])
