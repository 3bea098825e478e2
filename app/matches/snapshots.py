"""Market snapshots: the active pools' columns on local disk, shared by the server processes.

Reading a million pools from the database takes each process tens of seconds, and every worker
of a server starts at the same moment: they would read the same rows side by side on the same
cores. Instead one process reads them and writes a snapshot (matching.columns_file) tagged with
the change feed's position; the others, and every later start, load it (memory-mapped: one copy
in the page cache for all of them) and catch up from that position like any market does. So a
snapshot changes how fast a market is built, never what it holds.

A snapshot names its database by the feed's epoch and the commit time of the batch it was
taken at: a database restored from an older backup lacks that batch (or has it with another
time), so its snapshots are never used for it. Snapshots are off unless
`IMDI_MARKET_SNAPSHOT_DIR` is set (a directory only the service's user can write).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import shutil
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.changes.models import ChangeBatch
from app.matches.adapters import PoolColumns, read_columns, write_columns

log = logging.getLogger("imdi.market")

#: Bumped when what a snapshot holds changes meaning; other formats are ignored.
FORMAT = 1
_META = "meta.json"


@dataclass(frozen=True)
class Snapshot:
    seq: int
    columns: PoolColumns
    ministries: list[uuid.UUID]


def _committed_at(session: Session, seq: int) -> str | None:
    found = session.scalar(select(ChangeBatch.committed_at).where(ChangeBatch.seq == seq))
    return None if found is None else found.isoformat()


class Store:
    """The snapshots of one database in `root` (a directory per database URL)."""

    def __init__(self, root: Path, url: str) -> None:
        digest = hashlib.sha256(url.encode()).hexdigest()[:16]
        self.dir = root / digest

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Held while a process loads or writes: the others wait for its snapshot instead of
        reading the database beside it."""
        self.dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(self.dir / "lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _complete(self) -> list[tuple[int, Path, dict]]:
        found = []
        for path in self.dir.glob("snap-*"):
            try:
                meta = json.loads((path / _META).read_text())
            except (OSError, ValueError):
                continue  # being written, or damaged: never used
            found.append((int(meta.get("seq", -1)), path, meta))
        return sorted(found, key=lambda f: f[0])

    def load(self, session: Session, epoch: str | None, head: int) -> Snapshot | None:
        """The newest snapshot of this database at or before `head`, or None."""
        for seq, path, meta in reversed(self._complete()):
            if (
                meta.get("format") != FORMAT
                or meta.get("epoch") != epoch
                or epoch is None
                or seq > head
                or meta.get("committed_at") != _committed_at(session, seq)
            ):
                continue
            try:
                columns = read_columns(path / "columns")
                vocab = [uuid.UUID(m) for m in meta["ministries"]]
                codes = np.load(path / "ministry.npy", allow_pickle=False)
            except (OSError, ValueError, KeyError) as exc:
                log.warning("market snapshot %s not read: %s", path.name, exc)
                continue
            if len(codes) != len(columns):
                continue
            return Snapshot(seq, columns, [vocab[c] for c in codes.tolist()])
        return None

    def save(
        self,
        session: Session,
        epoch: str | None,
        seq: int,
        columns: PoolColumns,
        ministries: Sequence[uuid.UUID],
    ) -> None:
        """Write the columns read at `seq` as the newest snapshot and drop the older ones. A
        failure (a full disk) is logged and leaves the service as it was: without snapshot."""
        if epoch is None:
            return
        name = uuid.uuid4().hex
        tmp, written = self.dir / f"tmp-{name}", self.dir / f"snap-{seq:012d}-{name}"
        try:
            tmp.mkdir(parents=True, mode=0o700)
            vocab = sorted(set(ministries))
            number = {m: i for i, m in enumerate(vocab)}
            np.save(tmp / "ministry.npy", np.array([number[m] for m in ministries], np.int32))
            write_columns(tmp / "columns", columns)
            meta = {
                "format": FORMAT,
                "epoch": epoch,
                "seq": seq,
                "committed_at": _committed_at(session, seq),
                "ministries": [str(m) for m in vocab],
                "pools": len(columns),
            }
            (tmp / _META).write_text(json.dumps(meta))  # last: its presence marks it complete
            os.replace(tmp, written)
        except OSError as exc:
            log.warning("market snapshot not written: %s", exc)
            shutil.rmtree(tmp, ignore_errors=True)
            return
        # The one just written holds the database as it is: any other is older (or of a
        # state since restored away).
        for _, path, _ in self._complete():
            if path != written:
                shutil.rmtree(path, ignore_errors=True)
        for stale in self.dir.glob("tmp-*"):  # left by a process killed mid-write
            shutil.rmtree(stale, ignore_errors=True)


def store(root: Path | None, session: Session) -> Store | None:
    if root is None:
        return None
    return Store(root, session.get_bind().engine.url.render_as_string(hide_password=True))
