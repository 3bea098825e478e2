"""API schemas of matches: a ranked (vacancy, pool) pair, its score and why (design sections 4-5).

The code lists here (component names, check names, reason codes, headcount factor kinds) are the
engine's: tests/matches/test_vocabulary.py holds them equal to matching/, which the API's
schemas do not import (only app/matches/adapters.py does)."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.common.schemas import UtcDatetime
from app.common.vocabulary import Importance

# ---- code lists ---------------------------------------------------------------------------------


class ComponentName(StrEnum):
    """A score component (design section 5; default weight in brackets): skills (0.40)
    coverage of the vacancy's skills by the pool; occupation (0.25) closeness of the ISCO-08
    codes; sector (0.10) same ISIC Rev.4 division or section; language (0.10) share of the pool
    at the vacancy's CEFR levels; education (0.05) ISCED 2011 level against the minimum;
    experience (0.05) median years against the years asked; availability (0.05) available by
    the start date."""

    SKILLS = "skills"
    OCCUPATION = "occupation"
    SECTOR = "sector"
    LANGUAGE = "language"
    EDUCATION = "education"
    EXPERIENCE = "experience"
    AVAILABILITY = "availability"


class CheckName(StrEnum):
    """An eligibility check of a legal pathway (design section 4), as `checks_passed` lists it
    when it passes; when it fails, the reason carries the failure code in brackets: origin
    (origin_not_covered), occupation (occupation_not_covered), sector (sector_not_covered),
    education (education_below_minimum), language (language_below_minimum), experience
    (experience_below_minimum), wage (wage_below_threshold or no_exchange_rate), contract
    (contract_not_allowed), quota (quota_exhausted), in_force (pathway_not_in_force),
    ethical_recruitment (ethical_recruitment_health), fees (fees_charged_to_worker),
    eligible_workers (no_eligible_workers). Names are stable."""

    ORIGIN = "origin"
    OCCUPATION = "occupation"
    SECTOR = "sector"
    EDUCATION = "education"
    LANGUAGE = "language"
    EXPERIENCE = "experience"
    WAGE = "wage"
    CONTRACT = "contract"
    QUOTA = "quota"
    IN_FORCE = "in_force"
    ETHICAL_RECRUITMENT = "ethical_recruitment"
    FEES = "fees"
    ELIGIBLE_WORKERS = "eligible_workers"


class ReasonCode(StrEnum):
    """Why a legal pathway does not admit a pair (design section 4), a stable code:
    origin_not_covered (the pool's ISO 3166-1 origin country is not covered),
    occupation_not_covered (the ISCO-08 occupation is not covered, or excluded),
    sector_not_covered (the ISIC Rev.4 sector is not covered), education_below_minimum (ISCED
    2011 level below the minimum), language_below_minimum (no share of the pool meets a language
    requirement), experience_below_minimum (median years below the minimum),
    wage_below_threshold (annual wage below the threshold), contract_not_allowed (contract type
    or length not allowed), quota_exhausted (the start year's quota is used up),
    pathway_not_in_force (start date outside the pathway's validity),
    ethical_recruitment_health (a health occupation from a WHO safeguard list country, outside a
    government-to-government pathway), fees_charged_to_worker (the employer-pays attestation is
    missing), no_eligible_workers (every other check passes but no worker meets the hard
    requirements), no_exchange_rate (no rate to compare the wage with the threshold: stands in
    for wage_below_threshold), no_pathway (the destination has no candidate pathway)."""

    ORIGIN_NOT_COVERED = "origin_not_covered"
    OCCUPATION_NOT_COVERED = "occupation_not_covered"
    SECTOR_NOT_COVERED = "sector_not_covered"
    EDUCATION_BELOW_MINIMUM = "education_below_minimum"
    LANGUAGE_BELOW_MINIMUM = "language_below_minimum"
    EXPERIENCE_BELOW_MINIMUM = "experience_below_minimum"
    WAGE_BELOW_THRESHOLD = "wage_below_threshold"
    CONTRACT_NOT_ALLOWED = "contract_not_allowed"
    QUOTA_EXHAUSTED = "quota_exhausted"
    PATHWAY_NOT_IN_FORCE = "pathway_not_in_force"
    ETHICAL_RECRUITMENT_HEALTH = "ethical_recruitment_health"
    FEES_CHARGED_TO_WORKER = "fees_charged_to_worker"
    NO_ELIGIBLE_WORKERS = "no_eligible_workers"
    NO_EXCHANGE_RATE = "no_exchange_rate"
    NO_PATHWAY = "no_pathway"


class HeadcountKind(StrEnum):
    """A factor of the eligible headcount: available (pool workers not yet approved for other
    vacancies, a count), pathway_language (share meeting the pathway's language requirement),
    required_language (share at or above a level the vacancy requires at the start of work)."""

    AVAILABLE = "available"
    PATHWAY_LANGUAGE = "pathway_language"
    REQUIRED_LANGUAGE = "required_language"


class SkillVia(StrEnum):
    """How the pool earns credit for a vacancy skill: exact (workers holding the skill itself)
    or group (a related skill of the same skill group, at half credit)."""

    EXACT = "exact"
    GROUP = "group"


# ---- examples: the demo's German hospital nurses and a Western Visayas pool (make run's data) ---

_VACANCY_ID = "780a4c07-93d1-4168-994e-7bc49c0cbe7c"
_POOL_ID = "431c829a-a6b9-492f-a482-c4f4d1fc816f"
_MATCH_ID = "780a4c07-93d1-4168-431c-829aa6b9492f"  # the vacancy's and the pool's id halves

_REASON_EXAMPLE: dict[str, Any] = {
    "code": "ethical_recruitment_health",
    "message": "The vacancy's occupation 2221 and the pool's occupation 2221 are health "
    "occupations, origin GH is on the WHO health workforce support and safeguards list, and "
    "DE-SKILLED-WORKER is not a government-to-government pathway.",
}
_COMPONENT_EXAMPLE: dict[str, Any] = {
    "name": "language",
    "score": 0.145,
    "weight": 0.1,
    "contribution": 0.0145,
    "evidence": {
        "de_level": "B2",
        "de_required_at_start": False,
        "de_share_at_or_above": 0.09,
        "de_share_one_below": 0.11,
    },
}


def _skill(skill: str, importance: str, credit: float, via: str = "exact") -> dict[str, Any]:
    return {
        "skill": skill,
        "importance": importance,
        "credit": credit,
        "via": via,
        "derived": False,
    }


_SKILLS_EXAMPLE: list[dict[str, Any]] = [
    _skill("patient-assessment", "essential", 0.97),
    _skill("nursing-care-planning", "essential", 0.86),
    _skill("intravenous-therapy", "essential", 0.97),
    _skill("hand-hygiene", "essential", 0.9),
    _skill("clinical-deterioration-escalation", "essential", 0.88),
    _skill("medication-administration", "optional", 0.73),
    _skill("wound-care", "optional", 0.74),
    _skill("patient-education", "optional", 0.93),
    _skill("ecg-recording", "optional", 0.485, "group"),
    _skill("drug-dosage-calculation", "optional", 0.62),
    _skill("mentoring", "optional", 0.48),
]
_ELIGIBILITY_EXAMPLE: dict[str, Any] = {
    "eligible": True,
    "pathway": "DE-BLUE-CARD-SHORTAGE",
    "eligible_headcount": 385,
    "checks_passed": [c.value for c in CheckName],
    "reasons": [],
}
_HEADCOUNT_EXAMPLE: list[dict[str, Any]] = [
    {
        "kind": "available",
        "value": 385.0,
        "text": "All 385 workers of the pool are available (none approved for other vacancies).",
    }
]
_EXPLANATION_EXAMPLE: dict[str, Any] = {
    "components": [
        {
            "name": "skills",
            "score": 0.8215625,
            "weight": 0.4,
            "contribution": 0.328625,
            "evidence": {
                "vacancy_skills": 11,
                "matched": 11,
                "exact": 10,
                "group": 1,
                "missing_essential": 0,
            },
        },
        {
            "name": "occupation",
            "score": 1.0,
            "weight": 0.25,
            "contribution": 0.25,
            "evidence": {"vacancy": "2221", "pool": "2221", "common_prefix": 4},
        },
        {
            "name": "sector",
            "score": 1.0,
            "weight": 0.1,
            "contribution": 0.1,
            "evidence": {"vacancy": "86", "pool": "86", "match": "division"},
        },
        _COMPONENT_EXAMPLE,
        {
            "name": "education",
            "score": 1.0,
            "weight": 0.05,
            "contribution": 0.05,
            "evidence": {"required_isced": 6, "pool_isced": 6},
        },
        {
            "name": "experience",
            "score": 1.0,
            "weight": 0.05,
            "contribution": 0.05,
            "evidence": {"required_years": 2.0, "pool_years": 6.0},
        },
        {
            "name": "availability",
            "score": 1.0,
            "weight": 0.05,
            "contribution": 0.05,
            "evidence": {"start_date": "2027-03-01", "available_from": None, "days_late": 0},
        },
    ],
    "skills": _SKILLS_EXAMPLE,
    "missing_essential": [],
    "eligibility": _ELIGIBILITY_EXAMPLE,
    "headcount": _HEADCOUNT_EXAMPLE,
}
_POOL_EXAMPLE: dict[str, Any] = {
    "id": _POOL_ID,
    "origin_country": "PH",
    "region": "Western Visayas",
    "occupation": "2221",
    "headcount": 385,
    "isced_level": 6,
    "experience_years": 6.0,
    "available_from": None,
}
_VACANCY_EXAMPLE: dict[str, Any] = {
    "id": _VACANCY_ID,
    "title": "Registered nurse - medical ward",
    "destination_country": "DE",
    "occupation": "2221",
    "openings": 16,
    "start_date": "2027-03-01",
    "status": "open",
}
_MATCH_EXAMPLE: dict[str, Any] = {
    "id": _MATCH_ID,
    "vacancy_id": _VACANCY_ID,
    "pool_id": _POOL_ID,
    "rank": 1,
    "score": 0.843125,
    "components": {
        "skills": 0.8215625,
        "occupation": 1.0,
        "sector": 1.0,
        "language": 0.145,
        "education": 1.0,
        "experience": 1.0,
        "availability": 1.0,
    },
    "eligible": True,
    "pathway": "DE-BLUE-CARD-SHORTAGE",
    "eligible_headcount": 385,
    "reasons": [],
    "explanation": _EXPLANATION_EXAMPLE,
    "engine_version": "2.1.0",
    "weights_hash": "b73d328e7af18cf1",
    "computed_at": "2026-12-03T13:58:38.382135+00:00",
    "pool": _POOL_EXAMPLE,
    "vacancy": None,
}

# ---- field types --------------------------------------------------------------------------------

Score = Annotated[float, Field(ge=0.0, le=1.0)]
IscoCode = Annotated[
    str,
    Field(
        description='ISCO-08 occupation code, a unit group of 4 digits (e.g. "2221" nursing '
        "professionals)",
        examples=["2221"],
    ),
]
#: A vacancy's status, as the vacancies' own schemas list it.
VacancyState = Literal["draft", "open", "filled", "closed"]
#: An evidence value: a count, a number, a yes/no, a code or date, or null for "none".
EvidenceValue = bool | int | float | str | None


# ---- the explanation ----------------------------------------------------------------------------


class Reason(BaseModel):
    """Why a legal pathway does not admit the pair: a stable code and one sentence."""

    code: ReasonCode = Field(description="the failed check's stable code")
    message: str = Field(
        description="one sentence for a person, naming the figures compared (not for parsing)"
    )

    model_config = ConfigDict(json_schema_extra={"examples": [_REASON_EXAMPLE]})


class ComponentOut(BaseModel):
    """One score component of a pair: its score, the weight applied, and the facts behind it."""

    name: ComponentName = Field(description="the component")
    score: Score = Field(description="the component's score, 0 to 1")
    weight: float = Field(
        ge=0.0,
        le=1.0,
        description="the weight applied: the configured weight renormalised over the "
        "components present (the weights of a pair sum to 1)",
    )
    contribution: float = Field(
        ge=0.0,
        le=1.0,
        description="score x weight; the contributions of a pair sum to its score",
    )
    evidence: dict[str, EvidenceValue] = Field(
        description="the facts compared, by key (typed values; null means none asked or "
        "none at all). skills: vacancy_skills, matched, exact, group, missing_essential "
        "(counts). occupation: vacancy, pool (ISCO-08 codes), common_prefix (digits in "
        "common, 0-4). sector: vacancy, pool (ISIC Rev.4 divisions), match (division, "
        "section, or null: neither). language: per language the vacancy names (ISO 639-1 "
        "code as prefix, e.g. de_), <lang>_level (the CEFR level asked, A1..C2), "
        "<lang>_required_at_start (true: it limits the eligible headcount), "
        "<lang>_share_at_or_above and <lang>_share_one_below (shares of the pool, 0-1); "
        "required: null when the vacancy names no language. education: required_isced "
        "(ISCED 2011 level or null), pool_isced. experience: required_years (or null), "
        "pool_years (median). availability: start_date, available_from (ISO dates; null: "
        "available now), days_late"
    )

    model_config = ConfigDict(json_schema_extra={"examples": [_COMPONENT_EXAMPLE]})


class SkillEvidenceOut(BaseModel):
    """One skill of the vacancy and the credit the pool earns for it."""

    skill: str = Field(
        description="the skill's id in the service's skill taxonomy (e.g. \"patient-assessment\""
        "; GET /api/v1/taxonomy/skills lists them)"
    )
    importance: Importance = Field(description="essential skills weigh 2, optional ones 1")
    credit: Score = Field(
        description="share of the pool holding the skill (0-1), or half the best share of a "
        "related skill of the same group"
    )
    via: SkillVia | None = Field(description="how the credit is earned; null: missing (no credit)")
    derived: bool = Field(
        default=False,
        description="true when the skill came from the occupation's profile, not named by the "
        "employer",
    )

    model_config = ConfigDict(json_schema_extra={"examples": [_SKILLS_EXAMPLE[8]]})


class EligibilityOut(BaseModel):
    """The legal verdict on the pair: the pathway reported and the checks it passed or failed."""

    eligible: bool = Field(description="true when at least one legal pathway admits the pair")
    pathway: str | None = Field(
        description="code of the best admitting pathway (most eligible workers); for an "
        "ineligible pair the closest one (fewest failed checks); null: the destination has "
        "no candidate pathway"
    )
    eligible_headcount: int = Field(
        ge=0,
        description="pool members estimated to meet the hard requirements under that pathway "
        "(0 when ineligible)",
    )
    checks_passed: list[CheckName] = Field(
        description="names of the checks the reported pathway passed, in the order of design "
        "section 4 (eligible_workers last; it is judged only when every other check passes)"
    )
    reasons: list[Reason] = Field(
        description="the failed checks of the reported pathway, in the same order (empty when "
        "eligible)"
    )

    model_config = ConfigDict(json_schema_extra={"examples": [_ELIGIBILITY_EXAMPLE]})


class HeadcountFactorOut(BaseModel):
    """One factor of the eligible headcount, in the order they multiply (the headcount is
    their product, rounded down)."""

    kind: HeadcountKind = Field(description="what the factor is")
    value: float = Field(
        ge=0.0, description="a count of workers for available, a share 0-1 for the languages"
    )
    text: str = Field(description="one sentence for a person")

    model_config = ConfigDict(json_schema_extra={"examples": [_HEADCOUNT_EXAMPLE[0]]})


class ExplanationOut(BaseModel):
    """Why the pair scored what it did, component by component, and why it is eligible or not."""

    components: list[ComponentOut] = Field(
        description="the components present, in the order skills, occupation, sector, "
        "language, education, experience, availability (skills drops out when the vacancy names "
        "none, sector when either side has none)"
    )
    skills: list[SkillEvidenceOut] = Field(description="the vacancy's skills, in its order")
    missing_essential: list[str] = Field(
        description="ids of the essential vacancy skills the pool earns no credit for"
    )
    eligibility: EligibilityOut = Field(description="the legal verdict")
    headcount: list[HeadcountFactorOut] = Field(
        description="the factors of the eligible headcount under the reported pathway (empty "
        "when none is reported, and in matches stored before engine 2.0)"
    )

    model_config = ConfigDict(json_schema_extra={"examples": [_EXPLANATION_EXAMPLE]})


# ---- the two sides ------------------------------------------------------------------------------


class PoolSummary(BaseModel):
    """What a match shows of a pool: aggregates only, never a person."""

    id: uuid.UUID = Field(description="the pool's id")
    origin_country: str = Field(
        description='the workers\' origin, ISO 3166-1 alpha-2 country code (e.g. "PH")'
    )
    region: str | None = Field(description="a region of the origin country (free text) or null")
    occupation: IscoCode
    headcount: int = Field(ge=0, description="workers in the pool")
    isced_level: int = Field(
        ge=0, le=8, description="the pool's typical education, ISCED 2011 level 0..8"
    )
    experience_years: float = Field(ge=0.0, description="median years of experience")
    available_from: date | None = Field(description="when the workers can start; null: now")

    model_config = ConfigDict(json_schema_extra={"examples": [_POOL_EXAMPLE]})


class VacancySummary(BaseModel):
    """What a match shows of a vacancy."""

    id: uuid.UUID = Field(description="the vacancy's id")
    title: str = Field(description="the job title as the employer wrote it")
    destination_country: str = Field(
        description='where the job is, ISO 3166-1 alpha-2 country code (e.g. "DE")'
    )
    occupation: IscoCode
    openings: int = Field(ge=0, description="workers wanted")
    start_date: date = Field(description="the start of work")
    status: VacancyState = Field(
        description="open vacancies are ranked; a filled or closed one shows only its decided pairs"
    )

    model_config = ConfigDict(json_schema_extra={"examples": [_VACANCY_EXAMPLE]})


# ---- a match ------------------------------------------------------------------------------------


class MatchOut(BaseModel):
    """A ranked (vacancy, pool) pair: its score, components, legal verdict and explanation."""

    id: uuid.UUID = Field(
        description="the match's id, fixed by the pair (GET /api/v1/matches/{match_id}; "
        "decisions are taken on it)"
    )
    vacancy_id: uuid.UUID = Field(description="the vacancy of the pair")
    pool_id: uuid.UUID = Field(description="the pool of the pair")
    rank: int | None = Field(
        default=None,
        ge=1,
        description="1-based position in the list it was read from (offset + index + 1); null "
        "when read alone",
    )
    score: Score = Field(description="weighted mean of the component scores, 0 to 1")
    components: dict[ComponentName, Score] = Field(
        description="component name -> its score (0-1), for the components present (see "
        "explanation.components for weights and evidence)"
    )
    eligible: bool = Field(description="true when at least one legal pathway admits the pair")
    pathway: str | None = Field(
        description="code of the admitting pathway (ineligible: the closest one; null: none)"
    )
    eligible_headcount: int = Field(
        ge=0, description="pool members estimated to meet the hard requirements (0: ineligible)"
    )
    reasons: list[Reason] = Field(description="why the pair is ineligible (empty when eligible)")
    explanation: ExplanationOut = Field(description="why the pair scored and ranks as it does")
    engine_version: str = Field(description="version of the scoring engine that scored the pair")
    weights_hash: str = Field(description="hash of the component weights used")
    computed_at: UtcDatetime = Field(
        description="when the pair was scored (the market's state for a ranking; the decision's "
        "time for a pair read from history)"
    )
    pool: PoolSummary | None = Field(
        default=None,
        description="the pool (in a vacancy's list and in a single match; null in a pool's list)",
    )
    vacancy: VacancySummary | None = Field(
        default=None,
        description="the vacancy (in a pool's list and in a single match; null in a vacancy's "
        "list)",
    )

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _MATCH_EXAMPLE,  # in a vacancy's list
                {**_MATCH_EXAMPLE, "rank": None, "vacancy": _VACANCY_EXAMPLE},  # read alone
            ]
        }
    )


class MatchPage(BaseModel):
    """One page of a ranking: best first (score descending, then eligible headcount
    descending, then id ascending)."""

    items: list[MatchOut] = Field(description="the page's matches, best first")
    total: int = Field(ge=0, description="how many pairs the whole ranking holds")
    limit: int = Field(ge=1, le=200, description="the page size asked for")
    offset: int = Field(ge=0, description="how many pairs of the ranking come before this page")

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"items": [_MATCH_EXAMPLE], "total": 15, "limit": 50, "offset": 0}]
        }
    )
