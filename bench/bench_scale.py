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
        "microdata_regions": 230,
    },
    "quick": {
        "vacancies": 400,
        "pools": 20_000,
        "in_process_sample": 50,
        "one_worker_vacancies": 200,
        "microdata_rows": 100_000,
        "microdata_in_process_rows": 20_000,
        "microdata_regions": 230,
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
        finally:
            db.dispose()
    finally:
        if name and not reuse and not keep:
            bigdb.drop_database(name)
    return out


# ---- (microdata) -----------------------------------------------------------------------------

MICRODATA_HEADER = (
    "respondent_id,region,occupation,sector,isced_level,languages,skills,experience_years,"
    "willing_to_work_abroad"
)
#: Regions x unit groups are the cells: 230 x 436 = 100,000 cells, about seventy willing
#: respondents each at 10 million rows (about 100,000 pools). At 2,300 regions (a million
#: cells) the pools pass through the driver as PoolIn records: ~10 GB for a million (measured).
LANGUAGE_ANSWERS = ("en:B2", "en:B1", "en:C1;fr:A2", "tl:C2;en:B2", "ar:C2;en:A2", "")


def write_microdata(
    path: Any, rows: int, occupations: list[str], skills: list[str], seed: int, regions: int
) -> None:
    """`rows` respondents as a CSV file: 70 % willing to work abroad, every row valid."""
    rng = np.random.default_rng(seed)
    chunk = 500_000
    profiles = rng.integers(0, len(skills), (len(occupations), 12))
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(MICRODATA_HEADER + "\n")
        for start in range(0, rows, chunk):
            n = min(chunk, rows - start)
            region = rng.integers(0, regions, n)
            occ = rng.integers(0, len(occupations), n)
            isced = rng.integers(1, 8, n)
            exp = rng.integers(0, 80, n) / 2
            willing = rng.random(n) < 0.7
            lang = rng.integers(0, len(LANGUAGE_ANSWERS), n)
            picks = rng.integers(0, 12, (n, 4))
            lines = []
            for i in range(n):
                prof = profiles[occ[i]]
                own = ";".join(sorted({skills[prof[j]] for j in picks[i]}))
                lines.append(
                    f"R{start + i:09d},District {region[i]},{occupations[occ[i]]},,{isced[i]},"
                    f"{LANGUAGE_ANSWERS[lang[i]]},{own},{exp[i]:g},{'yes' if willing[i] else 'no'}"
                )
            fh.write("\n".join(lines) + "\n")


def _watched(cmd: list[str], env: dict[str, str]) -> tuple[float, float, list[float]]:
    """Run a command to its end: (seconds, the peak MB of its process, of each of its child
    processes, the cluster's workers), sampled every 0.2 s."""
    import psutil

    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    main = psutil.Process(proc.pid)
    peak: dict[int, float] = {}
    while proc.poll() is None:
        try:
            for p in [main, *main.children(recursive=True)]:
                peak[p.pid] = max(peak.get(p.pid, 0.0), p.memory_info().rss / 2**20)
        except psutil.Error:
            pass
        time.sleep(0.2)
    stdout, stderr = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(stdout[-2000:] + stderr[-4000:])
    workers = sorted((round(v) for pid, v in peak.items() if pid != proc.pid), reverse=True)
    # The two largest children are the workers (the others: the nannies, a resource tracker).
    return time.perf_counter() - t0, round(peak.get(proc.pid, 0.0)), workers[:2]


def part_microdata(size: dict[str, int], seed: int, keep: bool) -> dict[str, Any]:
    """A fresh PostgreSQL database (taxonomy, one ministry), a CSV of the size's rows, and
    `imdi aggregate-microdata --local 2` on it; the in-process reader on a smaller file."""
    import tempfile
    from pathlib import Path

    from sqlalchemy import select

    import app.models  # noqa: F401
    from app.auth.models import Organisation
    from app.config import Settings
    from app.db import Database
    from app.migrate import upgrade
    from app.seed import seed as seed_taxonomy
    from app.surveys import microdata
    from app.surveys.limits import ReadLimits
    from app.surveys.models import SurveyUpload
    from app.surveys.occupations import TitleCoder
    from app.surveys.tables import open_table
    from app.taxonomy.models import Occupation, Skill
    from bench import bigdb

    out: dict[str, Any] = {}
    name = bigdb.create_database()
    url = bigdb.database_url(name)
    work = Path(tempfile.mkdtemp(prefix="imdi-microdata-"))
    try:
        upgrade(url)
        settings = Settings(environment="development", database_url=url)
        db = Database(url, settings)
        try:
            with db.transaction() as session:
                seed_taxonomy(session, demo=False)
                session.add(
                    Organisation(slug="bench-ministry", name="Bench", kind="ministry", country="PH")
                )
            with db.session() as session:
                occupations = sorted(
                    session.scalars(select(Occupation.code).where(Occupation.level == 4))
                )
                skills = sorted(session.scalars(select(Skill.id).where(Skill.is_group.is_(False))))
            big, small = work / "census.csv", work / "sample.csv"
            t0 = time.perf_counter()
            regions = size["microdata_regions"]
            write_microdata(big, size["microdata_rows"], occupations, skills, seed, regions)
            write_microdata(
                small, size["microdata_in_process_rows"], occupations, skills, seed + 1, regions
            )
            out["files_written_s"] = round(time.perf_counter() - t0, 1)
            out["rows"] = size["microdata_rows"]
            out["file_mb"] = round(big.stat().st_size / 2**20)

            # In-process: the upload's reader (read, check codes, aggregate), rows per second.
            with db.session() as session, small.open("rb") as fh:
                t0 = time.perf_counter()
                table = open_table(
                    fh,
                    small.name,
                    microdata.COLUMNS,
                    limits=ReadLimits(max_rows=10**9, max_text_chars=10**12),
                )
                reader = microdata.MicrodataReader(
                    TitleCoder(session, settings.coding_min_confidence)
                )
                reader.read(table)
                agg = reader.aggregate(reader.check_codes(session), origin="PH")
                in_s = time.perf_counter() - t0
            out["in_process_rows_per_s"] = round(size["microdata_in_process_rows"] / in_s)
            out["in_process_pools"] = len(agg.items)
            del agg, reader, table

            env = {**os.environ, "IMDI_DATABASE_URL": url, "IMDI_ENVIRONMENT": "development"}
            for label, extra in (("dry_run", ["--dry-run"]), ("stored", [])):
                cmd = [
                    sys.executable,
                    "-m",
                    "app.cli",
                    "aggregate-microdata",
                    str(big),
                    "--ministry",
                    "bench-ministry",
                    "--local",
                    "2",
                    "--no-progress",
                    *extra,
                ]
                wall, driver_mb, worker_mb = _watched(cmd, env)
                out[f"{label}_wall_s"] = round(wall, 1)
                out[f"{label}_rows_per_s_per_core"] = round(size["microdata_rows"] / wall / 2)
                out[f"{label}_peak_mb_driver"] = driver_mb
                out[f"{label}_peak_mb_per_worker"] = worker_mb
            with db.session() as session:
                upload = session.scalars(select(SurveyUpload)).one()
                out["pools_stored"] = len((upload.report or {}).get("outcomes", []))
                out["cells_suppressed"] = upload.cells_suppressed
        finally:
            db.dispose()
    finally:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
        if not keep:
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
    "microdata": "(microdata) imdi aggregate-microdata on PostgreSQL, 2 workers",
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
            "microdata": lambda: part_microdata(size, args.seed, args.keep),
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
