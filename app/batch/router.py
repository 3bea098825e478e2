"""Batch runs (`imdi batch-rank`) over the API: list, read, cancel. Officers and admins only.

Runs are started by the command, on a Dask cluster, never by the API: a national run takes
minutes to hours. Here officers follow a run's progress, see what a scope's results are "as
of", and ask a running run to stop.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from app.auth.deps import require_roles
from app.batch import service
from app.batch.models import RunStatus
from app.batch.schemas import BatchRunOut, RunState
from app.common.principal import Principal, Role
from app.common.schemas import MAX_OFFSET, Page
from app.deps import SessionDep

router = APIRouter(prefix="/api/v1/batch-runs", tags=["batch runs"])

Officer = Annotated[Principal, Depends(require_roles(Role.OFFICER, Role.ADMIN))]
Limit = Annotated[int, Query(ge=1, le=200, description="page size, 1..200")]
Offset = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description="how many matching items to skip (offset paging)")
]
StatusFilter = Annotated[
    RunState | None,
    Query(description="only runs in this state: running, succeeded, failed or cancelled"),
]
RunId = Annotated[uuid.UUID, Path(description="the run's id")]


@router.get("", response_model=Page[BatchRunOut])
def list_batch_runs(
    session: SessionDep,
    principal: Officer,
    status: StatusFilter = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[BatchRunOut]:
    """List batch runs

    Runs of `imdi batch-rank` newest first (ties by id, so that pages neither repeat nor skip);
    filter by status, page with limit (1..200) and offset. A running run shows its progress;
    `current` marks the runs whose pairs are their scope's results now.
    """
    runs, total = service.list_runs(
        session,
        principal,
        status=RunStatus(status) if status is not None else None,
        limit=limit,
        offset=offset,
    )
    return Page(items=[BatchRunOut.of(r) for r in runs], total=total, limit=limit, offset=offset)


@router.get("/{run_id}", response_model=BatchRunOut)
def get_batch_run(run_id: RunId, session: SessionDep, principal: Officer) -> BatchRunOut:
    """Get a batch run

    The run's record: its scope and options, the inputs' version it ranked (change feed
    position), engine version and weights hash, its counts, its progress while it runs, and
    when it ended. Poll it to follow a running run.
    """
    return BatchRunOut.of(service.get_run(session, principal, run_id))


@router.post(
    "/{run_id}/cancel",
    response_model=BatchRunOut,
    status_code=202,  # accepted: the command stops the run at its next poll
    responses={
        202: {
            "description": "the cancel is asked for: the run, with cancel_requested true (it "
            "is still running until the command's next poll)"
        },
        409: {
            "description": "the run has ended (succeeded, failed or cancelled): there is "
            "nothing to cancel"
        },
    },
)
def cancel_batch_run(run_id: RunId, session: SessionDep, principal: Officer) -> BatchRunOut:
    """Cancel a batch run

    Asks a running run to stop: `cancel_requested` becomes true at once (the request is in the
    audit log, action cancel), and the command stops at its next poll, within seconds: it
    removes what the run wrote, so the scope's previous results stay, and the run ends as
    cancelled (GET the run to see it). Asking again while it stops changes nothing.
    """
    return BatchRunOut.of(service.request_cancel(session, principal, run_id))
