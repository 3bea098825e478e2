"""Survey upload benchmark: 100,000 microdata rows through the upload service (design section 11:
<= 15 s and <= 500 MB peak on 2 cores).

    .venv/bin/python -m bench.bench_upload [--rows 100000] [--postgres] [--http]

The rows are synthetic and deterministic (seed_data/samples/make_samples.py). Each backend gets
a fresh database, migrated and seeded; the timed part is one upload, from the spooled file to the
commit: reading, validating, title coding, taxonomy checks, aggregation and the inserts (pools,
their skills and languages, audit events). --http sends it through the whole HTTP stack
in-process (multipart streaming included) instead of calling the service. Peak memory is the
process's ru_maxrss (it includes the interpreter, the app and the seeding before the upload,
which is also printed).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path
from types import ModuleType

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.results import write_section

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = os.environ.get(
    "IMDI_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def _samples() -> ModuleType:
    path = ROOT / "seed_data" / "samples" / "make_samples.py"
    spec = importlib.util.spec_from_file_location("make_samples", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _prepare(url: str) -> None:
    from app.db import Database
    from app.migrate import upgrade
    from app.seed import seed

    upgrade(url)
    db = Database(url)
    try:
        with db.transaction() as session:
            seed(session, demo=False)
    finally:
        db.dispose()


def _ministry(db: object) -> tuple[object, str]:
    from app.auth.service import create_api_key, create_organisation, create_user
    from app.common.principal import Principal, Role

    # Let the loop end (no return inside it): that is when the transaction commits.
    with db.transaction() as s:  # type: ignore[attr-defined]
        org = create_organisation(
            s, None, slug="bench-ministry", name="Bench Ministry", kind="ministry", country="PH"
        )
        user = create_user(
            s,
            None,
            email="bench@ministry.example.org",
            name="bench",
            role=Role.MINISTRY,
            organisation=org,
            password="bench bench bench",
        )
        _, key = create_api_key(s, None, user, "bench")
        principal = Principal(user.id, user.email, Role.MINISTRY, org.id)
    return principal, key


def run(url: str, csv_path: Path, *, http: bool) -> dict[str, float]:
    from app.config import Settings
    from app.db import Database
    from app.surveys.receive import ReceivedFile
    from app.surveys.schemas import UploadMode, UploadOptions
    from app.surveys.service import process_upload

    db = Database(url)
    settings = Settings(environment="development", database_url=url)
    principal, key = _ministry(db)
    rss_before = _peak_mb()
    data = csv_path.read_bytes()
    t0 = time.perf_counter()
    if http:
        from fastapi.testclient import TestClient

        from app.main import create_app

        with TestClient(create_app(settings, db)) as client:
            r = client.post(
                "/api/v1/uploads",
                headers={"Authorization": f"Bearer {key}"},
                data={"mode": "microdata"},
                files={"file": (csv_path.name, data, "text/csv")},
            )
        assert r.status_code == 201, r.text[:500]
        body = r.json()
        pools, status = len(body["pool_ids"]), body["status"]
        report = body["report"]
    else:
        with csv_path.open("rb") as fh:
            received = ReceivedFile(
                filename=csv_path.name,
                file=fh,
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
            )
            with db.transaction() as session:
                result = process_upload(
                    session,
                    principal,
                    settings,
                    received,  # type: ignore[arg-type]
                    UploadOptions(mode=UploadMode.MICRODATA),
                )
        pools, status = len(result.upload.pool_ids), result.upload.status
        report = result.upload.report
    seconds = time.perf_counter() - t0
    db.dispose()
    return {
        "seconds": seconds,
        "pools": pools,
        "status": status,
        "respondents": report["respondents"],
        "cells_suppressed": report["cells_suppressed"],
        "rss_before_mb": rss_before,
        "peak_mb": _peak_mb(),
    }


def _pg_database() -> tuple[str, str]:
    name = f"imdi_bench_upload_{uuid.uuid4().hex[:8]}"
    engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False), name


def _pg_drop(name: str) -> None:
    engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL instead of SQLite")
    parser.add_argument("--http", action="store_true", help="through the HTTP stack")
    parser.add_argument("--write", action="store_true", help="record in bench/RESULTS.md")
    args = parser.parse_args()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "microdata.csv"
        t0 = time.perf_counter()
        _samples().write_microdata(csv_path, args.rows)
        print(
            f"generated {args.rows} rows ({csv_path.stat().st_size / 1e6:.1f} MB) in "
            f"{time.perf_counter() - t0:.1f} s"
        )
        if args.postgres:
            url, name = _pg_database()
        else:
            url, name = f"sqlite:///{Path(tmp) / 'bench.db'}", ""
        try:
            _prepare(url)
            figures = run(url, csv_path, http=args.http)
        finally:
            if name:
                _pg_drop(name)

    backend = "PostgreSQL" if args.postgres else "SQLite"
    via = "HTTP (in-process)" if args.http else "service"
    ok = figures["seconds"] <= 15 and figures["peak_mb"] <= 500
    lines = [
        f"backend: {backend}, via {via}; cores: {os.cpu_count()} (usable {usable}); "
        f"python {sys.version.split()[0]}; load average {os.getloadavg()[0]:.1f}",
        f"upload of {figures['respondents']} respondents: {figures['seconds']:.2f} s, "
        f"status {figures['status']}, {figures['pools']} pools, "
        f"{figures['cells_suppressed']} cells suppressed",
        f"peak memory (ru_maxrss): {figures['peak_mb']:.0f} MB "
        f"(before the upload: {figures['rss_before_mb']:.0f} MB)",
        f"target <= 15 s and <= 500 MB: {'met' if ok else 'NOT met'}",
    ]
    print("\n".join(lines))
    if args.write:
        write_section(f"Survey upload ({backend}, {via})", "\n".join(f"- {x}" for x in lines))


if __name__ == "__main__":
    main()
