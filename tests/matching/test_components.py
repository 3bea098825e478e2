"""Component scores (design section 5)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.components import (
    GROUP_CREDIT,
    availability_score,
    combine,
    component_scores,
    education_score,
    experience_score,
    language_score,
    occupation_score,
    sector_score,
    skill_evidence,
    skills_score,
)
from matching.records import (
    COMPONENTS,
    DEFAULT_WEIGHTS,
    Importance,
    LanguageRequirement,
    Pool,
    PoolLanguage,
    PoolSkill,
    SkillRequirement,
    Taxonomy,
)
from tests.matching.conftest import B1, B2, START, TAXONOMY, pool, vacancy

ESSENTIAL, OPTIONAL = Importance.ESSENTIAL, Importance.OPTIONAL


# ---- skills ------------------------------------------------------------------------------------


def test_skills_exact_weighted_mean() -> None:
    # python essential (w 2) at 0.8, sql optional (w 1) at 0.5: (1.6 + 0.5) / 3.
    assert skills_score(vacancy(), pool(), TAXONOMY) == pytest.approx(2.1 / 3)


def test_no_vacancy_skills_drops_out() -> None:
    v = vacancy(skills=())
    assert skills_score(v, pool(), TAXONOMY) is None
    scores = component_scores(v, pool(), TAXONOMY)
    assert "skills" not in scores


def test_hierarchy_credit_is_half_the_share_of_a_same_group_skill() -> None:
    v = vacancy(skills=(SkillRequirement("java", ESSENTIAL),))
    p = pool(skills=(PoolSkill("python", 0.8),))  # python and java share "programming"
    (evidence,) = skill_evidence(v, p, TAXONOMY)
    assert evidence.credit == pytest.approx(0.4)
    assert evidence.via == "group"
    assert skills_score(v, p, TAXONOMY) == pytest.approx(0.4)


def test_hierarchy_credit_takes_the_best_same_group_share() -> None:
    v = vacancy(skills=(SkillRequirement("sql", ESSENTIAL),))
    p = pool(skills=(PoolSkill("excel", 0.3), PoolSkill("excel", 0.9), PoolSkill("python", 1.0)))
    (evidence,) = skill_evidence(v, p, TAXONOMY)
    assert evidence.credit == pytest.approx(0.45)  # python is in another group


def test_best_credit_wins() -> None:
    v = vacancy(skills=(SkillRequirement("java", ESSENTIAL),))
    exact_better = pool(skills=(PoolSkill("java", 0.5), PoolSkill("python", 0.8)))
    (e,) = skill_evidence(v, exact_better, TAXONOMY)
    assert (e.credit, e.via) == (0.5, "exact")
    group_better = pool(skills=(PoolSkill("java", 0.2), PoolSkill("python", 0.8)))
    (e,) = skill_evidence(v, group_better, TAXONOMY)
    assert e.credit == pytest.approx(0.4)
    assert e.via == "group"
    tie = pool(skills=(PoolSkill("java", 0.4), PoolSkill("python", 0.8)))
    (e,) = skill_evidence(v, tie, TAXONOMY)
    assert e.via == "exact"  # group credit must be strictly better


def test_no_credit_without_group_or_match() -> None:
    v = vacancy(
        skills=(
            SkillRequirement("welding", ESSENTIAL),  # group None: no hierarchy credit
            SkillRequirement("nursing", OPTIONAL, derived=True),
            SkillRequirement("unknown-skill", ESSENTIAL),  # absent from the taxonomy
        )
    )
    p = pool(skills=(PoolSkill("lifting", 0.0), PoolSkill("python", 1.0)))
    evidence = skill_evidence(v, p, TAXONOMY)
    assert [e.skill for e in evidence] == ["welding", "nursing", "unknown-skill"]
    assert all(e.credit == 0 and e.via is None for e in evidence)
    assert evidence[1].derived and evidence[1].importance is OPTIONAL
    assert skills_score(v, p, TAXONOMY) == 0.0


def test_a_skill_does_not_give_itself_group_credit() -> None:
    v = vacancy(skills=(SkillRequirement("python", ESSENTIAL),))
    (e,) = skill_evidence(v, pool(skills=(PoolSkill("python", 0.6),)), TAXONOMY)
    assert (e.credit, e.via) == (0.6, "exact")


def test_group_credit_comes_from_the_groups_best_skill() -> None:
    # python is the group's best pool skill: java gets half of it, python its own share.
    v = vacancy(skills=(SkillRequirement("python", ESSENTIAL), SkillRequirement("java")))
    p = pool(skills=(PoolSkill("python", 0.1), PoolSkill("java", 0.08), PoolSkill("python", 0.9)))
    python, java = skill_evidence(v, p, TAXONOMY)
    assert (python.credit, python.via) == (0.9, "exact")
    assert (java.credit, java.via) == (0.45, "group")
    alone = skill_evidence(v, pool(skills=(PoolSkill("python", 0.1),)), TAXONOMY)
    assert [(e.credit, e.via) for e in alone] == [(0.1, "exact"), (0.05, "group")]


def _evidence_by_scan(
    req: SkillRequirement, pool_: Pool, taxonomy: Taxonomy
) -> tuple[float, str | None]:
    """The README's rule read literally: scan every pool skill for every vacancy skill."""
    shares: dict[str, float] = {}
    for entry in pool_.skills:
        shares[entry.skill] = max(shares.get(entry.skill, 0.0), entry.share)
    exact = shares.get(req.skill, 0.0)
    group = taxonomy.skill_group.get(req.skill)
    related = 0.0
    if group is not None:
        related = max(
            (
                share
                for skill, share in shares.items()
                if skill != req.skill and taxonomy.skill_group.get(skill) == group
            ),
            default=0.0,
        )
    if GROUP_CREDIT * related > exact:
        return GROUP_CREDIT * related, "group"
    return exact, "exact" if exact > 0 else None


SCAN_SKILLS = ("a", "b", "c", "d", "e", "f")


@settings(max_examples=300, deadline=None)
@given(
    groups=st.lists(st.sampled_from((None, "g", "h")), min_size=6, max_size=6),
    held=st.lists(
        st.tuples(
            st.sampled_from(SCAN_SKILLS),
            st.sampled_from([0.0, 0.2, 0.5, 1.0]) | st.floats(-0.5, 1.5, allow_nan=False),
        ),
        max_size=10,
    ),
    wanted=st.lists(st.sampled_from((*SCAN_SKILLS, "z")), max_size=8),
)
def test_indexed_skill_evidence_equals_the_scan(
    groups: list[str | None], held: list[tuple[str, float]], wanted: list[str]
) -> None:
    """PoolSkills' best/runner-up lookups give exactly the credit of the literal scan."""
    taxonomy = Taxonomy(sector_section={}, skill_group=dict(zip(SCAN_SKILLS, groups, strict=True)))
    v = vacancy(skills=tuple(SkillRequirement(s) for s in wanted))
    p = pool(skills=tuple(PoolSkill(s, share) for s, share in held))
    got = [(e.credit, e.via) for e in skill_evidence(v, p, taxonomy)]
    assert got == [_evidence_by_scan(req, p, taxonomy) for req in v.skills]


# ---- occupation and sector ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pool_isco", "expected"),
    [("2512", 1.0), ("2513", 0.6), ("2521", 0.3), ("2611", 0.1), ("7212", 0.0)],
)
def test_occupation_by_common_prefix(pool_isco: str, expected: float) -> None:
    assert occupation_score(vacancy(occupation="2512"), pool(occupation=pool_isco)) == expected


def test_sector_division_section_other() -> None:
    assert sector_score(vacancy(sector="62"), pool(sector="62"), TAXONOMY) == 1.0
    assert sector_score(vacancy(sector="62"), pool(sector="63"), TAXONOMY) == 0.5
    assert sector_score(vacancy(sector="62"), pool(sector="86"), TAXONOMY) == 0.0
    assert sector_score(vacancy(sector="99"), pool(sector="98"), TAXONOMY) == 0.0  # unknown


def test_sector_missing_drops_out_and_weights_renormalise() -> None:
    v, p = vacancy(sector=None), pool()
    assert sector_score(v, p, TAXONOMY) is None
    assert sector_score(vacancy(), pool(sector=None), TAXONOMY) is None
    scores = component_scores(v, p, TAXONOMY)
    assert list(scores) == [c for c in COMPONENTS if c != "sector"]
    expected = sum(DEFAULT_WEIGHTS[c] * s for c, s in scores.items()) / 0.9
    assert combine(scores, DEFAULT_WEIGHTS) == pytest.approx(expected)


# ---- language ----------------------------------------------------------------------------------


def test_language_at_level_and_half_credit_below() -> None:
    v = vacancy(languages=(LanguageRequirement("de", B2),))
    p = pool(languages=(PoolLanguage("de", B2, 0.4), PoolLanguage("de", B1, 0.4)))
    assert language_score(v, p) == pytest.approx(0.4 + 0.5 * 0.4)


def test_language_mean_over_required_and_cap() -> None:
    v = vacancy(languages=(LanguageRequirement("de", B1), LanguageRequirement("fr", B1)))
    p = pool(languages=(PoolLanguage("de", B1, 0.8), PoolLanguage("de", B2, 0.6)))
    assert language_score(v, p) == pytest.approx((1.0 + 0.0) / 2)


def test_language_none_required() -> None:
    assert language_score(vacancy(languages=()), pool(languages=())) == 1.0


# ---- education, experience, availability -------------------------------------------------------


@pytest.mark.parametrize(
    ("minimum", "level", "expected"),
    [(None, 0, 1.0), (6, 7, 1.0), (6, 6, 1.0), (6, 5, 0.5), (6, 4, 0.0)],
)
def test_education(minimum: int | None, level: int, expected: float) -> None:
    assert education_score(vacancy(min_isced=minimum), pool(isced_level=level)) == expected


@pytest.mark.parametrize(
    ("required", "years", "expected"),
    [(None, 0.0, 1.0), (0.0, 0.0, 1.0), (4.0, 1.0, 0.25), (4.0, 3.0, 0.75), (4.0, 9.0, 1.0)],
)
def test_experience_ratio(required: float | None, years: float, expected: float) -> None:
    v = vacancy(min_experience_years=required)
    assert experience_score(v, pool(experience_years=years)) == expected


@pytest.mark.parametrize(
    ("late", "expected"),
    [(None, 1.0), (-10, 1.0), (0, 1.0), (45, 0.75), (90, 0.5), (180, 0.0), (400, 0.0)],
)
def test_availability_decay(late: int | None, expected: float) -> None:
    available = None if late is None else START + timedelta(days=late)
    assert availability_score(vacancy(), pool(available_from=available)) == expected


# ---- combining ---------------------------------------------------------------------------------


def test_component_scores_in_components_order() -> None:
    scores = component_scores(vacancy(), pool(), TAXONOMY)
    assert list(scores) == list(COMPONENTS)
    assert all(0.0 <= s <= 1.0 for s in scores.values())


def test_combine_weighted_mean() -> None:
    weights = dict.fromkeys(COMPONENTS, 0.0) | {"skills": 3.0, "occupation": 1.0}
    assert combine({"skills": 1.0, "occupation": 0.0}, weights) == 0.75
    assert combine({"skills": 0.5}, weights) == 0.5


def test_combine_zero_remaining_weight_is_zero() -> None:
    weights = dict.fromkeys(COMPONENTS, 0.0) | {"sector": 1.0}
    assert combine({"skills": 1.0, "occupation": 1.0}, weights) == 0.0


def test_combine_rejects_unknown_component() -> None:
    with pytest.raises(ValueError, match="bogus"):
        combine({"bogus": 1.0}, DEFAULT_WEIGHTS)
