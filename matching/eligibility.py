"""Legal pathways: does any pathway admit a (vacancy, pool) pair, and if not, why (design sect. 4).

Written to be read as the specification: one function per check, each returning None when the
check passes or the one Reason it fails with. A check has a name (what `checks_passed` lists)
distinct from the code of the reason it fails with (what `reasons` list). `check_pathway` runs
every check (no short-circuit) so the reasons are complete; `assess` picks the best admitting or
the closest pathway.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from matching.arith import left_sum
from matching.money import annualise, convert
from matching.records import (
    CEFR_LEVELS,
    Context,
    Eligibility,
    LanguageRequirement,
    Pathway,
    Pool,
    Reason,
    Taxonomy,
    Vacancy,
)

#: Check codes in the order of the table in design section 4 (reasons are listed in this order).
REASON_CODES: tuple[str, ...] = (
    "origin_not_covered",
    "occupation_not_covered",
    "sector_not_covered",
    "education_below_minimum",
    "language_below_minimum",
    "experience_below_minimum",
    "wage_below_threshold",
    "contract_not_allowed",
    "quota_exhausted",
    "pathway_not_in_force",
    "ethical_recruitment_health",
    "fees_charged_to_worker",
    "no_eligible_workers",
)
#: Stands in the wage position when a rate is missing; the check's code stays wage_below_threshold.
NO_EXCHANGE_RATE = "no_exchange_rate"
#: The only reason when the destination has no candidate pathway.
NO_PATHWAY = "no_pathway"
#: Every code a reason can have: the checks' (table order), then the two that stand outside it.
ALL_REASON_CODES: tuple[str, ...] = (*REASON_CODES, NO_EXCHANGE_RATE, NO_PATHWAY)
#: The name of the last check (failure code no_eligible_workers), judged after the others.
ELIGIBLE_WORKERS = "eligible_workers"

#: Guards floor() against a product like 10 * 0.3 = 2.9999999999999996.
HEADCOUNT_EPSILON = 1e-9
#: Relative tolerance so a wage exactly at the threshold passes despite conversion rounding.
WAGE_TOLERANCE = 1e-12


@dataclass(frozen=True, slots=True)
class PathwayCheck:
    """The verdict of one pathway on one pair."""

    pathway: str
    passed: tuple[str, ...]  # names of the checks passed (CHECK_NAMES), table order
    reasons: tuple[Reason, ...]  # failed checks, table order
    share: float  # share of the pool meeting the language requirements (HeadcountEstimate.share)
    headcount: int  # eligible headcount under this pathway; 0 when it does not admit the pair

    @property
    def admits(self) -> bool:
        return not self.reasons


# ---- helpers ---------------------------------------------------------------------------------


def _codes(values: Iterable[str]) -> str:
    return ", ".join(sorted(values))


def _money(amount: float, currency: str) -> str:
    return f"{amount:,.2f} {currency}"


def _years(value: float) -> str:
    return f"{value:g}"


def _level(index: int) -> str:
    return CEFR_LEVELS[index] if 0 <= index < len(CEFR_LEVELS) else str(index)


def is_health_occupation(isco: str, taxonomy: Taxonomy) -> bool:
    """ISCO code under one of the health prefixes (22, 32, 532 by default)."""
    return any(isco.startswith(prefix) for prefix in taxonomy.health_occupations)


def share_at_or_above(pool: Pool, language: str, level: int) -> float:
    """Summed shares of the pool's entries in a language at or above a level, capped at 1."""
    return min(
        1.0,
        left_sum(e.share for e in pool.languages if e.language == language and e.level >= level),
    )


def language_share(pool: Pool, requirements: Sequence[LanguageRequirement]) -> float:
    """Share of the pool meeting an any-of list of language requirements (the pathway check).

    Per requirement: the summed shares of the pool's entries in that language at or above the
    level, capped at 1; the best requirement wins. No requirements: the whole pool (1.0).
    """
    best = 1.0 if not requirements else 0.0
    for req in requirements:
        best = max(best, share_at_or_above(pool, req.language, req.min_level))
    return best


def required_levels(vacancy: Vacancy) -> tuple[tuple[str, int], ...]:
    """The languages the vacancy requires at the start of work, each once with its strictest
    level, in the order first named."""
    levels: dict[str, int] = {}
    for req in vacancy.languages:
        if req.required:
            levels[req.language] = max(levels.get(req.language, req.min_level), req.min_level)
    return tuple(levels.items())


#: The last few `Context.approved` mappings seen, with each pool's approved total: explanations
#: and the reference read them per pair, and summing a programme's approvals each time would
#: cost O(approvals) per pair. The mapping itself is kept, so its id() cannot be reused.
_APPROVED_TOTALS: dict[int, tuple[Mapping[tuple[str, str], int], dict[str, int]]] = {}


def approved_per_pool(approved: Mapping[tuple[str, str], int]) -> dict[str, int]:
    """Pool id -> headcount approved on it over all vacancies."""
    found = _APPROVED_TOTALS.get(id(approved))
    if found is not None and found[0] is approved:
        return found[1]
    totals: dict[str, int] = {}
    for (_, pool_id), headcount in approved.items():
        totals[pool_id] = totals.get(pool_id, 0) + headcount
    if len(_APPROVED_TOTALS) >= 4:
        _APPROVED_TOTALS.pop(next(iter(_APPROVED_TOTALS)))
    _APPROVED_TOTALS[id(approved)] = (approved, totals)
    return totals


def available_headcount(vacancy: Vacancy, pool: Pool, ctx: Context) -> int:
    """The pool's headcount not yet approved for other vacancies (never below 0)."""
    own = ctx.approved.get((vacancy.id, pool.id), 0)
    elsewhere = approved_per_pool(ctx.approved).get(pool.id, 0) - own
    return max(0, pool.headcount - elsewhere)


def eligible_headcount(headcount: int, share: float) -> int:
    """Pool members estimated to meet the share-based requirements, rounded down."""
    return max(0, math.floor(headcount * share + HEADCOUNT_EPSILON))


@dataclass(frozen=True, slots=True)
class LanguageFactor:
    kind: str  # "pathway_language" or "required_language"
    language: str
    level: int  # CEFR index actually applied (the stricter one where both name the language)
    share: float


@dataclass(frozen=True, slots=True)
class HeadcountEstimate:
    """Eligible headcount under one pathway = floor(available x product of the factors)."""

    available: int
    #: The best combination's factors, in the order they multiply.
    factors: tuple[LanguageFactor, ...]
    share: float  # their product (1.0 with none)
    headcount: int


def estimate_headcount(
    vacancy: Vacancy, pool: Pool, pathway: Pathway, ctx: Context
) -> HeadcountEstimate:
    """Design section 4: available x the share meeting the pathway's language requirement x,
    per language the vacancy requires, the share at or above that level. A language both name
    counts once at the stricter level; languages are independent (shares multiply). With an
    any-of list each entry is combined with the required languages and the best product counts
    (the first entry on a tie). Products run left to right from 1.0 (the ranker mirrors them)."""
    available = available_headcount(vacancy, pool, ctx)
    required = required_levels(vacancy)
    best: tuple[float, tuple[LanguageFactor, ...]] | None = None
    entries: tuple[LanguageRequirement | None, ...] = pathway.languages or (None,)
    for entry in entries:
        factors: list[LanguageFactor] = []
        if entry is not None:
            level = max([entry.min_level] + [lv for lang, lv in required if lang == entry.language])
            factors.append(
                LanguageFactor(
                    "pathway_language",
                    entry.language,
                    level,
                    share_at_or_above(pool, entry.language, level),
                )
            )
        for lang, level in required:
            if entry is None or lang != entry.language:
                factors.append(
                    LanguageFactor(
                        "required_language", lang, level, share_at_or_above(pool, lang, level)
                    )
                )
        share = 1.0
        for factor in factors:
            share = share * factor.share
        if best is None or share > best[0]:
            best = (share, tuple(factors))
    assert best is not None
    share, chosen = best
    return HeadcountEstimate(available, chosen, share, eligible_headcount(available, share))


# ---- the checks, in table order ----------------------------------------------------------------

Check = Callable[[Vacancy, Pool, Pathway, Context], Reason | None]


def _origin(vacancy: Vacancy, pool: Pool, pathway: Pathway, ctx: Context) -> Reason | None:
    if not pathway.origins or pool.origin in pathway.origins:
        return None
    return Reason(
        "origin_not_covered",
        f"Origin {pool.origin} is not covered by {pathway.code} "
        f"(covers: {_codes(pathway.origins)}).",
    )


def _occupation(vacancy: Vacancy, pool: Pool, pathway: Pathway, ctx: Context) -> Reason | None:
    isco = vacancy.occupation
    excluded = [p for p in pathway.excluded_occupations if isco.startswith(p)]
    if excluded:
        return Reason(
            "occupation_not_covered",
            f"Occupation {isco} is excluded by {pathway.code} (excluded: {_codes(excluded)}).",
        )
    if not pathway.occupations or any(isco.startswith(p) for p in pathway.occupations):
        return None
    return Reason(
        "occupation_not_covered",
        f"Occupation {isco} is not covered by {pathway.code} "
        f"(covers: {_codes(pathway.occupations)}).",
    )


def _sector(vacancy: Vacancy, pool: Pool, pathway: Pathway, ctx: Context) -> Reason | None:
    if not pathway.sectors:
        return None
    if vacancy.sector is None:
        return Reason(
            "sector_not_covered",
            f"The vacancy names no sector, but {pathway.code} covers only "
            f"sectors {_codes(pathway.sectors)}.",
        )
    section = ctx.taxonomy.sector_section.get(vacancy.sector)
    if vacancy.sector in pathway.sectors or (section is not None and section in pathway.sectors):
        return None
    return Reason(
        "sector_not_covered",
        f"Sector {vacancy.sector} (section {section or '?'}) is not covered by {pathway.code} "
        f"(covers: {_codes(pathway.sectors)}).",
    )


def _education(vacancy: Vacancy, pool: Pool, pathway: Pathway, ctx: Context) -> Reason | None:
    if pathway.min_isced is None or pool.isced_level >= pathway.min_isced:
        return None
    return Reason(
        "education_below_minimum",
        f"Pool education ISCED {pool.isced_level} is below the minimum ISCED "
        f"{pathway.min_isced} of {pathway.code}.",
    )


def _language(vacancy: Vacancy, pool: Pool, pathway: Pathway, ctx: Context) -> Reason | None:
    if language_share(pool, pathway.languages) > 0:
        return None
    wanted = ", ".join(f"{r.language} {_level(r.min_level)}" for r in pathway.languages)
    return Reason(
        "language_below_minimum",
        f"No share of the pool meets a language requirement of {pathway.code} (any of: {wanted}).",
    )


def _experience(vacancy: Vacancy, pool: Pool, pathway: Pathway, ctx: Context) -> Reason | None:
    minimum = pathway.min_experience_years
    if minimum is None or pool.experience_years >= minimum:
        return None
    return Reason(
        "experience_below_minimum",
        f"Pool median experience of {_years(pool.experience_years)} years is below the "
        f"minimum of {_years(minimum)} years of {pathway.code}.",
    )


def _wage(vacancy: Vacancy, pool: Pool, pathway: Pathway, ctx: Context) -> Reason | None:
    threshold = pathway.wage_threshold
    if threshold is None:
        return None
    annual_threshold = annualise(threshold, ctx.hours_per_year, ctx.months_per_year)
    if vacancy.wage is None:
        return Reason(
            "wage_below_threshold",
            f"The vacancy states no wage, but {pathway.code} requires an annual wage of at "
            f"least {_money(annual_threshold, threshold.currency)}.",
        )
    annual = annualise(vacancy.wage, ctx.hours_per_year, ctx.months_per_year)
    converted = convert(annual, vacancy.wage.currency, threshold.currency, ctx.rates)
    if converted is None:
        missing = [
            c
            for c in (vacancy.wage.currency, threshold.currency)
            if convert(1.0, c, ctx.rates.base, ctx.rates) is None
        ]
        return Reason(
            NO_EXCHANGE_RATE,
            f"No exchange rate for {', '.join(missing)} to compare the wage with the "
            f"threshold of {pathway.code}.",
        )
    if converted >= annual_threshold * (1 - WAGE_TOLERANCE):
        return None
    return Reason(
        "wage_below_threshold",
        f"Annual wage {_money(converted, threshold.currency)} is below the threshold of "
        f"{_money(annual_threshold, threshold.currency)} of {pathway.code}.",
    )


def _contract(vacancy: Vacancy, pool: Pool, pathway: Pathway, ctx: Context) -> Reason | None:
    problems: list[str] = []
    if pathway.contract_types and vacancy.contract_type not in pathway.contract_types:
        problems.append(
            f"contract type {vacancy.contract_type.value} is not allowed "
            f"(allows: {_codes(t.value for t in pathway.contract_types)})"
        )
    maximum = pathway.max_contract_months
    if maximum is not None:
        # No duration means open-ended, which is longer than any maximum.
        if vacancy.contract_months is None:
            problems.append(
                f"a contract with no fixed duration exceeds the {maximum}-month maximum"
            )
        elif vacancy.contract_months > maximum:
            problems.append(
                f"a {vacancy.contract_months}-month contract exceeds the {maximum}-month maximum"
            )
    if not problems:
        return None
    return Reason(
        "contract_not_allowed",
        f"Under {pathway.code}, {' and '.join(problems)}.",
    )


def _quota(vacancy: Vacancy, pool: Pool, pathway: Pathway, ctx: Context) -> Reason | None:
    if pathway.annual_quota is None:
        return None
    year = vacancy.start_date.year
    used = ctx.quota_used.get((pathway.code, year), 0)
    if used < pathway.annual_quota:
        return None
    return Reason(
        "quota_exhausted",
        f"The {year} quota of {pathway.code} is used up ({used} of {pathway.annual_quota} "
        f"approved).",
    )


def _in_force(vacancy: Vacancy, pool: Pool, pathway: Pathway, ctx: Context) -> Reason | None:
    start = vacancy.start_date
    if (pathway.valid_from is None or pathway.valid_from <= start) and (
        pathway.valid_to is None or start <= pathway.valid_to
    ):
        return None
    lower = pathway.valid_from.isoformat() if pathway.valid_from else "open"
    upper = pathway.valid_to.isoformat() if pathway.valid_to else "open"
    return Reason(
        "pathway_not_in_force",
        f"Start date {start.isoformat()} is outside the validity of {pathway.code} "
        f"({lower} to {upper}).",
    )


def _health(vacancy: Vacancy, pool: Pool, pathway: Pathway, ctx: Context) -> Reason | None:
    # Either side counts: recruiting a safeguard country's nurses for any job drains its health
    # workforce as surely as recruiting them as nurses.
    if pathway.government_to_government or pool.origin not in ctx.taxonomy.who_safeguard:
        return None
    health = [
        f"{side} occupation {isco}"
        for side, isco in (("the vacancy's", vacancy.occupation), ("the pool's", pool.occupation))
        if is_health_occupation(isco, ctx.taxonomy)
    ]
    if not health:
        return None
    what = " is a health occupation" if len(health) == 1 else " are health occupations"
    sides = " and ".join(health)
    return Reason(
        "ethical_recruitment_health",
        f"{sides[0].upper()}{sides[1:]}{what}, origin {pool.origin} is on "
        f"the WHO health workforce support and safeguards list, and {pathway.code} is not a "
        f"government-to-government pathway.",
    )


def _fees(vacancy: Vacancy, pool: Pool, pathway: Pathway, ctx: Context) -> Reason | None:
    if not pathway.requires_employer_pays or vacancy.employer_pays_fees:
        return None
    return Reason(
        "fees_charged_to_worker",
        f"{pathway.code} requires the employer to pay recruitment fees, and the vacancy does "
        f"not attest that it does.",
    )


def _no_workers(pool: Pool, pathway: Pathway, estimate: HeadcountEstimate) -> Reason:
    """no_eligible_workers, naming the requirement that leaves no one."""
    if estimate.available == 0:
        why = f"all {pool.headcount} workers of the pool are approved for other vacancies"
    else:
        empty = [f for f in estimate.factors if f.share == 0]
        if empty:
            f = empty[0]
            whose = "the vacancy" if f.kind == "required_language" else pathway.code
            why = f"no share of the pool speaks {f.language} at {_level(f.level)} or above"
            why += f", which {whose} requires"
        else:
            why = (
                f"{estimate.available} available workers x a share of "
                f"{estimate.share:.4g} meeting the language requirements rounds down to 0"
            )
    return Reason("no_eligible_workers", f"No eligible workers under {pathway.code}: {why}.")


@dataclass(frozen=True, slots=True)
class EligibilityCheck:
    """One check of a pathway: its name (what `checks_passed` lists when it passes), the code
    of the reason it fails with, and the function that judges it."""

    name: str
    code: str
    run: Check


#: The checks in table order (no_eligible_workers, judged after them, is not among them). The
#: names are stable: the API lists them and clients compare them.
CHECKS: tuple[EligibilityCheck, ...] = (
    EligibilityCheck("origin", "origin_not_covered", _origin),
    EligibilityCheck("occupation", "occupation_not_covered", _occupation),
    EligibilityCheck("sector", "sector_not_covered", _sector),
    EligibilityCheck("education", "education_below_minimum", _education),
    EligibilityCheck("language", "language_below_minimum", _language),
    EligibilityCheck("experience", "experience_below_minimum", _experience),
    EligibilityCheck("wage", "wage_below_threshold", _wage),
    EligibilityCheck("contract", "contract_not_allowed", _contract),
    EligibilityCheck("quota", "quota_exhausted", _quota),
    EligibilityCheck("in_force", "pathway_not_in_force", _in_force),
    EligibilityCheck("ethical_recruitment", "ethical_recruitment_health", _health),
    EligibilityCheck("fees", "fees_charged_to_worker", _fees),
)
#: Every check's name in table order: what `checks_passed` lists when a pathway admits a pair.
CHECK_NAMES: tuple[str, ...] = (*(c.name for c in CHECKS), ELIGIBLE_WORKERS)
#: Failure code -> name of its check (REASON_CODES and CHECK_NAMES pair up in order).
CHECK_OF_CODE: Mapping[str, str] = dict(zip(REASON_CODES, CHECK_NAMES, strict=True))


# ---- verdicts ----------------------------------------------------------------------------------


def check_pathway(vacancy: Vacancy, pool: Pool, pathway: Pathway, ctx: Context) -> PathwayCheck:
    """Run every check of one pathway (no short-circuit, so the reasons are complete)."""
    passed: list[str] = []
    reasons: list[Reason] = []
    for check in CHECKS:
        reason = check.run(vacancy, pool, pathway, ctx)
        if reason is None:
            passed.append(check.name)
        else:
            reasons.append(reason)
    # no_eligible_workers is judged only when every other check passes (design section 4).
    estimate = estimate_headcount(vacancy, pool, pathway, ctx)
    if not reasons:
        if estimate.headcount > 0:
            passed.append(ELIGIBLE_WORKERS)
        else:
            reasons.append(_no_workers(pool, pathway, estimate))
    headcount = estimate.headcount if not reasons else 0
    return PathwayCheck(pathway.code, tuple(passed), tuple(reasons), estimate.share, headcount)


def candidate_pathways(vacancy: Vacancy, ctx: Context) -> tuple[Pathway, ...]:
    """Pathways of the destination, restricted to the named ones when the vacancy names any."""
    named = set(vacancy.pathways)
    return tuple(
        sorted(
            (
                p
                for p in ctx.pathways
                if p.destination == vacancy.destination and (not named or p.code in named)
            ),
            key=lambda p: p.code,
        )
    )


def assess(vacancy: Vacancy, pool: Pool, ctx: Context) -> Eligibility:
    """The verdict on one pair: the best admitting pathway, else the closest one's reasons."""
    candidates = candidate_pathways(vacancy, ctx)
    if not candidates:
        scope = f" among the vacancy's named pathways ({_codes(vacancy.pathways)})"
        return Eligibility(
            eligible=False,
            pathway=None,
            eligible_headcount=0,
            checks_passed=(),
            reasons=(
                Reason(
                    NO_PATHWAY,
                    f"No legal pathway of {vacancy.destination} is available"
                    f"{scope if vacancy.pathways else ''} for this vacancy.",
                ),
            ),
        )
    checks = [check_pathway(vacancy, pool, p, ctx) for p in candidates]
    admitting = [c for c in checks if c.admits]
    if admitting:
        # Candidates are sorted by code and min() keeps the first, so ties go to the lower code.
        best = min(admitting, key=lambda c: -c.headcount)
        return Eligibility(True, best.pathway, best.headcount, best.passed, ())
    closest = min(checks, key=lambda c: len(c.reasons))
    return Eligibility(False, closest.pathway, 0, closest.passed, closest.reasons)
