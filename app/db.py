"""Database engine, sessions and the declarative base with a constraint naming convention."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Engine,
    MetaData,
    Uuid,
    create_engine,
    event,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

# Deterministic constraint names so that migrations can address them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        dict[str, Any]: JSON,
        list[Any]: JSON,
        datetime: DateTime(timezone=True),
        date: Date,
        uuid.UUID: Uuid,
    }


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """A stored time with its UTC offset: SQLite hands back naive datetimes, stored in UTC (an
    aware value is returned as it is)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def new_id() -> uuid.UUID:
    return uuid.uuid4()


def make_engine(url: str, **kwargs: Any) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # SQLite leaves foreign keys off by default; WAL lets readers run beside a writer.
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=10000")
            cur.close()

        return engine
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    return create_engine(url, **kwargs)


class Database:
    """An engine and its session factory; one per application (tests make their own)."""

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = url
        self.engine = make_engine(url, **engine_kwargs)
        self.sessionmaker = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        return self.sessionmaker()

    @contextmanager
    def transaction(self, *, writes: bool = True) -> Iterator[Session]:
        """One unit of work: `with db.transaction() as session:` commits when the block ends
        normally and rolls back on any error (a `return` inside the block commits too).
        `writes`: take the write lock before the first write (see serialise_writes)."""
        with self.sessionmaker() as session:
            session.info[LOCK_ON_FIRST_WRITE] = writes
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def dispose(self) -> None:
        self.engine.dispose()


#: Key of the PostgreSQL advisory lock that serialises the writes that re-rank matches.
WRITE_LOCK_KEY = 0x696D6469  # "imdi"
#: session.info flag: take the write lock before the session's first write (set for requests
#: that may write); and the marker that it is held.
LOCK_ON_FIRST_WRITE = "imdi.lock_on_first_write"
_LOCK_HELD = "imdi.write_lock_held"


def serialise_writes(session: Session) -> None:
    """Take the transaction-scoped write lock (PostgreSQL; released at commit or rollback).

    Every write re-ranks stored matches: a destination's vacancies, a pool's pairs. Two writes
    re-ranking overlapping rows in different orders would deadlock on the matches rows, so
    writers take this lock before their first row lock and re-rank one at a time. SQLite
    serialises writers by itself.
    """
    if session.info.get(_LOCK_HELD) or session.get_bind().dialect.name != "postgresql":
        return
    # On the connection, not the session: no autoflush, so this is safe inside a flush.
    session.connection().execute(
        text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY}
    )
    session.info[_LOCK_HELD] = True


@event.listens_for(Session, "before_flush")
def _lock_before_flush(session: Session, _context: Any, _instances: Any) -> None:
    # Taken lazily, at the first write, so that a request streaming an upload or solving an
    # allocation does not hold every other writer up while it reads or computes.
    if session.info.get(LOCK_ON_FIRST_WRITE):
        serialise_writes(session)


@event.listens_for(Session, "do_orm_execute")
def _lock_before_dml(state: Any) -> None:
    if state.session.info.get(LOCK_ON_FIRST_WRITE) and (
        state.is_insert or state.is_update or state.is_delete
    ):
        serialise_writes(state.session)


@event.listens_for(Session, "after_transaction_end")
def _lock_released(session: Session, transaction: Any) -> None:
    if transaction.parent is None:  # the outermost transaction: the lock went with it
        session.info.pop(_LOCK_HELD, None)
