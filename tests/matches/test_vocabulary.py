"""The API's code lists (app/common/vocabulary.py) are the engine's (matching/records.py)."""

from __future__ import annotations

from enum import StrEnum

import pytest

from app.common import vocabulary
from matching import records


def test_cefr_levels_are_the_engines() -> None:
    assert vocabulary.CEFR_LEVELS == records.CEFR_LEVELS


@pytest.mark.parametrize("name", ["Importance", "WagePeriod", "ContractType", "PathwayKind"])
def test_code_lists_are_the_engines(name: str) -> None:
    ours: type[StrEnum] = getattr(vocabulary, name)
    theirs: type[StrEnum] = getattr(records, name)
    assert [(m.name, m.value) for m in ours] == [(m.name, m.value) for m in theirs]


def test_match_code_lists_are_the_engines() -> None:
    """The explanation's enums in the API (app/matches/schemas.py) list what the engine gives."""
    from app.matches import schemas
    from matching.eligibility import ALL_REASON_CODES, CHECK_NAMES

    assert [m.value for m in schemas.ComponentName] == list(records.COMPONENTS)
    assert [m.value for m in schemas.CheckName] == list(CHECK_NAMES)
    assert [m.value for m in schemas.ReasonCode] == list(ALL_REASON_CODES)
    assert [m.value for m in schemas.HeadcountKind] == [
        "available",
        "pathway_language",
        "required_language",
    ]
    assert [m.value for m in schemas.SkillVia] == ["exact", "group"]
