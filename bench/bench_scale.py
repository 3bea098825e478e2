"""National scale on Dask (issue 18): `python -m bench.bench_scale [--quick] [--part P] [--write]`.

(rank) batch ranking: 10,000 vacancies x 1,000,000 pools (10^10 pairs), top 50 per vacancy with
       the missing essential skills of the first 10, on a LocalCluster of 1 and of 2 worker
       processes (app/batch/ranking.rank_on_cluster: the graph `imdi batch-rank` runs); the same
       work in one process on one index of every pool (a sample of the vacancies) is the
       in-process ranker's throughput per core. Peak memory per worker (ru_maxrss), and the
       10^12-pair run on 64 cores projected from the 1 -> 2 worker scaling (Amdahl's law).
(command) `imdi batch-rank` end to end on PostgreSQL (bench/bigdb.py's database: 1,000,000 pools,
       10,000 open vacancies): the snapshot read, the cluster run and the pairs written.
(microdata) `imdi aggregate-microdata`: 10,000,000 respondent rows (a CSV file) aggregated on a
       2-worker LocalCluster, against the in-process reader's rows per second on 1,000,000.

Figures are printed (and with --write stored in bench/RESULTS.md), never asserted. Run it alone
on the machine: the load average is printed beside the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import datetime
from typing import Any

import numpy as np

from bench.results import RESULTS, write_section

SIZES: dict[str, dict[str, int]] = {
    "full": {
        "vacancies": 10_000,
        "pools": 1_000_000,
        "in_process_sample": 400,
        "one_worker_vacancies": 5_000,
        "microdata_rows": 10_000_000,
        "microdata_in_process_rows": 1_000_000,
    },
    "quick": {
        "vacancies": 400,
        "pools": 20_000,
        "in_process_sample": 50,
        "one_worker_vacancies": 200,
        "microdata_rows": 100_000,
        "microdata_in_process_rows": 20_000,
    },
}
K = 50
EXPLAIN_TOP = 10
PROJECT_PAIRS = 10**12
PROJECT_CORES = 64


def cores() -> tuple[int, int]:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return os.cpu_count() or 1, usable or 1


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker_peaks(client: Any) -> list[float]:
    """Peak resident memory of each worker process, MB."""
    return sorted(round(v, 1) for v in client.run(_rss_mb).values())


def amdahl(speedup_2: float, cores: int) -> float:
    """The speed-up on `cores` of a job whose speed-up on 2 is `speedup_2` (serial part fit)."""
    serial = min(max(2.0 / max(speedup_2, 1e-9) - 1.0, 0.0), 1.0)
    return 1.0 / (serial + (1.0 - serial) / cores)


# ---- (rank) ----------------------------------------------------------------------------------


def _cluster_pairs_per_s(
    vacancies: list[Any], columns: Any, ctx: Any, workers: int
) -> tuple[float, float, list[float]]:
    """(seconds, pairs per second, peak MB per worker) of the graph on `workers` workers."""
    from app.batch.ranking import RunOptions, rank_on_cluster
    from app.common.cluster import dask_client

    options = RunOptions(top_k=K, explain_top=EXPLAIN_TOP, poll_seconds=5.0)
    with dask_client(local=workers, memory_limit="6GB") as client:
        client.run(lambda: None)  # workers up before the clock starts
        stored = 0

        def sink(merged: Any) -> bool:
            nonlocal stored
            if merged is not None:
                stored += merged.pairs
            return False

        t0 = time.perf_counter()
        rank_on_cluster(client, ctx, vacancies, columns, options, tag=f"bench{workers}", sink=sink)
        seconds = time.perf_counter() - t0
        peaks = _worker_peaks(client)
    assert stored > 0
    return seconds, len(vacancies) * len(columns) / seconds, peaks


def part_rank(size: dict[str, int], seed: int) -> dict[str, Any]:
    from app.matches import adapters
    from bench.synthetic import make_columns_dataset

    t0 = time.perf_counter()
    vacancies, columns, ctx = make_columns_dataset(size["vacancies"], size["pools"], seed)
    built = time.perf_counter() - t0

    # In-process: the same work (top 50, the first 10 explained) in one process, one index.
    index = adapters.pool_index(columns, ctx.taxonomy)
    sample = vacancies[: size["in_process_sample"]]
    adapters.rank_block(index, sample[:5], ctx, K, EXPLAIN_TOP)  # warm the caches
    t0 = time.perf_counter()
    part = adapters.rank_block(index, sample, ctx, K, EXPLAIN_TOP)
    adapters.merge_blocks([part], sample, ctx, K, EXPLAIN_TOP)
    in_s = time.perf_counter() - t0
    in_rate = len(sample) * len(columns) / in_s
    del index, part

    one = vacancies[: size["one_worker_vacancies"]]
    s1, rate1, peaks1 = _cluster_pairs_per_s(one, columns, ctx, 1)
    s2, rate2, peaks2 = _cluster_pairs_per_s(vacancies, columns, ctx, 2)
    speedup = rate2 / rate1
    projected = rate1 * amdahl(speedup, PROJECT_CORES)
    return {
        "pairs": f"{len(vacancies)} vacancies x {len(columns)} pools = "
        f"{len(vacancies) * len(columns):.2e}",
        "dataset_built_s": round(built, 1),
        "in_process_pairs_per_s_per_core": f"{in_rate:.3e}",
        "in_process_ms_per_vacancy": round(in_s / len(sample) * 1000, 2),
        "one_worker": f"{len(one)} vacancies in {s1:.1f} s, {rate1:.3e} pairs/s",
        "two_workers": f"{len(vacancies)} vacancies in {s2:.1f} s, {rate2:.3e} pairs/s",
        "cluster_pairs_per_s_per_core_2_workers": f"{rate2 / 2:.3e}",
        "in_process_over_cluster_per_core": round(in_rate / (rate2 / 2), 2),
        "speedup_1_to_2_workers": round(speedup, 2),
        "peak_mb_per_worker_1": peaks1,
        "peak_mb_per_worker_2": peaks2,
        "projected_1e12_pairs_on_64_cores_min": round(PROJECT_PAIRS / projected / 60, 1),
        "projection_model": f"Amdahl, serial part {max(2 / speedup - 1, 0):.3f} from 1->2",
    }


# ---- (command) -------------------------------------------------------------------------------


def part_command(size: dict[str, int], seed: int, reuse: str | None, keep: bool) -> dict[str, Any]:
    """`imdi batch-rank --local 2` end to end on a PostgreSQL database of the national scale."""
    from sqlalchemy import select

    import app.models  # noqa: F401
    from app.batch.models import BatchRun
    from app.batch.ranking import read_snapshot
    from app.batch.service import Scope
    from app.config import Settings
    from app.db import Database
    from bench import bigdb

    name = reuse
    out: dict[str, Any] = {}
    if reuse:
        url = bigdb.database_url(reuse)
        out["database"] = f"reused {reuse}"
    else:
        t0 = time.perf_counter()
        report = bigdb.build(size["pools"], size["vacancies"], seed=seed, log=lambda _: None)
        url, name = report.url, report.name
        out["database_built_s"] = round(time.perf_counter() - t0, 1)
    try:
        settings = Settings(environment="development", database_url=url)
        db = Database(url, settings)
        try:
            t0 = time.perf_counter()
            with db.session() as session:
                snap = read_snapshot(session, settings, Scope())
            out["snapshot_read_s"] = round(time.perf_counter() - t0, 1)
            out["pairs"] = f"{len(snap.vacancies)} x {len(snap.pools)}"
            del snap
            env = {**os.environ, "IMDI_DATABASE_URL": url, "IMDI_ENVIRONMENT": "development"}
            t0 = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "app.cli", "batch-rank", "--local", "2", "--no-progress"],
                check=True,
                env=env,
                capture_output=True,
            )
            out["command_wall_s"] = round(time.perf_counter() - t0, 1)
            with db.session() as session:
                run = session.scalars(select(BatchRun).order_by(BatchRun.started_at.desc())).first()
                assert run is not None and run.status == "succeeded", run and run.error
                out["run_duration_s"] = run.duration_s
                out["pairs_stored"] = run.pairs_stored
                out["stored_pairs_per_s"] = round(run.pairs_stored / max(run.duration_s or 1, 1))
        finally:
            db.dispose()
    finally:
        if name and not reuse and not keep:
            bigdb.drop_database(name)
    return out


# ---- running parts in fresh processes --------------------------------------------------------


def _run_part(part: str, mode: str, seed: int, extra: list[str]) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.bench_scale", "--part", part, "--seed", str(seed), *extra]
    if mode == "quick":
        cmd.append("--quick")
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


PARTS: dict[str, str] = {
    "rank": "(rank) batch ranking on a LocalCluster, against the in-process ranker",
    "command": "(command) imdi batch-rank end to end on PostgreSQL, 2 workers",
}


def _markdown(results: dict[str, Any], command: str) -> str:
    machine, usable = results["cores"]
    lines = [
        f"- date: {results['date']}",
        f"- command: `{command}`",
        f"- machine: {machine} cores ({usable} usable), {results['platform']}, "
        f"Python {results['python']}, numpy {results['numpy']}",
        "",
    ]
    for part, title in PARTS.items():
        if part not in results:
            continue
        lines += [f"### {title}", "", "| figure | value |", "|---|---|"]
        lines += [f"| {key} | {value} |" for key, value in results[part].items()]
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, seconds")
    parser.add_argument("--part", choices=sorted(PARTS), help="run one part in this process")
    parser.add_argument("--only", choices=sorted(PARTS), action="append", help="parts to run")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--write", action="store_true", help="write bench/RESULTS.md")
    parser.add_argument(
        "--size",
        action="append",
        default=[],
        metavar="NAME=N",
        help="override a size, e.g. --size vacancies=2000 (see SIZES)",
    )
    parser.add_argument("--reuse", metavar="DBNAME", help="(command) a kept bench database")
    parser.add_argument("--keep", action="store_true", help="(command) keep the database built")
    args = parser.parse_args(argv)
    mode = "quick" if args.quick else "full"
    size = dict(SIZES[mode])
    for item in args.size:
        name, _, value = item.partition("=")
        if name not in size:
            parser.error(f"unknown size {name!r}: one of {', '.join(size)}")
        size[name] = int(value)
    if args.part:
        runners = {
            "rank": lambda: part_rank(size, args.seed),
            "command": lambda: part_command(size, args.seed, args.reuse, args.keep),
        }
        print(json.dumps(runners[args.part]()))
        return
    machine, usable = cores()
    print(
        f"cores: {machine} in the machine, {usable} usable; mode: {mode}; "
        f"load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    results: dict[str, Any] = {
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "cores": [machine, usable],
        "platform": platform.platform(),
        "python": platform.python_version(),
        "numpy": np.__version__,
    }
    for part in args.only or list(PARTS):
        t0 = time.perf_counter()
        load_before = os.getloadavg()[0]
        extra = [f"--size={item}" for item in args.size]
        extra += [f"--reuse={args.reuse}"] if args.reuse else []
        extra += ["--keep"] if args.keep else []
        results[part] = _run_part(part, mode, args.seed, extra)
        results[part]["load_avg_1min_before_after"] = (
            f"{load_before:.1f} / {os.getloadavg()[0]:.1f}"
        )
        print(f"\n[{part}] ({time.perf_counter() - t0:.0f} s)", flush=True)
        for key, value in results[part].items():
            print(f"  {key}: {value}", flush=True)
    if args.write:
        command = "python -m bench.bench_scale" + (" --quick" if args.quick else "") + " --write"
        write_section("National scale on Dask", _markdown(results, command))
        print(f"\nwrote the National scale on Dask section of {RESULTS}")


if __name__ == "__main__":
    main()
