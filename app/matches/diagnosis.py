"""Why a vacancy matches nothing: the closest legal pathway's failed checks, in words, each with
what would change it ("raise the wage to at least EUR 48,300 a year").

The engine explains every ineligible pair with the reasons of the pathway that came closest for
that pair (design section 4). This module reads a vacancy's most relevant blocked pairs (its
ranking with ineligible pairs, best score first: relevance comes before eligibility, so only
pools in related occupations or with the vacancy's skills are there at all), groups them by
their closest pathway, picks the pathway that came closest overall (fewest failed checks, then
most pools) and turns each of its failed checks into a sentence built from the pathway's and the
vacancy's own figures. It says apart "no active pool is related at all" (nothing for the
occupation or skills to match) from "related pools exist but no pathway admits them".

What it tells is counts and reasons only: no pool's id, name or owner, so an employer reads it
about its own vacancy without learning more of other organisations' pools than its vacancy page
already shows (design section 8).

Two layers: `explain_blocked` works on plain facts (testable with the engine's own outputs,
tests/app/test_diagnosis.py); `diagnose` reads those facts from the database and the market.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.common import codes
from app.common.principal import Principal
from app.config import Settings
from app.matches import adapters
from app.matches.service import vacancy_ranking
from app.pathways import service as pathways_service
from app.pathways.models import LegalPathway
from app.taxonomy.models import Occupation, Sector
from app.vacancies.models import Vacancy as VacancyRow
from app.vacancies.models import VacancyLanguage, VacancySkill, VacancyStatus

#: How many of a vacancy's ranked pairs (best score first) are read for the diagnosis: the
#: most relevant ones; a page view never ranks the whole market for it.
DIAGNOSED = 200

Kind = Literal["eligible", "not_on_market", "no_relevant_pool", "no_pathway", "blocked"]


# ---- the facts it works on ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Money:
    amount: float
    currency: str  # ISO 4217
    period: str  # hour | month | year


@dataclass(frozen=True, slots=True)
class VacancyFacts:
    destination: str
    occupation: str
    sector: str | None
    wage: Money | None
    contract_type: str
    contract_months: int | None
    start_date: date
    employer_pays_fees: bool
    pathways: tuple[str, ...] = ()
    #: Languages the vacancy requires at the start of work, with their minimum CEFR level.
    required_languages: tuple[tuple[str, str], ...] = ()
    skills: int = 0  # how many skills it asks for (named or derived)


@dataclass(frozen=True, slots=True)
class PathwayFacts:
    code: str
    name: str
    origins: tuple[str, ...] = ()
    occupations: tuple[str, ...] = ()
    excluded_occupations: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    min_isced: int | None = None
    languages: tuple[tuple[str, str], ...] = ()  # any of (language, min CEFR level)
    min_experience_years: float | None = None
    wage_threshold: Money | None = None
    contract_types: tuple[str, ...] = ()
    max_contract_months: int | None = None
    annual_quota: int | None = None
    government_to_government: bool = False
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass(frozen=True, slots=True)
class Rates:
    """How wages compare, by the engine's own rules (matching/money.py, through the adapters):
    annualised by period, then converted through the base currency; `rates` is each currency's
    value in the base."""

    base: str
    rates: Mapping[str, float]
    hours_per_year: float = 2080.0
    months_per_year: float = 12.0

    def per_year(self, period: str) -> float:
        return adapters.per_year(period, self.hours_per_year, self.months_per_year)

    def convert(self, amount: float, source: str, target: str) -> float | None:
        return adapters.convert_money(
            amount, source, target, adapters.ExchangeRates(self.base, self.rates)
        )


@dataclass(frozen=True, slots=True)
class Names:
    """Titles the sentences use; a code without one is shown as the code."""

    occupations: Mapping[str, str] = field(default_factory=dict)  # ISCO code (any level)
    sectors: Mapping[str, str] = field(default_factory=dict)  # ISIC division or section
    #: (pathway code, year) -> quota left that year (the quota remedy proposes the next year).
    quota_left: Mapping[tuple[str, int], int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class BlockedPair:
    """One ineligible pair as the engine reported it: its closest pathway and failed checks."""

    pathway: str | None
    reasons: tuple[tuple[str, str], ...]  # (code, engine message), table order


# ---- what it tells -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Remedy:
    code: str  # the engine's reason code
    problem: str  # what fails, in words
    change: str  # what would change it
    #: The employer can change it on the vacancy (wage, contract, sector, dates, fees); False:
    #: it depends on the pools (origin, education, languages, experience).
    yours: bool
    #: How many of the pathway's pools fail this check (pool-side checks differ by pool).
    pools: int = 0


@dataclass(frozen=True, slots=True)
class PathwayDiagnosis:
    code: str | None  # None: no pathway at all
    name: str
    pools: int  # related pools for which it is the closest pathway
    failed: int  # failed checks of its closest pool
    remedies: tuple[Remedy, ...]

    @property
    def checks(self) -> tuple[str, ...]:
        """The failed checks in a word or two each ("wage", "contract")."""
        return tuple(check_words(r.code) for r in self.remedies)


@dataclass(frozen=True, slots=True)
class Diagnosis:
    kind: Kind
    summary: str
    related: int = 0  # related active pools (eligible or not) in the ranking
    read: int = 0  # of which read for the diagnosis (at most DIAGNOSED)
    closest: PathwayDiagnosis | None = None
    others: tuple[PathwayDiagnosis, ...] = ()
    hints: tuple[str, ...] = ()  # for no_relevant_pool: what would let pools relate


# ---- words -------------------------------------------------------------------------------------

_PER = {"hour": "an hour", "month": "a month", "year": "a year"}
_CHECK_WORDS = {
    "origin_not_covered": "origin country",
    "occupation_not_covered": "occupation",
    "sector_not_covered": "sector",
    "education_below_minimum": "education",
    "language_below_minimum": "language",
    "experience_below_minimum": "experience",
    "wage_below_threshold": "wage",
    "no_exchange_rate": "exchange rate",
    "contract_not_allowed": "contract",
    "quota_exhausted": "quota",
    "pathway_not_in_force": "dates in force",
    "ethical_recruitment_health": "ethical recruitment (health workers)",
    "fees_charged_to_worker": "recruitment fees",
    "no_eligible_workers": "eligible workers",
    "no_pathway": "no pathway",
}
#: Checks the vacancy's own terms decide (the rest depend on the pools).
_YOURS = frozenset(
    {
        "occupation_not_covered",
        "sector_not_covered",
        "wage_below_threshold",
        "no_exchange_rate",
        "contract_not_allowed",
        "quota_exhausted",
        "pathway_not_in_force",
        "fees_charged_to_worker",
        "no_pathway",
    }
)


def check_words(code: str) -> str:
    return _CHECK_WORDS.get(code, code.replace("_", " "))


def money(amount: float, currency: str) -> str:
    """'EUR 48,300' or 'AUD 24.95': whole amounts without cents."""
    cents = round(amount * 100)
    if cents % 100 == 0:
        return f"{currency} {cents // 100:,}"
    return f"{currency} {cents / 100:,.2f}"


def _at_least(amount: float) -> float:
    """Up to the cent, so that the amount proposed passes the check."""
    return math.ceil(round(amount * 100, 6)) / 100


def _either(items: Sequence[str], word: str = "or") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def _country(code: str) -> str:
    return codes.countries().get(code, ("", code))[1]


def _language(code: str) -> str:
    return codes.languages().get(code, code)


def _titled(code: str, titles: Mapping[str, str]) -> str:
    title = titles.get(code)
    return f"{code} {title}" if title else code


def _contract(kind: str, months: int | None) -> str:
    article = "an" if kind[:1] in "aeiou" else "a"
    if months is None:
        return f"{article} {kind} contract with no fixed end"
    return f"{article} {kind} contract of {months} months"


# ---- one failed check -> a remedy --------------------------------------------------------------


def _wage(v: VacancyFacts, p: PathwayFacts, rates: Rates) -> tuple[str, str]:
    t = p.wage_threshold
    if t is None:  # the engine failed it, so the pathway has one; keep to its words otherwise
        return (f"The wage is below the threshold of {p.code}.", "Raise the wage.")
    annual = t.amount * rates.per_year(t.period)
    yearly = f"{money(_at_least(annual), t.currency)} a year"
    threshold = yearly
    if t.period != "year":
        threshold += f" ({money(t.amount, t.currency)} {_PER[t.period]})"
    if v.wage is None:
        return (
            f"The vacancy states no wage; {p.code} requires at least {threshold}.",
            f"State a wage of at least {threshold}.",
        )
    w = v.wage
    offered = money(w.amount, w.currency) + f" {_PER.get(w.period, w.period)}"
    offered_annual = rates.convert(w.amount * rates.per_year(w.period), w.currency, t.currency)
    if (w.period != "year" or w.currency != t.currency) and offered_annual is not None:
        offered += f" ({money(offered_annual, t.currency)} a year)"
    problem = f"The wage, {offered}, is below the threshold of {p.code}: {threshold}."
    # What the vacancy must offer, in its own currency and period.
    needed = rates.convert(annual, t.currency, w.currency)
    if needed is None:
        return problem, f"Raise the wage to at least {threshold}."
    own = _at_least(needed / rates.per_year(w.period))
    change = f"Raise the wage to at least {money(own, w.currency)} {_PER.get(w.period, w.period)}"
    if w.period != "year" or w.currency != t.currency:
        change += f" ({yearly})"
    return problem, change + "."


def _no_rate(v: VacancyFacts, p: PathwayFacts, rates: Rates) -> tuple[str, str]:
    t = p.wage_threshold
    target = t.currency if t else rates.base
    offered = v.wage.currency if v.wage else "?"
    missing = [c for c in (offered, target) if rates.convert(1.0, c, rates.base) is None]
    return (
        f"The service has no exchange rate for {_either(missing, 'and')} to compare the wage "
        f"with the threshold of {p.code}.",
        f"State the wage in {target}, or ask the programme officers to record an exchange "
        f"rate for {_either(missing, 'and')}.",
    )


def _contract_remedy(v: VacancyFacts, p: PathwayFacts) -> tuple[str, str]:
    kinds = sorted(p.contract_types)
    maximum = p.max_contract_months
    admits = f"{_either(kinds)} contracts" if kinds else "contracts"
    if maximum is not None:
        admits += f" of at most {maximum} months"
    problem = (
        f"{p.code} admits only {admits}; this vacancy offers "
        f"{_contract(v.contract_type, v.contract_months)}."
    )
    wrong_type = bool(kinds) and v.contract_type not in kinds
    too_long = maximum is not None and (v.contract_months is None or v.contract_months > maximum)
    if wrong_type:
        change = f"Offer {'an' if kinds[0][:1] in 'aeiou' else 'a'} {_either(kinds)} contract"
        if maximum is not None:
            change += f" of at most {maximum} months"
    elif too_long and v.contract_months is None:
        change = f"State a fixed contract length of at most {maximum} months"
    else:
        change = f"Shorten the contract to at most {maximum} months"
    return problem, change + "."


def _sector(v: VacancyFacts, p: PathwayFacts, names: Names) -> tuple[str, str]:
    listed = ", ".join(
        (f"section {_titled(s, names.sectors)}" if s.isalpha() else _titled(s, names.sectors))
        for s in sorted(p.sectors)
    )
    if v.sector is None:
        return (
            f"The vacancy names no sector, and {p.code} admits only the sectors {listed}.",
            "Name the vacancy's sector, if it is one of these.",
        )
    return (
        f"The sector {_titled(v.sector, names.sectors)} is not on the list of {p.code} ({listed}).",
        "If the work is in one of these sectors, correct the vacancy's sector; otherwise this "
        "pathway cannot admit the vacancy.",
    )


def _occupation(v: VacancyFacts, p: PathwayFacts, names: Names) -> tuple[str, str]:
    own = _titled(v.occupation, names.occupations)
    excluded = [c for c in p.excluded_occupations if v.occupation.startswith(c)]
    if excluded:
        problem = f"{p.code} excludes the occupation {own}."
    else:
        covered = ", ".join(_titled(c, names.occupations) for c in sorted(p.occupations))
        problem = f"{p.code} does not cover the occupation {own} (it covers: {covered})."
    return (
        problem,
        "Check that the occupation is right; if it is, this pathway cannot admit the vacancy.",
    )


def _quota(v: VacancyFacts, p: PathwayFacts, names: Names) -> tuple[str, str]:
    year = v.start_date.year
    problem = f"The {year} quota of {p.code}"
    problem += f" ({p.annual_quota:,} workers)" if p.annual_quota is not None else ""
    problem += " is used up by approvals."
    left = names.quota_left.get((p.code, year + 1))
    if left is not None and left > 0:
        return problem, (
            f"Move the start date into {year + 1}, whose quota still has {left:,} places, or "
            "wait for approvals to be withdrawn."
        )
    return problem, "Wait for approvals to be withdrawn, or use another pathway."


def _in_force(v: VacancyFacts, p: PathwayFacts) -> tuple[str, str]:
    lower = p.valid_from.isoformat() if p.valid_from else "open"
    upper = p.valid_to.isoformat() if p.valid_to else "open"
    problem = (
        f"{p.code} is in force from {lower} to {upper}; the start date "
        f"{v.start_date.isoformat()} is outside."
    )
    if p.valid_from is not None and v.start_date < p.valid_from:
        return problem, f"Move the start date to {p.valid_from.isoformat()} or later."
    if p.valid_to is not None:
        return problem, f"Move the start date to {p.valid_to.isoformat()} or earlier."
    return problem, "Move the start date into the pathway's validity."


def _pool_side(code: str, p: PathwayFacts, pools: int) -> tuple[str, str]:
    """Checks the pools decide: said with the pathway's requirement, never a pool's figures."""
    if code == "origin_not_covered":
        origins = ", ".join(_country(c) for c in sorted(p.origins))
        return (
            f"{p.code} admits workers from {origins} only; the related pools come from other "
            "countries.",
            "Nothing on the vacancy changes this: it needs a related pool from one of these "
            "countries.",
        )
    if code == "education_below_minimum":
        return (
            f"{p.code} requires education at ISCED level {p.min_isced} or above; the related "
            "pools' typical level is lower.",
            f"Nothing on the vacancy changes this: it needs pools at ISCED {p.min_isced} or above.",
        )
    if code == "language_below_minimum":
        wanted = _either([f"{_language(lang)} {level}" for lang, level in p.languages])
        return (
            f"{p.code} requires {wanted}; no worker of the related pools is recorded at that "
            "level.",
            "Nothing on the vacancy changes this: language training before departure could "
            "bring workers to that level.",
        )
    if code == "experience_below_minimum":
        years = f"{p.min_experience_years:g}" if p.min_experience_years is not None else "?"
        return (
            f"{p.code} requires {years} years of experience; the related pools' median is lower.",
            "Nothing on the vacancy changes this: it needs more experienced pools.",
        )
    if code == "ethical_recruitment_health":
        return (
            "The occupation is a health occupation, the related pools come from countries on "
            f"the WHO health workforce support and safeguards list, and {p.code} is not a "
            "government-to-government pathway.",
            "Only a government-to-government pathway may recruit health workers from these "
            "countries.",
        )
    # A check without its own sentence: its name and a count, never the engine's message
    # (which may quote one pool's figures).
    return (
        f"{_pools_have(pools, 'fail', 'fails')} the {check_words(code)} check of {p.code}.",
        "Nothing on the vacancy changes this.",
    )


def _pools_have(pools: int, plural: str = "have", singular: str = "has") -> str:
    """'3 related pools have' / '1 related pool has'; without a count, 'The related pools'."""
    if pools == 1:
        return f"1 related pool {singular}"
    if pools > 1:
        return f"{pools:,} related pools {plural}"
    return f"The related pools {plural}"


def _no_workers(
    v: VacancyFacts, p: PathwayFacts, message: str, pools: int
) -> tuple[str, str, bool]:
    """Every other check passes, yet no worker is left. The engine's message names one pool's
    headcount, so only its cause is read from it (matching/eligibility.py _no_workers) and the
    sentence is said anew with a count of pools."""
    scored_only = ""
    required = _either([f"{_language(lang)} {level}" for lang, level in v.required_languages])
    if required:
        scored_only = (
            f"If training before departure can close the gap, mark {required} as scored only "
            "(not required at the start of work)."
        )
    if "approved for other vacancies" in message:
        return (
            f"{_pools_have(pools)} no worker left under {p.code}: their workers are all "
            "approved for other vacancies already.",
            "Nothing on the vacancy changes this: workers become available again when "
            "approvals are withdrawn.",
            False,
        )
    if " speaks " in message:
        if "the vacancy requires" in message and scored_only:
            return (
                f"{_pools_have(pools)} no worker recorded at {required}, which the vacancy "
                "requires at the start of work.",
                scored_only,
                True,
            )
        wanted = _either([f"{_language(lang)} {level}" for lang, level in p.languages])
        return (
            f"{_pools_have(pools)} no worker recorded at {wanted or 'the language level'}, "
            f"which {p.code} requires.",
            "Nothing on the vacancy changes this: language training before departure could "
            "bring workers to that level.",
            False,
        )
    return (
        f"{_pools_have(pools)} too few workers meeting the language requirements for one "
        f"eligible worker under {p.code}.",
        scored_only or "Nothing on the vacancy changes this.",
        bool(scored_only),
    )


def remedy(
    code: str,
    message: str,
    v: VacancyFacts,
    p: PathwayFacts | None,
    rates: Rates,
    names: Names,
    pools: int = 0,
) -> Remedy:
    """One failed check of a pathway, in words, with what would change it."""
    yours = code in _YOURS
    if code == "no_pathway" or p is None:
        country = _country(v.destination)
        if v.pathways:
            problem = (
                f"The vacancy names the pathways {', '.join(v.pathways)}, and none of them is "
                f"a legal pathway to {country} in the service now."
            )
            change = f"Remove the named pathways so that any pathway to {country} can admit it."
        else:
            problem = f"The service has no legal pathway to {country}."
            change = "Nothing on the vacancy changes this; the programme officers keep pathways."
            yours = False
        return Remedy(code, problem, change, yours, pools)
    if code == "wage_below_threshold":
        problem, change = _wage(v, p, rates)
    elif code == "no_exchange_rate":
        problem, change = _no_rate(v, p, rates)
    elif code == "contract_not_allowed":
        problem, change = _contract_remedy(v, p)
    elif code == "sector_not_covered":
        problem, change = _sector(v, p, names)
    elif code == "occupation_not_covered":
        problem, change = _occupation(v, p, names)
    elif code == "quota_exhausted":
        problem, change = _quota(v, p, names)
    elif code == "pathway_not_in_force":
        problem, change = _in_force(v, p)
    elif code == "fees_charged_to_worker":
        problem = f"{p.code} requires the employer to pay all recruitment fees and costs."
        change = (
            "Attest that you pay all recruitment fees and costs (edit the vacancy: fair "
            "recruitment)."
        )
    elif code == "no_eligible_workers":
        problem, change, yours = _no_workers(v, p, message, pools)
    else:
        problem, change = _pool_side(code, p, pools)
    return Remedy(code, problem, change, yours, pools)


# ---- blocked pairs -> the closest pathway ------------------------------------------------------


def explain_blocked(
    v: VacancyFacts,
    blocked: Sequence[BlockedPair],
    pathways: Mapping[str, PathwayFacts],
    rates: Rates,
    names: Names,
    *,
    related: int | None = None,
) -> Diagnosis:
    """The diagnosis of a vacancy with related pools but no eligible one, from its blocked
    pairs (best score first). Each pair comes with the engine's closest pathway for it; per
    pathway, its pools and the failed checks of its closest pool (the first, the most
    relevant, on a tie); the closest pathway overall has the fewest failed checks, then the
    most pools, then the lowest code."""
    related = len(blocked) if related is None else related
    groups: dict[str | None, list[BlockedPair]] = {}
    for pair in blocked:
        groups.setdefault(pair.pathway, []).append(pair)
    diagnosed: list[PathwayDiagnosis] = []
    for code, pairs in groups.items():
        best = min(pairs, key=lambda b: len(b.reasons))  # min keeps the first on a tie
        failing: dict[str, int] = {}
        for pair in pairs:
            for reason, _ in pair.reasons:
                failing[reason] = failing.get(reason, 0) + 1
        p = pathways.get(code) if code else None
        remedies = [
            remedy(reason, message, v, p, rates, names, failing.get(reason, 0))
            for reason, message in best.reasons
        ]
        # What the employer can change first; then the rest, in the engine's (table) order.
        remedies.sort(key=lambda r: not r.yours)
        diagnosed.append(
            PathwayDiagnosis(
                code=code,
                name=p.name if p else "no pathway",
                pools=len(pairs),
                failed=len(best.reasons),
                remedies=tuple(remedies),
            )
        )
    diagnosed.sort(key=lambda d: (d.failed, -d.pools, d.code or ""))
    if not diagnosed:
        return Diagnosis("blocked", "No pathway admits the related pools.", related, 0)
    closest, others = diagnosed[0], tuple(diagnosed[1:])
    read = len(blocked)
    if closest.code is None:
        summary = closest.remedies[0].problem if closest.remedies else "No pathway applies."
        return Diagnosis("no_pathway", summary, related, read, closest, others)
    n = "one failed check" if closest.failed == 1 else f"{closest.failed} failed checks"
    pools = "1 related pool" if closest.pools == 1 else f"{closest.pools:,} related pools"
    summary = (
        f"{_pools_phrase(related)}, but no legal pathway admits them. The closest is "
        f"{closest.code} ({closest.name}), with {n} for {pools}."
    )
    return Diagnosis("blocked", summary, related, read, closest, others)


def _pools_phrase(n: int) -> str:
    return (
        "1 active pool is related to this vacancy"
        if n == 1
        else (f"{n:,} active pools are related to this vacancy")
    )


def nothing_related(v: VacancyFacts, names: Names) -> Diagnosis:
    """No active pool is related: none shares the occupation's minor group, and none holds
    enough of the vacancy's skills (design section 4: relevance comes first)."""
    minor = v.occupation[:3]
    group = _titled(minor, names.occupations)
    occupation = _titled(v.occupation, names.occupations)
    if v.skills:
        summary = (
            f"No active labour pool is related to this vacancy: none is in the occupations of "
            f"ISCO minor group {group}, and none holds at least half of the vacancy's "
            f"{v.skills} skill{'' if v.skills == 1 else 's'} (weighted by importance)."
        )
        hints = (
            f"Check the occupation (ISCO {occupation}): pools are related by its first three "
            "digits.",
            "Check the skills: a pool in another occupation is related when it holds at least "
            "half of them (essential skills count twice).",
        )
    else:
        summary = (
            f"No active labour pool is related to this vacancy: none is in the occupations of "
            f"ISCO minor group {group}, and the vacancy names no skills that pools in other "
            "occupations could hold."
        )
        hints = (
            f"Check the occupation (ISCO {occupation}): pools are related by its first three "
            "digits.",
            "Name the skills the job needs: pools in other occupations that hold at least half "
            "of them are related too.",
        )
    return Diagnosis("no_relevant_pool", summary, 0, 0, hints=hints)


# ---- from the database -------------------------------------------------------------------------


def _money_of(
    amount: Decimal | float | None, currency: str | None, period: str | None
) -> Money | None:
    if amount is None or not currency or not period:
        return None
    return Money(float(amount), currency, period)


def vacancy_facts(session: Session, row: VacancyRow) -> VacancyFacts:
    required = tuple(
        (lang, level)
        for lang, level in session.execute(
            select(VacancyLanguage.language, VacancyLanguage.min_level)
            .where(VacancyLanguage.vacancy_id == row.id, VacancyLanguage.required.is_(True))
            .order_by(VacancyLanguage.language)
        )
    )
    skills = len(
        session.scalars(
            select(VacancySkill.skill_id).where(VacancySkill.vacancy_id == row.id)
        ).all()
    )
    return VacancyFacts(
        destination=row.destination_country,
        occupation=row.occupation_code,
        sector=row.sector_code,
        wage=_money_of(row.wage_amount, row.wage_currency, row.wage_period),
        contract_type=row.contract_type,
        contract_months=row.contract_months,
        start_date=row.start_date,
        employer_pays_fees=row.employer_pays_fees,
        pathways=tuple(row.pathway_codes or ()),
        required_languages=required,
        skills=skills,
    )


def pathway_facts(row: LegalPathway) -> PathwayFacts:
    return PathwayFacts(
        code=row.code,
        name=row.name,
        origins=tuple(row.origin_countries or ()),
        occupations=tuple(row.occupations or ()),
        excluded_occupations=tuple(row.excluded_occupations or ()),
        sectors=tuple(row.sectors or ()),
        min_isced=row.min_isced,
        languages=tuple((x["language"], x["min_level"]) for x in row.languages or ()),
        min_experience_years=row.min_experience_years,
        wage_threshold=_money_of(row.wage_amount, row.wage_currency, row.wage_period),
        contract_types=tuple(row.contract_types or ()),
        max_contract_months=row.max_contract_months,
        annual_quota=row.annual_quota,
        government_to_government=row.government_to_government,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
    )


def _names(
    session: Session, v: VacancyFacts, pathways: Sequence[PathwayFacts], quota_codes: set[str]
) -> Names:
    occupations = {v.occupation, v.occupation[:3]}
    sectors = {v.sector} if v.sector else set()
    for p in pathways:
        occupations.update(p.occupations, p.excluded_occupations)
        sectors.update(p.sectors)
    titles = dict(
        session.execute(
            select(Occupation.code, Occupation.title).where(
                Occupation.code.in_(sorted(occupations))
            )
        ).all()
    )
    sector_titles = dict(
        session.execute(
            select(Sector.code, Sector.title).where(Sector.code.in_(sorted(sectors)))
        ).all()
    )
    year = v.start_date.year + 1
    left: dict[tuple[str, int], int] = {}
    for code in sorted(quota_codes):
        for usage in pathways_service.quota_usage(session, code, year):
            if usage.remaining is not None:
                left[(code, year)] = usage.remaining
    return Names(titles, sector_titles, left)


def diagnose(
    session: Session,
    settings: Settings,
    principal: Principal,
    vacancy: VacancyRow,
    *,
    depth: int = DIAGNOSED,
) -> Diagnosis:
    """Why the (visible, already authorised) vacancy has no eligible pool, or kind "eligible"
    when it has one."""
    if vacancy.status != VacancyStatus.OPEN:
        return Diagnosis(
            "not_on_market",
            f"The vacancy is {vacancy.status}: only open vacancies are matched with pools.",
        )
    ranked, related = vacancy_ranking(
        session,
        settings,
        principal,
        vacancy.id,
        include_ineligible=True,
        limit=depth,
        offset=0,
        explain=False,
    )
    if any(m.eligible for m in ranked):
        return Diagnosis("eligible", "Eligible pools are ranked.", related, len(ranked))
    facts = vacancy_facts(session, vacancy)
    if related == 0:
        return nothing_related(facts, _names(session, facts, [], set()))
    blocked = [
        BlockedPair(m.pathway_code, tuple((r["code"], r["message"]) for r in m.reasons))
        for m in ranked
    ]
    wanted = {b.pathway for b in blocked if b.pathway}
    rows = [
        r
        for r in pathways_service.all_pathways(session, destination=vacancy.destination_country)
        if r.code in wanted
    ]
    facts_by_code = {r.code: pathway_facts(r) for r in rows}
    quota = {
        b.pathway
        for b in blocked
        if b.pathway and any(c == "quota_exhausted" for c, _ in b.reasons)
    }
    engine_rates = adapters.exchange_rates(session, settings.base_currency)
    rates = Rates(
        engine_rates.base,
        dict(engine_rates.rates),
        settings.hours_per_year,
        settings.months_per_year,
    )
    names = _names(session, facts, list(facts_by_code.values()), quota)
    return explain_blocked(facts, blocked, facts_by_code, rates, names, related=related)
