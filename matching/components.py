"""Component scores of a (vacancy, pool) pair, each in [0, 1] (design section 5).

A component that does not apply "drops out": its function returns None, it is absent from
`component_scores`, and `combine` renormalises the weights over the components left.

Floats are added with `arith.left_sum`, never `sum()`, so scores have the same bits on every
Python version (the ranker mirrors these additions; see matching/arith.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from matching.arith import left_sum
from matching.records import (
    COMPONENTS,
    Importance,
    Pool,
    SkillEvidence,
    SkillRequirement,
    Taxonomy,
    Vacancy,
)

#: Weight of a vacancy skill in the skills coverage.
SKILL_WEIGHT: Mapping[Importance, float] = {Importance.ESSENTIAL: 2.0, Importance.OPTIONAL: 1.0}
#: Hierarchy credit: a pool skill in the same nearest group counts at half its share.
GROUP_CREDIT = 0.5
#: Occupation score by the length of the common ISCO prefix (unit, minor, sub-major, major).
OCCUPATION_BY_PREFIX: tuple[float, ...] = (0.0, 0.1, 0.3, 0.6, 1.0)
#: Availability decays linearly to 0 at this many days late.
AVAILABILITY_HORIZON_DAYS = 180.0
#: Language credit of a pool entry exactly one CEFR level below the vacancy's minimum.
ONE_LEVEL_BELOW = 0.5
#: Relevance (design section 4): the ISCO digits a pool must share with the vacancy (minor
#: group), or the skills component it must reach instead.
RELEVANT_PREFIX = 3
RELEVANT_SKILLS = 0.5


# ---- skills ----------------------------------------------------------------------------------


def _pool_shares(pool: Pool) -> dict[str, float]:
    """Skill id -> share; a skill listed twice counts with its larger share."""
    shares: dict[str, float] = {}
    for entry in pool.skills:
        shares[entry.skill] = max(shares.get(entry.skill, 0.0), entry.share)
    return shares


@dataclass(frozen=True, slots=True)
class PoolSkills:
    """A pool's skills indexed by id and by group, built once per pair (see `of`), so crediting
    a vacancy skill takes two dict lookups instead of a scan of the pool's skills."""

    #: Skill id -> share (a skill listed twice counts with its larger share).
    shares: Mapping[str, float]
    #: Group id -> the largest share among the pool's skills in the group.
    group_best: Mapping[str, float]

    @classmethod
    def of(cls, pool: Pool, taxonomy: Taxonomy) -> PoolSkills:
        shares = _pool_shares(pool)
        group_best: dict[str, float] = {}
        for skill, share in shares.items():
            group = taxonomy.skill_group.get(skill)
            if group is not None:
                group_best[group] = max(group_best.get(group, 0.0), share)
        return cls(shares, group_best)


def _evidence(req: SkillRequirement, pool_skills: PoolSkills, taxonomy: Taxonomy) -> SkillEvidence:
    exact = pool_skills.shares.get(req.skill, 0.0)
    group = taxonomy.skill_group.get(req.skill)
    # Hierarchy credit comes from the *other* skills of the group. The group's best share may be
    # the skill's own, but then half of it never beats the exact credit (shares are >= 0), so
    # the best over the whole group gives the same credit and `via` without excluding it.
    related = 0.0 if group is None else pool_skills.group_best.get(group, 0.0)
    group_credit = GROUP_CREDIT * related
    if group_credit > exact:
        credit, via = group_credit, "group"
    else:
        credit, via = exact, "exact"
    return SkillEvidence(
        skill=req.skill,
        importance=req.importance,
        credit=credit,
        via=via if credit > 0 else None,
        derived=req.derived,
    )


def skill_evidence(vacancy: Vacancy, pool: Pool, taxonomy: Taxonomy) -> tuple[SkillEvidence, ...]:
    """One record per vacancy skill, in the vacancy's order: best credit and where it came from."""
    if not vacancy.skills:
        return ()
    pool_skills = PoolSkills.of(pool, taxonomy)
    return tuple(_evidence(req, pool_skills, taxonomy) for req in vacancy.skills)


def skills_score(
    vacancy: Vacancy,
    pool: Pool,
    taxonomy: Taxonomy,
    evidence: tuple[SkillEvidence, ...] | None = None,
) -> float | None:
    """Weighted coverage of the vacancy's skills; None (drops out) when it lists none.

    `evidence`: skill_evidence(vacancy, pool, taxonomy) when the caller already has it.
    """
    if not vacancy.skills:
        return None
    if evidence is None:
        evidence = skill_evidence(vacancy, pool, taxonomy)
    total = left_sum(SKILL_WEIGHT[e.importance] for e in evidence)
    return left_sum(SKILL_WEIGHT[e.importance] * e.credit for e in evidence) / total


# ---- occupation and sector ---------------------------------------------------------------------


def common_prefix_length(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def occupation_score(vacancy: Vacancy, pool: Pool) -> float:
    """By ISCO hierarchy: same unit group 1.0, minor 0.6, sub-major 0.3, major 0.1, else 0."""
    n = min(common_prefix_length(vacancy.occupation, pool.occupation), 4)
    return OCCUPATION_BY_PREFIX[n]


def sector_match(vacancy: Vacancy, pool: Pool, taxonomy: Taxonomy) -> str | None:
    """ "division", "section" or "none"; None when either side has no sector."""
    if vacancy.sector is None or pool.sector is None:
        return None
    if vacancy.sector == pool.sector:
        return "division"
    section = taxonomy.sector_section.get(vacancy.sector)
    # An unknown division has no section, so it never matches by section.
    if section is not None and section == taxonomy.sector_section.get(pool.sector):
        return "section"
    return "none"


def sector_score(vacancy: Vacancy, pool: Pool, taxonomy: Taxonomy) -> float | None:
    """Same ISIC division 1.0, same section 0.5, else 0; None (drops out) when either is missing."""
    match = sector_match(vacancy, pool, taxonomy)
    if match is None:
        return None
    return {"division": 1.0, "section": 0.5, "none": 0.0}[match]


# ---- language, education, experience, availability ---------------------------------------------


def language_shares(pool: Pool, language: str, min_level: int) -> tuple[float, float]:
    """(share at or above the level, share exactly one level below) among the pool's entries in
    a language; entries two or more levels below count in neither."""
    at_or_above = left_sum(
        e.share for e in pool.languages if e.language == language and e.level >= min_level
    )
    one_below = left_sum(
        e.share for e in pool.languages if e.language == language and e.level == min_level - 1
    )
    return at_or_above, one_below


def language_factor(level: int, min_level: int) -> float:
    """Credit of a pool language entry: 1 at or above the level, 0.5 exactly one level below."""
    if level >= min_level:
        return 1.0
    return ONE_LEVEL_BELOW if level == min_level - 1 else 0.0


def language_score(vacancy: Vacancy, pool: Pool) -> float:
    """Mean over the vacancy's languages of the pool's share at the level, plus half the share
    exactly one level below (two or more below count 0), capped at 1. No language named: 1.0.
    Required and scored-only languages count alike here; required ones also limit the eligible
    headcount (eligibility)."""
    if not vacancy.languages:
        return 1.0
    per_language = []
    for req in vacancy.languages:
        credit = left_sum(
            entry.share * language_factor(entry.level, req.min_level)
            for entry in pool.languages
            if entry.language == req.language
        )
        per_language.append(min(1.0, credit))
    return left_sum(per_language) / len(per_language)


def education_score(vacancy: Vacancy, pool: Pool) -> float:
    """1 at or above the minimum, 0.5 one ISCED level below, else 0; 1 with no minimum."""
    if vacancy.min_isced is None or pool.isced_level >= vacancy.min_isced:
        return 1.0
    if pool.isced_level == vacancy.min_isced - 1:
        return 0.5
    return 0.0


def experience_score(vacancy: Vacancy, pool: Pool) -> float:
    """min(1, pool years / required years); 1 when none is required."""
    required = vacancy.min_experience_years
    if required is None or required <= 0:
        return 1.0
    return min(1.0, pool.experience_years / required)


def days_late(vacancy: Vacancy, pool: Pool) -> int:
    """Days between the vacancy start and the pool's availability; 0 when available in time."""
    if pool.available_from is None or pool.available_from <= vacancy.start_date:
        return 0
    return (pool.available_from - vacancy.start_date).days


def availability_score(vacancy: Vacancy, pool: Pool) -> float:
    """1 when available by the start date, linear decay to 0 at 180 days late."""
    return max(0.0, 1.0 - days_late(vacancy, pool) / AVAILABILITY_HORIZON_DAYS)


# ---- relevance ---------------------------------------------------------------------------------


def is_relevant(
    vacancy: Vacancy, pool: Pool, taxonomy: Taxonomy, skills: float | None = None
) -> bool:
    """Is the pair a match at all (design section 4)? Only when the pool's occupation shares
    the vacancy's ISCO minor group, or the pool covers at least half the vacancy's skills (the
    skills component >= 0.5); a vacancy naming no skills: the minor group alone decides.

    `skills`: skills_score(vacancy, pool, taxonomy) when the caller already has it.
    """
    if vacancy.occupation[:RELEVANT_PREFIX] == pool.occupation[:RELEVANT_PREFIX]:
        return True
    if not vacancy.skills:
        return False
    if skills is None:
        skills = skills_score(vacancy, pool, taxonomy)
    return skills is not None and skills >= RELEVANT_SKILLS


# ---- all together ------------------------------------------------------------------------------


def component_scores(
    vacancy: Vacancy,
    pool: Pool,
    taxonomy: Taxonomy,
    skills: tuple[SkillEvidence, ...] | None = None,
) -> dict[str, float]:
    """The components that apply, in COMPONENTS order.

    `skills`: skill_evidence(vacancy, pool, taxonomy) when the caller already has it (explain
    reuses it for the evidence and the missing skills instead of computing it again).
    """
    scores: dict[str, float | None] = {
        "skills": skills_score(vacancy, pool, taxonomy, skills),
        "occupation": occupation_score(vacancy, pool),
        "sector": sector_score(vacancy, pool, taxonomy),
        "language": language_score(vacancy, pool),
        "education": education_score(vacancy, pool),
        "experience": experience_score(vacancy, pool),
        "availability": availability_score(vacancy, pool),
    }
    return {name: s for name in COMPONENTS if (s := scores[name]) is not None}


def renormalised_weights(
    scores: Mapping[str, float], weights: Mapping[str, float]
) -> dict[str, float]:
    """The weight each present component actually gets; all 0 when the present weights sum to 0."""
    unknown = set(scores) - set(COMPONENTS)
    if unknown:
        raise ValueError(f"Unknown component(s): {', '.join(sorted(unknown))}.")
    present = [name for name in COMPONENTS if name in scores]
    total = left_sum(weights[name] for name in present)
    if total <= 0:
        return dict.fromkeys(present, 0.0)
    return {name: weights[name] / total for name in present}


def combine(scores: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """Weighted mean of the present components: sum(w * s) / sum(w); 0 when sum(w) is 0.

    `weights` must name every present component (pass the output of validate_weights).
    """
    unknown = set(scores) - set(COMPONENTS)
    if unknown:
        raise ValueError(f"Unknown component(s): {', '.join(sorted(unknown))}.")
    present = [name for name in COMPONENTS if name in scores]
    total = left_sum(weights[name] for name in present)
    if total <= 0:
        return 0.0
    return left_sum(weights[name] * scores[name] for name in present) / total
