"""The demo's story: a few approvals, and what became of their workers since.

`imdi seed` in development loads it once after the demo data (never when any decision exists,
so it never writes over a user's own), so that the placement pages and the outcome analytics
have something to show after `make run`. Every write goes through the services (the checks,
the ledger, the audit log); only the approvals' dates are set back afterwards, so that the
moves can be dated over the months a real placement takes.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.auth.models import User
from app.auth.repository import principal_of
from app.common.principal import Principal, Role
from app.db import settings_of
from app.decisions.models import Decision, Placement
from app.decisions.models import PlacementStage as Stage
from app.matches.service import ranked_pairs
from app.placements import service as placements
from app.placements.schemas import MoveIn
from app.reviews import service as reviews
from app.reviews.schemas import DecisionIn, DecisionKind
from app.vacancies.models import Vacancy

#: How far each placement has gone: (from, to, how many of the approved) in order, `None` for
#: all that are left at `from`. The first ones are the oldest approvals.
_STORIES: list[list[tuple[Stage | None, Stage, int | None]]] = [
    [  # through to the end: one visa refused, one left early abroad
        (None, Stage.SELECTED, None),
        (Stage.SELECTED, Stage.CONTRACT_SIGNED, None),
        (Stage.CONTRACT_SIGNED, Stage.VISA_APPLIED, None),
        (Stage.VISA_APPLIED, Stage.VISA_REFUSED, 1),
        (Stage.VISA_APPLIED, Stage.VISA_GRANTED, None),
        (Stage.VISA_GRANTED, Stage.DEPARTED, None),
        (Stage.DEPARTED, Stage.ARRIVED, None),
        (Stage.ARRIVED, Stage.STARTED_WORK, None),
        (Stage.STARTED_WORK, Stage.LEFT_EARLY, 1),
        (Stage.STARTED_WORK, Stage.COMPLETED_CONTRACT, None),
    ],
    [  # at work
        (None, Stage.SELECTED, None),
        (Stage.SELECTED, Stage.CONTRACT_SIGNED, None),
        (Stage.CONTRACT_SIGNED, Stage.VISA_APPLIED, None),
        (Stage.VISA_APPLIED, Stage.VISA_GRANTED, None),
        (Stage.VISA_GRANTED, Stage.DEPARTED, None),
        (Stage.DEPARTED, Stage.ARRIVED, None),
        (Stage.ARRIVED, Stage.STARTED_WORK, None),
    ],
    [  # travelling; one dropped out before departure
        (None, Stage.SELECTED, None),
        (Stage.SELECTED, Stage.LEFT_EARLY, 1),
        (Stage.SELECTED, Stage.CONTRACT_SIGNED, None),
        (Stage.CONTRACT_SIGNED, Stage.VISA_APPLIED, None),
        (Stage.VISA_APPLIED, Stage.VISA_GRANTED, None),
        (Stage.VISA_GRANTED, Stage.DEPARTED, None),
    ],
    [  # waiting for visas, two refused
        (None, Stage.SELECTED, None),
        (Stage.SELECTED, Stage.CONTRACT_SIGNED, None),
        (Stage.CONTRACT_SIGNED, Stage.VISA_APPLIED, None),
        (Stage.VISA_APPLIED, Stage.VISA_REFUSED, 2),
    ],
    [  # contracts signed
        (None, Stage.SELECTED, None),
        (Stage.SELECTED, Stage.CONTRACT_SIGNED, None),
    ],
    [(None, Stage.SELECTED, None)],  # selected
    [],  # just approved
]
_HEADCOUNT = 4
_DAYS_AGO = 150  # the oldest approval; each next one a few weeks later


def load_story(session: Session) -> int:
    """Approve a few of the best demo matches and move their workers along; returns how many
    placements it made (0 when any decision exists already)."""
    if session.scalar(select(func.count()).select_from(Decision)):
        return 0
    officer = session.scalar(select(User).where(User.role == Role.OFFICER).order_by(User.email))
    if officer is None:
        return 0
    principal = principal_of(officer)
    settings = settings_of(session)
    # The best eligible match of each open vacancy, the best of those first.
    best = [
        ms[0]
        for _, ms in ranked_pairs(session, settings, k=1)
        if ms and ms[0].eligible_headcount >= _HEADCOUNT
    ]
    best.sort(key=lambda m: (-m.score, str(m.id)))
    openings = dict(session.execute(select(Vacancy.id, Vacancy.openings)).all())
    seen_pools: set[object] = set()
    chosen = []
    for m in best:
        if m.pool_id not in seen_pools and openings.get(m.vacancy_id, 0) >= _HEADCOUNT:
            seen_pools.add(m.pool_id)
            chosen.append(m)
    now = datetime.now(UTC)
    made = 0
    for i, (match, story) in enumerate(zip(chosen, _STORIES, strict=False)):
        decision = reviews.decide(
            session,
            settings,
            principal,
            match.id,
            DecisionIn(
                decision=DecisionKind.APPROVED,
                headcount=_HEADCOUNT,
                note="demo: approved for the story",
            ),
        )
        approved_at = now - timedelta(days=_DAYS_AGO - 20 * i)
        session.execute(
            update(Decision).where(Decision.id == decision.id).values(created_at=approved_at)
        )
        session.execute(
            update(Placement)
            .where(Placement.decision_id == decision.id)
            .values(approved_at=approved_at)
        )
        placement = session.scalar(select(Placement).where(Placement.decision_id == decision.id))
        assert placement is not None  # approve() made it
        session.refresh(placement)
        _tell(session, principal, placement, story, approved_at)
        made += 1
    return made


def _tell(
    session: Session,
    principal: Principal,
    placement: Placement,
    story: list[tuple[Stage | None, Stage, int | None]],
    approved_at: datetime,
) -> None:
    """The story's moves, a couple of weeks apart, never past today."""
    today = datetime.now(UTC).date()
    on = approved_at.date()
    for source, to, n in story:
        on = min(on + timedelta(days=12), today)
        held = placement.awaiting if source is None else placement.count(source)
        count = held if n is None else min(n, held)
        if count <= 0:
            continue
        placements.move(
            session,
            principal,
            placement.id,
            MoveIn(from_stage=source, to_stage=to, count=count, on=on, note="demo"),
            expected_version=None,
        )
        session.refresh(placement)
