"""The service at national scale, end to end over HTTP on PostgreSQL (design section 11, issue
12): 1,000,000 active pools and 100,000 open vacancies stored, the real server with 2 workers,
every target measured from outside as a client would, on loopback.

    .venv/bin/python -m bench.bench_service --quick          # 20,000 pools (see below)
    .venv/bin/python -m bench.bench_service --write          # full size, records RESULTS.md
    .venv/bin/python -m bench.bench_service --build-only --keep      # build once ...
    .venv/bin/python -m bench.bench_service --reuse imdi_bench_1a2b3c4d   # ... run many times

The database comes from bench/bigdb.py (COPY from the seeded generator). The server is
`uvicorn app.main:create_app --factory --workers 2` with development settings; start-up is
timed to the first answer of /healthz and to the first ranked page. Then, each step bounded in
requests and seconds (a request that runs past its step's timeout is reported as "> N s (timed
out)", and the server is restarted so that its unfinished work cannot slow the next step):
post vacancies and read their ranked matches on the next GET; upload a pool table; approve
listed eligible matches; change a pathway (PATCH with If-Match) and an exchange rate; read one
vacancy's ranked matches under 50 concurrent clients with `wrk` (installed with apt-get when
missing); plan the allocation of the destination with the most open vacancies and adopt up to
100 assignments; upload microdata; and read the server's memory. A watchdog kills the server
when its resident memory passes --max-server-gb (the step then reports it), so a service that
loads too much cannot take the machine down.

--quick (20,000 pools, 2,000 vacancies, a 1,000-row upload, 10,000 microdata rows, shorter
timeouts) takes about a minute against a service that meets its targets; each step that times
out adds its timeout and a server restart (~10-20 s on a busy machine).

Runs change the database (vacancies, pools, decisions and uploads accumulate), so figures
from a --reuse database describe that database. Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import psycopg
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from app.config import PROJECT_ROOT
from app.db import Database
from app.migrate import upgrade
from app.taxonomy.models import Occupation
from app.vacancies.models import Vacancy as VacancyRow
from bench import bigdb
from bench.results import write_section
from bench.synthetic import make_pool_columns, make_vacancies, make_world
from matching.ranker import NO_DATE
from matching.records import CEFR_LEVELS, Vacancy

TITLE = "Service at national scale"
#: Targets of design section 11 (seconds unless said otherwise).
TARGETS = {
    "startup": 60.0,
    "post_p95": 0.100,
    "get_p95": 0.050,
    "upload": 10.0,
    "approval_p95": 0.050,
    "pathway": 10.0,
    "rate": 10.0,
    "wrk_p95": 0.050,
    "plan": 60.0,
    "adopt": 1.0,
    "microdata": 15.0,
    "microdata_mb": 500.0,
    "memory_gb": 4.0,
}


@dataclass(frozen=True)
class Size:
    pools: int
    vacancies: int
    upload_rows: int
    microdata_rows: int
    posts: int
    approvals: int
    wrk_seconds: int
    #: Per-request timeouts: quick requests (post, GET, approval) and long ones (the rest).
    short_timeout: float
    long_timeout: float
    plan_seconds: float  # the solver's time limit asked for


FULL = Size(1_000_000, 100_000, 10_000, 100_000, 20, 20, 20, 60.0, 180.0, 60.0)
QUICK = Size(20_000, 2_000, 1_000, 10_000, 5, 5, 5, 10.0, 20.0, 10.0)


# ---- figures -----------------------------------------------------------------------------------


@dataclass
class Figure:
    step: str
    value: str
    target: str
    verdict: str  # met | NOT met | timed out | killed | failed | skipped | -
    note: str = ""
    load: float = field(default_factory=lambda: os.getloadavg()[0])


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def _s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank, so a p95 of 20 values is the 19th)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def verdict(value: float, target: float) -> str:
    return "met" if value <= target else "NOT met"


# ---- the server --------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _children(pid: int) -> list[int]:
    """Every descendant of pid (from /proc), depth first."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry))
    out: list[int] = []
    stack = [pid]
    while stack:
        for child in parents.get(stack.pop(), []):
            out.append(child)
            stack.append(child)
    return out


def _status_kb(pid: int, key: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class ServerKilled(Exception):
    pass


class Server:
    """uvicorn with N workers on 127.0.0.1, in its own process group; a watchdog thread keeps
    its resident memory under a limit."""

    def __init__(self, url: str, workers: int, max_rss_mb: float, logdir: Path) -> None:
        self.url, self.workers, self.max_rss_mb = url, workers, max_rss_mb
        self.logdir = logdir
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.peak_rss_mb = 0.0
        self.killed: str | None = None
        self.starts = 0
        self.first_serving: float | None = None
        self._stop = threading.Event()
        self._watch: threading.Thread | None = None

    # -- processes --

    def pids(self) -> list[int]:
        if self.proc is None or self.proc.poll() is not None:
            return []
        return [self.proc.pid, *_children(self.proc.pid)]

    def workers_pids(self) -> list[int]:
        # uvicorn's workers are the master's children that are Python (not its resource tracker).
        return [p for p in self.pids()[1:] if _status_kb(p, "VmRSS") > 50_000]

    def rss_mb(self) -> float:
        return sum(_status_kb(p, "VmRSS") for p in self.pids()) / 1024

    def pss_mb(self) -> float:
        return sum(_pss_kb(p) for p in self.pids()) / 1024

    def start(self, timeout: float = 300.0) -> float:
        """Start and wait until every worker serves (/healthz answers and each worker logged
        its start-up complete); returns the seconds from spawn to then. The first worker's
        time is kept in `first_serving`."""
        env = dict(
            os.environ,
            DATABASE_URL=self.url,
            IMDI_ENVIRONMENT="development",
            IMDI_LOG_LEVEL="WARNING",
            # As a production server: the workers share one read of the pools, and a restart
            # loads them (app/matches/snapshots.py).
            IMDI_MARKET_SNAPSHOT_DIR=str(self.logdir / "market"),
        )
        env.pop("IMDI_DATABASE_URL", None)
        self.starts += 1
        log = (self.logdir / f"server-{self.starts}.log").open("wb")
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "app.main:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--workers",
                str(self.workers),
                # As `imdi serve`: a worker building its market is not hung.
                "--timeout-worker-healthcheck",
                "120",
                # info: uvicorn then logs a worker it restarts ("Child process [..] died").
                "--log-level",
                "info",
                "--no-access-log",
            ],
            env=env,
            cwd=PROJECT_ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped as one, by its id
        )
        log.close()
        self.killed = None
        self._stop.clear()
        self._watch = threading.Thread(target=self._watchdog, daemon=True)
        self._watch.start()
        deadline = t0 + timeout
        self.first_serving = None
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None or self.killed:
                raise RuntimeError(f"server exited at start-up: {self.log_tail()}")
            try:
                if self.first_serving is None and (
                    httpx.get(f"{self.base}/healthz", timeout=2).status_code == 200
                ):
                    self.first_serving = time.perf_counter() - t0
            except httpx.HTTPError:
                pass
            if self.first_serving is not None and self._started_workers() >= self.workers:
                return time.perf_counter() - t0
            time.sleep(0.1)
        raise RuntimeError(f"server not serving after {timeout:.0f} s: {self.log_tail()}")

    def _started_workers(self) -> int:
        path = self.logdir / f"server-{self.starts}.log"
        text = path.read_text(errors="replace") if path.exists() else ""
        return text.count("Application startup complete")

    def worker_deaths(self) -> int:
        """Workers uvicorn's supervisor replaced so far: it kills a worker that misses its
        health check (a pong thread that needs the GIL, default timeout 5 s)."""
        path = self.logdir / f"server-{self.starts}.log"
        text = path.read_text(errors="replace") if path.exists() else ""
        return len(re.findall(r"Child process \[\d+\] died", text))

    def log_tail(self, lines: int = 15) -> str:
        path = self.logdir / f"server-{self.starts}.log"
        text = path.read_text(errors="replace") if path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def _watchdog(self) -> None:
        while not self._stop.wait(0.25):
            rss = self.rss_mb()
            self.peak_rss_mb = max(self.peak_rss_mb, rss)
            if rss > self.max_rss_mb and self.proc is not None:
                self.killed = f"server killed by the benchmark at {rss / 1024:.1f} GB resident"
                self._signal(signal.SIGKILL)
                return

    def _signal(self, sig: int) -> None:
        if self.proc is not None and self.proc.poll() is None:
            with suppress(ProcessLookupError):
                os.killpg(self.proc.pid, sig)  # the group we started, by its id

    def stop(self) -> None:
        self._stop.set()
        if self.proc is None:
            return
        self._signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self._signal(signal.SIGKILL)
            self.proc.wait(timeout=15)
        # Workers killed mid-request leave their transactions behind until PostgreSQL notices.
        terminate_backends(self.url)
        self.proc = None


def terminate_backends(url: str) -> None:
    """End the connections to the bench database (only ever the benchmark's own database)."""
    name = make_url(url).database
    with psycopg.connect(bigdb.libpq_url(bigdb.PG_ADMIN), autocommit=True) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )


# ---- requests ----------------------------------------------------------------------------------


@dataclass
class Outcome:
    seconds: float
    response: httpx.Response | None = None
    error: str | None = None  # timeout | killed | <exception>

    @property
    def ok(self) -> bool:
        return self.response is not None and self.response.status_code < 400

    def describe(self) -> str:
        if self.response is not None:
            return f"HTTP {self.response.status_code}: {self.response.text[:300]}"
        return self.error or "no answer"


class Client:
    def __init__(self, server: Server, keys: bigdb.Keys) -> None:
        self.server = server
        self.headers = {
            "officer": {"Authorization": f"Bearer {keys.officer}"},
            "employer": {"Authorization": f"Bearer {keys.employer}"},
            "ministry": {"Authorization": f"Bearer {keys.ministry}"},
        }
        self.http = httpx.Client(base_url=server.base)

    def call(self, role: str, method: str, path: str, *, timeout: float, **kwargs: Any) -> Outcome:
        headers = {**self.headers[role], **kwargs.pop("headers", {})}
        deaths = self.server.worker_deaths()
        t0 = time.perf_counter()
        try:
            r = self.http.request(method, path, headers=headers, timeout=timeout, **kwargs)
            return Outcome(time.perf_counter() - t0, r)
        except httpx.TimeoutException:
            return Outcome(time.perf_counter() - t0, error="timeout")
        except httpx.HTTPError as exc:
            seconds = time.perf_counter() - t0
            time.sleep(0.5)  # let the supervisor's log line land
            if self.server.killed:
                error = self.server.killed
            elif self.server.worker_deaths() > deaths:
                error = (
                    "the worker died mid-request and uvicorn replaced it (its supervisor kills "
                    "a worker that misses a 5 s health check)"
                )
            else:
                error = f"{type(exc).__name__}: {exc}"
            return Outcome(seconds, error=error)

    def close(self) -> None:
        self.http.close()


# ---- payloads from the generator ---------------------------------------------------------------


@dataclass
class Mapping:
    occupations: dict[str, str]
    titles: dict[str, str]


def mapping(url: str, seed: int) -> Mapping:
    db = Database(url)
    try:
        with db.session() as s:
            units = list(s.scalars(select(Occupation.code).where(Occupation.level == 4)))
            titles = dict(s.execute(select(Occupation.code, Occupation.title)).all())
    finally:
        db.dispose()
    world = make_world(seed)
    return Mapping(bigdb.map_occupations(world.occupations, units), titles)


def vacancy_payload(v: Vacancy, m: Mapping, ref: str) -> dict[str, Any]:
    occupation = m.occupations[v.occupation]
    body: dict[str, Any] = {
        "external_ref": ref,
        "title": m.titles[occupation][:200],
        "destination_country": v.destination,
        "occupation": occupation,
        "skills": [
            {"skill": bigdb.skill_id(s.skill), "importance": s.importance.value} for s in v.skills
        ],
        "languages": [
            {
                "language": x.language,
                "min_level": CEFR_LEVELS[x.min_level],
                "required": x.required,
            }
            for x in v.languages
        ],
        "openings": v.openings,
        "contract": {"type": v.contract_type.value, "duration_months": v.contract_months},
        "start_date": max(v.start_date, date.today()).isoformat(),
        "employer_pays_fees": v.employer_pays_fees,
        "pathways": list(v.pathways),
    }
    if v.sector:
        body["sector"] = v.sector
    if v.min_isced is not None:
        body["min_isced"] = v.min_isced
    if v.min_experience_years is not None:
        body["min_experience_years"] = v.min_experience_years
    if v.wage:
        body["wage"] = {
            "amount": f"{v.wage.amount:.2f}",
            "currency": v.wage.currency,
            "period": v.wage.period.value,
        }
    return body


def pool_table_csv(rows: int, m: Mapping, seed: int, tag: str, origin: str) -> bytes:
    """A ministry's pool table of `rows` new pools (identities unique by region), as CSV."""
    world = make_world(seed)
    cols = make_pool_columns(world, rows, seed=seed + 7_000 + int(tag, 16) % 1000)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(
        [
            "origin_country",
            "region",
            "occupation",
            "sector",
            "headcount",
            "skills",
            "languages",
            "isced_level",
            "experience_years",
            "available_from",
        ]
    )
    for i in range(rows):
        s_lo, s_hi = int(cols.skill_ptr[i]), int(cols.skill_ptr[i + 1])
        skills = ";".join(
            f"{bigdb.skill_id(cols.skill_vocab[k])}:{share:.2f}"
            for k, share in zip(cols.skill[s_lo:s_hi], cols.skill_share[s_lo:s_hi], strict=True)
        )
        l_lo, l_hi = int(cols.lang_ptr[i]), int(cols.lang_ptr[i + 1])
        seen: set[tuple[str, str]] = set()
        langs = []
        for k in range(l_lo, l_hi):
            key = (cols.lang_vocab[cols.lang[k]], CEFR_LEVELS[cols.lang_level[k]])
            if key not in seen:
                seen.add(key)
                langs.append(f"{key[0]}:{key[1]}:{cols.lang_share[k]:.2f}")
        sector = int(cols.sector[i])
        available = int(cols.available_from[i])
        w.writerow(
            [
                origin,
                f"Bench wave {tag} area {i + 1}",
                m.occupations[cols.occupation_vocab[cols.occupation[i]]],
                cols.sector_vocab[sector] if sector >= 0 else "",
                int(cols.headcount[i]),
                skills,
                ";".join(langs),
                int(cols.isced[i]),
                float(cols.experience[i]),
                "" if available == NO_DATE else date.fromordinal(available).isoformat(),
            ]
        )
    return out.getvalue().encode()


def microdata_csv(rows: int, seed: int) -> bytes:
    import importlib.util

    path = PROJECT_ROOT / "seed_data" / "samples" / "make_samples.py"
    spec = importlib.util.spec_from_file_location("make_samples", path)
    assert spec and spec.loader
    samples = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(samples)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "microdata.csv"
        samples.write_microdata(target, rows, samples.SEED + seed)
        return target.read_bytes()


# ---- wrk ---------------------------------------------------------------------------------------

_WRK_DONE = """
done = function(summary, latency, requests)
  for _, p in ipairs({50, 90, 95, 99}) do
    io.write(string.format("PCT %d %d\\n", p, latency:percentile(p)))
  end
  io.write(string.format("MAX %d\\n", latency.max))
  io.write(string.format("REQUESTS %d\\n", summary.requests))
  io.write(string.format("DURATION %d\\n", summary.duration))
  local e = summary.errors
  io.write(string.format("ERRORS %d %d %d %d %d\\n",
    e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def ensure_wrk() -> str | None:
    """The wrk binary; installed from Debian with apt-get when missing (root only)."""
    found = shutil.which("wrk")
    if found or os.geteuid() != 0:
        return found
    print("wrk is missing: apt-get install -y wrk")
    cmd = ["apt-get", "install", "-y", "-q", "wrk"]
    if subprocess.run(cmd, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], capture_output=True)
        subprocess.run(cmd, capture_output=True)
    return shutil.which("wrk")


def run_wrk(
    wrk: str, url: str, key: str, seconds: int, connections: int, workdir: Path
) -> dict[str, Any]:
    script = workdir / "done.lua"
    script.write_text(_WRK_DONE)
    cmd = [
        wrk,
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "--latency",
        "-s",
        str(script),
        "-H",
        f"Authorization: Bearer {key}",
        url,
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60)
    out: dict[str, Any] = {"raw": proc.stdout + proc.stderr}
    for line in proc.stdout.splitlines():
        parts = line.split()
        if parts[:1] == ["PCT"]:
            out[f"p{parts[1]}"] = int(parts[2]) / 1e6
        elif parts[:1] == ["MAX"]:
            out["max"] = int(parts[1]) / 1e6
        elif parts[:1] == ["REQUESTS"]:
            out["requests"] = int(parts[1])
        elif parts[:1] == ["DURATION"]:
            out["duration"] = int(parts[1]) / 1e6
        elif parts[:1] == ["ERRORS"]:
            out["errors"] = sum(int(x) for x in parts[1:])
        elif "Non-2xx" in line:
            out["non_2xx"] = int(line.rsplit(":", 1)[1])
    return out


# ---- the run -----------------------------------------------------------------------------------


@dataclass
class Run:
    args: argparse.Namespace
    size: Size
    url: str
    keys: bigdb.Keys
    server: Server
    workdir: Path
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    posted: list[str] = field(default_factory=list)  # vacancy ids
    eligible: list[dict[str, Any]] = field(default_factory=list)  # listed eligible matches
    ranked_vacancy: str | None = None  # a posted vacancy whose page has matches
    tag: str = field(default_factory=lambda: uuid.uuid4().hex[:6])

    def add(self, *args: Any, **kwargs: Any) -> Figure:
        f = Figure(*args, **kwargs)
        self.figures.append(f)
        note = f"  {f.note}" if f.note else ""
        print(f"  {f.step}: {f.value}  (target {f.target}: {f.verdict}){note}", flush=True)
        return f

    @contextmanager
    def client(self) -> Iterator[Client]:
        c = Client(self.server, self.keys)
        try:
            yield c
        finally:
            c.close()

    def recover(self, outcome: Outcome, step: str) -> str:
        """After a request that did not finish: restart the server, so that work it still does
        for the abandoned request cannot slow the next step. Returns the verdict."""
        killed = self.server.killed
        what = killed or ("timed out" if outcome.error == "timeout" else outcome.describe())
        print(f"  {step}: {what}; restarting the server", flush=True)
        self.server.stop()
        seconds = self.server.start()
        self.notes.append(f"{step}: {what}; restarted (serving again after {seconds:.1f} s)")
        return "killed" if killed else "timed out" if outcome.error == "timeout" else "failed"

    def timed_out_value(self, outcome: Outcome, timeout: float) -> str:
        if self.server.killed or outcome.error not in (None, "timeout"):
            return f"no answer after {outcome.seconds:.1f} s"
        return f"> {timeout:.0f} s (timed out)"


def step_startup(run: Run) -> None:
    seconds = run.server.start()
    first = run.server.first_serving or seconds
    run.add(
        "start-up to serving (every worker)",
        _s(seconds),
        "<= 60 s",
        verdict(seconds, TARGETS["startup"]),
        f"first worker serving after {_s(first)}; one worker reads the pools, the other "
        "loads its snapshot",
    )
    # A restart (a deploy): the pools come from the snapshot the first start wrote.
    run.server.stop()
    seconds = run.server.start()
    run.add(
        "restart to serving (every worker)",
        _s(seconds),
        "<= 60 s",
        verdict(seconds, TARGETS["startup"]),
        f"first worker serving after {_s(run.server.first_serving or seconds)}; pools from "
        "the snapshot, caught up through the change feed",
    )
    # The first ranked page after start-up (an index loaded lazily would show here).
    db = Database(run.url)
    with db.session() as s:
        vid = s.scalar(select(VacancyRow.id).where(VacancyRow.status == "open").limit(1))
    db.dispose()
    with run.client() as c:
        o = c.call(
            "officer",
            "GET",
            f"/api/v1/vacancies/{vid}/matches?limit=50",
            timeout=run.size.long_timeout,
        )
    if o.ok:
        total = o.response.json()["total"]  # type: ignore[union-attr]
        run.add(
            "first ranked page after start-up (a stored vacancy)",
            _ms(o.seconds),
            "-",
            "-",
            f"{total} eligible matches listed",
        )
    else:
        run.add(
            "first ranked page after start-up (a stored vacancy)",
            run.timed_out_value(o, run.size.long_timeout),
            "-",
            "failed",
            o.describe()[:120],
        )
        run.recover(o, "first ranked page")


def step_post_vacancies(run: Run, m: Mapping) -> None:
    size = run.size
    world = make_world(run.args.seed)
    vacancies = make_vacancies(
        world, size.posts * 3, seed=run.args.seed + 1_000 + int(run.tag, 16) % 1000
    )
    # Vacancies that name skills (the generator leaves 1% without, which rank on little else).
    vacancies = [v for v in vacancies if v.skills][: size.posts]
    posts: list[float] = []
    gets: list[float] = []
    totals: list[int] = []
    budget = time.perf_counter() + 2 * size.short_timeout + size.posts * 2
    failure: tuple[str, Outcome, float] | None = None
    best = 0
    with run.client() as c:
        for i, v in enumerate(vacancies):
            if time.perf_counter() > budget:
                run.notes.append(f"post vacancy: step budget spent after {i} of {size.posts}")
                break
            body = vacancy_payload(v, m, f"bench-{run.tag}-{i}")
            o = c.call(
                "employer", "POST", "/api/v1/vacancies", json=body, timeout=size.short_timeout
            )
            if not o.ok:
                failure = ("post", o, size.short_timeout)
                break
            posts.append(o.seconds)
            vid = o.response.json()["id"]  # type: ignore[union-attr]
            run.posted.append(vid)
            g = c.call(
                "officer",
                "GET",
                f"/api/v1/vacancies/{vid}/matches?limit=50",
                timeout=size.short_timeout,
            )
            if not g.ok:
                failure = ("get", g, size.short_timeout)
                break
            gets.append(g.seconds)
            page = g.response.json()  # type: ignore[union-attr]
            totals.append(page["total"])
            if page["total"] > best:  # wrk reads the posted vacancy with the longest list
                best, run.ranked_vacancy = page["total"], vid
            run.eligible += [
                x for x in page["items"] if x["eligible"] and x["eligible_headcount"] >= 1
            ]
    if posts:
        run.add(
            "post one vacancy: p50 / p95",
            f"{_ms(pct(posts, 50))} / {_ms(pct(posts, 95))}",
            "p95 <= 100 ms",
            verdict(pct(posts, 95), TARGETS["post_p95"]),
            f"{len(posts)} vacancies",
        )
    if gets:
        run.add(
            "its ranked matches on the next GET: p50 / p95",
            f"{_ms(pct(gets, 50))} / {_ms(pct(gets, 95))}",
            "p95 <= 50 ms",
            verdict(pct(gets, 95), TARGETS["get_p95"]),
            f"eligible matches listed per vacancy: median {statistics.median(totals):.0f}, "
            f"max {max(totals)}",
        )
    if failure:
        what, o, timeout = failure
        name = "post one vacancy" if what == "post" else "its ranked matches on the next GET"
        target = "p95 <= 100 ms" if what == "post" else "p95 <= 50 ms"
        if o.response is not None:
            run.add(name, f"HTTP {o.response.status_code}", target, "failed", o.describe()[:200])
        else:
            run.add(
                name,
                run.timed_out_value(o, timeout),
                target,
                run.recover(o, name),
                f"after {len(posts)} successful",
            )


def step_upload(run: Run, m: Mapping) -> None:
    size = run.size
    data = pool_table_csv(size.upload_rows, m, run.args.seed, run.tag, bigdb.BENCH_MINISTRY_COUNTRY)
    name = f"pool-table upload of {size.upload_rows:,} rows"
    with run.client() as c:
        o = c.call(
            "ministry",
            "POST",
            "/api/v1/uploads",
            data={"mode": "pool_table"},
            files={"file": ("pools.csv", data, "text/csv")},
            timeout=size.long_timeout,
        )
        if o.response is None:
            run.add(
                name, run.timed_out_value(o, size.long_timeout), "<= 10 s", run.recover(o, name)
            )
            return
        if not o.ok:
            run.add(name, f"HTTP {o.response.status_code}", "<= 10 s", "failed", o.describe()[:200])
            return
        body = o.response.json()
        outcomes: dict[str, int] = {}
        for p in body.get("pools", []):
            kind = str(p.get("outcome", "?"))
            outcomes[kind] = outcomes.get(kind, 0) + 1
        run.add(
            name,
            _s(o.seconds),
            "<= 10 s",
            verdict(o.seconds, TARGETS["upload"]),
            f"{len(body.get('pool_ids', []))} pools "
            + (", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())) if outcomes else ""),
        )
        # Ranked for every open vacancy when the response comes: one new pool's matches, now.
        if body.get("pool_ids"):
            pid = body["pool_ids"][0]
            g = c.call(
                "ministry",
                "GET",
                f"/api/v1/pools/{pid}/matches?limit=50",
                timeout=size.short_timeout,
            )
            if g.ok:
                run.add(
                    "an uploaded pool's ranked vacancies, right after",
                    _ms(g.seconds),
                    "-",
                    "-",
                    f"{g.response.json()['total']} eligible vacancies listed",
                )  # type: ignore[union-attr]
            else:
                run.add(
                    "an uploaded pool's ranked vacancies, right after",
                    run.timed_out_value(g, size.short_timeout),
                    "-",
                    "failed",
                    g.describe()[:120],
                )
                if g.response is None:
                    run.recover(g, "uploaded pool's matches")


def step_approvals(run: Run) -> None:
    size = run.size
    name = "an approval: p50 / p95"
    picks: list[dict[str, Any]] = []
    seen: set[str] = set()
    for x in run.eligible:
        if x["id"] not in seen:
            seen.add(x["id"])
            picks.append(x)
    if not picks:
        run.add(
            name,
            "-",
            "p95 <= 50 ms",
            "skipped",
            "no eligible match was listed (no vacancy posted and ranked)",
        )
        return
    times: list[float] = []
    budget = time.perf_counter() + 2 * size.short_timeout + size.approvals * 2
    with run.client() as c:
        for x in picks[: size.approvals]:
            if time.perf_counter() > budget:
                break
            o = c.call(
                "officer",
                "POST",
                f"/api/v1/matches/{x['id']}/decisions",
                json={"decision": "approved", "headcount": 1, "note": "bench"},
                timeout=size.short_timeout,
            )
            if o.response is None:
                run.add(
                    name,
                    run.timed_out_value(o, size.short_timeout),
                    "p95 <= 50 ms",
                    run.recover(o, "approval"),
                    f"after {len(times)} approvals",
                )
                return
            if not o.ok:
                run.notes.append(f"approval refused: {o.describe()[:200]}")
                continue
            times.append(o.seconds)
    if times:
        run.add(
            name,
            f"{_ms(pct(times, 50))} / {_ms(pct(times, 95))}",
            "p95 <= 50 ms",
            verdict(pct(times, 95), TARGETS["approval_p95"]),
            f"{len(times)} approvals",
        )
    else:
        run.add(name, "-", "p95 <= 50 ms", "failed", "every approval was refused (see notes)")


def step_pathway_and_rate(run: Run, destination: str) -> None:
    size = run.size
    with run.client() as c:
        g = c.call(
            "officer",
            "GET",
            f"/api/v1/pathways?destination={destination}&limit=200",
            timeout=size.short_timeout,
        )
        items = g.response.json()["items"] if g.ok else []  # type: ignore[union-attr]
        chosen = next((p for p in items if p.get("wage_threshold")), None)
        name = "a pathway change (PATCH, If-Match)"
        if chosen is None:
            run.add(name, "-", "<= 10 s", "skipped", f"no pathway of {destination} with a wage")
        else:
            one = c.call(
                "officer", "GET", f"/api/v1/pathways/{chosen['code']}", timeout=size.short_timeout
            )
            etag = one.response.headers.get("ETag", "") if one.response is not None else ""
            wage = dict(chosen["wage_threshold"])
            wage["amount"] = f"{Decimal(str(wage['amount'])) * Decimal('0.99'):.2f}"
            o = c.call(
                "officer",
                "PATCH",
                f"/api/v1/pathways/{chosen['code']}",
                json={"wage_threshold": wage},
                headers={"If-Match": etag},
                timeout=size.long_timeout,
            )
            if o.response is None:
                run.add(
                    name,
                    run.timed_out_value(o, size.long_timeout),
                    "<= 10 s",
                    run.recover(o, name),
                    f"{chosen['code']}: wage threshold -1%",
                )
            elif not o.ok:
                run.add(
                    name, f"HTTP {o.response.status_code}", "<= 10 s", "failed", o.describe()[:200]
                )
            else:
                run.add(
                    name,
                    _s(o.seconds),
                    "<= 10 s",
                    verdict(o.seconds, TARGETS["pathway"]),
                    f"{chosen['code']}: wage threshold -1%",
                )
        name = "an exchange-rate change"
        rates = c.call(
            "officer", "GET", "/api/v1/exchange-rates?currency=GBP", timeout=size.short_timeout
        )
        current = rates.response.json()["items"] if rates.ok else []  # type: ignore[union-attr]
        rate = Decimal(str(current[0]["rate"])) if current else Decimal("1.17")
        o = c.call(
            "officer",
            "PUT",
            "/api/v1/exchange-rates",
            json={
                "currency": "GBP",
                "rate": f"{rate * Decimal('1.01'):.6f}",
                "as_of": datetime.now(UTC).date().isoformat(),
            },
            timeout=size.long_timeout,
        )
        if o.response is None:
            run.add(
                name,
                run.timed_out_value(o, size.long_timeout),
                "<= 10 s",
                run.recover(o, name),
                "GBP +1%",
            )
        elif not o.ok:
            run.add(name, f"HTTP {o.response.status_code}", "<= 10 s", "failed", o.describe()[:200])
        else:
            run.add(name, _s(o.seconds), "<= 10 s", verdict(o.seconds, TARGETS["rate"]), "GBP +1%")


def step_wrk(run: Run) -> None:
    size = run.size
    name = "ranked matches of one vacancy, 50 concurrent clients (wrk): p50 / p95 / p99"
    wrk = ensure_wrk()
    if wrk is None:
        run.add(name, "-", "p95 <= 50 ms", "skipped", "wrk is not installed (not root?)")
        return
    vid = run.ranked_vacancy or (run.posted[0] if run.posted else None)
    note = "a posted vacancy"
    if vid is None:
        db = Database(run.url)
        with db.session() as s:
            vid = str(s.scalar(select(VacancyRow.id).where(VacancyRow.status == "open").limit(1)))
        db.dispose()
        note = "a stored vacancy (none was posted)"
    url = f"{run.server.base}/api/v1/vacancies/{vid}/matches?limit=50"
    with run.client() as c:
        warm = c.call(
            "officer", "GET", url.removeprefix(run.server.base), timeout=size.long_timeout
        )
    if not warm.ok:
        run.add(
            name,
            run.timed_out_value(warm, size.long_timeout),
            "p95 <= 50 ms",
            "failed",
            warm.describe()[:120],
        )
        if warm.response is None:
            run.recover(warm, "wrk warm-up")
        return
    total = warm.response.json()["total"]  # type: ignore[union-attr]
    r = run_wrk(wrk, url, run.keys.officer, size.wrk_seconds, 50, run.workdir)
    if "p95" not in r:
        run.add(name, "-", "p95 <= 50 ms", "failed", r["raw"][-300:])
        return
    rps = r["requests"] / r["duration"] if r.get("duration") else 0.0
    errors = r.get("errors", 0)
    run.add(
        name,
        f"{_ms(r['p50'])} / {_ms(r['p95'])} / {_ms(r['p99'])}",
        "p95 <= 50 ms",
        verdict(r["p95"], TARGETS["wrk_p95"]),
        f"{r['requests']:,} requests in {r.get('duration', 0):.0f} s ({rps:.0f}/s), "
        f"errors {errors}, non-2xx {r.get('non_2xx', 0)}; {note} with {total} eligible "
        "matches, limit=50",
    )


def busiest_destination(url: str) -> tuple[str, int]:
    db = Database(url)
    with db.session() as s:
        dest, n = s.execute(
            select(VacancyRow.destination_country, func.count())
            .where(VacancyRow.status == "open")
            .group_by(VacancyRow.destination_country)
            .order_by(func.count().desc())
        ).first()
    db.dispose()
    return str(dest), int(n)


def step_allocation(run: Run, destination: str, open_vacancies: int) -> None:
    size = run.size
    name = f"allocation plan for {destination} ({open_vacancies:,} open vacancies)"
    body = {"scope": {"destination": destination}, "time_limit_seconds": size.plan_seconds}
    with run.client() as c:
        o = c.call(
            "officer", "POST", "/api/v1/allocation-plans", json=body, timeout=size.long_timeout
        )
        if o.response is None:
            run.add(
                name, run.timed_out_value(o, size.long_timeout), "<= 60 s", run.recover(o, name)
            )
            run.add("adopting up to 100 assignments", "-", "<= 1 s", "skipped", "no plan")
            return
        if not o.ok:
            run.add(name, f"HTTP {o.response.status_code}", "<= 60 s", "failed", o.describe()[:200])
            return
        plan = o.response.json()
        n = len(plan.get("assignments", []))
        run.add(
            name,
            _s(o.seconds),
            "<= 60 s",
            verdict(o.seconds, TARGETS["plan"]),
            f"solver {plan.get('solver_status')}, {n} assignments, headcount "
            f"{plan.get('headcount')}",
        )
        adopt_name = "adopting up to 100 assignments (one plan)"
        if n == 0:
            run.add(adopt_name, "-", "<= 1 s", "skipped", "the plan has no assignment")
            return
        if n > 100:
            # A plan narrowed to the (origin, occupation) whose assignments in the full plan come
            # closest to ADOPT_GROUP from below: alone, a group takes more than it did in
            # competition (an origin alone took ~5,500), so aim under 100.
            origin, occupation = _group_for(run.url, plan["assignments"], ADOPT_GROUP)
            o = c.call(
                "officer",
                "POST",
                "/api/v1/allocation-plans",
                json={
                    "scope": {
                        "destination": destination,
                        "origin": origin,
                        "occupation_prefix": occupation,
                    },
                    "time_limit_seconds": size.plan_seconds,
                },
                timeout=size.long_timeout,
            )
            if not o.ok:
                run.add(adopt_name, "-", "<= 1 s", "failed", f"narrowed plan: {o.describe()[:200]}")
                if o.response is None:
                    run.recover(o, "narrowed plan")
                return
            plan = o.response.json()
            n = len(plan.get("assignments", []))
        a = c.call(
            "officer",
            "POST",
            f"/api/v1/allocation-plans/{plan['id']}/adopt",
            timeout=size.long_timeout,
        )
        if a.response is None:
            run.add(
                adopt_name,
                run.timed_out_value(a, size.long_timeout),
                "<= 1 s",
                run.recover(a, adopt_name),
                f"{n} assignments",
            )
        elif not a.ok:
            run.add(
                adopt_name, f"HTTP {a.response.status_code}", "<= 1 s", "failed", a.describe()[:200]
            )
        else:
            run.add(
                adopt_name,
                _s(a.seconds),
                "<= 1 s",
                verdict(a.seconds, TARGETS["adopt"]),
                f"{n} assignments",
            )


#: The adoption step aims its narrowed plan at about this many assignments (see step_plan).
ADOPT_GROUP = 60


def _group_for(url: str, assignments: list[dict[str, Any]], most: int) -> tuple[str, str]:
    """The (pool origin, vacancy occupation) with the most assignments up to `most`."""
    from app.pools.models import Pool
    from app.vacancies.models import Vacancy

    pools = {uuid.UUID(a["pool_id"]) for a in assignments}
    vacancies = {uuid.UUID(a["vacancy_id"]) for a in assignments}
    db = Database(url)
    with db.session() as s:
        origin_of = dict(
            s.execute(select(Pool.id, Pool.origin_country).where(Pool.id.in_(pools))).all()
        )
        occupation_of = dict(
            s.execute(
                select(Vacancy.id, Vacancy.occupation_code).where(Vacancy.id.in_(vacancies))
            ).all()
        )
    db.dispose()
    counts: dict[tuple[str, str], int] = {}
    for a in assignments:
        group = (origin_of[uuid.UUID(a["pool_id"])], occupation_of[uuid.UUID(a["vacancy_id"])])
        counts[group] = counts.get(group, 0) + 1
    fitting = [(n, g) for g, n in counts.items() if n <= most]
    return max(fitting)[1] if fitting else min((n, g) for g, n in counts.items())[1]


def step_microdata(run: Run) -> None:
    size = run.size
    name = f"survey upload of {size.microdata_rows:,} microdata rows"
    db = Database(run.url)
    with db.session() as s:
        from app.surveys.models import SurveyUpload

        earlier = s.scalar(select(func.count()).select_from(SurveyUpload)) or 0
    db.dispose()
    data = microdata_csv(size.microdata_rows, earlier)  # another sample each run: no replay
    workers = run.server.workers_pids()
    before = {p: _status_kb(p, "VmRSS") for p in workers}
    for p in workers:  # VmHWM from here on (root may reset it; else it is since start-up)
        with suppress(OSError):
            Path(f"/proc/{p}/clear_refs").write_text("5")
    with run.client() as c:
        o = c.call(
            "ministry",
            "POST",
            "/api/v1/uploads",
            data={"mode": "microdata"},
            files={"file": ("microdata.csv", data, "text/csv")},
            timeout=size.long_timeout,
        )
    peaks = {p: _status_kb(p, "VmHWM") for p in workers}
    if o.response is None:
        run.add(
            name,
            run.timed_out_value(o, size.long_timeout),
            "<= 15 s, <= 500 MB",
            run.recover(o, name),
        )
        return
    if not o.ok:
        run.add(name, f"HTTP {o.response.status_code}", "<= 15 s", "failed", o.describe()[:200])
        return
    body = o.response.json()
    worker = max(peaks, key=lambda p: peaks[p] - before.get(p, 0)) if peaks else None
    peak_mb = peaks.get(worker, 0) / 1024 if worker else 0.0
    grew_mb = (peaks.get(worker, 0) - before.get(worker, 0)) / 1024 if worker else 0.0
    run.add(
        name,
        _s(o.seconds),
        "<= 15 s",
        verdict(o.seconds, TARGETS["microdata"]),
        f"{len(body.get('pool_ids', []))} pools, status {body.get('status')}",
    )
    run.add(
        "  its worker's peak resident memory (VmHWM)",
        f"{peak_mb:.0f} MB (+{grew_mb:.0f} MB during the upload)",
        "<= 500 MB",
        verdict(grew_mb, TARGETS["microdata_mb"]),
        "judged on the growth: the worker's own resident set (index, caches) comes before",
    )


def step_memory(run: Run) -> None:
    rss, pss = run.server.rss_mb(), run.server.pss_mb()
    run.add(
        "server resident memory after the runs (all processes)",
        f"{rss / 1024:.2f} GB RSS, {pss / 1024:.2f} GB PSS",
        "<= 4 GB",
        verdict(pss / 1024, TARGETS["memory_gb"]),
        f"{len(run.server.pids())} processes; peak seen by the watchdog "
        f"{run.server.peak_rss_mb / 1024:.2f} GB RSS",
    )


def pg_version(url: str) -> str:
    with psycopg.connect(bigdb.libpq_url(url)) as conn:
        row = conn.execute("SHOW server_version").fetchone()
    return str(row[0]) if row else "?"


def database_size(url: str) -> str:
    with psycopg.connect(bigdb.libpq_url(url)) as conn:
        row = conn.execute("SELECT pg_size_pretty(pg_database_size(current_database()))").fetchone()
    return str(row[0]) if row else "?"


def counts(url: str) -> dict[str, int]:
    out = {}
    with psycopg.connect(bigdb.libpq_url(url)) as conn:
        for table, where in (
            ("pools", "status = 'active'"),
            ("vacancies", "status = 'open'"),
            ("pool_skills", "true"),
            ("matches", "true"),
        ):
            row = conn.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()
            out[table] = int(row[0]) if row else 0
    return out


def report(run: Run, header: list[str]) -> str:
    lines = [f"- {h}" for h in header]
    lines += [
        "",
        "| step | figure | target | verdict | load | note |",
        "|---|---|---|---|---|---|",
    ]
    for f in run.figures:
        note = f.note.replace("|", "/")
        lines.append(f"| {f.step} | {f.value} | {f.target} | {f.verdict} | {f.load:.1f} | {note} |")
    if run.notes:
        lines += ["", *[f"- {n}" for n in run.notes]]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="20,000 pools, 2,000 vacancies")
    ap.add_argument("--size-pools", type=int)
    ap.add_argument("--size-vacancies", type=int)
    ap.add_argument("--upload-rows", type=int)
    ap.add_argument("--microdata-rows", type=int)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    ap.add_argument("--timeout-scale", type=float, default=1.0, help="scales every timeout")
    ap.add_argument(
        "--max-server-gb",
        type=float,
        default=None,
        help="kill the server above this resident memory (default: 12 GB or half "
        "of the available memory, whichever is less)",
    )
    ap.add_argument("--build-only", action="store_true", help="build the database and stop")
    ap.add_argument("--keep", action="store_true", help="keep the database at the end")
    ap.add_argument("--reuse", metavar="DBNAME", help="run against a kept bench database")
    ap.add_argument("--write", action="store_true", help="record in bench/RESULTS.md")
    args = ap.parse_args()

    base = QUICK if args.quick else FULL
    size = Size(
        pools=args.size_pools or base.pools,
        vacancies=args.size_vacancies or base.vacancies,
        upload_rows=args.upload_rows or base.upload_rows,
        microdata_rows=args.microdata_rows or base.microdata_rows,
        posts=base.posts,
        approvals=base.approvals,
        wrk_seconds=base.wrk_seconds,
        short_timeout=base.short_timeout * args.timeout_scale,
        long_timeout=base.long_timeout * args.timeout_scale,
        plan_seconds=base.plan_seconds,
    )
    available_gb = _status_meminfo("MemAvailable") / 1024 / 1024
    max_gb = args.max_server_gb or min(12.0, available_gb / 2)
    cores = os.cpu_count() or 0
    load_start = os.getloadavg()
    started = datetime.now(UTC)
    print(
        f"cores: {cores}; load average at start: {load_start[0]:.1f}; "
        f"server memory limit {max_gb:.1f} GB"
    )

    # SIGTERM ends the run through the same clean-up as Ctrl-C.
    signal.signal(signal.SIGTERM, _interrupt)
    build: bigdb.BuildReport | None = None
    name = args.reuse
    try:
        if args.reuse:
            url = bigdb.database_url(args.reuse)
            upgrade(url)  # a kept database follows the migrations written since
            keys = bigdb.bench_keys(url)
            built = f"reused database {args.reuse}"
        else:
            build = bigdb.build(
                size.pools, size.vacancies, seed=args.seed, log=lambda s: print(s, flush=True)
            )
            assert build.keys is not None
            name, url, keys = build.name, build.url, build.keys
            built = (
                f"built in {build.total_seconds:.0f} s ("
                + ", ".join(f"{k} {v:.0f} s" for k, v in build.seconds.items() if v >= 1)
                + ")"
            )
        stored = counts(url)
        print(
            f"database {name}: {database_size(url)}; "
            + ", ".join(f"{k} {v:,}" for k, v in stored.items())
        )
        if args.build_only:
            return 0
        with tempfile.TemporaryDirectory() as tmp:
            workdir = Path(tmp)
            server = Server(url, args.workers, max_gb * 1024, workdir)
            run = Run(args, size, url, keys, server, workdir)
            try:
                m = mapping(url, args.seed)
                destination, open_vacancies = busiest_destination(url)
                print("runs:")
                step_startup(run)
                step_post_vacancies(run, m)
                step_upload(run, m)
                step_approvals(run)
                step_pathway_and_rate(run, destination)
                step_wrk(run)
                step_allocation(run, destination, open_vacancies)
                step_microdata(run)
                step_memory(run)
            finally:
                server.stop()
        load_end = os.getloadavg()
        header = [
            f"date: {started.isoformat(timespec='seconds')}",
            "command: `python -m bench.bench_service "
            + " ".join(a for a in sys.argv[1:] if a != "--write")
            + "`",
            f"machine: {cores} cores (nproc {_nproc()}), {platform.platform()}, Python "
            f"{platform.python_version()}, PostgreSQL {pg_version(url)}; uvicorn workers: "
            f"{args.workers}",
            f"load average (1 min) at start / end: {load_start[0]:.1f} / {load_end[0]:.1f} "
            "(the machine is shared: figures measured under load are inflated)",
            f"database: {stored['pools']:,} active pools ({stored['pool_skills']:,} pool skills), "
            f"{stored['vacancies']:,} open vacancies, {stored['matches']:,} stored matches at "
            f"the start, {database_size(url)}; {built}",
            f"bounds: {size.posts} vacancies posted, up to {size.approvals} approvals, wrk "
            f"{size.wrk_seconds} s; a request is abandoned after {size.short_timeout:.0f} s "
            f"(post, GET, approval) or {size.long_timeout:.0f} s (the others), and the server "
            "restarted",
            "rankings are computed on read from each worker's live market (built at start-up, "
            "kept current by the change feed); match rows exist only for decided pairs",
        ]
        text = report(run, header)
        print("\n" + text)
        if args.write:
            write_section(TITLE, text)
    finally:
        if name and not args.keep and not args.reuse:
            bigdb.drop_database(name)
        elif name:
            print(f"kept database {name}: --reuse {name}")
    return 0


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _status_meminfo(key: str) -> int:
    with open("/proc/meminfo") as fh:
        for line in fh:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def _nproc() -> str:
    try:
        return subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


if __name__ == "__main__":
    sys.exit(main())
