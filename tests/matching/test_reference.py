"""The reference scorer and brute-force ranking; explanations."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

import matching
from matching.components import combine, component_scores
from matching.explain import explain
from matching.records import (
    COMPONENTS,
    Importance,
    LanguageRequirement,
    PoolLanguage,
    PoolSkill,
    SkillRequirement,
)
from matching.reference import rank_reference, rank_vacancies_reference, score_pair
from matching.weights import validate_weights, weights_hash
from tests.matching.conftest import B1, B2, BLUE_CARD, OPEN, START, TAXONOMY, context, pool, vacancy


def test_score_pair_records_version_hash_components() -> None:
    ctx = context(OPEN, weights={"skills": 1.0})
    m = score_pair(vacancy(), pool(), ctx)
    assert m.engine_version == matching.ENGINE_VERSION == "2.1.0"
    assert m.weights_hash == weights_hash({"skills": 1.0})
    assert (m.vacancy_id, m.pool_id) == ("v1", "p1")
    assert dict(m.components) == component_scores(vacancy(), pool(), TAXONOMY)
    assert m.score == pytest.approx(combine(m.components, validate_weights(ctx.weights)))
    assert m.eligibility.eligible and m.eligibility.pathway == "DE-OPEN"
    assert m.explanation is not None
    assert score_pair(vacancy(), pool(), ctx, explain=False).explanation is None


def test_score_pair_perfect_match_is_one() -> None:
    p = pool(
        skills=(PoolSkill("python", 1.0), PoolSkill("sql", 1.0)),
        languages=(PoolLanguage("de", B2, 1.0),),
    )
    assert score_pair(vacancy(), p, context()).score == pytest.approx(1.0)


def test_score_pair_rejects_bad_weights() -> None:
    with pytest.raises(ValueError):
        score_pair(vacancy(), pool(), context(weights={"skills": -1.0}))


def test_score_independent_of_eligibility() -> None:
    ok = score_pair(vacancy(), pool(), context(OPEN))
    blocked = score_pair(vacancy(), pool(), context(replace(OPEN, min_isced=8)))
    assert not blocked.eligibility.eligible
    assert blocked.score == ok.score


# ---- ranking -----------------------------------------------------------------------------------


def pools_for_ranking():
    strong = pool(id="p-strong")
    weak = pool(id="p-weak", skills=(PoolSkill("sql", 0.1),))
    # Same score as p-strong; the headcount breaks the tie (both under OPEN: whole pool).
    big = pool(id="p-big", headcount=500)
    # Same score and headcount as p-strong: the id breaks the tie.
    twin = pool(id="p-a-twin")
    ineligible = pool(id="p-zz", isced_level=3)  # fails OPEN's ISCED 5 minimum below
    return [weak, strong, ineligible, twin, big]


CTX = context(replace(OPEN, min_isced=5))


def test_rank_order_and_tie_breaks() -> None:
    ranked = rank_reference(vacancy(), pools_for_ranking(), CTX)
    assert [m.pool_id for m in ranked] == ["p-big", "p-a-twin", "p-strong", "p-weak"]
    scores = [m.score for m in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(m.explanation is not None for m in ranked)


def test_rank_k_and_no_explanations() -> None:
    ranked = rank_reference(vacancy(), pools_for_ranking(), CTX, k=2, explain=False)
    assert [m.pool_id for m in ranked] == ["p-big", "p-a-twin"]
    assert all(m.explanation is None for m in ranked)
    assert rank_reference(vacancy(), pools_for_ranking(), CTX, k=0) == []
    with pytest.raises(ValueError):
        rank_reference(vacancy(), pools_for_ranking(), CTX, k=-1)


def test_rank_include_ineligible_uses_the_same_key() -> None:
    ranked = rank_reference(vacancy(), pools_for_ranking(), CTX, include_ineligible=True)
    ids = [m.pool_id for m in ranked]
    assert set(ids) == {"p-big", "p-a-twin", "p-strong", "p-weak", "p-zz"}
    keys = [(-m.score, -m.eligibility.eligible_headcount, m.pool_id) for m in ranked]
    assert keys == sorted(keys)
    zz = next(m for m in ranked if m.pool_id == "p-zz")
    assert not zz.eligibility.eligible
    assert [r.code for r in zz.eligibility.reasons] == ["education_below_minimum"]
    assert zz.explanation is not None and zz.explanation.eligibility == zz.eligibility


def test_rank_vacancies_for_a_pool() -> None:
    vacancies = [
        vacancy(id="v-late", start_date=START - timedelta(days=90)),
        vacancy(id="v-b"),
        vacancy(id="v-a"),
        vacancy(id="v-elsewhere", destination="FR"),  # no pathway
    ]
    p = pool(available_from=START)
    ranked = rank_vacancies_reference(p, vacancies, context())
    assert [m.vacancy_id for m in ranked] == ["v-a", "v-b", "v-late"]
    assert all(m.pool_id == "p1" for m in ranked)
    everything = rank_vacancies_reference(p, vacancies, context(), include_ineligible=True, k=10)
    assert len(everything) == 4
    assert rank_vacancies_reference(p, vacancies, context(), k=1, explain=False)[0].vacancy_id == (
        "v-a"
    )


def test_rank_headcount_tie_break_uses_eligible_headcount() -> None:
    # Under a German B1 pathway only the German speakers count.
    pathway = replace(OPEN, languages=(LanguageRequirement("de", B1),))
    few = pool(id="p-a", headcount=100, languages=(PoolLanguage("de", B1, 0.1),))
    many = pool(id="p-b", headcount=50, languages=(PoolLanguage("de", B1, 0.5),))
    v = vacancy(languages=())  # language component 1.0 for both, so scores tie
    ranked = rank_reference(v, [few, many], context(pathway))
    assert ranked[0].score == ranked[1].score
    assert [(m.pool_id, m.eligibility.eligible_headcount) for m in ranked] == [
        ("p-b", 25),
        ("p-a", 10),
    ]


# ---- explanations ------------------------------------------------------------------------------


def test_explanation_components_and_contributions_sum_to_score() -> None:
    m = score_pair(vacancy(sector=None), pool(), context())
    assert m.explanation is not None
    names = [c.name for c in m.explanation.components]
    assert names == [c for c in COMPONENTS if c != "sector"]
    assert sum(c.weight for c in m.explanation.components) == pytest.approx(1.0)
    assert sum(c.contribution for c in m.explanation.components) == pytest.approx(
        m.score, abs=1e-12
    )
    for c in m.explanation.components:
        assert c.score == m.components[c.name]
        assert c.contribution == pytest.approx(c.score * c.weight)
    skills = next(c for c in m.explanation.components if c.name == "skills")
    assert skills.weight == pytest.approx(0.40 / 0.90)


def test_explanation_missing_essential_skills() -> None:
    v = vacancy(
        skills=(
            SkillRequirement("welding", Importance.ESSENTIAL),
            SkillRequirement("excel", Importance.OPTIONAL),  # optional: never "missing essential"
            SkillRequirement("java", Importance.ESSENTIAL),  # group credit via python
            SkillRequirement("nursing", Importance.ESSENTIAL),
        )
    )
    p = pool(skills=(PoolSkill("python", 0.8),))
    eligibility = matching.assess(v, p, context())
    ex = explain(v, p, context(), eligibility)
    assert ex.missing_essential == ("welding", "nursing")
    assert [(e.skill, e.via) for e in ex.skills] == [
        ("welding", None),
        ("excel", None),
        ("java", "group"),
        ("nursing", None),
    ]
    assert ex.eligibility is eligibility
    skills = dict(ex.components[0].evidence)
    assert ex.components[0].name == "skills"
    assert skills == {
        "vacancy_skills": 4,
        "matched": 1,
        "exact": 0,
        "group": 1,
        "missing_essential": 2,
    }
    assert all(type(v) is int for v in skills.values())


def test_explanation_evidence_pairs() -> None:
    v = vacancy(occupation="2221", languages=(LanguageRequirement("de", B2),), min_isced=6)
    p = pool(
        occupation="2222",
        isced_level=5,
        experience_years=1.5,
        available_from=START + timedelta(days=90),
        languages=(PoolLanguage("de", B2, 0.25), PoolLanguage("de", B1, 0.5)),
    )
    ex = explain(v, p, context(), matching.assess(v, p, context()))
    evidence = {c.name: c.evidence for c in ex.components}
    assert evidence["occupation"] == (("vacancy", "2221"), ("pool", "2222"), ("common_prefix", 3))
    assert evidence["sector"] == (("vacancy", "62"), ("pool", "62"), ("match", "division"))
    assert evidence["language"] == (
        ("de_level", "B2"),
        ("de_required_at_start", False),
        ("de_share_at_or_above", 0.25),
        ("de_share_one_below", 0.5),
    )
    assert evidence["education"] == (("required_isced", 6), ("pool_isced", 5))
    assert evidence["experience"] == (("required_years", 2.0), ("pool_years", 1.5))
    assert evidence["availability"] == (
        ("start_date", "2025-06-01"),
        ("available_from", "2025-08-30"),
        ("days_late", 90),
    )
    scores = {c.name: c.score for c in ex.components}
    assert scores["availability"] == 0.5
    assert scores["education"] == 0.5
    assert scores["experience"] == 0.75
    assert scores["language"] == pytest.approx(0.5)


def test_evidence_is_typed_with_none_for_nothing_required() -> None:
    # Nothing asked: None, not the text "none"; a pool available now: available_from None.
    v = vacancy(languages=(), min_isced=None, min_experience_years=0.0, sector="86")
    p = pool(
        sector="01",  # another section: no sector match
        experience_years=0.1 + 0.2,  # float noise is rounded away
        languages=(PoolLanguage("de", B2, 0.1), PoolLanguage("de", B2, 0.2)),
    )
    ex = explain(v, p, context(), matching.assess(v, p, context()))
    evidence = {c.name: dict(c.evidence) for c in ex.components}
    assert evidence["language"] == {"required": None}
    assert evidence["education"] == {"required_isced": None, "pool_isced": 6}
    assert evidence["experience"] == {"required_years": None, "pool_years": 0.3}
    assert evidence["availability"] == {
        "start_date": "2025-06-01",
        "available_from": None,
        "days_late": 0,
    }
    assert evidence["sector"] == {"vacancy": "86", "pool": "01", "match": None}
    # A share with float noise, and a yes/no as a bool.
    asked = vacancy(languages=(LanguageRequirement("de", B2, required=True),))
    ex = explain(asked, p, context(), matching.assess(asked, p, context()))
    language = dict(next(c.evidence for c in ex.components if c.name == "language"))
    assert language["de_share_at_or_above"] == 0.3
    assert language["de_required_at_start"] is True
    # Every value is one of the evidence types, never a number as text.
    for c in ex.components:
        for key, value in c.evidence:
            assert value is None or isinstance(value, int | float | str), (key, value)
            if isinstance(value, str):
                assert not value.replace(".", "", 1).isdigit() or key in {"vacancy", "pool"}


def test_explanation_is_deterministic() -> None:
    ctx = context(BLUE_CARD, OPEN)
    a = score_pair(vacancy(), pool(), ctx)
    b = score_pair(vacancy(), pool(), ctx)
    assert a == b
