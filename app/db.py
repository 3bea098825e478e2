"""Database engine, sessions and the declarative base with a constraint naming convention."""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Engine,
    Executable,
    Integer,
    MetaData,
    Table,
    Uuid,
    create_engine,
    event,
    insert,
    select,
)
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    declared_attr,
    mapped_column,
    sessionmaker,
)

from app.config import Settings

log = logging.getLogger("imdi.db")

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


def table_of(model: type[Base]) -> Table:
    """A model's table. Declarative types `__table__` as a FromClause, since a mapping may be
    of a join or a subquery; every model here maps a plain Table."""
    return cast(Table, model.__table__)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Versioned:
    """Columns of a row its writers change under optimistic concurrency: every UPDATE names the
    version it read and bumps it (a concurrent writer's flush fails, StaleDataError: a 409)."""

    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


def as_utc(value: datetime) -> datetime:
    """A stored time with its UTC offset: SQLite hands back naive datetimes, stored in UTC (an
    aware value is returned as it is)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


#: Ids per IN (...) list: well under SQLite's 32,766 bound parameters, and a plan PostgreSQL
#: still prices well.
IDS_PER_QUERY = 2000


def in_chunks(ids: Sequence[uuid.UUID], size: int = IDS_PER_QUERY) -> Iterator[Sequence[uuid.UUID]]:
    """`ids` in slices for IN (...) lists of bounded length."""
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


Row = TypeVar("Row", bound=Base)


def rows_by_id(session: Session, model: type[Row], ids: Iterable[uuid.UUID]) -> dict[Any, Row]:
    """The rows of `model` with these ids, in one query (none when no id is asked for)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    key = table_of(model).c.id
    return {i: row for i, row in session.execute(select(key, model).where(key.in_(wanted)))}


def new_id() -> uuid.UUID:
    return uuid.uuid4()


#: How long a SQLite writer waits for the write lock before giving up (a 503 then, see
#: app.errors): writers queue one at a time, so this bounds the queue a burst can build.
SQLITE_BUSY_TIMEOUT = 30.0
#: How long bookkeeping written beside a request (write_aside) waits for SQLite's write lock.
ASIDE_BUSY_TIMEOUT_MS = 200
#: Seconds to wait for a PostgreSQL connection: an unreachable server is a prompt 503, not a
#: request that hangs on a silent network.
PG_CONNECT_TIMEOUT = 10


def make_engine(
    url: str, *, sqlite_busy_timeout: float = SQLITE_BUSY_TIMEOUT, **kwargs: Any
) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            # Writers waiting for the lock each hold a connection: enough of them that the
            # readers beside a queue of writers still get one (a SQLite connection is cheap).
            kwargs.setdefault("pool_size", 20)
            kwargs.setdefault("max_overflow", 40)
        engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)
        busy_ms = int(sqlite_busy_timeout * 1000)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # SQLite leaves foreign keys off by default; WAL lets readers run beside a writer;
            # a writer finding the lock taken waits up to the busy timeout for it.
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute(f"PRAGMA busy_timeout={busy_ms}")
            cur.close()

        return engine
    # As many pooled connections as a process serves requests at once (the thread pool's 40
    # tokens are mostly waiting on the database): connections opened beyond the pool are
    # closed on return, and opening one costs more than the read it serves.
    kwargs.setdefault("pool_size", 20)
    kwargs.setdefault("max_overflow", 20)
    if "connect_timeout" not in url:
        kwargs.setdefault("connect_args", {"connect_timeout": PG_CONNECT_TIMEOUT})
    engine = create_engine(url, **kwargs)
    if not kwargs.get("pool_pre_ping"):
        _ping_when_idle(engine)
    return engine


#: A pooled connection idle longer than this is pinged before use (see _ping_when_idle).
IDLE_PING_AFTER = 1.0


def _ping_when_idle(engine: Engine) -> None:
    """A connection found dead at checkout (the server restarted, the network dropped) is
    replaced, so the service recovers from an outage without a restart. Only connections
    idle for a while are pinged: under load every request would otherwise pay a round trip
    for a connection it returned a moment ago (a dead one among those is a 503, and the
    disconnect it raises empties the pool of its siblings)."""

    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_conn: Any, record: Any) -> None:
        record.info["imdi.idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("imdi.idle_since")
        if since is None or time.monotonic() - since < IDLE_PING_AFTER:
            return
        try:
            engine.dialect.do_ping(dbapi_conn)
        except engine.dialect.loaded_dbapi.Error as exc:
            raise DisconnectionError(str(exc)) from exc  # the pool connects afresh


#: The session.info key of the unit of work's settings.
SETTINGS = "imdi.settings"


def settings_of(session: Session) -> Settings:
    """The settings of this unit of work: the one channel services read them through (the
    request boundary sets the app's, Database sessions carry the database's)."""
    settings = session.info.get(SETTINGS)
    if not isinstance(settings, Settings):
        raise RuntimeError("a session made outside app.db.Database carries no settings")
    return settings


class Database:
    """An engine and its session factory; one per application (tests make their own)."""

    def __init__(self, url: str, settings: Settings | None = None, **engine_kwargs: Any) -> None:
        self.url = url
        # Every unit of work carries the settings it runs under (settings_of): the app's own in
        # a server, the environment's for a script or benchmark that names none.
        self.settings = settings if settings is not None else Settings(database_url=url)
        self.engine = make_engine(url, **engine_kwargs)
        self.sessionmaker = sessionmaker(
            self.engine, expire_on_commit=False, info={SETTINGS: self.settings}
        )

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


#: session.info flag: take the write lock before the session's first write (set for requests
#: that may write); and the marker that it is held.
LOCK_ON_FIRST_WRITE = "imdi.lock_on_first_write"
_LOCK_HELD = "imdi.write_lock_held"


def serialise_writes(session: Session) -> None:
    """SQLite: take the database's write lock now (released at commit or rollback).

    SQLite has one writer at a time anyway; taking its lock by BEGIN IMMEDIATE before the
    first write means that what the writer reads next is read under it too, and a writer
    finding it taken waits (the busy timeout) and queues, where a deferred transaction
    upgrading to a write could fail at once with "database is locked".
    PostgreSQL: nothing. There is no global write lock: writes re-rank nothing (rankings are
    computed on read), so row locks (approvals) and unique constraints (identities,
    idempotency keys) serialise exactly what must be, and two ministries' uploads, or an
    upload and an approval, run side by side.
    """
    if session.info.get(_LOCK_HELD):
        return
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        connection = session.connection()
        # pysqlite opens a transaction only before a write: once one is open, this
        # connection holds the write lock already.
        if not connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
            connection.exec_driver_sql("BEGIN IMMEDIATE")
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


#: SQLite reports mistakes in the SQL itself as OperationalError too: those are bugs (a 500).
_SQL_MISTAKES = (
    "syntax error",
    "no such column",
    "has no column named",
    "no such function",
    "wrong number of arguments",
)
#: PostgreSQL errors that a retry may clear: a lock not granted in time, a cancelled statement,
#: a deadlock or serialization failure (class 40).
_PG_BUSY = ("55P03", "57014")


def database_trouble(exc: BaseException) -> Literal["busy", "unreachable"] | None:
    """Whether an error, or one that led to it, says that the database is busy (its write lock
    or a pooled connection not had in time) or cannot be used at all (down, unreachable, the
    connection lost, its file unreadable); None for any other error, a bug or a conflict."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, PoolTimeout):
            return "busy"
        if isinstance(current, DBAPIError):
            if current.connection_invalidated or isinstance(current, InterfaceError):
                return "unreachable"
            if isinstance(current, OperationalError):
                message = str(current.orig).lower()
                sqlstate = str(getattr(current.orig, "sqlstate", None) or "")
                if "locked" in message or "busy" in message:
                    return "busy"
                if sqlstate.startswith("40") or sqlstate in _PG_BUSY:
                    return "busy"
                if any(mistake in message for mistake in _SQL_MISTAKES):
                    return None
                return "unreachable"
            return None
        current = current.__cause__ or current.__context__
    return None


def write_aside(session: Session, statement: Executable) -> bool:
    """Bookkeeping (a key's last use, a session's last sight) in a transaction of its own, best
    effort: a reader must not wait behind a queue of writers, nor fail, for a timestamp. On
    SQLite it waits for the write lock ASIDE_BUSY_TIMEOUT_MS at most, then skips the write
    (the next request writes it). Returns whether it was written."""
    # A connection of its own (`.engine`: the session's bind may be a Connection, by its type).
    with session.get_bind().engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        previous = int(conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one()) if sqlite else None
        try:
            if sqlite:
                conn.exec_driver_sql(f"PRAGMA busy_timeout={ASIDE_BUSY_TIMEOUT_MS}")
            conn.execute(statement)
            conn.commit()
            return True
        except DBAPIError as exc:
            if database_trouble(exc) != "busy":
                raise
            conn.rollback()
            log.info("bookkeeping skipped, the database is busy: %s", exc.orig)
            return False
        finally:
            if previous is not None and not conn.invalidated:
                conn.exec_driver_sql(f"PRAGMA busy_timeout={previous}")


def bulk_insert(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """Insert many rows of one table in one statement, in the session's transaction.

    PostgreSQL: COPY (text format, the row's columns as given; the server parses nothing
    per statement, which for a survey wave's ~150,000 skill shares is ~10x the speed of
    batched INSERTs). Elsewhere: one executemany INSERT. Rows must all have the same keys and
    carry every value the table has no server default for (no Python-side defaults run).
    """
    if not rows:
        return
    if session.get_bind().dialect.name != "postgresql":
        session.execute(insert(model), rows)
        return
    session.flush()  # what the ORM holds pending goes first (foreign keys, in order)
    table = table_of(model)
    names = list(rows[0])
    # COPY takes JSON as its text; psycopg would send a Python list as an array literal.
    as_json = [isinstance(table.c[n].type, JSON) for n in names]
    cursor = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
            if not any(as_json):
                for row in rows:
                    copy.write_row([row[n] for n in names])
                return
            for row in rows:
                copy.write_row(
                    [
                        json.dumps(row[n]) if j and row[n] is not None else row[n]
                        for n, j in zip(names, as_json, strict=True)
                    ]
                )
    finally:
        cursor.close()
