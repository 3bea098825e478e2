"""The readings of design.md as revised on 2026-12-02: relevance before eligibility, eligible
headcount (approvals elsewhere, required languages), no_eligible_workers, language credit, and
the health check on either side. Each rule is held on the reference and on both indexes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from matching.components import is_relevant, language_score
from matching.eligibility import assess, check_pathway, estimate_headcount
from matching.explain import explain
from matching.ranker import PoolIndex, VacancyIndex
from matching.records import (
    Context,
    LanguageRequirement,
    Match,
    Pool,
    PoolLanguage,
    PoolSkill,
    SkillRequirement,
    Vacancy,
)
from matching.reference import rank_reference, rank_vacancies_reference
from tests.matching.conftest import B1, B2, C1, G2G_NURSES, OPEN, TAXONOMY, context, pool, vacancy

A2 = 1


def codes(m: Match | None) -> list[str]:
    assert m is not None
    return [r.code for r in m.eligibility.reasons]


def ranked_both(v: Vacancy, pools: list[Pool], ctx: Context) -> list[Match]:
    """rank_reference with ineligible pairs, after checking that both indexes agree with it."""
    want = rank_reference(v, pools, ctx, include_ineligible=True)
    assert PoolIndex.build(pools, ctx.taxonomy).rank(v, ctx, None, include_ineligible=True) == want
    for p in pools:
        mirror = rank_vacancies_reference(p, [v], ctx, include_ineligible=True)
        assert VacancyIndex.build([v], ctx.taxonomy).rank(
            p, ctx, None, include_ineligible=True
        ) == (mirror)
    return want


def by_pool(matches: list[Match]) -> dict[str, Match]:
    return {m.pool_id: m for m in matches}


# ---- relevance ---------------------------------------------------------------------------------


def test_unrelated_pools_are_never_ranked_not_even_as_blocked() -> None:
    v = vacancy(occupation="2512")  # software developer; skills python (essential), sql
    same_minor = pool(id="same", occupation="2519", skills=())
    other_group_skilled = pool(id="skilled", occupation="3512", skills=(PoolSkill("python", 0.8),))
    unrelated = pool(id="far", occupation="8160", skills=(PoolSkill("sql", 0.9),))
    found = by_pool(ranked_both(v, [same_minor, other_group_skilled, unrelated], context()))
    assert set(found) == {"same", "skilled"}
    assert is_relevant(v, same_minor, TAXONOMY)
    # Skills 2 * 0.8 / 3 = 0.53 >= 0.5; sql alone gives 0.9 / 3 = 0.3.
    assert found["skilled"].components["skills"] == pytest.approx(1.6 / 3)
    assert not is_relevant(v, unrelated, TAXONOMY)


def test_skills_exactly_one_half_is_relevant() -> None:
    v = vacancy(
        occupation="2512",
        skills=(SkillRequirement("python"), SkillRequirement("welding")),
    )
    p = pool(id="half", occupation="7212", skills=(PoolSkill("python", 1.0),))
    assert is_relevant(v, p, TAXONOMY)
    assert [m.pool_id for m in ranked_both(v, [p], context())] == ["half"]


def test_vacancy_without_skills_needs_the_minor_group() -> None:
    v = vacancy(occupation="2512", skills=())
    near = pool(id="near", occupation="2513")
    sub_major = pool(id="sub", occupation="2521")  # same sub-major 25, another minor group
    assert [m.pool_id for m in ranked_both(v, [near, sub_major], context())] == ["near"]


# ---- eligible headcount ------------------------------------------------------------------------


def test_required_language_limits_the_headcount_and_scored_only_does_not() -> None:
    p = pool(languages=(PoolLanguage("de", B2, 0.3), PoolLanguage("de", B1, 0.5)))
    scored_only = vacancy(languages=(LanguageRequirement("de", B2),))
    required = vacancy(languages=(LanguageRequirement("de", B2, required=True),))
    assert assess(scored_only, p, context()).eligible_headcount == 100
    assert assess(required, p, context()).eligible_headcount == 30
    # The score is the same either way: `required` only limits who is eligible.
    ctx = context()
    assert ranked_both(scored_only, [p], ctx)[0].score == ranked_both(required, [p], ctx)[0].score


def test_pathway_and_vacancy_languages_multiply_and_the_stricter_level_counts() -> None:
    p = pool(
        languages=(
            PoolLanguage("de", B1, 0.4),
            PoolLanguage("de", B2, 0.2),
            PoolLanguage("en", C1, 0.5),
        )
    )
    de_b1 = replace(OPEN, code="DE-LANG", languages=(LanguageRequirement("de", B1),))
    # Same language: the vacancy's B2 is stricter than the pathway's B1, so only B2 counts.
    v = vacancy(languages=(LanguageRequirement("de", B2, required=True),))
    estimate = estimate_headcount(v, p, de_b1, context(de_b1))
    assert [(f.kind, f.language, f.level, f.share) for f in estimate.factors] == [
        ("pathway_language", "de", B2, 0.2)
    ]
    assert estimate.headcount == 20
    # Different languages are independent: de >= B1 (0.6) x en >= B2 (0.5) = 0.3.
    v2 = vacancy(languages=(LanguageRequirement("en", B2, required=True),))
    assert estimate_headcount(v2, p, de_b1, context(de_b1)).headcount == 30
    ranked_both(v2, [p], context(de_b1))


def test_any_of_entries_are_combined_with_required_languages_first() -> None:
    p = pool(languages=(PoolLanguage("de", B1, 0.9), PoolLanguage("en", C1, 0.5)))
    # Alone, de (0.9) beats en (0.5); combined with the vacancy's required en B2, de gives
    # 0.9 x 0.5 = 0.45 and en gives 0.5 (one factor, the stricter level): en wins.
    pathway = replace(
        OPEN,
        code="DE-ANY",
        languages=(LanguageRequirement("de", B1), LanguageRequirement("en", B1)),
    )
    v = vacancy(languages=(LanguageRequirement("en", B2, required=True),))
    estimate = estimate_headcount(v, p, pathway, context(pathway))
    assert estimate.share == 0.5
    assert estimate.headcount == 50
    ranked_both(v, [p], context(pathway))


def test_workers_approved_for_other_vacancies_are_not_counted() -> None:
    p = pool(id="p1", headcount=100, languages=())
    v = vacancy(id="v1", languages=())
    ctx = context(approved={("v-other", "p1"): 40, ("v1", "p1"): 10, ("v-other", "p2"): 99})
    # Its own approval (10) stays available to v1; the other vacancy's 40 are gone.
    assert assess(v, p, ctx).eligible_headcount == 60
    assert ranked_both(v, [p], ctx)[0].eligibility.eligible_headcount == 60
    assert assess(replace(v, id="v-other"), p, ctx).eligible_headcount == 90


def test_no_eligible_workers_names_the_requirement() -> None:
    p = pool(id="p1", headcount=5, languages=(PoolLanguage("de", B1, 1.0),))
    required = vacancy(languages=(LanguageRequirement("de", B2, required=True),))
    m = ranked_both(required, [p], context())[0]
    assert codes(m) == ["no_eligible_workers"]
    assert "de at B2" in m.eligibility.reasons[0].message
    assert "vacancy requires" in m.eligibility.reasons[0].message

    taken = context(approved={("v-other", "p1"): 5})
    m = ranked_both(vacancy(languages=()), [p], taken)[0]
    assert codes(m) == ["no_eligible_workers"]
    assert "approved for other vacancies" in m.eligibility.reasons[0].message

    # 1 worker x 0.5 rounds down to 0.
    one = pool(id="p1", headcount=1, languages=(PoolLanguage("de", B2, 0.5),))
    m = ranked_both(required, [one], context())[0]
    assert codes(m) == ["no_eligible_workers"]
    assert "rounds down to 0" in m.eligibility.reasons[0].message


def test_no_eligible_workers_only_when_all_else_passes() -> None:
    p = pool(languages=(PoolLanguage("de", B1, 1.0),))
    v = vacancy(languages=(LanguageRequirement("de", B2, required=True),))
    strict = replace(OPEN, min_isced=8)
    check = check_pathway(v, p, strict, context(strict))
    assert [r.code for r in check.reasons] == ["education_below_minimum"]
    assert "eligible_workers" not in check.passed
    admitted = check_pathway(vacancy(), p, OPEN, context())
    assert admitted.passed[-1] == "eligible_workers"


def test_explanation_shows_each_headcount_factor() -> None:
    p = pool(id="p1", headcount=100, languages=(PoolLanguage("de", B2, 0.4),))
    v = vacancy(id="v1", languages=(LanguageRequirement("de", B2, required=True),))
    ctx = context(approved={("v2", "p1"): 50})
    x = explain(v, p, ctx, assess(v, p, ctx))
    assert [(f.kind, f.value) for f in x.headcount] == [
        ("available", 50.0),
        ("required_language", 0.4),
    ]
    assert "50 of the pool's 100 workers" in x.headcount[0].text
    assert "de B2" in x.headcount[1].text
    assert x.eligibility.eligible_headcount == 20
    # No reported pathway (no candidate at all): no factors.
    nowhere = vacancy(destination="FR")
    assert explain(nowhere, p, ctx, assess(nowhere, p, ctx)).headcount == ()


# ---- language component ------------------------------------------------------------------------


def test_language_half_credit_only_one_level_below() -> None:
    v = vacancy(languages=(LanguageRequirement("de", B2),))
    assert language_score(v, pool(languages=(PoolLanguage("de", B1, 0.6),))) == 0.3
    assert language_score(v, pool(languages=(PoolLanguage("de", A2, 0.6),))) == 0.0
    assert language_score(v, pool(languages=(PoolLanguage("de", C1, 0.6),))) == 0.6
    assert language_score(vacancy(languages=()), pool()) == 1.0


# ---- ethical recruitment -----------------------------------------------------------------------


def test_health_workers_from_safeguard_countries_for_any_vacancy() -> None:
    nurses = pool(id="nurses", origin="NG", occupation="2221", skills=(PoolSkill("python", 1.0),))
    software = vacancy(occupation="2512")  # not a health occupation; nurses relevant by skills
    m = ranked_both(software, [nurses], context(OPEN))[0]
    assert codes(m) == ["ethical_recruitment_health"]
    assert "pool's occupation 2221 is a health occupation" in m.eligibility.reasons[0].message
    # A government-to-government pathway may recruit them.
    g2g = replace(G2G_NURSES, occupations=())
    assert ranked_both(software, [nurses], context(g2g))[0].eligibility.eligible


def test_pathway_sector_letters_and_open_ended_contracts() -> None:
    agriculture = replace(OPEN, code="DE-AGRI", sectors=frozenset({"A"}), max_contract_months=9)
    v = vacancy(occupation="6111", sector="01", contract_months=6, skills=())
    p = pool(occupation="6111", sector="01")
    assert assess(v, p, context(agriculture)).eligible
    open_ended = replace(v, contract_months=None)
    assert [r.code for r in assess(open_ended, p, context(agriculture)).reasons] == [
        "contract_not_allowed"
    ]
    assert [r.code for r in assess(replace(v, sector="41"), p, context(agriculture)).reasons] == [
        "sector_not_covered"
    ]
