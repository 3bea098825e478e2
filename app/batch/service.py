"""Batch runs: their records (status, progress, the inputs' versions) and their stored pairs.

A run writes its pairs as it goes, under its own id, while its status is "running"; readers
only ever take a scope's latest *succeeded* run, so a run that fails or is cancelled (its pairs
removed) leaves the previous results of the scope in place, and a run that succeeds replaces
them in one commit (the earlier runs' pairs are removed then, their records kept).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.audit.service import record
from app.batch.models import BatchPair, BatchRun, RunOutput, RunStatus
from app.common.principal import Principal, Role
from app.db import bulk_insert, utcnow
from app.errors import NotFound, ProblemError

ENTITY = "batch_run"
#: A running run whose command has not reported for this long has lost its command.
STALE_AFTER_S = 120.0


@dataclass(frozen=True, slots=True)
class Scope:
    """What a run ranks: open vacancies of a destination and ISCO prefix, active pools of an
    origin (None: all)."""

    destination: str | None = None
    origin: str | None = None
    occupation_prefix: str | None = None

    @property
    def key(self) -> str:
        return (
            f"destination={self.destination or '*'};origin={self.origin or '*'};"
            f"occupation={self.occupation_prefix or '*'}"
        )

    def as_dict(self) -> dict[str, str | None]:
        return asdict(self)

    @classmethod
    def of(cls, data: dict[str, Any] | None) -> Scope:
        data = data or {}
        return cls(data.get("destination"), data.get("origin"), data.get("occupation_prefix"))


@dataclass(frozen=True, slots=True)
class RunPair:
    vacancy_id: uuid.UUID
    rank: int
    pool_id: uuid.UUID
    score: float
    eligible_headcount: int
    pathway_code: str
    missing_essential: list[str] | None


# ---- access ----------------------------------------------------------------------------------


def require_reader(principal: Principal) -> None:
    """A run ranks every organisation's vacancies and pools: officers and admins only."""
    if principal.role not in (Role.OFFICER, Role.ADMIN):
        raise ProblemError(403, "Only program officers and admins read batch runs.")


# ---- the run's life --------------------------------------------------------------------------


def start_run(
    session: Session,
    *,
    scope: Scope,
    top_k: int | None,
    explain_top: int,
    output: RunOutput,
    output_path: str | None,
    cluster: str,
    workers: int,
    change_seq: int,
    change_epoch: str | None,
    engine_version: str,
    weights_hash: str,
    vacancies: int,
    pools: int,
    tasks_total: int,
    started_by: str,
) -> BatchRun:
    run = BatchRun(
        id=uuid.uuid4(),
        scope=scope.as_dict(),
        scope_key=scope.key,
        status=RunStatus.RUNNING.value,
        top_k=top_k,
        explain_top=explain_top,
        output=output.value,
        output_path=output_path,
        cluster=cluster,
        workers=workers,
        change_seq=change_seq,
        change_epoch=change_epoch,
        engine_version=engine_version,
        weights_hash=weights_hash,
        vacancies=vacancies,
        pools=pools,
        tasks_total=tasks_total,
        tasks_done=0,
        started_by=started_by,
        started_at=utcnow(),
        heartbeat_at=utcnow(),
    )
    session.add(run)
    session.flush()
    record(session, None, "create", ENTITY, run.id, None, audit_state(run))
    return run


def store_pairs(session: Session, run_id: uuid.UUID, pairs: Sequence[RunPair]) -> None:
    bulk_insert(
        session,
        BatchPair,
        [
            {
                "run_id": run_id,
                "vacancy_id": p.vacancy_id,
                "rank": p.rank,
                "pool_id": p.pool_id,
                "score": p.score,
                "eligible_headcount": p.eligible_headcount,
                "pathway_code": p.pathway_code,
                "missing_essential": p.missing_essential,
            }
            for p in pairs
        ],
    )


def progress(
    session: Session, run_id: uuid.UUID, *, tasks_done: int, pairs_ranked: int, pairs_stored: int
) -> bool:
    """Record progress (the command's heartbeat); True when the run is to stop: someone asked
    to cancel it, or it was ended meanwhile (marked failed as stale)."""
    session.execute(
        update(BatchRun)
        .where(BatchRun.id == run_id)
        .values(
            tasks_done=tasks_done,
            pairs_ranked=pairs_ranked,
            pairs_stored=pairs_stored,
            heartbeat_at=utcnow(),
        )
    )
    row = session.execute(
        select(BatchRun.cancel_requested, BatchRun.status).where(BatchRun.id == run_id)
    ).one()
    return bool(row.cancel_requested) or row.status != RunStatus.RUNNING.value


def is_stale(run: BatchRun, now: datetime | None = None) -> bool:
    """Running, with no report from its command for STALE_AFTER_S."""
    if run.status != RunStatus.RUNNING.value:
        return False
    now = now or utcnow()
    beat = run.heartbeat_at
    if beat.tzinfo is None:  # SQLite returns naive datetimes (stored as UTC)
        beat = beat.replace(tzinfo=now.tzinfo)
    return (now - beat).total_seconds() > STALE_AFTER_S


def _elapsed(run: BatchRun, now: datetime) -> float:
    started = run.started_at
    if started.tzinfo is None:  # SQLite returns naive datetimes (stored as UTC)
        started = started.replace(tzinfo=now.tzinfo)
    return max((now - started).total_seconds(), 0.0)


def succeed(session: Session, run_id: uuid.UUID, *, pairs_ranked: int, pairs_stored: int) -> None:
    """The run's pairs become its scope's results; earlier runs' pairs of the scope go."""
    run = _locked(session, run_id)
    before = audit_state(run)
    now = utcnow()
    run.status = RunStatus.SUCCEEDED.value
    run.tasks_done = run.tasks_total
    run.pairs_ranked = pairs_ranked
    run.pairs_stored = pairs_stored
    run.finished_at = now
    run.duration_s = round(_elapsed(run, now), 3)
    earlier = list(
        session.scalars(
            select(BatchRun.id).where(
                BatchRun.scope_key == run.scope_key,
                BatchRun.status == RunStatus.SUCCEEDED.value,
                BatchRun.superseded.is_(False),
                BatchRun.id != run.id,
            )
        )
    )
    if earlier:
        session.execute(delete(BatchPair).where(BatchPair.run_id.in_(earlier)))
        session.execute(update(BatchRun).where(BatchRun.id.in_(earlier)).values(superseded=True))
    record(session, None, "update", ENTITY, run.id, before, audit_state(run))
    session.flush()


def end_unfinished(
    session: Session, run_id: uuid.UUID, status: RunStatus, error: str | None = None
) -> None:
    """A failed or cancelled run: its pairs removed, the previous results left in place."""
    run = _locked(session, run_id)
    if run.status != RunStatus.RUNNING.value:
        return  # ended meanwhile (a cancel of a stale run): that verdict stands
    before = audit_state(run)
    _end(session, run, status, error)
    record(session, None, "update", ENTITY, run.id, before, audit_state(run))
    session.flush()


def _end(session: Session, run: BatchRun, status: RunStatus, error: str | None) -> None:
    session.execute(delete(BatchPair).where(BatchPair.run_id == run.id))
    now = utcnow()
    run.status = status.value
    run.error = error[:4000] if error else None
    run.pairs_stored = 0
    run.finished_at = now
    run.duration_s = round(_elapsed(run, now), 3)


def request_cancel(session: Session, principal: Principal, run_id: uuid.UUID) -> BatchRun:
    """Ask a running run to stop (the command polls for it); 409 when it has ended. A stale
    run (its command gone) has nobody to ask: it is ended as failed now, its pairs removed."""
    require_reader(principal)
    run = _locked(session, run_id)
    if run.status != RunStatus.RUNNING.value:
        raise ProblemError(409, f"The run has ended ({run.status}); there is nothing to cancel.")
    if run.cancel_requested and not is_stale(run):
        return run  # asked already: the command stops at its next poll
    before = audit_state(run)
    run.cancel_requested = True
    if is_stale(run):
        error = (
            f"its command stopped reporting (last at {run.heartbeat_at.isoformat()}); "
            "ended on a cancel request"
        )
        _end(session, run, RunStatus.FAILED, error)
    record(session, principal, "cancel", ENTITY, run.id, before, audit_state(run))
    session.flush()
    return run


def _locked(session: Session, run_id: uuid.UUID) -> BatchRun:
    run = session.scalar(select(BatchRun).where(BatchRun.id == run_id).with_for_update())
    if run is None:
        raise NotFound("batch run", run_id)
    return run


def audit_state(run: BatchRun) -> dict[str, Any]:
    return {
        "status": run.status,
        "scope": run.scope,
        "top_k": run.top_k,
        "change_seq": run.change_seq,
        "engine_version": run.engine_version,
        "weights_hash": run.weights_hash,
        "vacancies": run.vacancies,
        "pools": run.pools,
        "pairs_stored": run.pairs_stored,
        "cancel_requested": run.cancel_requested,
        "error": run.error,
    }


# ---- reading ---------------------------------------------------------------------------------


def get_run(session: Session, principal: Principal, run_id: uuid.UUID) -> BatchRun:
    require_reader(principal)
    run = session.get(BatchRun, run_id)
    if run is None:
        raise NotFound("batch run", run_id)
    return run


def list_runs(
    session: Session,
    principal: Principal,
    *,
    status: RunStatus | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[BatchRun], int]:
    """Runs newest first, and how many there are."""
    require_reader(principal)
    stmt = select(BatchRun)
    if status is not None:
        stmt = stmt.where(BatchRun.status == status.value)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(
        stmt.order_by(BatchRun.started_at.desc(), BatchRun.id).offset(offset).limit(limit)
    ).all()
    return list(rows), total


def latest_succeeded(session: Session, scope: Scope | None = None) -> BatchRun | None:
    """The newest succeeded run with its pairs in the database (of a scope, or of any)."""
    stmt = select(BatchRun).where(
        BatchRun.status == RunStatus.SUCCEEDED.value,
        BatchRun.superseded.is_(False),
        BatchRun.output == RunOutput.DATABASE.value,
    )
    if scope is not None:
        stmt = stmt.where(BatchRun.scope_key == scope.key)
    return session.scalars(stmt.order_by(BatchRun.started_at.desc()).limit(1)).first()


def usable_run(session: Session, run_id: uuid.UUID) -> BatchRun:
    """A run whose stored pairs can feed analytics or a plan; 422 otherwise."""
    run = session.get(BatchRun, run_id)
    if run is None:
        raise NotFound("batch run", run_id)
    if run.status != RunStatus.SUCCEEDED.value or run.superseded:
        raise ProblemError(
            422,
            f"Batch run {run_id} is {'superseded' if run.superseded else run.status}: only a "
            "scope's latest succeeded run has results.",
        )
    if run.output != RunOutput.DATABASE.value:
        raise ProblemError(
            422, f"Batch run {run_id} wrote its results to Parquet ({run.output_path})."
        )
    return run


def run_pairs(
    session: Session, run_id: uuid.UUID, *, max_rank: int | None = None
) -> Iterator[RunPair]:
    """The run's pairs, vacancy by vacancy, in rank order (streamed)."""
    stmt = select(BatchPair).where(BatchPair.run_id == run_id)
    if max_rank is not None:
        stmt = stmt.where(BatchPair.rank <= max_rank)
    rows = session.execute(
        stmt.order_by(BatchPair.vacancy_id, BatchPair.rank).execution_options(yield_per=10_000)
    ).scalars()
    for p in rows:
        yield RunPair(
            p.vacancy_id,
            p.rank,
            p.pool_id,
            p.score,
            p.eligible_headcount,
            p.pathway_code,
            p.missing_essential,
        )
