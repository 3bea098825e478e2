"""ESCO import: time and peak memory on SQLite and PostgreSQL; the job-title coder on ESCO labels.

    .venv/bin/python -m bench.bench_esco [--esco DIR] [--pg-url URL] [--seed 7] [--write]

Import (target: under 60 s each): a scratch database per backend, built with the migrations and
the taxonomy seed, then `import_esco` of the ESCO v1.1.1 zips (../shared/data/esco/v1.1.1) in
a fresh interpreter, so that the peak RSS (ru_maxrss) is the import's own; the figure printed
beside it is the interpreter's RSS before the import (modules loaded). A second import of the
same files (which changes nothing) is timed too. PostgreSQL: a database of its own on --pg-url
(default the local server), created and dropped; skipped when the server cannot be reached.

Coder: from the SQLite database with ESCO loaded, the ESCO occupations' labels (preferred and
alternative) that became job titles are split, stratified by ISCO unit group with a seeded
shuffle, 80/20 into training and held-out titles; the coder (app/taxonomy/coding.py) learns from
everything else (ISCO titles, built-in job titles, training labels) and must put the right unit
group first (top-1) or among the first five (top-5). A harder split holds out whole ESCO
occupations (all their labels, 20% of occupations), so no sibling label of the same occupation
is in training. For comparison: the coder without any ESCO labels (built-in titles only) on the
same held-out labels. --write appends a section "ESCO import" to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from app.config import PROJECT_ROOT
from app.db import Database
from app.migrate import upgrade
from app.seed import SeedReport, load_taxonomy
from app.taxonomy import coding
from app.taxonomy.coding import TitleCoder, TrainingData
from app.taxonomy.models import EscoOccupation, OccupationTitle
from bench.results import RESULTS, write_section

ESCO_DIR = PROJECT_ROOT.parent / "shared" / "data" / "esco" / "v1.1.1"
PG_URL = os.environ.get("IMDI_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _zips(folder: Path) -> list[Path]:
    found = sorted(folder.glob("*.zip"))
    if not found:
        raise SystemExit(f"no ESCO zips in {folder}")
    return found


def _prepare(url: str) -> None:
    upgrade(url)
    db = Database(url)
    try:
        with db.transaction() as session:
            load_taxonomy(session, SeedReport())
    finally:
        db.dispose()


def child(url: str, folder: Path) -> dict[str, Any]:
    """One backend's figures, measured in this (fresh) interpreter."""
    from app.taxonomy.esco import import_esco

    before = rss_mb()
    db = Database(url)
    try:
        t0 = time.perf_counter()
        with db.transaction() as session:
            report = import_esco(session, _zips(folder))
        first = time.perf_counter() - t0
        peak = rss_mb()
        t0 = time.perf_counter()
        with db.transaction() as session:
            again = import_esco(session, _zips(folder))
        second = time.perf_counter() - t0
    finally:
        db.dispose()
    return {
        "import_s": round(first, 2),
        "peak_rss_mb": round(peak, 1),
        "rss_before_import_mb": round(before, 1),
        "second_import_s": round(second, 2),
        "second_import_changed": again.changed,
        "created": report.created,
    }


def _run_child(url: str, folder: Path) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.bench_esco", "--child", url, "--esco", str(folder)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _pg_database(admin_url: str) -> tuple[str, str] | None:
    """A new database on the server, or None when it cannot be reached."""
    name = f"imdi_bench_esco_{uuid.uuid4().hex[:8]}"
    try:
        engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
    except Exception as exc:  # any connection failure means: no PostgreSQL leg
        print(f"PostgreSQL not reachable at {admin_url}: {exc.__class__.__name__}; skipped")
        return None
    return name, make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def _drop_pg(admin_url: str, name: str) -> None:
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


# ---- coder accuracy -------------------------------------------------------------------------


def _ranks(scores: np.ndarray, codes: list[str], truth: Sequence[str]) -> np.ndarray:
    col = {c: i for i, c in enumerate(codes)}
    true_scores = scores[np.arange(len(truth)), [col[t] for t in truth]]
    # Rank = number of groups scoring at least as high, less one: ties count against.
    return (scores >= true_scores[:, None]).sum(axis=1) - 1


def _evaluate(data: TrainingData, held: Sequence[tuple[str, str]]) -> dict[str, Any]:
    t0 = time.perf_counter()
    model = TitleCoder(data)
    build = time.perf_counter() - t0
    ranks = []
    for i in range(0, len(held), 2000):  # a few thousand rows of 436 groups at a time
        chunk = held[i : i + 2000]
        scores = model.title_scores([title for _, title in chunk])
        ranks.append(_ranks(scores, model.codes, [code for code, _ in chunk]))
    r = np.concatenate(ranks)
    return {
        "top1": round(float(np.mean(r == 0)), 3),
        "top5": round(float(np.mean(r < 5)), 3),
        "n": len(r),
        "build_s": round(build, 2),
        "examples": len(data.examples),
    }


def coder_accuracy(url: str, seed: int) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    db = Database(url)
    try:
        with db.session() as session:
            full = coding.training_data(session)
            occupations = session.execute(
                select(EscoOccupation.uri, EscoOccupation.isco_code, EscoOccupation.label,
                       EscoOccupation.alt_labels)
            ).all()  # fmt: skip
            from_esco = set(
                session.execute(
                    select(OccupationTitle.occupation_code, OccupationTitle.title).where(
                        OccupationTitle.source == "esco"
                    )
                ).all()
            )
            t0 = time.perf_counter()
            coding.rebuild(session)
            service_build = time.perf_counter() - t0
    finally:
        db.dispose()

    labels_of: dict[str, set[tuple[str, str]]] = {}
    for uri, code, label, alt in occupations:
        labels_of[uri] = {(code, t) for t in [label, *(alt or [])] if coding.normalise(t)}
    esco_titles = sorted(set().union(*labels_of.values()))

    # (a) labels: per unit group, a seeded shuffle and every fifth label held out.
    by_code: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for pair in esco_titles:
        by_code[pair[0]].append(pair)
    held_labels: list[tuple[str, str]] = []
    for code in sorted(by_code):
        pairs = by_code[code]
        order = rng.permutation(len(pairs))
        held_labels += [pairs[int(k)] for j, k in enumerate(order) if j % 5 == 4]

    # (b) occupations: per unit group, a fifth of its ESCO occupations (all labels) held out.
    occ_by_code: dict[str, list[str]] = defaultdict(list)
    for uri, code, *_ in occupations:
        occ_by_code[code].append(uri)
    held_occ: set[tuple[str, str]] = set()
    for code in sorted(occ_by_code):
        uris = sorted(occ_by_code[code])
        order = rng.permutation(len(uris))
        held_occ |= set().union(*(labels_of[uris[int(k)]] for j, k in enumerate(order)
                                  if j % 5 == 4), set())  # fmt: skip
    kept_occ = set().union(*(labels_of[u] for u in labels_of)) - held_occ
    held_occ_list = sorted(held_occ - kept_occ)  # a label another occupation shares is not new

    def without(held: Sequence[tuple[str, str]]) -> TrainingData:
        drop = set(held)
        examples = [e for e in full.examples if (e.code, e.text) not in drop]
        return TrainingData(full.groups, examples, full.profiles)

    # Without the rows the import added (titles the project lists itself stay).
    builtin_only = TrainingData(
        full.groups,
        [e for e in full.examples if e.source != "title" or (e.code, e.text) not in from_esco],
        full.profiles,
    )
    return {
        "esco_labels_as_titles": len(esco_titles),
        "service_build_s": round(service_build, 2),
        "held_out_labels": _evaluate(without(held_labels), held_labels),
        "held_out_occupations": _evaluate(without(held_occ_list), held_occ_list),
        "builtin_only_on_held_out_labels": _evaluate(builtin_only, held_labels),
    }


# ---- report ---------------------------------------------------------------------------------


def _markdown(results: dict[str, Any], command: str) -> str:
    lines = [
        f"- date: {results['date']}",
        f"- command: `{command}`",
        f"- machine: {results['cores']} cores, {results['platform']}, Python {results['python']}",
        "- data: ESCO v1.1.1 (English), 3,007 occupations, 13,896 skills, 123,855 "
        "occupation-skill relations; ESCO (c) European Union",
        "",
        "| backend | import s | peak RSS MB | RSS before import MB | second import s "
        "(changes nothing) |",
        "|---|---|---|---|---|",
    ]
    for name, r in results["import"].items():
        lines.append(
            f"| {name} | {r['import_s']} | {r['peak_rss_mb']} | {r['rss_before_import_mb']} | "
            f"{r['second_import_s']} ({'changed!' if r['second_import_changed'] else 'no change'})"
            " |"
        )
    c = results["coder"]
    lines += [
        "",
        f"Job-title coder on ESCO labels ({c['esco_labels_as_titles']} ESCO labels as job titles;"
        f" model build from the database with ESCO: {c['service_build_s']} s):",
        "",
        "| held out | n | top-1 | top-5 |",
        "|---|---|---|---|",
    ]
    for key, title in (
        ("held_out_labels", "20% of ESCO labels (stratified by unit group)"),
        ("held_out_occupations", "20% of ESCO occupations, all their labels"),
        ("builtin_only_on_held_out_labels", "same labels, coder without ESCO (built-in only)"),
    ):
        r = c[key]
        lines.append(f"| {title} | {r['n']} | {r['top1']} | {r['top5']} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--esco", type=Path, default=ESCO_DIR, help="folder with the ESCO zips")
    parser.add_argument("--pg-url", default=PG_URL, help="PostgreSQL admin URL")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--write", action="store_true", help="append to bench/RESULTS.md")
    parser.add_argument("--child", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.esco)))
        return

    print(f"cores: {os.cpu_count()}; load average {os.getloadavg()[0]:.1f}", flush=True)
    results: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "import": {},
    }
    with tempfile.TemporaryDirectory() as tmp:
        sqlite_url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        _prepare(sqlite_url)
        results["import"]["SQLite"] = r = _run_child(sqlite_url, args.esco)
        print(f"SQLite: {json.dumps(r)}", flush=True)

        pg = _pg_database(args.pg_url)
        if pg is not None:
            name, url = pg
            try:
                _prepare(url)
                results["import"]["PostgreSQL"] = r = _run_child(url, args.esco)
                print(f"PostgreSQL: {json.dumps(r)}", flush=True)
            finally:
                _drop_pg(args.pg_url, name)

        results["coder"] = coder_accuracy(sqlite_url, args.seed)
    print(json.dumps(results["coder"], indent=2))
    text_out = _markdown(results, "python -m bench.bench_esco" + (" --write" if args.write else ""))
    print(text_out)
    if args.write:
        write_section("ESCO import", text_out)
        print(f"wrote the ESCO import section of {RESULTS}")


if __name__ == "__main__":
    main()
