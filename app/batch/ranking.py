"""`imdi batch-rank`: every open vacancy of a scope against every active pool, on Dask.

1. One snapshot of the database (REPEATABLE READ on PostgreSQL): the change feed's head, the
   scope's open vacancies and active pools, the pathways, rates, quotas and approvals, as the
   live market would read them (app/matches/adapters.py), so the run ranks what a request at
   that head would rank.
2. The pools are cut into blocks (each becomes an index on one worker) and the vacancies into
   blocks; each (vacancy block x pool block) piece is a task giving that pool block's top k per
   vacancy; a merge per vacancy block gives its ranking (matching/blocks.py: equal to one index
   of every pool), with the missing essential skills of each vacancy's first pairs.
3. Merged blocks are written as they arrive (batch_pairs, or one Parquet part each) under the
   run's id; the run's record shows progress and is polled for a cancel. A task that raises is
   retried (TASK_RETRIES; a lost worker's tasks Dask reschedules itself). A run that fails or is
   cancelled removes what it wrote, leaving the scope's previous results in place; one that
   succeeds becomes the scope's results in one commit (app/batch/service.py).
"""

from __future__ import annotations

import logging
import math
import shutil
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import changes
from app.batch import service, tasks
from app.batch.models import BatchRun, RunOutput, RunStatus
from app.batch.service import RunPair, Scope
from app.common.cluster import TASK_RETRIES, worker_count
from app.config import Settings
from app.db import Database
from app.matches import adapters
from app.matches.adapters import BlockTop, Context, PoolColumns, Vacancy
from app.pools.models import Pool, PoolStatus

if TYPE_CHECKING:
    from distributed import Client, Future

log = logging.getLogger("imdi.batch")

#: Pools per block: an index of this many pools is a few hundred MB on its worker.
DEFAULT_POOL_BLOCK = 250_000
#: Vacancies per task: enough to amortise a task's overhead, few enough to spread the work.
DEFAULT_VACANCY_BLOCK = 256
#: The skills gap counts each vacancy's first ten matches (app/analytics DEFAULT_TOP_N).
DEFAULT_EXPLAIN_TOP = 10


@dataclass(frozen=True, slots=True)
class RunOptions:
    top_k: int | None = 50  # None: every eligible pair
    explain_top: int = DEFAULT_EXPLAIN_TOP
    vacancy_block: int = DEFAULT_VACANCY_BLOCK
    pool_block: int | None = None  # None: default_pool_block
    parquet_dir: Path | None = None
    progress: bool = False
    poll_seconds: float = 2.0


@dataclass(frozen=True, slots=True)
class Snapshot:
    seq: int
    epoch: str | None
    ctx: Context
    vacancies: list[Vacancy]
    pools: PoolColumns
    weights_hash: str


class RunCancelled(Exception):
    pass


def read_snapshot(session: Session, settings: Settings, scope: Scope) -> Snapshot:
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    seq, epoch = changes.head(session)
    # The live market's context: its pathways, rates, quota use, approvals and weights.
    ctx = adapters.load_context(session, settings, adapters.weights_of(settings))
    records, _ = adapters.open_vacancies(session)
    vacancies = [
        v
        for v in records
        if (scope.destination is None or v.destination == scope.destination)
        and (scope.occupation_prefix is None or v.occupation.startswith(scope.occupation_prefix))
    ]
    if scope.origin is None:
        columns, _ = adapters.pool_columns(session)
    else:
        ids = list(
            session.scalars(
                select(Pool.id).where(
                    Pool.status == PoolStatus.ACTIVE, Pool.origin_country == scope.origin
                )
            )
        )
        columns, _ = adapters.pool_columns(session, ids)
    return Snapshot(seq, epoch, ctx, vacancies, columns, adapters.weights_digest(ctx.weights))


def default_pool_block(pools: int, workers: int) -> int:
    """A block per worker at least (each index is built once, where it is first needed), at
    most DEFAULT_POOL_BLOCK pools: larger blocks mean fewer pieces per vacancy."""
    return max(1, min(DEFAULT_POOL_BLOCK, math.ceil(pools / max(1, workers))))


def _spans(n: int, size: int) -> list[tuple[int, int]]:
    size = max(1, size)
    return [(a, min(a + size, n)) for a in range(0, n, size)]


def _pairs_of(top: BlockTop) -> list[RunPair]:
    out: list[RunPair] = []
    missing = top.missing
    pool_ids = top.pool_ids.tolist()
    scores = top.score.tolist()
    heads = top.headcount.tolist()
    codes = top.pathway.tolist()
    for i, vid in enumerate(top.vacancy_ids):
        vacancy_id = uuid.UUID(vid)
        for rank, j in enumerate(top.entries(i), start=1):
            m = missing[j] if missing is not None else None
            out.append(
                RunPair(
                    vacancy_id,
                    rank,
                    uuid.UUID(pool_ids[j]),
                    scores[j],
                    int(heads[j]),
                    codes[j],
                    list(m) if m is not None else None,
                )
            )
    return out


def _progress_bar(futures: Sequence[Future]) -> None:
    """Dask's own progress bar on the terminal, beside the run (it waits on its own thread)."""
    from distributed import progress

    threading.Thread(
        target=progress, args=(list(futures),), kwargs={"notebook": False}, daemon=True
    ).start()


def rank_on_cluster(
    client: Client,
    ctx: Context,
    vacancies: Sequence[Vacancy],
    pools: PoolColumns,
    options: RunOptions,
    *,
    tag: str,
    sink: Callable[[tasks.Merged | None], bool],
    out_dir: Path | None = None,
) -> None:
    """Rank `vacancies` against `pools` on the cluster: `sink` takes each vacancy block's
    result as it arrives, and None every poll_seconds meanwhile; it returns True to cancel
    (RunCancelled is raised). A task's error is raised after its retries. Whatever happens,
    the run's data and tasks are released from the cluster."""
    from distributed import wait

    workers = worker_count(client)
    block = options.pool_block or default_pool_block(len(pools), workers)
    pool_spans = _spans(len(pools), block) or [(0, 0)]
    vacancy_spans = _spans(len(vacancies), options.vacancy_block)
    k, keep = options.top_k, options.explain_top
    if k is not None:
        keep = min(keep, k)
    held: list[Future] = []
    try:
        # Scattered without hashing (a million pools would be tokenised for nothing).
        ctx_f = client.scatter(ctx, broadcast=True, hash=False)
        held.append(ctx_f)
        block_fs = client.scatter([pools.block(a, b) for a, b in pool_spans], hash=False)
        held += block_fs
        index_fs = [
            client.submit(
                tasks.build_index, b, ctx_f, key=f"pool-index-{tag}-{j}", retries=TASK_RETRIES
            )
            for j, b in enumerate(block_fs)
        ]
        held += index_fs
        vacancy_fs = client.scatter([list(vacancies[a:b]) for a, b in vacancy_spans], hash=False)
        held += vacancy_fs
        merges: list[Future] = []
        for i, vf in enumerate(vacancy_fs):
            parts = [
                client.submit(
                    tasks.rank_piece,
                    ix,
                    vf,
                    ctx_f,
                    k,
                    keep,
                    key=f"rank-{tag}-{i}-{j}",
                    retries=TASK_RETRIES,
                )
                for j, ix in enumerate(index_fs)
            ]
            parquet_file = None if out_dir is None else str(out_dir / f"part-{i:06d}.parquet")
            merges.append(
                client.submit(
                    tasks.merge_piece,
                    parts,
                    vf,
                    ctx_f,
                    k,
                    keep,
                    parquet_file,
                    key=f"merge-{tag}-{i}",
                    retries=TASK_RETRIES,
                )
            )
        held += merges
        if options.progress and merges:
            _progress_bar(merges)
        pending = set(merges)
        while pending:
            try:
                finished, pending = wait(
                    pending, timeout=options.poll_seconds, return_when="FIRST_COMPLETED"
                )
            except TimeoutError:
                finished = set()
            for fut in finished:
                merged: tasks.Merged = fut.result()  # raises the task's error after retries
                fut.release()
                if sink(merged):
                    raise RunCancelled
            if not finished and sink(None):
                raise RunCancelled
    finally:
        client.cancel(held, force=True)


def batch_rank(
    db: Database,
    settings: Settings,
    client: Client,
    scope: Scope,
    options: RunOptions,
    *,
    cluster: str,
    started_by: str,
) -> BatchRun:
    """Run one batch ranking to its end (succeeded, failed or cancelled); the run's record."""
    with db.session() as session:
        snap = read_snapshot(session, settings, scope)
    output = RunOutput.PARQUET if options.parquet_dir is not None else RunOutput.DATABASE
    with db.transaction(writes=False) as session:
        run = service.start_run(
            session,
            scope=scope,
            top_k=options.top_k,
            explain_top=options.explain_top,
            output=output,
            output_path=None,
            cluster=cluster,
            workers=worker_count(client),
            change_seq=snap.seq,
            change_epoch=snap.epoch,
            engine_version=adapters.ENGINE_VERSION,
            weights_hash=snap.weights_hash,
            vacancies=len(snap.vacancies),
            pools=len(snap.pools),
            tasks_total=len(_spans(len(snap.vacancies), options.vacancy_block)),
            started_by=started_by,
        )
        run_id = run.id
        out_dir = None
        if options.parquet_dir is not None:
            out_dir = options.parquet_dir / str(run_id)
            run.output_path = str(out_dir)
    log.info(
        "batch run %s: %d vacancies x %d pools on %s",
        run_id,
        len(snap.vacancies),
        len(snap.pools),
        cluster,
    )

    pairs_stored = pairs_ranked = done = 0

    def sink(merged: tasks.Merged | None) -> bool:
        """A finished vacancy block (None: a poll) -> its pairs written; True to cancel."""
        nonlocal pairs_stored, pairs_ranked, done
        with db.transaction(writes=False) as session:
            if merged is not None:
                pairs_ranked += merged.ranked
                pairs_stored += merged.pairs
                done += 1
                if merged.top is not None and merged.pairs:
                    service.store_pairs(session, run_id, _pairs_of(merged.top))
            return service.progress(
                session,
                run_id,
                tasks_done=done,
                pairs_ranked=pairs_ranked,
                pairs_stored=pairs_stored,
            )

    try:
        rank_on_cluster(
            client,
            snap.ctx,
            snap.vacancies,
            snap.pools,
            options,
            tag=run_id.hex[:12],
            sink=sink,
            out_dir=out_dir,
        )
    except BaseException as exc:
        cancelled = isinstance(exc, RunCancelled | KeyboardInterrupt)
        status = RunStatus.CANCELLED if cancelled else RunStatus.FAILED
        error = None if cancelled else f"{type(exc).__name__}: {exc}"
        with db.transaction(writes=False) as session:
            service.end_unfinished(session, run_id, status, error)
        if out_dir is not None:
            shutil.rmtree(out_dir, ignore_errors=True)
        log.warning("batch run %s %s: %s", run_id, status.value, error or "on request")
        if not cancelled:
            raise
    else:
        with db.transaction(writes=False) as session:
            service.succeed(session, run_id, pairs_ranked=pairs_ranked, pairs_stored=pairs_stored)
    with db.session() as session:
        found = session.get(BatchRun, run_id)
        assert found is not None
        return found


def describe(run: BatchRun) -> dict[str, Any]:
    """A run's figures for the command's output."""
    return {
        "run": str(run.id),
        "status": run.status,
        "vacancies": run.vacancies,
        "pools": run.pools,
        "pairs_ranked": run.pairs_ranked,
        "pairs_stored": run.pairs_stored,
        "duration_s": run.duration_s,
        "output": run.output_path or run.output,
    }
