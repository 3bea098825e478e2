"""What the cluster's workers run for a batch ranking (module-level functions: a task names its
function by module path, so a worker imports this module, never the driver's objects).

The graph (app/batch/ranking.py): `build_index` once per pool block (the index stays on the
worker that built it, and the blocks' ranking tasks follow it there); `rank_piece` per
(vacancy block x pool block); `merge_piece` per vacancy block, which also writes the block's
Parquet part when the run writes Parquet.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np
from dask.sizeof import sizeof

from app.matches import adapters
from app.matches.adapters import BlockTop, Context, PoolColumns, PoolIndex, Vacancy


@sizeof.register(PoolIndex)
def _sizeof_index(index: PoolIndex) -> int:
    # What the scheduler weighs before moving a task's input: an index is large, so its
    # ranking tasks run where it is rather than copying it.
    return int(index.nbytes()) + 80 * len(index)


@sizeof.register(PoolColumns)
def _sizeof_columns(columns: PoolColumns) -> int:
    values = (getattr(columns, f.name) for f in fields(columns))
    arrays = (v for v in values if isinstance(v, np.ndarray))
    return sum(a.nbytes for a in arrays if a.dtype != object) + 80 * len(columns)


@sizeof.register(BlockTop)
def _sizeof_top(top: BlockTop) -> int:
    return int(top.pool_ids.nbytes + top.score.nbytes * 3 + top.pathway.nbytes) + 200 * len(
        top.pools
    )


@dataclass(frozen=True, slots=True)
class Merged:
    """A vacancy block's result: its ranking (None when written to Parquet) and counts."""

    top: BlockTop | None
    pairs: int
    ranked: int


def build_index(columns: PoolColumns, ctx: Context) -> PoolIndex:
    # Bound to the context's taxonomy object, which every task on this worker shares.
    return adapters.pool_index(columns, ctx.taxonomy)


def rank_piece(
    index: PoolIndex, vacancies: list[Vacancy], ctx: Context, k: int | None, keep: int
) -> BlockTop:
    return adapters.rank_block(index, vacancies, ctx, k, keep)


def merge_piece(
    parts: list[BlockTop],
    vacancies: list[Vacancy],
    ctx: Context,
    k: int | None,
    keep: int,
    parquet_file: str | None,
) -> Merged:
    top = adapters.merge_blocks(parts, vacancies, ctx, k, keep)
    pairs, ranked = len(top.pool_ids), int(top.total.sum())
    if parquet_file is None:
        return Merged(top, pairs, ranked)
    write_parquet(top, Path(parquet_file))
    return Merged(None, pairs, ranked)


def write_parquet(top: BlockTop, path: Path) -> None:
    """One vacancy block's pairs as a Parquet file (written aside, then renamed: a reader
    never sees half a file)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    counts = np.diff(top.ptr)
    ranks = np.arange(len(top.pool_ids)) - np.repeat(top.ptr[:-1], counts) + 1
    missing: list[Any] = list(top.missing) if top.missing is not None else [None] * len(ranks)
    table = pa.table(
        {
            "vacancy_id": pa.array(np.repeat(np.asarray(top.vacancy_ids, dtype=str), counts)),
            "rank": pa.array(ranks.astype(np.int32)),
            "pool_id": pa.array(top.pool_ids),
            "score": pa.array(top.score),
            "eligible_headcount": pa.array(top.headcount.astype(np.int64)),
            "pathway_code": pa.array(top.pathway),
            "missing_essential": pa.array(
                [list(m) if m is not None else None for m in missing], type=pa.list_(pa.string())
            ),
        }
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    aside = path.with_suffix(".parquet.part")
    pq.write_table(table, aside)
    aside.replace(path)
