"""Batch runs (officers and admins): the runs of `imdi batch-rank`, newest first, with what each
ranked, what its results are "as of" and, while it runs, its progress; a run's page with every
figure of its record and, while it runs, a form that asks it to stop (batch.request_cancel).

Runs are started on the command line, never here: a national run takes a cluster for minutes
to hours. The pages show the record as the API does (BatchRunOut), so both say the same.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import Query, Request
from starlette.responses import Response

from app.batch import service as batch
from app.batch.schemas import BatchRunOut
from app.db import utcnow
from app.deps import SessionDep
from app.errors import ProblemError
from app.web.deps import CsrfForm, OfficerUser
from app.web.pages.common import page_offset, redirect, web_router
from app.web.render import render
from app.web.routing import Redirect

router = web_router()
PAGE = 25


def duration_text(seconds: float | None) -> str:
    """'0.4 s', '12 s', '41 min 34 s', '3 h 05 min', '2 d 04 h': read at a glance."""
    if seconds is None:
        return ""
    if seconds < 10:
        return f"{seconds:.1f} s"
    whole = round(seconds)
    days, rest = divmod(whole, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days} d {hours:02d} h"
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {secs:02d} s"
    return f"{secs} s"


@dataclass(frozen=True, slots=True)
class RunView:
    """A run as the pages show it: its record and the few figures derived for reading."""

    run: BatchRunOut
    #: Seconds it took, or has been running for.
    elapsed: str
    #: Whole percent done (for the progress bar's text).
    percent: int

    @property
    def running(self) -> bool:
        return self.run.status == "running"


def _view(run: BatchRunOut, now: datetime) -> RunView:
    seconds = run.duration_s
    if seconds is None and run.status == "running":
        seconds = max((now - run.started_at).total_seconds(), 0.0)
    return RunView(
        run=run,
        elapsed=duration_text(seconds),
        percent=int(run.progress.fraction * 100),
    )


@router.get("/batch-runs")
def batch_run_list(
    request: Request,
    user: OfficerUser,
    session: SessionDep,
    offset: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    start = page_offset(offset)
    runs, total = batch.list_runs(session, user.principal, limit=PAGE, offset=start)
    now = utcnow()
    views = [_view(BatchRunOut.of(r), now) for r in runs]
    return render(
        request,
        "batch_runs.html",
        {
            "runs": views,
            "total": total,
            "offset": start,
            "page_size": PAGE,
            "any_running": any(v.running for v in views),
        },
    )


@router.get("/batch-runs/{run_id}")
def batch_run_page(
    request: Request, run_id: uuid.UUID, user: OfficerUser, session: SessionDep
) -> Response:
    run = BatchRunOut.of(batch.get_run(session, user.principal, run_id))
    return render(request, "batch_run.html", {"v": _view(run, utcnow())})


@router.post("/batch-runs/{run_id}/cancel")
def batch_run_cancel(
    request: Request, run_id: uuid.UUID, form: CsrfForm, user: OfficerUser, session: SessionDep
) -> Response:
    page = f"/batch-runs/{run_id}"
    try:
        batch.request_cancel(session, user.principal, run_id)
    except ProblemError as exc:
        if exc.status != 409:  # an unknown run: the 404 page
            raise
        # Ended meanwhile (the command finished, or another officer cancelled it).
        raise Redirect(page, "info", exc.detail) from None
    return redirect(
        request,
        page,
        "success",
        "Cancel requested. The command stops the run at its next poll, within seconds, and "
        "removes what it wrote: the scope's previous results stay. Refresh to see it end.",
    )
