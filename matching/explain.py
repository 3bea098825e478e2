"""Explanations: why a pair scored what it did, component by component (design section 5)."""

from __future__ import annotations

from collections.abc import Callable

from matching.components import (
    common_prefix_length,
    component_scores,
    days_late,
    language_shares,
    renormalised_weights,
    sector_match,
    skill_evidence,
)
from matching.eligibility import estimate_headcount
from matching.records import (
    CEFR_LEVELS,
    ComponentScore,
    Context,
    Eligibility,
    EvidenceValue,
    Explanation,
    HeadcountFactor,
    Importance,
    Pool,
    SkillEvidence,
    Vacancy,
)
from matching.weights import validate_weights

Evidence = tuple[tuple[str, EvidenceValue], ...]


def _num(value: float) -> str:
    """Short, stable text for a number (no float noise such as 0.30000000000000004)."""
    return f"{round(value, 6):g}"


def _round(value: float) -> float:
    """An evidence number without float noise: rounded to 6 decimal places."""
    return round(float(value), 6)


def _level(index: int) -> str:
    return CEFR_LEVELS[index] if 0 <= index < len(CEFR_LEVELS) else str(index)


def missing_essential(skills: tuple[SkillEvidence, ...]) -> tuple[str, ...]:
    """Essential vacancy skills the pool gives no credit for, in the vacancy's order."""
    return tuple(e.skill for e in skills if e.importance is Importance.ESSENTIAL and e.credit == 0)


def _skills(skills: tuple[SkillEvidence, ...], missing: tuple[str, ...]) -> Evidence:
    """Counts over the pair's skill evidence (computed once by explain, passed in)."""
    return (
        ("vacancy_skills", len(skills)),
        ("matched", sum(1 for e in skills if e.credit > 0)),
        ("exact", sum(1 for e in skills if e.via == "exact")),
        ("group", sum(1 for e in skills if e.via == "group")),
        ("missing_essential", len(missing)),
    )


def _occupation(vacancy: Vacancy, pool: Pool, ctx: Context) -> Evidence:
    return (
        ("vacancy", vacancy.occupation),
        ("pool", pool.occupation),
        ("common_prefix", min(4, common_prefix_length(vacancy.occupation, pool.occupation))),
    )


def _sector(vacancy: Vacancy, pool: Pool, ctx: Context) -> Evidence:
    match = sector_match(vacancy, pool, ctx.taxonomy)
    return (
        ("vacancy", vacancy.sector),
        ("pool", pool.sector),
        # "division" or "section"; None: different sections.
        ("match", None if match == "none" else match),
    )


def _language(vacancy: Vacancy, pool: Pool, ctx: Context) -> Evidence:
    if not vacancy.languages:
        return (("required", None),)
    pairs: list[tuple[str, EvidenceValue]] = []
    for req in vacancy.languages:
        at_or_above, one_below = language_shares(pool, req.language, req.min_level)
        pairs += [
            (f"{req.language}_level", _level(req.min_level)),
            (f"{req.language}_required_at_start", req.required),
            (f"{req.language}_share_at_or_above", _round(at_or_above)),
            (f"{req.language}_share_one_below", _round(one_below)),
        ]
    return tuple(pairs)


def _education(vacancy: Vacancy, pool: Pool, ctx: Context) -> Evidence:
    return (("required_isced", vacancy.min_isced), ("pool_isced", pool.isced_level))


def _experience(vacancy: Vacancy, pool: Pool, ctx: Context) -> Evidence:
    required = vacancy.min_experience_years
    return (
        ("required_years", None if not required or required <= 0 else _round(required)),
        ("pool_years", _round(pool.experience_years)),
    )


def _availability(vacancy: Vacancy, pool: Pool, ctx: Context) -> Evidence:
    available = pool.available_from.isoformat() if pool.available_from else None  # None: now
    return (
        ("start_date", vacancy.start_date.isoformat()),
        ("available_from", available),
        ("days_late", days_late(vacancy, pool)),
    )


#: Evidence of every component but skills, whose evidence explain() builds from the skill
#: evidence it has already computed.
EVIDENCE: dict[str, Callable[[Vacancy, Pool, Context], Evidence]] = {
    "occupation": _occupation,
    "sector": _sector,
    "language": _language,
    "education": _education,
    "experience": _experience,
    "availability": _availability,
}


def explain(vacancy: Vacancy, pool: Pool, ctx: Context, eligibility: Eligibility) -> Explanation:
    """Per present component (COMPONENTS order): score, applied weight, contribution, evidence."""
    # The skill evidence is most of the work: compute it once for the skills score, its
    # evidence, the per-skill records and the missing essential skills.
    skills = skill_evidence(vacancy, pool, ctx.taxonomy)
    missing = missing_essential(skills)
    scores = component_scores(vacancy, pool, ctx.taxonomy, skills)
    weights = renormalised_weights(scores, validate_weights(ctx.weights))
    components = tuple(
        ComponentScore(
            name=name,
            score=score,
            weight=weights[name],
            contribution=score * weights[name],
            evidence=_skills(skills, missing)
            if name == "skills"
            else EVIDENCE[name](vacancy, pool, ctx),
        )
        for name, score in scores.items()
    )
    return Explanation(
        components=components,
        skills=skills,
        missing_essential=missing,
        eligibility=eligibility,
        headcount=headcount_factors(vacancy, pool, ctx, eligibility.pathway),
    )


def headcount_factors(
    vacancy: Vacancy, pool: Pool, ctx: Context, pathway_code: str | None
) -> tuple[HeadcountFactor, ...]:
    """The factors of the eligible headcount under the reported pathway, each with its sentence
    (the same estimate eligibility uses); none when no pathway is reported."""
    pathway = next((p for p in ctx.pathways if p.code == pathway_code), None)
    if pathway is None:
        return ()
    estimate = estimate_headcount(vacancy, pool, pathway, ctx)
    elsewhere = pool.headcount - estimate.available
    available = (
        f"{estimate.available} of the pool's {pool.headcount} workers are not yet approved for "
        f"other vacancies"
        if elsewhere
        else f"All {pool.headcount} workers of the pool are available (none approved for other "
        f"vacancies)"
    )
    out = [HeadcountFactor("available", float(estimate.available), available + ".")]
    for f in estimate.factors:
        asked = [r.min_level for r in vacancy.languages if r.required and r.language == f.language]
        if f.kind == "required_language":
            whose = "required by the vacancy at the start of work"
        elif asked:
            whose = (
                f"required by {pathway.code} and by the vacancy at the start of work; the "
                f"stricter level counts"
            )
        else:
            whose = f"required by {pathway.code}"
        out.append(
            HeadcountFactor(
                f.kind,
                f.share,
                f"Share at {f.language} {_level(f.level)} or above: {_num(f.share)} ({whose}).",
            )
        )
    return tuple(out)
