"""The code lists the API speaks (contract types, pathway kinds, wage periods, skill importance,
CEFR levels).

They are the engine's vocabulary too: tests/matches/test_vocabulary.py holds the two equal, so the
API's schemas need not reach into the engine (only app/matches/adapters.py imports `matching`)."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, get_args

CefrLevel = Literal["A1", "A2", "B1", "B2", "C1", "C2"]
CEFR_LEVELS: tuple[CefrLevel, ...] = get_args(CefrLevel)


class Importance(StrEnum):
    """How much a vacancy needs a skill: essential skills weigh 2, optional 1 in the skills
    score (design section 5); a pool missing an essential one is shown as such."""

    ESSENTIAL = "essential"
    OPTIONAL = "optional"


class WagePeriod(StrEnum):
    """The period a wage amount is paid for; thresholds compare yearly amounts (hour x 2080,
    month x 12)."""

    HOUR = "hour"
    MONTH = "month"
    YEAR = "year"


class ContractType(StrEnum):
    """The kind of employment contract a vacancy offers; a pathway admits some of them."""

    SEASONAL = "seasonal"
    TEMPORARY = "temporary"
    PERMANENT = "permanent"


class PathwayKind(StrEnum):
    """The legal basis of a pathway: a national work visa scheme, a bilateral labour
    agreement, a seasonal workers' scheme, or a government-to-government programme (the only
    kind that may recruit health workers from WHO safeguard-list countries)."""

    WORK_VISA = "work_visa"
    BILATERAL_AGREEMENT = "bilateral_agreement"
    SEASONAL_SCHEME = "seasonal_scheme"
    G2G_PROGRAMME = "g2g_programme"
