"""Market snapshots (app/matches/snapshots.py): a market whose pools come from a snapshot,
caught up through the feed, ranks exactly as one read from the database; a snapshot of
another state of the database (a restore) or a damaged one is never used."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from app import changes
from app.changes.models import ChangeBatch
from app.config import Settings
from app.matches import live, snapshots
from app.pools.models import Pool
from tests.matches.test_live_market import _all_rankings


def _settings(db, snapshot_dir: Path | None) -> Settings:
    return Settings(environment="test", database_url=db.url, market_snapshot_dir=snapshot_dir)


def _snaps(root: Path) -> list[Path]:
    return sorted(root.glob("*/snap-*"))


def _change_pools(db) -> None:
    with db.session() as s:
        pools = list(s.scalars(select(Pool).where(Pool.status == "active").order_by(Pool.id)))
        pools[0].headcount *= 3
        pools[1].status = "withdrawn"
        pools[2].experience_years = (pools[2].experience_years or 0) + 5
        s.commit()


def test_a_market_from_a_snapshot_ranks_as_one_from_the_database(
    demo_database, tmp_path: Path
) -> None:
    with_snapshot = _settings(demo_database, tmp_path)
    with demo_database.session() as s:
        live.forget(s)
    first = _all_rankings(demo_database, with_snapshot)  # reads the database, writes a snapshot
    assert len(_snaps(tmp_path)) == 1
    with demo_database.session() as s:
        seq_before = changes.head(s)[0]
    _change_pools(demo_database)
    # A second process (or a restart): pools from the snapshot, caught up through the feed.
    with demo_database.session() as s:
        live.forget(s)
        market = live.current(s, with_snapshot)
        assert market.seq > seq_before  # caught up past the snapshot
    from_snapshot = _all_rankings(demo_database, with_snapshot)
    with demo_database.session() as s:
        live.forget(s)
    from_database = _all_rankings(demo_database, _settings(demo_database, None))
    assert from_snapshot == from_database
    assert from_snapshot != first  # the changes show
    # Loading wrote nothing new: the one snapshot is still the only one.
    assert len(_snaps(tmp_path)) == 1


def test_a_snapshot_of_another_state_or_damaged_is_not_used(demo_database, tmp_path: Path) -> None:
    settings = _settings(demo_database, tmp_path)
    with demo_database.session() as s:
        live.forget(s)
        live.current(s, settings)
        seq, epoch = changes.head(s)
        store = snapshots.store(tmp_path, s)
        assert store is not None and store.load(s, epoch, seq) is not None
        assert store.load(s, "another-epoch", seq) is None
        assert store.load(s, epoch, seq - 1) is None  # taken after this head
        # A restore from another backup: the batch the snapshot was taken at differs.
        batch = s.get(ChangeBatch, seq)
        batch.committed_at -= timedelta(days=1)
        s.commit()
        assert store.load(s, epoch, seq) is None
        # The next build reads the database and replaces the snapshot.
        live.forget(s)
        live.current(s, settings)
    [snap] = _snaps(tmp_path)
    with demo_database.session() as s:
        assert store.load(s, epoch, seq) is not None
        (snap / "columns" / "skill_share.npy").unlink()  # damaged
        assert store.load(s, epoch, seq) is None


def test_without_a_snapshot_directory_nothing_is_written(demo_database, tmp_path: Path) -> None:
    with demo_database.session() as s:
        live.forget(s)
        assert snapshots.store(None, s) is None
        live.current(s, _settings(demo_database, None))
    assert list(tmp_path.iterdir()) == []
