"""Webhooks: what the outbox costs a write, and how fast the worker delivers (issue 16).

    .venv/bin/python -m bench.bench_webhooks                    # SQLite file, 20,000 events
    .venv/bin/python -m bench.bench_webhooks --postgres --write  # PostgreSQL, records RESULTS.md

1. The write's cost: N one-row transactions (an audit event, as every write has) timed without
   and with the outbox's event; the difference is what a decision or a move pays for webhooks.
2. Delivery: the N events fanned out to E endpoints on a receiver on 127.0.0.1 (a process of
   its own that answers 204 at once), delivered by one worker (`imdi webhook-worker`'s loop, 8
   POSTs at a time): deliveries per second; then a steady stream of events with the worker
   running: the time from an event's commit to its receipt (p50, p95, max).
Traffic goes to 127.0.0.1 only. Run it alone: it measures wall time.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import queue
import statistics
import tempfile
import threading
import time
import uuid
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select, text

from app.audit.service import record
from app.auth.models import Organisation, User
from app.config import Settings
from app.db import Database
from app.migrate import upgrade
from app.webhooks.delivery import Worker
from app.webhooks.events import EventType, emit
from app.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint, WebhookEvent
from bench.results import write_section

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def _serve(port_out: Any, arrivals: Any) -> None:
    """The receiver, in a process of its own (it must not share the worker's interpreter):
    answers 204 at once and reports each delivery's webhook-id and arrival time."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length", 0)))
            arrivals.put((self.headers["webhook-id"], time.time()))
            self.send_response(204)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port_out.put(server.server_address[1])
    server.serve_forever()


class _Receiver:
    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.queue: Any = context.Queue()
        ports: Any = context.Queue()
        self.process = context.Process(target=_serve, args=(ports, self.queue), daemon=True)
        self.process.start()
        self.port = ports.get(timeout=30)
        self.arrived: dict[str, float] = {}  # webhook-id -> first arrival (time.time())
        self.count = 0

    def collect(self) -> None:
        while True:
            try:
                msg_id, at = self.queue.get(timeout=0.2)
            except queue.Empty:
                return
            self.count += 1
            self.arrived.setdefault(msg_id, at)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"


def _database(postgres: bool) -> tuple[str, Any]:
    if not postgres:
        path = Path(tempfile.mkdtemp()) / "webhooks.db"
        return f"sqlite:///{path}", None
    name = f"imdi_bench_wh_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    return PG_ADMIN.rsplit("/", 1)[0] + f"/{name}", (admin, name)


def _drop(handle: Any) -> None:
    if handle is None:
        return
    admin, name = handle
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _setup(db: Database, url: str, endpoints: int) -> uuid.UUID:
    with db.transaction() as s:
        org = Organisation(slug="bench-employer", name="Bench", kind="employer", country="DE")
        s.add(org)
        s.flush()
        user = User(
            email="bench@bench.example.org",
            name="bench",
            role="employer",
            organisation_id=org.id,
            password_hash="-",
        )
        s.add(user)
        s.flush()
        for n in range(endpoints):
            s.add(
                WebhookEndpoint(
                    organisation_id=org.id,
                    created_by_id=user.id,
                    url=f"{url}/{n}",
                    events=[EventType.DECISION_RECORDED.value],
                    secret="whsec_" + "A" * 43 + "=",
                )
            )
        return org.id


def _writes(db: Database, n: int, org: uuid.UUID, *, with_event: bool) -> float:
    """Seconds per one-row write transaction (an audit event; plus an outbox event)."""
    started = time.perf_counter()
    for i in range(n):
        with db.transaction() as s:
            record(s, None, "decide", "match", uuid.uuid4(), None, {"decision": "shortlisted"})
            if with_event:
                emit(
                    s,
                    EventType.DECISION_RECORDED,
                    {"decision_id": str(uuid.uuid4()), "decision": "shortlisted", "n": i},
                    organisation_id=org,
                )
    return (time.perf_counter() - started) / n


def _quantile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q * 100) - 1] if len(values) > 1 else values[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=20_000)
    ap.add_argument("--endpoints", type=int, default=4)
    ap.add_argument("--stream", type=int, default=300, help="events of the steady stream")
    ap.add_argument("--rate", type=float, default=50.0, help="the stream's events per second")
    ap.add_argument("--postgres", action="store_true")
    ap.add_argument("--write", action="store_true", help="record the figures in RESULTS.md")
    args = ap.parse_args()

    url, handle = _database(args.postgres)
    try:
        upgrade(url)
        settings = Settings(environment="development", database_url=url, webhook_poll_seconds=0.05)
        db = Database(url, settings)
        receiver = _Receiver()
        org = _setup(db, receiver.url, args.endpoints)
        writes = min(args.events, 2000)
        without = _writes(db, writes, org, with_event=False)
        with_event = _writes(db, writes, org, with_event=True)
        # The rest of the events, as fast as they can be written (the backlog the worker meets).
        with db.transaction() as s:
            for i in range(args.events - writes):
                emit(s, EventType.DECISION_RECORDED, {"n": i}, organisation_id=org)
        worker = Worker(db, settings)
        expected = args.events * args.endpoints
        started = time.perf_counter()
        while True:
            busy = worker.fan_out() + worker.deliver_due()
            if not busy:
                with db.session() as s:
                    left = s.scalar(
                        select(func.count())
                        .select_from(WebhookDelivery)
                        .where(WebhookDelivery.status != DeliveryStatus.SUCCEEDED.value)
                    )
                    undispatched = s.scalar(
                        select(func.count())
                        .select_from(WebhookEvent)
                        .where(WebhookEvent.dispatched_at.is_(None))
                    )
                if not left and not undispatched:
                    break
        seconds = time.perf_counter() - started
        receiver.collect()
        received = receiver.count
        # A steady stream with the worker running as `imdi webhook-worker` does: each event's
        # lag from its write's commit to its first receipt.
        stop = threading.Event()
        loop = threading.Thread(target=worker.run_forever, args=(stop,), daemon=True)
        loop.start()
        committed: dict[str, float] = {}
        for i in range(args.stream):
            with db.transaction() as s:
                event_id = uuid.uuid4()
                s.add(
                    WebhookEvent(
                        id=event_id,
                        type=EventType.DECISION_RECORDED.value,
                        data={"n": i},
                        organisation_id=org,
                    )
                )
            committed[str(event_id)] = time.time()
            time.sleep(1 / args.rate)
        deadline = time.monotonic() + 60
        while any(e not in receiver.arrived for e in committed) and time.monotonic() < deadline:
            receiver.collect()
        stop.set()
        loop.join(timeout=10)
        lags = [receiver.arrived[e] - t for e, t in committed.items() if e in receiver.arrived]
        db.dispose()
    finally:
        _drop(handle)

    backend = "PostgreSQL" if args.postgres else "SQLite"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    lines = [
        f"- {backend}, {os.cpu_count()} cores, load average at the end: {load}; "
        f"{datetime.now().date().isoformat()}",
        f"- a one-row write transaction: {without * 1000:.2f} ms; with its outbox event "
        f"{with_event * 1000:.2f} ms (+{(with_event - without) * 1000:.2f} ms), "
        f"{writes} of each",
        f"- delivery: {args.events:,} events x {args.endpoints} endpoints = {expected:,} "
        f"deliveries ({received:,} POSTs received) in {seconds:.1f} s by one worker: "
        f"{expected / seconds:,.0f} deliveries/s",
        f"- a steady stream ({args.stream} events at {args.rate:g}/s, {args.endpoints} "
        f"endpoints, worker polling every {settings.webhook_poll_seconds:g} s): commit to "
        f"receipt p50 {_quantile(lags, 0.5) * 1000:.0f} ms, p95 {_quantile(lags, 0.95) * 1000:.0f}"
        f" ms, max {max(lags) * 1000:.0f} ms ({len(lags)} of {args.stream} received)",
    ]
    print("\n".join(lines))
    if args.write:
        write_section(f"Webhooks ({backend})", "\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
