"""HTTP load benchmark: ranked matches of one vacancy (stored matches) under concurrent clients.

Starts the real server (uvicorn, separate process) on loopback against a fresh demo database,
then runs a bounded number of requests from N concurrent clients and prints throughput and
latency percentiles. Target (design section 11): p95 <= 50 ms under 50 concurrent clients.

    python -m bench.bench_http                       # SQLite
    python -m bench.bench_http --db postgresql       # PostgreSQL on 127.0.0.1:5432
    python -m bench.bench_http --requests 500 --concurrency 10   # quick

Traffic goes to 127.0.0.1 only; the run stops after --requests or --max-seconds, whichever
comes first.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from app.config import PROJECT_ROOT, Settings
from app.db import Database
from app.matches.models import Match
from app.migrate import upgrade
from app.seed import seed
from bench.results import write_section

PG_ADMIN = os.environ.get(
    "IMDI_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pg_admin(sql: str) -> None:
    engine = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()


def prepare(kind: str, workdir: Path) -> tuple[str, str]:
    """A migrated, seeded demo database; returns (url, dbname for clean-up)."""
    if kind == "sqlite":
        url = f"sqlite:///{workdir / 'bench.db'}"
        name = ""
    else:
        name = f"imdi_bench_{uuid.uuid4().hex[:8]}"
        _pg_admin(f'CREATE DATABASE "{name}"')
        url = make_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    db = Database(url, Settings(environment="development", database_url=url))
    with db.transaction() as session:
        seed(session, demo=True)
    db.dispose()
    return url, name


def busiest_vacancy(url: str) -> tuple[str, int]:
    db = Database(url)
    with db.session() as s:
        vid, n = s.execute(
            select(Match.vacancy_id, func.count())
            .where(Match.eligible.is_(True))
            .group_by(Match.vacancy_id)
            .order_by(func.count().desc())
        ).first()
    db.dispose()
    return str(vid), int(n)


def officer_key() -> str:
    users = json.loads((PROJECT_ROOT / "seed_data/demo/organisations.json").read_text())["users"]
    return next(u["api_key"] for u in users if u["role"] == "officer")


async def load(
    url: str, headers: dict[str, str], total: int, concurrency: int, max_seconds: float
) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    remaining = total
    deadline = time.perf_counter() + max_seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=30.0) as client:

        async def worker() -> None:
            nonlocal remaining, errors
            while remaining > 0 and time.perf_counter() < deadline:
                remaining -= 1
                t0 = time.perf_counter()
                r = await client.get(url, headers=headers)
                latencies.append(time.perf_counter() - t0)
                if r.status_code != 200:
                    errors += 1

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    return latencies, errors, elapsed


def pct(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]
        if len(values) > 1
        else values[0]
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    ap.add_argument("--requests", type=int, default=5000)
    ap.add_argument("--concurrency", type=int, default=50)
    ap.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    ap.add_argument("--limit", type=int, default=50, help="matches per page")
    ap.add_argument("--max-seconds", type=float, default=120.0)
    ap.add_argument("--write", action="store_true", help="record in bench/RESULTS.md")
    args = ap.parse_args()

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        url, pg_name = prepare(args.db, Path(tmp))
        port = _free_port()
        env = dict(
            os.environ, DATABASE_URL=url, IMDI_ENVIRONMENT="development", IMDI_LOG_LEVEL="WARNING"
        )
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "app.main:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                str(args.workers),
                "--log-level",
                "warning",
                "--no-access-log",
            ],
            env=env,
            cwd=PROJECT_ROOT,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(200):
                try:
                    if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                time.sleep(0.1)
            vid, n_matches = busiest_vacancy(url)
            headers = {"Authorization": f"Bearer {officer_key()}"}
            target = f"{base}/api/v1/vacancies/{vid}/matches?limit={args.limit}"
            # Warm-up: first requests open pools and connections.
            asyncio.run(load(target, headers, 50, min(10, args.concurrency), 30))
            lat, errors, elapsed = asyncio.run(
                load(target, headers, args.requests, args.concurrency, args.max_seconds)
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
            if pg_name:
                _pg_admin(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')

    ms = [x * 1000 for x in lat]
    lines = [
        f"cores: {os.cpu_count()}, load average before/after: {load_before:.1f} / "
        f"{os.getloadavg()[0]:.1f}; database: {args.db}; uvicorn workers: {args.workers}",
        f"GET /api/v1/vacancies/{{id}}/matches?limit={args.limit} (a vacancy with {n_matches} "
        "eligible matches), client on the same machine",
        f"requests: {len(ms)}, errors: {errors}, concurrency: {args.concurrency}, wall: "
        f"{elapsed:.1f} s, throughput: {len(ms) / elapsed:.0f} req/s",
        f"latency ms: p50 {pct(ms, 50):.1f}, p95 {pct(ms, 95):.1f}, p99 {pct(ms, 99):.1f}, "
        f"max {max(ms):.1f}",
    ]
    print("\n".join(lines))
    if args.write:
        write_section(f"HTTP ({args.db})", "\n".join(f"- {line}" for line in lines))
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
