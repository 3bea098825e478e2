"""A busy or unreachable database: concurrent writers on SQLite queue for the write lock rather
than fail, a lock not had in time is a 503 with Retry-After, and so is a database outage (a
PostgreSQL cut off behind a proxy), after which the same app serves again without a restart.
Never a 500 (issue 13, items 5 and 6)."""

from __future__ import annotations

import contextlib
import socket
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from app.auth.models import ApiKey
from app.auth.ratelimit import FAILED_AUTH
from app.db import SQLITE_BUSY_TIMEOUT, Database, database_trouble, write_aside
from app.decisions.models import Decision
from app.errors import PROBLEM_JSON, RETRY_AFTER_SECONDS
from app.matches import service as matches
from app.matches.service import RankedMatch
from app.vacancies.models import Vacancy
from tests.conftest import BASE_URL, make_test_app
from tests.market import eligible
from tests.web.conftest import OFFICER, csrf_of, sign_in


def _officer(demo_keys) -> dict[str, str]:
    return next(iter(demo_keys["officer"].values()))


def _password(demo_users, email: str) -> str:
    return next(u["password"] for u in demo_users if u["email"] == email)


def _pairs_of_distinct_vacancies(db: Database, n: int) -> list[RankedMatch]:
    """n eligible pairs (as ranked now), one per vacancy, whose vacancies then have openings
    to spare."""
    first: dict[Any, RankedMatch] = {}
    for m in eligible(db, 5):
        first.setdefault(m.vacancy_id, m)
    pairs = list(first.values())[:n]
    assert len(pairs) == n, f"the demo data has {len(pairs)} vacancies with a pair, {n} needed"
    with db.session() as s:
        for m in pairs:
            s.get(Vacancy, m.vacancy_id).openings = 100
        s.commit()
    return pairs


def _approve(client: TestClient, headers: dict[str, str], match_id: Any):
    return client.post(
        f"/api/v1/matches/{match_id}/decisions",
        headers=headers,
        json={"decision": "approved", "headcount": 1},
    )


def _approvals(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).where(Decision.decision == "approved")) or 0)


def _assert_unavailable(r, code: str) -> None:
    assert r.status_code == 503, r.text
    assert r.headers["retry-after"] == str(RETRY_AFTER_SECONDS)
    assert r.headers["content-type"].startswith(PROBLEM_JSON)
    body = r.json()
    assert body["status"] == 503 and body["code"] == code, body


def _assert_unavailable_page(r) -> None:
    assert r.status_code == 503, r.text
    assert r.headers["retry-after"] == str(RETRY_AFTER_SECONDS)
    assert r.headers["content-type"].startswith("text/html")
    assert "Temporarily unavailable" in r.text and "retry" in r.text


# ---- SQLite: concurrent writers queue for the write lock -----------------------------------

#: Seconds each approval holds the write lock beyond its own work (as a slow disk or a large
#: transaction would): twelve of them queue for longer than SQLite's old busy timeout (10 s),
#: which is when they answered 500 "database is locked".
HOLD = 1.0
CONCURRENT = 12


def test_concurrent_approvals_on_sqlite_queue_for_the_write_lock(
    backend, demo_database, demo_keys, monkeypatch
) -> None:
    if backend.name != "sqlite":
        pytest.skip("SQLite's write lock; PostgreSQL's writers are raced in tests/reviews")
    pairs = _pairs_of_distinct_vacancies(demo_database, CONCURRENT)
    remember = matches.remember

    def slow_remember(*args: Any, **kwargs: Any) -> Any:
        out = remember(*args, **kwargs)  # the approval's match row, under its locks
        time.sleep(HOLD)  # still in the transaction: the write lock is held
        return out

    monkeypatch.setattr(matches, "remember", slow_remember)
    app = make_test_app(demo_database)
    officer = _officer(demo_keys)
    barrier = threading.Barrier(CONCURRENT)
    results: list[Any] = [None] * CONCURRENT

    def go(i: int, match_id: Any) -> None:
        with TestClient(app, base_url=BASE_URL, raise_server_exceptions=False) as c:
            barrier.wait()
            started = time.monotonic()
            r = _approve(c, officer, match_id)
            results[i] = (r.status_code, round(time.monotonic() - started, 1), r.text[:200])

    threads = [threading.Thread(target=go, args=(i, m.id)) for i, m in enumerate(pairs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses = Counter(status for status, _, _ in results)
    print(
        f"\n{CONCURRENT} concurrent approvals on SQLite: {dict(statuses)}; seconds: "
        f"{sorted(seconds for _, seconds, _ in results)}"
    )
    assert set(statuses) <= {201, 409}, results
    # They queued: the last waited for all the others, longer than the old busy timeout.
    assert max(seconds for _, seconds, _ in results) >= (CONCURRENT - 1) * HOLD, results
    assert _approvals(demo_database) == statuses[201]
    assert statuses[201] == CONCURRENT, results  # one worker of 100 openings each: all fit


class _WriteLock:
    """The SQLite write lock, held by another connection (as another process would)."""

    def __init__(self, url: str) -> None:
        self.conn = sqlite3.connect(url.split("///", 1)[1], isolation_level=None)

    def __enter__(self) -> _WriteLock:
        self.conn.execute("BEGIN IMMEDIATE")
        return self

    def __exit__(self, *_exc: object) -> None:
        self.conn.rollback()
        self.conn.close()


def test_a_write_lock_not_had_in_time_is_a_503_and_readers_carry_on(
    backend, demo_db_url, demo_keys, demo_users
) -> None:
    if backend.name != "sqlite":
        pytest.skip("SQLite's busy timeout")
    FAILED_AUTH.reset()
    db = Database(demo_db_url, sqlite_busy_timeout=0.5)
    try:
        (pair,) = _pairs_of_distinct_vacancies(db, 1)
        officer = _officer(demo_keys)
        with TestClient(make_test_app(db), base_url=BASE_URL, raise_server_exceptions=False) as c:
            assert c.get("/api/v1/vacancies", headers=officer).status_code == 200
            signin_form = c.get("/signin").text
            with _WriteLock(demo_db_url):
                _assert_unavailable(_approve(c, officer, pair.id), "database_busy")
                # The web: a sign-in writes its session row.
                r = c.post(
                    "/signin",
                    data={
                        "csrf_token": csrf_of(signin_form),
                        "email": OFFICER,
                        "password": _password(demo_users, OFFICER),
                        "next": "/",
                    },
                    follow_redirects=False,
                )
                _assert_unavailable_page(r)
                # Readers are not held up by a writer (WAL).
                assert c.get("/healthz").status_code == 200
                assert c.get("/api/v1/vacancies", headers=officer).status_code == 200
            assert _approve(c, officer, pair.id).status_code == 201
            sign_in(c, OFFICER, _password(demo_users, OFFICER))
            assert c.get("/").status_code == 200
        assert _approvals(db) == 1
    finally:
        db.dispose()


def test_bookkeeping_beside_a_read_does_not_wait_for_the_write_lock(
    backend, demo_database, demo_keys
) -> None:
    """A key's last use is written aside, best effort: under a held write lock it is skipped
    at once rather than holding the reader up for the whole busy timeout (30 s)."""
    if backend.name != "sqlite":
        pytest.skip("SQLite's write lock")
    stamp = update(ApiKey).values(last_used_at=None)
    with demo_database.session() as s:
        with _WriteLock(demo_database.url):
            started = time.monotonic()
            assert write_aside(s, stamp) is False
            assert time.monotonic() - started < 2
        assert write_aside(s, stamp) is True
        # The connection's own busy timeout is back, for the writers that use it next.
        with demo_database.engine.connect() as conn:
            timeouts = {conn.exec_driver_sql("PRAGMA busy_timeout").scalar()}
        assert timeouts == {int(SQLITE_BUSY_TIMEOUT * 1000)}
    with demo_database.session() as s:
        assert s.scalar(select(func.count()).where(ApiKey.last_used_at.is_not(None))) == 0


# ---- an outage: a PostgreSQL cut off behind a proxy ----------------------------------------


class CuttableProxy:
    """A TCP proxy on 127.0.0.1, in threads. cut() closes its listener and every connection
    through it: to the app, the database is gone (the server itself runs on for the other
    tests). restore() listens again on the same port."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.port = 0
        self._stop = threading.Event()
        self._listener: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()

    def restore(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        listener.settimeout(0.05)  # the accept loop looks at its stop flag this often
        self.port = listener.getsockname()[1]
        self._listener, self._stop = listener, threading.Event()
        self._thread = threading.Thread(target=self._accept, args=(listener, self._stop))
        self._thread.daemon = True
        self._thread.start()

    start = restore

    def cut(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._listener is not None:
            self._listener.close()
        with self._lock:
            sockets, self._sockets = self._sockets, set()
        for s in sockets:
            self._close(s)

    def _accept(self, listener: socket.socket, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets |= {client, upstream}
            for src, dst in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(src, dst), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            self._close(src)
            self._close(dst)

    @staticmethod
    def _close(s: socket.socket) -> None:
        with contextlib.suppress(OSError):
            s.shutdown(socket.SHUT_RDWR)
        s.close()


@pytest.fixture
def proxied_database(backend, demo_db_url) -> Iterator[tuple[Database, CuttableProxy]]:
    if backend.name != "postgresql":
        pytest.skip("an outage of a database server; SQLite's busy database is tested above")
    url = make_url(demo_db_url)
    proxy = CuttableProxy(url.host or "127.0.0.1", url.port or 5432)
    proxy.start()
    through = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    db = Database(through, pool_size=5)
    try:
        yield db, proxy
    finally:
        proxy.cut()
        db.dispose()


def test_an_outage_is_a_503_with_retry_after_and_recovery_needs_no_restart(
    proxied_database, demo_keys, demo_users
) -> None:
    db, proxy = proxied_database
    FAILED_AUTH.reset()
    pairs = _pairs_of_distinct_vacancies(db, 2)
    officer = _officer(demo_keys)
    seen: list[tuple[str, int]] = []

    def get(c: TestClient, path: str, **kwargs: Any):
        r = c.get(path, **kwargs)
        seen.append((f"GET {path}", r.status_code))
        return r

    def approve(c: TestClient, match_id: Any):
        r = _approve(c, officer, match_id)
        seen.append(("POST decision", r.status_code))
        return r

    with TestClient(make_test_app(db), base_url=BASE_URL, raise_server_exceptions=False) as c:
        sign_in(c, OFFICER, _password(demo_users, OFFICER))
        assert get(c, "/healthz").status_code == 200
        assert approve(c, pairs[0].id).status_code == 201

        proxy.cut()
        started = time.monotonic()
        _assert_unavailable(get(c, "/healthz"), "database_unreachable")
        _assert_unavailable(get(c, "/api/v1/vacancies", headers=officer), "database_unreachable")
        _assert_unavailable(approve(c, pairs[1].id), "database_unreachable")
        _assert_unavailable_page(get(c, "/"))
        _assert_unavailable_page(get(c, "/vacancies"))
        # Promptly: a refused connection is an answer at once, not a hang.
        assert time.monotonic() - started < 10

        proxy.restore()
        # The same app, the same engine: its pool replaces the dead connections.
        assert get(c, "/healthz").status_code == 200
        assert get(c, "/api/v1/vacancies", headers=officer).status_code == 200
        assert approve(c, pairs[1].id).status_code == 201
        assert get(c, "/").status_code == 200
    print(f"\noutage via the proxy: {seen}")
    assert _approvals(db) == 2


# ---- which errors are the database's state, and which are bugs -----------------------------


def _sqlite_error(message: str) -> OperationalError:
    return OperationalError("SELECT 1", {}, sqlite3.OperationalError(message))


@pytest.mark.parametrize(
    ("exc", "trouble"),
    [
        (_sqlite_error("database is locked"), "busy"),
        (PoolTimeout("QueuePool limit of size 5 overflow 10 reached"), "busy"),
        (
            OperationalError("SELECT 1", {}, psycopg.OperationalError("connection refused")),
            "unreachable",
        ),
        (_sqlite_error("unable to open database file"), "unreachable"),
        (_sqlite_error("disk I/O error"), "unreachable"),
        (_sqlite_error("no such column: vacancies.nothing"), None),
        (_sqlite_error('near "SELEC": syntax error'), None),
        (IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed")), None),
        (ValueError("not the database"), None),
    ],
)
def test_database_trouble_tells_the_state_of_the_database_from_bugs(
    exc: BaseException, trouble: str | None
) -> None:
    assert database_trouble(exc) == trouble


def test_database_trouble_looks_at_what_caused_an_error() -> None:
    try:
        try:
            raise _sqlite_error("database is locked")
        except OperationalError as inner:
            raise RuntimeError("while saving") from inner
    except RuntimeError as outer:
        assert database_trouble(outer) == "busy"


# ---- pooled connections: pinged only after idling ---------------------------------------------


def test_a_pooled_connection_the_server_closed_while_idle_is_replaced_at_checkout(
    database, monkeypatch
) -> None:
    if database.engine.dialect.name != "postgresql":
        pytest.skip("a PostgreSQL server closing a pooled connection")
    import app.db as db_module

    with database.engine.connect() as conn:
        pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
    # The server ends that backend (an idle timeout, a restart, a failover) while it is pooled.
    libpq = make_url(database.url).set(drivername="postgresql")
    with psycopg.connect(libpq.render_as_string(hide_password=False), autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", (pid,))
    monkeypatch.setattr(db_module, "IDLE_PING_AFTER", 0.0)
    time.sleep(0.05)
    seen = set()
    for _ in range(2):  # whichever pooled connection checkout hands out next, it works
        with database.engine.connect() as conn:
            seen.add(conn.exec_driver_sql("SELECT pg_backend_pid()").scalar())
    assert pid not in seen


def test_a_connection_returned_a_moment_ago_is_not_pinged(database, monkeypatch) -> None:
    if database.engine.dialect.name != "postgresql":
        pytest.skip("the ping is PostgreSQL's")
    pings: list[object] = []
    real = database.engine.dialect.do_ping
    monkeypatch.setattr(
        database.engine.dialect, "do_ping", lambda conn: pings.append(conn) or real(conn)
    )
    with database.engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1")
    with database.engine.connect() as conn:  # returned just now: no round trip to check it
        conn.exec_driver_sql("SELECT 2")
    assert pings == []
    import app.db as db_module

    monkeypatch.setattr(db_module, "IDLE_PING_AFTER", 0.0)
    with database.engine.connect() as conn:  # idle "long enough": pinged first
        conn.exec_driver_sql("SELECT 3")
    assert len(pings) == 1
