"""The engine's inputs and outputs: plain frozen dataclasses, no behaviour beyond small helpers.

These records are the whole contract between the engine and whatever feeds it (the service's
adapters, the benchmark generator, the tests). Codes are already validated by the caller:
ISCO-08 unit groups are 4-digit strings, ISIC Rev.4 divisions 2-digit strings, countries
ISO 3166-1 alpha-2, languages ISO 639-1, CEFR levels as ints (see CEFR_LEVELS).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

#: CEFR levels in order; the engine works with their index (A1 = 0 ... C2 = 5).
CEFR_LEVELS: tuple[str, ...] = ("A1", "A2", "B1", "B2", "C1", "C2")


def cefr_index(level: str) -> int:
    """Index of a CEFR level (A1 = 0 ... C2 = 5); raises ValueError for anything else."""
    return CEFR_LEVELS.index(level.upper())


class Importance(StrEnum):
    ESSENTIAL = "essential"
    OPTIONAL = "optional"


class WagePeriod(StrEnum):
    HOUR = "hour"
    MONTH = "month"
    YEAR = "year"


class ContractType(StrEnum):
    SEASONAL = "seasonal"
    TEMPORARY = "temporary"
    PERMANENT = "permanent"


class PathwayKind(StrEnum):
    WORK_VISA = "work_visa"
    BILATERAL_AGREEMENT = "bilateral_agreement"
    SEASONAL_SCHEME = "seasonal_scheme"
    G2G_PROGRAMME = "g2g_programme"


@dataclass(frozen=True, slots=True)
class Money:
    amount: float
    currency: str  # ISO 4217
    period: WagePeriod


@dataclass(frozen=True, slots=True)
class SkillRequirement:
    skill: str
    importance: Importance = Importance.ESSENTIAL
    #: True when the skill was filled in from the occupation's profile, not named by the employer.
    derived: bool = False


@dataclass(frozen=True, slots=True)
class LanguageRequirement:
    language: str
    min_level: int  # CEFR index
    #: Vacancies only: needed at the start of work, so it limits the eligible headcount (False:
    #: scored only, since pre-departure training can close the gap). Pathways ignore it.
    required: bool = False


@dataclass(frozen=True, slots=True)
class PoolSkill:
    skill: str
    share: float = 1.0  # share of the pool holding the skill, 0..1


@dataclass(frozen=True, slots=True)
class PoolLanguage:
    language: str
    level: int  # CEFR index
    share: float  # share of the pool speaking it at this level, 0..1


@dataclass(frozen=True, slots=True)
class Vacancy:
    id: str
    destination: str  # country alpha-2
    occupation: str  # ISCO-08 unit group, 4 digits
    start_date: date
    openings: int
    sector: str | None = None  # ISIC Rev.4 division, 2 digits
    skills: tuple[SkillRequirement, ...] = ()
    languages: tuple[LanguageRequirement, ...] = ()
    min_isced: int | None = None
    min_experience_years: float | None = None
    wage: Money | None = None
    contract_type: ContractType = ContractType.PERMANENT
    contract_months: int | None = None
    employer_pays_fees: bool = False
    #: Pathway codes the employer intends to use; empty = any pathway of the destination.
    pathways: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Pool:
    id: str
    origin: str  # country alpha-2
    occupation: str  # ISCO-08 unit group, 4 digits
    headcount: int
    isced_level: int
    experience_years: float
    sector: str | None = None  # ISIC Rev.4 division of the pool's experience
    skills: tuple[PoolSkill, ...] = ()
    languages: tuple[PoolLanguage, ...] = ()
    available_from: date | None = None  # None = available now


@dataclass(frozen=True, slots=True)
class Pathway:
    code: str
    name: str
    destination: str  # country alpha-2
    kind: PathwayKind = PathwayKind.WORK_VISA
    origins: frozenset[str] = frozenset()  # empty = any origin
    occupations: tuple[str, ...] = ()  # ISCO code prefixes covered; empty = any
    excluded_occupations: tuple[str, ...] = ()  # ISCO code prefixes excluded
    #: Covered sectors: ISIC section letters or division codes; empty = any sector.
    sectors: frozenset[str] = frozenset()
    min_isced: int | None = None
    #: Any-of: the pool meets the requirement through the share meeting the best of these.
    languages: tuple[LanguageRequirement, ...] = ()
    min_experience_years: float | None = None
    wage_threshold: Money | None = None
    contract_types: frozenset[ContractType] = frozenset()  # empty = any
    max_contract_months: int | None = None
    annual_quota: int | None = None  # per calendar year of the vacancy start; None = no quota
    government_to_government: bool = False
    requires_employer_pays: bool = False
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass(frozen=True, slots=True)
class ExchangeRates:
    """Value of one unit of each currency in the base currency (e.g. EUR per unit)."""

    base: str
    rates: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """The parts of the taxonomies the engine needs, as plain mappings."""

    #: ISIC division (2 digits) -> section letter.
    sector_section: Mapping[str, str]
    #: Skill id -> id of its nearest skill group (None or absent: no hierarchy credit).
    skill_group: Mapping[str, str | None]
    #: ISCO prefixes of health occupations (design section 4).
    health_occupations: tuple[str, ...] = ("22", "32", "532")
    #: WHO health workforce support and safeguards list, as alpha-2 codes.
    who_safeguard: frozenset[str] = frozenset()


DEFAULT_WEIGHTS: Mapping[str, float] = {
    "skills": 0.40,
    "occupation": 0.25,
    "sector": 0.10,
    "language": 0.10,
    "education": 0.05,
    "experience": 0.05,
    "availability": 0.05,
}

COMPONENTS: tuple[str, ...] = tuple(DEFAULT_WEIGHTS)


@dataclass(frozen=True, slots=True)
class Context:
    """Everything besides the pair itself that a score or an eligibility verdict depends on."""

    taxonomy: Taxonomy
    pathways: tuple[Pathway, ...] = ()
    rates: ExchangeRates = field(default_factory=lambda: ExchangeRates("EUR", {"EUR": 1.0}))
    #: Approved headcount so far per (pathway code, calendar year).
    quota_used: Mapping[tuple[str, int], int] = field(default_factory=dict)
    #: Headcount currently approved per (vacancy id, pool id) (approvals less withdrawals): a
    #: pool's workers approved for one vacancy are not available to the others. The indexes
    #: cache what they derive from this mapping per mapping object: treat it as immutable.
    approved: Mapping[tuple[str, str], int] = field(default_factory=dict)
    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    hours_per_year: float = 2080.0
    months_per_year: float = 12.0


# ---- outputs ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reason:
    code: str  # stable, e.g. "origin_not_covered"
    message: str  # one human sentence


@dataclass(frozen=True, slots=True)
class Eligibility:
    eligible: bool
    #: The best admitting pathway when eligible; the closest one when not (None: no candidate).
    pathway: str | None
    eligible_headcount: int
    #: Names of the checks the reported pathway passed, table order (eligibility.CHECK_NAMES:
    #: "origin", "quota", ...; never the failure codes, which only reasons carry).
    checks_passed: tuple[str, ...] = ()
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True, slots=True)
class SkillEvidence:
    skill: str
    importance: Importance
    credit: float  # 0..1
    via: str | None  # "exact", "group" or None (missing)
    derived: bool = False


#: One evidence value: a count (int), a share, a score or years (float, rounded to 6 decimal
#: places), a yes/no (bool), a code or an ISO date (str), or None for "none" / "not required".
EvidenceValue = int | float | bool | str | None


@dataclass(frozen=True, slots=True)
class ComponentScore:
    name: str
    score: float
    weight: float  # the renormalised weight actually applied
    contribution: float  # score * weight
    #: The facts behind the score, as (key, typed value) pairs in a fixed order.
    evidence: tuple[tuple[str, EvidenceValue], ...] = ()


@dataclass(frozen=True, slots=True)
class HeadcountFactor:
    """One factor of the eligible headcount (design section 4), in the order they multiply."""

    kind: str  # "available" | "pathway_language" | "required_language"
    value: float  # a count for "available", a share 0..1 for the languages
    text: str  # one human sentence


@dataclass(frozen=True, slots=True)
class Explanation:
    components: tuple[ComponentScore, ...]
    skills: tuple[SkillEvidence, ...]
    missing_essential: tuple[str, ...]
    eligibility: Eligibility
    #: How the eligible headcount under the reported pathway comes about (empty: no pathway).
    headcount: tuple[HeadcountFactor, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    vacancy_id: str
    pool_id: str
    score: float
    components: Mapping[str, float]  # component name -> score, only the components that apply
    eligibility: Eligibility
    engine_version: str
    weights_hash: str
    explanation: Explanation | None = None
