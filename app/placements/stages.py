"""The placement pipeline's rules: which moves exist, who records them, which give workers back.

Workers move forward one stage at a time (design section 3, "Placement"):

    (approved) -> selected -> contract signed -> visa applied -> visa granted -> departed
      -> arrived -> started work -> completed contract
    visa applied -> visa refused; any stage before completion (the approved workers not
    selected yet too) -> left early

A refused visa, and leaving before departure, give the worker's quota, opening and pool
headcount back (they were never used); leaving early after departure does not.
"""

from __future__ import annotations

from app.common.principal import Role
from app.decisions.models import PlacementStage as Stage

#: The stages a move may go to from each stage (None: the approved workers not selected yet).
NEXT: dict[Stage | None, frozenset[Stage]] = {
    None: frozenset({Stage.SELECTED, Stage.LEFT_EARLY}),
    Stage.SELECTED: frozenset({Stage.CONTRACT_SIGNED, Stage.LEFT_EARLY}),
    Stage.CONTRACT_SIGNED: frozenset({Stage.VISA_APPLIED, Stage.LEFT_EARLY}),
    Stage.VISA_APPLIED: frozenset({Stage.VISA_GRANTED, Stage.VISA_REFUSED, Stage.LEFT_EARLY}),
    Stage.VISA_GRANTED: frozenset({Stage.DEPARTED, Stage.LEFT_EARLY}),
    Stage.DEPARTED: frozenset({Stage.ARRIVED, Stage.LEFT_EARLY}),
    Stage.ARRIVED: frozenset({Stage.STARTED_WORK, Stage.LEFT_EARLY}),
    Stage.STARTED_WORK: frozenset({Stage.COMPLETED_CONTRACT, Stage.LEFT_EARLY}),
    Stage.VISA_REFUSED: frozenset(),
    Stage.COMPLETED_CONTRACT: frozenset(),
    Stage.LEFT_EARLY: frozenset(),
}

#: Stages whose workers have not left their country of origin.
BEFORE_DEPARTURE = frozenset(
    {Stage.SELECTED, Stage.CONTRACT_SIGNED, Stage.VISA_APPLIED, Stage.VISA_GRANTED}
)

#: Who records a move into each stage, besides officers and admins (who record every one): the
#: ministry of the pool its origin side, the employer of the vacancy its destination side.
SIDE: dict[Stage, Role | None] = {
    Stage.SELECTED: Role.MINISTRY,
    Stage.VISA_APPLIED: Role.MINISTRY,
    Stage.DEPARTED: Role.MINISTRY,
    Stage.CONTRACT_SIGNED: Role.EMPLOYER,
    Stage.ARRIVED: Role.EMPLOYER,
    Stage.STARTED_WORK: Role.EMPLOYER,
    Stage.COMPLETED_CONTRACT: Role.EMPLOYER,
    Stage.LEFT_EARLY: Role.EMPLOYER,
    # A consulate's answer: recorded by the programme's officers.
    Stage.VISA_GRANTED: None,
    Stage.VISA_REFUSED: None,
}


def may_record(role: Role, to: Stage) -> bool:
    return role in (Role.OFFICER, Role.ADMIN) or SIDE[to] is role


def releases(source: Stage | None, to: Stage) -> bool:
    """Whether a move gives its workers back to the quota, the vacancy and the pool."""
    if to is Stage.LEFT_EARLY:
        return source is None or source in BEFORE_DEPARTURE
    return to is Stage.VISA_REFUSED
