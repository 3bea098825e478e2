"""The web workspace at national scale: each role's main pages, timed as a signed-in browser
gets them, on the bench database of bench_service (bench/bigdb.py: a million pools, a hundred
thousand vacancies, PostgreSQL).

    .venv/bin/python -m bench.bench_pages [--quick] [--reuse DBNAME] [--keep] [--write]

The server is bench_service's (uvicorn, 2 workers, development settings); the bench users get a
password for the sign-in form (and an admin joins the agency). Every page is asked for
`--requests` times one after another (the first of them warms nothing: each worker's market is
built at start-up); the figures are the p50 and p95 of those, the page's size, and the bulk
decision's time (shortlisting 20 matches of the queue in one POST). Nothing is asserted: the
figures are printed, and with --write recorded in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import select

from app.auth.models import Organisation, User
from app.auth.security import hash_password
from app.db import Database
from app.migrate import upgrade
from app.vacancies.models import Vacancy
from bench import bigdb
from bench.bench_service import Server, _nproc, pct
from bench.results import write_section

PASSWORD = "bench-pages-password-1"
ADMIN_EMAIL = "bench-admin@bench.example.org"
#: The design sets no target for pages; this is the bar the report holds each page to (a page
#: a person waits on, at p95).
PAGE_TARGET_MS = 500.0
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
_MATCH = re.compile(r'name="match" value="([0-9a-f-]{36})"')


@dataclass
class Row:
    role: str
    path: str
    p50_ms: float
    p95_ms: float
    kb: float
    status: int
    note: str = ""


def prepare_users(url: str) -> dict[str, str]:
    """A password for each bench user and an admin in the agency; role -> email."""
    db = Database(url)
    try:
        with db.transaction() as s:
            users = list(s.scalars(select(User).where(User.email.like("bench-%@bench.%"))))
            agency = s.scalar(select(Organisation).where(Organisation.slug == "bench-facilitation"))
            assert agency is not None, "not a bench database"
            if not any(u.email == ADMIN_EMAIL for u in users):
                admin = User(
                    email=ADMIN_EMAIL, name="bench admin", role="admin", organisation_id=agency.id
                )
                s.add(admin)
                users.append(admin)
            digest = hash_password(PASSWORD)
            for u in users:
                u.password_hash = digest
            return {u.role: u.email for u in users}
    finally:
        db.dispose()


def employer_vacancy(url: str, email: str) -> str:
    db = Database(url)
    try:
        with db.session() as s:
            user = s.scalar(select(User).where(User.email == email))
            assert user is not None
            vid = s.scalar(
                select(Vacancy.id)
                .where(Vacancy.employer_id == user.organisation_id, Vacancy.status == "open")
                .order_by(Vacancy.id)
                .limit(1)
            )
            return str(vid)
    finally:
        db.dispose()


def signed_in(base: str, email: str, timeout: float) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=timeout, follow_redirects=False)
    token = _CSRF.search(client.get("/signin").text)
    assert token, "no sign-in form"
    r = client.post(
        "/signin",
        data={"csrf_token": token.group(1), "email": email, "password": PASSWORD, "next": "/"},
    )
    assert r.status_code == 303, f"sign-in of {email}: {r.status_code}"
    return client


def time_page(client: httpx.Client, role: str, path: str, n: int) -> Row:
    seconds: list[float] = []
    size = 0
    status = 0
    for _ in range(n):
        t0 = time.perf_counter()
        r = client.get(path)
        seconds.append(time.perf_counter() - t0)
        size, status = len(r.content), r.status_code
    return Row(role, path, pct(seconds, 50) * 1000, pct(seconds, 95) * 1000, size / 1024, status)


def bulk_shortlist(client: httpx.Client, count: int) -> Row:
    """Shortlist `count` matches of the queue's first page in one POST (and follow it back)."""
    page = client.get("/queue").text
    token = _CSRF.search(page)
    chosen = _MATCH.findall(page)[:count]
    assert token and chosen, "the queue lists no match"
    t0 = time.perf_counter()
    r = client.post(
        "/queue/decide",
        data={
            "csrf_token": token.group(1),
            "decision": "shortlisted",
            "note": "bench_pages",
            "match": chosen,
            "next": "/queue",
        },
    )
    seconds = time.perf_counter() - t0
    ms = seconds * 1000
    return Row("officer", f"POST /queue/decide ({len(chosen)} matches)", ms, ms, 0, r.status_code)


def pages(vacancy_id: str) -> dict[str, list[str]]:
    return {
        "officer": [
            "/",
            "/queue",
            "/queue?state=shortlisted",
            "/queue?destination=Germany",
            "/queue?q=nurse",
            "/vacancies",
            "/vacancies?q=nurse",
            "/vacancies?sort=-start",
            "/vacancies?sort=employer",
            "/pools",
            "/pools?q=western",
            "/pools?sort=-workers",
            "/pools?origin=Philippines&occupation=2221",
            "/decisions",
            "/audit",
            "/plans",
            "/pathways",
            "/placements",
        ],
        "employer": ["/", "/vacancies", f"/vacancies/{vacancy_id}", "/vacancies/new"],
        "ministry": ["/", "/pools", "/upload", "/vacancies"],
        "admin": ["/admin", "/admin/users", "/admin/keys", "/admin/organisations"],
    }


def report(rows: list[Row], header: list[str]) -> str:
    lines = [f"- {h}" for h in header]
    lines += [
        "",
        f"| role | page | p50 | p95 | size | status | within {PAGE_TARGET_MS:.0f} ms (p95) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        ok = "yes" if r.p95_ms <= PAGE_TARGET_MS and r.status < 400 else "NO"
        size = f"{r.kb:.0f} KB" if r.kb else "-"
        lines.append(
            f"| {r.role} | `{r.path}` | {r.p50_ms:.0f} ms | {r.p95_ms:.0f} ms | {size} | "
            f"{r.status} | {ok} |"
        )
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="20,000 pools, 2,000 vacancies")
    ap.add_argument("--size-pools", type=int)
    ap.add_argument("--size-vacancies", type=int)
    ap.add_argument("--requests", type=int, default=10, help="requests per page")
    ap.add_argument("--reuse", metavar="DBNAME", help="run against a kept bench database")
    ap.add_argument("--keep", action="store_true", help="keep the database at the end")
    ap.add_argument("--write", action="store_true", help="record in bench/RESULTS.md")
    args = ap.parse_args()
    n_pools = args.size_pools or (20_000 if args.quick else 1_000_000)
    n_vacancies = args.size_vacancies or (2_000 if args.quick else 100_000)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(130))
    load_start = os.getloadavg()[0]
    started = datetime.now(UTC)
    print(f"cores: {_nproc()}; load average at start: {load_start:.1f}", flush=True)
    name = args.reuse
    built = f"reused database {args.reuse}"
    server: Server | None = None
    try:
        if args.reuse:
            url = bigdb.database_url(args.reuse)
            upgrade(url)
        else:
            build = bigdb.build(n_pools, n_vacancies, log=lambda s: print(s, flush=True))
            name, url = build.name, build.url
            built = f"built in {build.total_seconds:.0f} s"
        emails = prepare_users(url)
        vacancy_id = employer_vacancy(url, emails["employer"])
        server = Server(url, 2, 12_000, Path(tempfile.mkdtemp(prefix="bench-pages-")))
        up = server.start(timeout=600)
        print(f"server serving after {up:.1f} s", flush=True)
        rows: list[Row] = []
        for role, paths in pages(vacancy_id).items():
            client = signed_in(server.base, emails[role], timeout=180)
            try:
                for path in paths:
                    row = time_page(client, role, path, args.requests)
                    print(
                        f"{role:9} {path:45} p50 {row.p50_ms:7.0f} ms  p95 {row.p95_ms:7.0f} ms  "
                        f"{row.kb:6.0f} KB  {row.status}",
                        flush=True,
                    )
                    rows.append(row)
                if role == "officer":
                    row = bulk_shortlist(client, 20)
                    print(f"{row.path}: {row.p50_ms:.0f} ms ({row.status})", flush=True)
                    rows.append(row)
            finally:
                client.close()
        load_end = os.getloadavg()[0]
        header = [
            f"date: {started.isoformat(timespec='seconds')}",
            f"command: `python -m bench.bench_pages {' '.join(sys.argv[1:])}`",
            f"machine: {_nproc()} cores; uvicorn workers: 2; PostgreSQL",
            f"load average (1 min) at start / end: {load_start:.1f} / {load_end:.1f}",
            f"database: {n_pools:,} pools, {n_vacancies:,} vacancies ({built})",
            f"each page {args.requests} times in a row, signed in through the form; server up "
            f"after {up:.0f} s",
        ]
        body = report(rows, header)
        print(body)
        if args.write:
            write_section("Web pages at national scale", body)
        return 0
    finally:
        if server is not None:
            server.stop()
        if name and not args.keep and not args.reuse:
            bigdb.drop_database(name)


if __name__ == "__main__":
    raise SystemExit(main())
