"""The array kernels give the bits of the pair-at-a-time rules of matching.components."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from matching import kernels
from matching.components import (
    availability_score,
    combine,
    education_score,
    experience_score,
    language_score,
    occupation_score,
    sector_score,
)
from matching.records import COMPONENTS, LanguageRequirement, PoolLanguage, Taxonomy
from tests.matching.conftest import START, pool, vacancy

SHARES = st.sampled_from([0.0, 0.1, 0.25, 0.3, 0.7, 1.0]) | st.floats(0.0, 1.0)
ISCO = ["2512", "2513", "2521", "2611", "7212", "251", "2"]
TAX = Taxonomy(sector_section={"01": "A", "02": "A", "62": "J", "63": "J"}, skill_group={})
SECTORS = ["01", "02", "62", "63", "99"]


@given(st.integers(0, 8), st.integers(0, 8))
def test_education(level: int, minimum: int) -> None:
    want = education_score(vacancy(min_isced=minimum), pool(isced_level=level))
    assert kernels.education_scores(np.array([level]), minimum)[0] == want
    assert kernels.education_scores(level, np.array([minimum]))[0] == want


@given(st.floats(0.0, 30.0), st.floats(0.01, 20.0))
def test_experience(years: float, required: float) -> None:
    want = experience_score(vacancy(min_experience_years=required), pool(experience_years=years))
    assert kernels.experience_scores(np.array([years]), required)[0] == want
    assert kernels.experience_scores(years, np.array([required]))[0] == want


@given(st.one_of(st.none(), st.integers(-30, 400)))
def test_availability(days: int | None) -> None:
    available = None if days is None else START + timedelta(days=days)
    want = availability_score(vacancy(), pool(available_from=available))
    ordinal = 0 if available is None else available.toordinal()
    assert kernels.availability_scores(np.array([ordinal]), START.toordinal())[0] == want
    assert kernels.availability_scores(ordinal, np.array([START.toordinal()]))[0] == want


@given(st.sampled_from(ISCO), st.lists(st.sampled_from(ISCO), min_size=1, max_size=5))
def test_occupation_table(code: str, others: list[str]) -> None:
    table = kernels.occupation_table(code, others)
    want = [occupation_score(vacancy(occupation=code), pool(occupation=o)) for o in others]
    assert table.tolist() == want


@given(st.sampled_from(SECTORS), st.lists(st.sampled_from(SECTORS), max_size=5))
def test_sector_table(sector: str, others: list[str]) -> None:
    sections = [TAX.sector_section.get(s) for s in others]
    table = kernels.sector_table(sector, TAX.sector_section.get(sector), others, sections)
    want = [sector_score(vacancy(sector=sector), pool(sector=o), TAX) for o in others]
    assert table.tolist() == [*want, 0.0]


@settings(max_examples=200)
@given(
    st.lists(
        st.builds(PoolLanguage, st.sampled_from(["de", "en"]), st.integers(0, 5), SHARES),
        max_size=5,
    ),
    st.lists(
        st.builds(LanguageRequirement, st.sampled_from(["de", "en", "fr"]), st.integers(0, 5)),
        max_size=3,
    ),
)
def test_language_credit_and_mean(
    entries: list[PoolLanguage], reqs: list[LanguageRequirement]
) -> None:
    p = pool(languages=tuple(entries))
    credits = []
    for req in reqs:
        mine = [e for e in entries if e.language == req.language]
        credits.append(
            kernels.language_credit(
                np.zeros(len(mine), np.int64),
                np.array([e.level for e in mine], np.int64),
                np.array([e.share for e in mine], np.float64),
                req.min_level,
                1,
            )
        )
    got = kernels.language_means(credits, len(reqs))
    assert float(np.asarray(got).reshape(-1)[0]) == language_score(
        vacancy(languages=tuple(reqs)), p
    )


@settings(max_examples=200)
@given(
    st.dictionaries(st.sampled_from(COMPONENTS), SHARES),
    st.dictionaries(st.sampled_from(COMPONENTS), st.floats(0.0, 5.0)),
)
def test_combine(scores: dict[str, float], raw: dict[str, float]) -> None:
    weights = {name: raw.get(name, 0.0) for name in COMPONENTS}
    ordered = {name: scores[name] for name in COMPONENTS if name in scores}
    want = combine(ordered, weights)
    # Every component as a mask over two rows: row 0 as scored, row 1 with all of them present.
    values = {name: np.array([scores.get(name, 0.0), 0.5]) for name in COMPONENTS}
    present = {name: np.array([name in scores, True]) for name in COMPONENTS}
    got = kernels.combine_scores(values, present, weights, 2)
    assert got[0] == want
    assert got[1] == combine(dict.fromkeys(COMPONENTS, 0.5), weights)
    # The same as scalars and True/False.
    flat = {name: scores.get(name, 0.0) for name in COMPONENTS}
    here = {name: name in scores for name in COMPONENTS}
    assert kernels.combine_scores(flat, here, weights, 1)[0] == want
