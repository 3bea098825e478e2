"""PoolColumns on disk: a directory of .npy arrays and a JSON file of vocabularies.

Read back memory-mapped, the arrays live in the page cache, so several processes that load
one directory share a single copy of them. No pickle anywhere: the files hold only numbers,
bytes and JSON, so reading one cannot run code.
"""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path
from typing import Literal

import numpy as np

from matching.ranker import PoolColumns

_VOCAB = "vocab.json"
_VOCABS = ("origin_vocab", "occupation_vocab", "sector_vocab", "skill_vocab", "lang_vocab")
_ARRAYS = tuple(f.name for f in fields(PoolColumns) if f.name not in _VOCABS and f.name != "ids")


def write_columns(directory: Path, columns: PoolColumns) -> None:
    """Write `columns` into `directory` (created; it must not hold older files)."""
    directory.mkdir(parents=True, exist_ok=False)
    # Ids as UTF-8 bytes (36 bytes per uuid, not 144 as numpy str); none ends in NUL.
    np.save(directory / "ids.npy", np.array([i.encode() for i in columns.ids.tolist()], bytes))
    for name in _ARRAYS:
        np.save(directory / f"{name}.npy", np.ascontiguousarray(getattr(columns, name)))
    (directory / _VOCAB).write_text(
        json.dumps({name: list(getattr(columns, name)) for name in _VOCABS})
    )


def read_columns(directory: Path, *, mmap: bool = True) -> PoolColumns:
    """The columns written by write_columns (arrays memory-mapped read-only with `mmap`)."""
    mode: Literal["r"] | None = "r" if mmap else None
    vocab = json.loads((directory / _VOCAB).read_text())
    raw = np.load(directory / "ids.npy", allow_pickle=False)
    ids = np.empty(len(raw), dtype=object)
    ids[:] = [i.decode() for i in raw.tolist()]
    arrays = {
        name: np.load(directory / f"{name}.npy", mmap_mode=mode, allow_pickle=False)
        for name in _ARRAYS
    }
    return PoolColumns(
        ids=ids,
        **arrays,
        origin_vocab=tuple(vocab["origin_vocab"]),
        occupation_vocab=tuple(vocab["occupation_vocab"]),
        sector_vocab=tuple(vocab["sector_vocab"]),
        skill_vocab=tuple(vocab["skill_vocab"]),
        lang_vocab=tuple(vocab["lang_vocab"]),
    )
