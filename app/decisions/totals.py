"""What is approved now: approvals less withdrawals and releases, summed in one place.

A leaf module (it imports only the decision model, and names the two decisions that count as
strings: tests hold them to reviews.schemas.DecisionKind), so the engine's bridge can read quota
use and approved pairs without importing the reviews service or the API schemas.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.decisions.models import Decision

APPROVED = "approved"
WITHDRAWN = "withdrawn"
#: Not an officer's decision: the ledger row of a placement's move that gives workers back
#: (refused visas, dropouts before departure), written by the move.
RELEASED = "released"

#: An approval adds its headcount; a withdrawal or a release records, on its own row, the
#: headcount (and the pathway and quota year) it gives back, and takes it away again.
_COUNTED = (APPROVED, WITHDRAWN, RELEASED)
_SIGNED = case(
    (Decision.decision.in_((WITHDRAWN, RELEASED)), -Decision.headcount),
    else_=Decision.headcount,
)


def approved_totals(
    session: Session, *keys: Any, where: Sequence[Any] = ()
) -> dict[tuple[Any, ...], int]:
    """Headcount approved now (approvals less withdrawals), grouped by the given Decision
    columns, e.g. per vacancy at once. The one place approvals are summed: quota, openings
    and pool headcount used, wherever they are shown or checked, come from here."""
    rows = session.execute(
        select(*keys, func.sum(_SIGNED))
        .where(Decision.decision.in_(_COUNTED), *where)
        .group_by(*keys)
    )
    return {tuple(row[:-1]): int(row[-1] or 0) for row in rows}


def approved_headcount(session: Session, *conditions: Any) -> int:
    """Headcount approved now on the decisions matching `conditions` (one total)."""
    return approved_totals(session, where=conditions).get((), 0)
