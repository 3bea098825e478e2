"""The demo's story (`imdi seed` in development): approvals at plausible stages, loaded once."""

from __future__ import annotations

from sqlalchemy import func, select

from app.db import Database
from app.decisions.models import Decision, Placement, PlacementMove
from app.seed_story import load_story


def test_the_story_approves_and_moves_through_the_services_once(
    demo_database: Database,
) -> None:
    with demo_database.transaction() as s:
        made = load_story(s)
    assert made >= 5
    with demo_database.session() as s:
        placements = list(s.scalars(select(Placement).order_by(Placement.approved_at)))
        assert len(placements) == made
        # Every worker is somewhere: waiting, or at a stage; the stages differ between them.
        for p in placements:
            assert p.awaiting >= 0 and p.released <= p.approved
        assert placements[0].completed_contract > 0 and placements[0].visa_refused > 0
        assert placements[-1].awaiting == placements[-1].approved
        # What was given back is in the ledger.
        released = s.scalar(
            select(func.coalesce(func.sum(Decision.headcount), 0)).where(
                Decision.decision == "released"
            )
        )
        assert released == sum(p.released for p in placements) > 0
        moves = s.scalar(select(func.count()).select_from(PlacementMove))
        # Moves are dated between the approval and today.
        for m in s.scalars(select(PlacementMove)):
            approved_on = s.get(Placement, m.placement_id).approved_at.date()
            assert approved_on <= m.moved_on
    assert moves > made
    with demo_database.transaction() as s:
        assert load_story(s) == 0  # never twice, nor over a user's own decisions
