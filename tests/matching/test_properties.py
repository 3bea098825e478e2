"""Invariants of the reference scorer on random inputs (hypothesis)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.components import is_relevant
from matching.records import (
    COMPONENTS,
    Importance,
    LanguageRequirement,
    PoolLanguage,
    PoolSkill,
    SkillRequirement,
)
from matching.reference import rank_reference, score_pair
from tests.matching.conftest import BLUE_CARD, OPEN, START, TAXONOMY, context, pool, vacancy

SKILLS = [*sorted(TAXONOMY.skill_group), "orphan"]
ISCO = ["2512", "2513", "2521", "2611", "2221", "7212"]
SECTORS = [None, "62", "63", "86", "01"]
share = st.floats(0.0, 1.0)

pools = st.builds(
    pool,
    id=st.text("abc", min_size=1, max_size=3),
    occupation=st.sampled_from(ISCO),
    headcount=st.integers(0, 500),
    isced_level=st.integers(0, 8),
    experience_years=st.floats(0.0, 20.0),
    sector=st.sampled_from(SECTORS),
    skills=st.lists(st.builds(PoolSkill, st.sampled_from(SKILLS), share), max_size=5).map(tuple),
    languages=st.lists(
        st.builds(PoolLanguage, st.sampled_from(["de", "en"]), st.integers(0, 5), share),
        max_size=3,
    ).map(tuple),
    available_from=st.one_of(
        st.none(), st.integers(-30, 300).map(lambda d: START + timedelta(days=d))
    ),
)
vacancies = st.builds(
    vacancy,
    occupation=st.sampled_from(ISCO),
    sector=st.sampled_from(SECTORS),
    skills=st.lists(
        st.builds(SkillRequirement, st.sampled_from(SKILLS), st.sampled_from(list(Importance))),
        max_size=4,
    ).map(tuple),
    languages=st.lists(
        st.builds(LanguageRequirement, st.sampled_from(["de", "en", "fr"]), st.integers(0, 5)),
        max_size=2,
    ).map(tuple),
    min_isced=st.one_of(st.none(), st.integers(0, 8)),
    min_experience_years=st.one_of(st.none(), st.floats(0.0, 10.0)),
)
weights = st.dictionaries(st.sampled_from(COMPONENTS), st.floats(0.0, 5.0)).filter(
    lambda w: any(w.values()) or len(w) < len(COMPONENTS)
)


@settings(max_examples=200, deadline=None)
@given(vacancies, pools, weights)
def test_score_in_unit_interval_and_contributions_sum(v, p, w) -> None:
    m = score_pair(v, p, context(OPEN, BLUE_CARD, weights=w))
    assert 0.0 <= m.score <= 1.0 + 1e-12
    assert all(0.0 <= s <= 1.0 for s in m.components.values())
    assert m.explanation is not None
    total = sum(c.contribution for c in m.explanation.components)
    assert total == pytest.approx(m.score, abs=1e-9)
    assert [c.name for c in m.explanation.components] == list(m.components)
    assert m.eligibility.eligible == (not m.eligibility.reasons)
    assert m.eligibility.eligible_headcount <= p.headcount


@settings(max_examples=100, deadline=None)
@given(vacancies, st.lists(pools, max_size=6))
def test_ranking_sorted_by_key(v, ps) -> None:
    ranked = rank_reference(v, ps, context(OPEN, BLUE_CARD), include_ineligible=True)
    keys = [(-m.score, -m.eligibility.eligible_headcount, m.pool_id) for m in ranked]
    assert keys == sorted(keys)
    # Every relevant pool, and only those (relevance before eligibility).
    assert len(ranked) == sum(1 for p in ps if is_relevant(v, p, TAXONOMY))
