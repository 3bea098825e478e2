"""PoolColumns written to a directory read back equal (matching/columns_file.py)."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import numpy as np
import pytest

from bench.synthetic import make_pool_columns, make_vacancies, make_world
from matching.columns_file import read_columns, write_columns
from matching.ranker import PoolColumns, PoolIndex


@pytest.mark.parametrize("mmap", [True, False])
def test_columns_read_back_equal(tmp_path: Path, mmap: bool) -> None:
    world = make_world(3)
    columns = make_pool_columns(world, 2_000, seed=1)
    write_columns(tmp_path / "c", columns)
    back = read_columns(tmp_path / "c", mmap=mmap)
    for f in fields(PoolColumns):
        a, b = getattr(columns, f.name), getattr(back, f.name)
        if isinstance(a, np.ndarray):
            assert a.dtype == b.dtype, f.name
            assert np.array_equal(a, b), f.name
        else:
            assert a == b, f.name
    assert back.to_pools() == columns.to_pools()
    if mmap:  # shared pages must never be written through
        assert not back.skill_share.flags.writeable
    # An index built on the mapped columns ranks as one built on the originals.
    vacancies = [v for v in make_vacancies(world, 40, seed=2) if v.skills][:10]
    mapped = PoolIndex.from_columns(back, world.taxonomy)
    plain = PoolIndex.from_columns(columns, world.taxonomy)
    ranked = 0
    for v in vacancies:
        found = plain.rank(v, world.ctx, include_ineligible=True)
        assert mapped.rank(v, world.ctx, include_ineligible=True) == found
        ranked += len(found)
    assert ranked > 0


def test_an_existing_directory_is_refused(tmp_path: Path) -> None:
    columns = make_pool_columns(make_world(3), 10, seed=1)
    (tmp_path / "c").mkdir()
    with pytest.raises(FileExistsError):
        write_columns(tmp_path / "c", columns)
