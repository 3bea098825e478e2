"""API schemas of batch runs (`imdi batch-rank`): a run's record, its progress and the inputs'
versions its results are "as of"."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import JsonDict

from app.batch import service
from app.common.schemas import UtcDatetime, one_of

if TYPE_CHECKING:
    from app.batch.models import BatchRun

#: A run's state (the filter of GET /api/v1/batch-runs).
RunState = Literal["running", "succeeded", "failed", "cancelled"]
RUN_STATES: tuple[str, ...] = ("running", "succeeded", "failed", "cancelled")

# The example: a national run of nurses' vacancies (ISCO-08 2221) on an 8-worker cluster. The
# document's examples have no nulls (FastAPI leaves null values out), so the nullable fields
# default to None and the example leaves them out.
_RUN_ID = "3f8c2a91-6d4e-4b17-a0c5-9e2d7b1f4a68"
_SCOPE: JsonDict = {"occupation_prefix": "2221"}
_INPUTS: JsonDict = {"change_seq": 48213, "change_epoch": "c0a8e3f1-b2d9-4e6f-a7b5-c1d2e3f40516"}
_PROGRESS: JsonDict = {"tasks_done": 412, "tasks_total": 412, "fraction": 1.0}
_RUN_EXAMPLE: JsonDict = {
    "id": _RUN_ID,
    "status": "succeeded",
    "current": True,
    "scope": _SCOPE,
    "top_k": 50,
    "explain_top": 10,
    "output": "database",
    "cluster": "tcp://10.20.0.5:8786",
    "workers": 8,
    "inputs": _INPUTS,
    "engine_version": "2.1.0",
    "weights_hash": "b73d328e7af18cf1",
    "vacancies": 105_472,
    "pools": 1_000_000,
    "pairs_ranked": 3_871_205_113,
    "pairs_stored": 5_273_600,
    "progress": _PROGRESS,
    "cancel_requested": False,
    "superseded": False,
    "started_by": "ops@imdi-facilitation.example.org",
    "heartbeat_at": "2025-11-20T02:41:37.901355Z",
    "stale": False,
    "started_at": "2025-11-20T02:00:04.118302Z",
    "finished_at": "2025-11-20T02:41:37.907114Z",
    "duration_s": 2493.789,
}


class BatchScopeOut(BaseModel):
    """What a run ranked: the open vacancies of a destination and occupation, against the
    active pools of an origin; a field left out (or null) is not narrowed."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [_SCOPE, {"destination": "DE", "origin": "PH"}]}
    )

    destination: str | None = Field(
        default=None,
        description="vacancies to this destination country (ISO 3166-1 alpha-2); null: all",
    )
    origin: str | None = Field(
        default=None,
        description="pools of this origin country (ISO 3166-1 alpha-2); null: all",
    )
    occupation_prefix: str | None = Field(
        default=None,
        description="vacancies whose ISCO-08 occupation code starts with this; null: all",
    )


class BatchInputsOut(BaseModel):
    """The inputs' version a run ranked: the change feed's position of its snapshot. Its
    results are "as of" this change; a later write is not in them."""

    model_config = ConfigDict(json_schema_extra={"examples": [_INPUTS]})

    change_seq: int = Field(
        description="the change feed's number (change_head) when the run read its snapshot"
    )
    change_epoch: str | None = Field(
        default=None,
        description="the feed's epoch, naming the database (one restored from a backup has a "
        "new one); null: none recorded",
    )


class BatchProgressOut(BaseModel):
    """How far a run is: one task per block of vacancies, counted as its pairs are stored."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [_PROGRESS, {"tasks_done": 97, "tasks_total": 412, "fraction": 0.2354}]
        }
    )

    tasks_done: int = Field(description="vacancy blocks ranked and stored")
    tasks_total: int = Field(description="vacancy blocks of the run in all")
    fraction: float = Field(
        ge=0.0, le=1.0, description="tasks_done / tasks_total, 0..1 (1 for a succeeded run)"
    )


class BatchRunOut(BaseModel):
    """A batch run of `imdi batch-rank`: every open vacancy of a scope ranked against every
    active pool on a Dask cluster, each vacancy's top k pairs stored. Its record says what was
    ranked (the inputs' version, engine version, weights hash), how far it is, and whether its
    pairs are its scope's results now (`current`)."""

    model_config = ConfigDict(json_schema_extra={"examples": [_RUN_EXAMPLE]})

    id: uuid.UUID = Field(description="the run's id")
    status: Annotated[str, one_of(*RUN_STATES)] = Field(
        description="running; succeeded (its pairs became its scope's results); failed or "
        "cancelled (what it wrote was removed: the scope's previous results stay)"
    )
    current: bool = Field(
        description="true when its pairs are its scope's results now: it succeeded and no "
        "later run of the scope has succeeded since"
    )
    scope: BatchScopeOut = Field(description="the vacancies and pools ranked")
    top_k: int | None = Field(
        default=None, description="pairs kept per vacancy, best first; null: every eligible pair"
    )
    explain_top: int = Field(
        description="the first pairs of each vacancy stored with their missing essential skills"
    )
    output: Annotated[str, one_of("database", "parquet")] = Field(
        description="where the pairs went: database (readable by the service) or parquet "
        "(part files under output_path, for very large scopes)"
    )
    output_path: str | None = Field(
        default=None, description="the Parquet directory of a parquet run; null otherwise"
    )
    cluster: str = Field(description='the Dask cluster: "local:N" or the scheduler\'s address')
    workers: int = Field(description="the cluster's workers when the run started")
    inputs: BatchInputsOut = Field(description="the version of the inputs it ranked")
    engine_version: str = Field(description="the matching engine's version that ranked")
    weights_hash: str = Field(description="digest of the score weights the engine used")
    vacancies: int = Field(description="open vacancies of the scope ranked")
    pools: int = Field(description="active pools of the scope ranked against")
    pairs_ranked: int = Field(description="eligible (vacancy, pool) pairs found, before top k")
    pairs_stored: int = Field(
        description="pairs stored (0 for a failed or cancelled run: removed; a superseded run's "
        "were removed when a later run of its scope succeeded)"
    )
    progress: BatchProgressOut = Field(description="how far the run is")
    cancel_requested: bool = Field(
        description="someone asked it to stop (the command stops at its next poll)"
    )
    superseded: bool = Field(
        description="a later run of its scope succeeded: this one's pairs were removed"
    )
    error: str | None = Field(default=None, description="why a failed run failed; null: none")
    started_by: str = Field(description="who started the command")
    heartbeat_at: UtcDatetime = Field(
        description="the command's last report (it reports every few seconds while running)"
    )
    stale: bool = Field(
        description="running, but its command has not reported for two minutes (a killed "
        "process, a lost machine): a cancel ends it as failed at once"
    )
    started_at: UtcDatetime = Field(description="when it started (RFC 3339, UTC)")
    finished_at: UtcDatetime | None = Field(
        default=None,
        description="when it ended (RFC 3339, UTC): a succeeded run's results are as of the "
        "inputs' change, computed at this time; null: still running",
    )
    duration_s: float | None = Field(
        default=None, description="seconds from start to end; null: still running"
    )

    @classmethod
    def of(cls, run: BatchRun) -> BatchRunOut:
        """The record as the API (and the pages) show it."""
        total, done = run.tasks_total or 0, run.tasks_done or 0
        succeeded = run.status == "succeeded"
        # A scope with no vacancy has no task: nothing to do, done once it succeeds.
        fraction = min(max(done / total, 0.0), 1.0) if total else float(succeeded)
        return cls(
            id=run.id,
            status=run.status,
            current=succeeded and not run.superseded,
            scope=BatchScopeOut.model_validate(run.scope or {}),
            top_k=run.top_k,
            explain_top=run.explain_top,
            output=run.output,
            output_path=run.output_path,
            cluster=run.cluster,
            workers=run.workers,
            inputs=BatchInputsOut(change_seq=run.change_seq, change_epoch=run.change_epoch),
            engine_version=run.engine_version,
            weights_hash=run.weights_hash,
            vacancies=run.vacancies,
            pools=run.pools,
            pairs_ranked=run.pairs_ranked,
            pairs_stored=run.pairs_stored,
            progress=BatchProgressOut(tasks_done=done, tasks_total=total, fraction=fraction),
            cancel_requested=run.cancel_requested,
            superseded=run.superseded,
            error=run.error,
            started_by=run.started_by,
            heartbeat_at=run.heartbeat_at,
            stale=service.is_stale(run),
            started_at=run.started_at,
            finished_at=run.finished_at,
            duration_s=run.duration_s,
        )
