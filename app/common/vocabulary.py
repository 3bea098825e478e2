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
    ESSENTIAL = "essential"
    OPTIONAL = "optional"


class WagePeriod(StrEnum):
    HOUR = "hour"
    MONTH = "month"
    YEAR = "year"


class ContractType(StrEnum):
    SEASONAL = "seasonal"
    TEMPORARY = "temporary"
    PERMANENT = "permanent"


class PathwayKind(StrEnum):
    WORK_VISA = "work_visa"
    BILATERAL_AGREEMENT = "bilateral_agreement"
    SEASONAL_SCHEME = "seasonal_scheme"
    G2G_PROGRAMME = "g2g_programme"
