"""API schemas of the analytics: shortage and surplus, skills gap, outcomes of placements and
the decisions dataset (the JSON shapes of app/analytics/service.py and outcomes.py)."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import JsonDict

from app.analytics.outcomes import Measure, OutcomeBy
from app.analytics.service import GroupBy, SourceKind
from app.common.schemas import UtcDatetime

Rate = float | None

# ---- where the pairs come from ---------------------------------------------------------------

_LIVE_SOURCE: JsonDict = {
    "kind": "live",
    "run_id": None,
    "as_of": "2025-11-18T10:03:51.207113Z",
    "change_seq": 48213,
    "engine_version": "1.4.0",
    "weights_hash": "9f2c41d7a0b3",
    "top_k": None,
    "explain_top": None,
    "scope": {"destination": None, "origin": None, "occupation_prefix": None},
}
_RUN_SOURCE: JsonDict = {
    "kind": "batch_run",
    "run_id": "3c7e1a94-8b2d-4f60-a5e3-d19b7c2f8e41",
    "as_of": "2025-11-18T03:12:40.518204Z",
    "change_seq": 48190,
    "engine_version": "1.4.0",
    "weights_hash": "9f2c41d7a0b3",
    "top_k": 50,
    "explain_top": 10,
    "scope": {"destination": "DE", "origin": None, "occupation_prefix": None},
}


class PairScopeOut(BaseModel):
    """What the pairs cover: each field narrows it (null: everything)."""

    model_config = ConfigDict(json_schema_extra={"examples": [_RUN_SOURCE["scope"]]})

    destination: str | None = Field(
        description="open vacancies to this country only (ISO 3166-1 alpha-2); null: all"
    )
    origin: str | None = Field(
        description="active pools of this origin country only (ISO 3166-1 alpha-2); null: all"
    )
    occupation_prefix: str | None = Field(
        description="open vacancies whose ISCO-08 code starts with this only; null: all"
    )


class PairSourceOut(BaseModel):
    """Where an analysis's ranked pairs come from, and what they are as of: the live ranking
    (ranked for this request), or a batch run's stored pairs (`imdi batch-rank`). A batch run's
    figures cover its scope only (the demand of vacancies outside it is not counted), and its
    vacancies still open and pools still active; demand and capacities are read now."""

    model_config = ConfigDict(json_schema_extra={"examples": [_RUN_SOURCE, _LIVE_SOURCE]})

    kind: SourceKind = Field(
        description="live (the live market ranked for this request) or batch_run (the stored "
        "pairs of run `run_id`)"
    )
    run_id: uuid.UUID | None = Field(description="the batch run; null: live")
    as_of: UtcDatetime = Field(
        description="when the pairs were ranked: now (live) or when the run finished "
        "(RFC 3339, UTC)"
    )
    change_seq: int = Field(
        description="the change feed's position the pairs were ranked at (every write up to "
        "it is in them)"
    )
    engine_version: str = Field(description="the matching engine's version that ranked them")
    weights_hash: str = Field(description="the hash of the scoring weights they were ranked with")
    top_k: int | None = Field(
        description="pairs a batch run kept per vacancy (its best k); null: every eligible pair "
        "(always so live)"
    )
    explain_top: int | None = Field(
        description="a batch run's first pairs per vacancy whose missing essential skills it "
        "kept: the skills gap's `top` can be at most this (and at most top_k); null: live"
    )
    scope: PairScopeOut = Field(description="what the pairs cover (live: everything)")


# ---- shortage and surplus --------------------------------------------------------------------

_NURSES_BALANCE: JsonDict = {
    "key": "2221",
    "label": "Nursing professionals",
    "demand": 120,
    "supply": 45,
    "vacancies": 6,
    "pools": 3,
    "active_headcount": 310,
    "balance": -75,
    "shortage": 75,
    "surplus": 0,
}
_CROP_BALANCE: JsonDict = {
    "key": "9211",
    "label": "Crop farm labourers",
    "demand": 400,
    "supply": 520,
    "vacancies": 3,
    "pools": 2,
    "active_headcount": 800,
    "balance": 120,
    "shortage": 0,
    "surplus": 120,
}


class BalanceRowOut(BaseModel):
    """Demand and eligible supply of one group (an occupation, a destination or an origin
    country): open vacancies against active pools, paired by the live ranking or a batch
    run's."""

    model_config = ConfigDict(json_schema_extra={"examples": [_NURSES_BALANCE]})

    key: str = Field(
        description="the group: an ISCO-08 unit group (4 digits, by=occupation), the "
        "vacancies' destination country (by=destination) or the pools' origin country "
        "(by=origin), both ISO 3166-1 alpha-2"
    )
    label: str = Field(description="the unit group's ISCO-08 title, or the country's name")
    demand: int = Field(
        description="workers wanted: openings of the open vacancies less the headcount "
        "already approved for them (by=origin: of the vacancies the origin's pools are "
        "eligible for)"
    )
    supply: int = Field(
        description="eligible workers: the distinct active pools with an eligible match in a "
        "related occupation (same ISCO-08 minor group), each counted once with its largest "
        "eligible headcount, capped by what is left of the pool. From a batch run with a "
        "`source.top_k`, only the pairs in each vacancy's top k count: a pool eligible for a "
        "vacancy but below its top k is not its supply"
    )
    vacancies: int = Field(description="open vacancies counted in the demand")
    pools: int = Field(description="active pools counted in the supply")
    active_headcount: int | None = Field(
        description="the whole remaining headcount of the group's active pools, eligible or "
        "not (context: much of it with little supply points at a rule, not at missing "
        "workers); null by destination (pools have no destination)"
    )
    balance: int = Field(description="supply - demand: negative a shortage, positive a surplus")
    shortage: int = Field(description="demand - supply when positive, else 0")
    surplus: int = Field(description="supply - demand when positive, else 0")


class ShortageSurplusOut(BaseModel):
    """Shortage and surplus per group, biggest shortage first (then biggest surplus, then
    key)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "by": "occupation",
                    "source": _LIVE_SOURCE,
                    "items": [_NURSES_BALANCE, _CROP_BALANCE],
                }
            ]
        }
    )

    by: GroupBy = Field(description="the grouping asked for")
    source: PairSourceOut = Field(description="where the pairs come from, and as of when")
    items: list[BalanceRowOut] = Field(description="one row per group, biggest shortage first")


# ---- skills gap ------------------------------------------------------------------------------

_IV_GAP: JsonDict = {
    "occupation": "2221",
    "occupation_title": "Nursing professionals",
    "skill": "intravenous-therapy",
    "skill_label": "Intravenous therapy",
    "matches_missing": 14,
    "vacancies": 6,
    "workers": 380,
}


class SkillGapRowOut(BaseModel):
    """An essential skill of an occupation's open vacancies that their top matches' pools give
    no credit for: where training would most likely unlock placements."""

    model_config = ConfigDict(json_schema_extra={"examples": [_IV_GAP]})

    occupation: str = Field(description="the vacancies' ISCO-08 unit group (4 digits)")
    occupation_title: str = Field(description="the unit group's ISCO-08 title")
    skill: str = Field(description="the skill's taxonomy id (built-in id or ESCO skill URI)")
    skill_label: str = Field(description="the skill's label")
    matches_missing: int = Field(
        description="top matches (of the vacancies of this occupation) whose pool lacks the "
        "essential skill"
    )
    vacancies: int = Field(description="distinct open vacancies among those matches")
    workers: int = Field(description="eligible workers of those matches (summed headcount)")


class SkillsGapOut(BaseModel):
    """Missing essential skills in each open vacancy's top eligible matches, per (occupation,
    skill), most often missing first (then most workers, occupation, skill)."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"top": 10, "source": _RUN_SOURCE, "items": [_IV_GAP]}]}
    )

    top: int = Field(description="top matches per vacancy looked at")
    source: PairSourceOut = Field(description="where the pairs come from, and as of when")
    items: list[SkillGapRowOut] = Field(description="one row per (occupation, skill)")


# ---- outcomes --------------------------------------------------------------------------------

_TRIPLE_WIN: JsonDict = {
    "key": "DE-TRIPLE-WIN",
    "label": "Triple Win nurse programme",
    "placements": 14,
    "approved": 400,
    "selected": 400,
    "contract_signed": 392,
    "visa_applied": 388,
    "visa_granted": 371,
    "visa_refused": 9,
    "departed": 362,
    "arrived": 362,
    "started_work": 358,
    "completed_contract": 120,
    "dropped_out": 8,
    "left_early_abroad": 4,
    "released": 17,
    "placement_rate": 0.895,
    "visa_refusal_rate": 0.0237,
    "early_leaving_rate": 0.011,
    "median_days_to_start": 142.0,
    "flags": [],
}
_GECCO: JsonDict = {
    "key": "ES-GECCO-MA",
    "label": "Collective recruitment in origin (GECCO) - Morocco seasonal agriculture",
    "placements": 5,
    "approved": 250,
    "selected": 250,
    "contract_signed": 248,
    "visa_applied": 248,
    "visa_granted": 240,
    "visa_refused": 8,
    "departed": 236,
    "arrived": 236,
    "started_work": 236,
    "completed_contract": 150,
    "dropped_out": 4,
    "left_early_abroad": 31,
    "released": 12,
    "placement_rate": 0.944,
    "visa_refusal_rate": 0.0323,
    "early_leaving_rate": 0.1314,
    "median_days_to_start": 38.0,
    "flags": ["early_leaving"],
}
_PROGRAMME: JsonDict = {
    "key": "",
    "label": "Programme",
    "placements": 19,
    "approved": 650,
    "selected": 650,
    "contract_signed": 640,
    "visa_applied": 636,
    "visa_granted": 611,
    "visa_refused": 17,
    "departed": 598,
    "arrived": 598,
    "started_work": 594,
    "completed_contract": 270,
    "dropped_out": 12,
    "left_early_abroad": 35,
    "released": 29,
    "placement_rate": 0.9138,
    "visa_refusal_rate": 0.0271,
    "early_leaving_rate": 0.0585,
    "median_days_to_start": 130.0,
    "flags": [],
}
_GECCO_OUTLIER: JsonDict = {
    "key": "ES-GECCO-MA",
    "label": "Collective recruitment in origin (GECCO) - Morocco seasonal agriculture",
    "measure": "early_leaving",
    "events": 31,
    "at_risk": 236,
    "rate": 0.1314,
    "programme_rate": 0.0585,
    "ratio": 2.244,
    "p_value": 2.42e-05,
}
_RULE: JsonDict = {"min_at_risk": 10, "min_ratio": 1.5, "alpha": 0.01}


class OutcomeOut(BaseModel):
    """One group's figures. Stage counts are workers who reached the stage (moves into it),
    not those there now."""

    model_config = ConfigDict(json_schema_extra={"examples": [_TRIPLE_WIN]})

    key: str = Field(
        description="the group: a legal pathway's code (by=pathway), the pools' origin country "
        "ISO 3166-1 alpha-2 (by=origin), the vacancies' ISCO-08 unit group (by=occupation) or "
        "the employer organisation's id (by=employer); '' for the programme's totals"
    )
    label: str = Field(
        description="the pathway's, country's, unit group's or employer's name; 'Programme' "
        "for the totals"
    )
    placements: int = Field(description="approvals not withdrawn")
    approved: int = Field(description="workers approved on them")
    selected: int = Field(description="workers who reached the stage selected")
    contract_signed: int = Field(description="workers who signed the contract")
    visa_applied: int = Field(description="workers who applied for a visa")
    visa_granted: int = Field(description="visas granted")
    visa_refused: int = Field(description="visas refused")
    departed: int = Field(description="workers who departed")
    arrived: int = Field(description="workers who arrived")
    started_work: int = Field(description="workers who started work")
    completed_contract: int = Field(description="workers who completed the contract")
    dropped_out: int = Field(description="left before departure (released)")
    left_early_abroad: int = Field(description="left early after departure")
    released: int = Field(description="workers given back to quota and openings")
    placement_rate: Rate = Field(
        description="started_work / approved, 0..1; null: no worker approved"
    )
    visa_refusal_rate: Rate = Field(
        description="visa_refused / (visa_granted + visa_refused), 0..1; null: no visa decided"
    )
    early_leaving_rate: Rate = Field(
        description="left_early_abroad / departed, 0..1; null: nobody departed"
    )
    median_days_to_start: float | None = Field(
        description="median over the workers who started work of the days from the approval "
        "(UTC date) to the start; null: nobody started work"
    )
    flags: list[Measure] = Field(description="the measures in which the group is an outlier")


class OutlierOut(BaseModel):
    """A group whose visa refusal or early-leaving rate is far above the programme's (see
    OutlierRule)."""

    model_config = ConfigDict(json_schema_extra={"examples": [_GECCO_OUTLIER]})

    key: str = Field(description="the group's key, as in `groups`")
    label: str = Field(description="the group's name")
    measure: Measure = Field(description="the rate the group is an outlier in")
    events: int = Field(description="refused visas, or workers who left early abroad")
    at_risk: int = Field(description="visas decided, or workers who departed")
    rate: float = Field(description="events / at_risk, 0..1")
    programme_rate: float = Field(description="the same rate over the whole programme, 0..1")
    ratio: float = Field(description="rate / programme_rate")
    p_value: float = Field(description="one-sided exact binomial test against programme_rate")


class OutlierRule(BaseModel):
    """When a group is flagged: all three conditions hold."""

    model_config = ConfigDict(json_schema_extra={"examples": [_RULE]})

    min_at_risk: int = Field(description="at least this many workers at risk")
    min_ratio: float = Field(description="a rate at least this many times the programme's")
    alpha: float = Field(description="a one-sided exact binomial test's p-value below this")


class OutcomesOut(BaseModel):
    """What became of approvals, per group, with the programme's totals and its outliers."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "by": "pathway",
                    "groups": [_TRIPLE_WIN, _GECCO],
                    "totals": _PROGRAMME,
                    "outliers": [_GECCO_OUTLIER],
                    "rule": _RULE,
                }
            ]
        }
    )

    by: OutcomeBy = Field(description="the grouping asked for")
    groups: list[OutcomeOut] = Field(description="most approved workers first, then key")
    totals: OutcomeOut = Field(description="the same figures over every placement")
    outliers: list[OutlierOut] = Field(description="most significant first")
    rule: OutlierRule = Field(description="the rule that flags outliers")


# ---- the decisions dataset -------------------------------------------------------------------

_APPROVAL_ROW: JsonDict = {
    "decision_id": "8d1e4f2a-63b7-4c95-a0e8-5f9b2c7d1e36",
    "decided_at": "2025-03-14T10:22:05+00:00",
    "decision": "approved",
    "match_id": "b47c9e13-2a58-4f6d-9c31-e8a5d0f7b294",
    "vacancy_id": "5a9e3c71-0d4b-4e82-b6f5-19c7a2d8e043",
    "pool_id": "c2f8a6d4-9b13-4e57-8a0c-6d3e1f5b7a92",
    "employer_id": "3f2c8a51-7d4e-4b9a-a6c1-2e8f5d7b9c04",
    "pathway_code": "DE-TRIPLE-WIN",
    "quota_year": 2025,
    "occupation": "2221",
    "pool_occupation": "2221",
    "origin_country": "PH",
    "destination_country": "DE",
    "sector": "86",
    "pool_sector": "86",
    "headcount": 12,
    "score": 0.8125,
    "score_skills": 0.78,
    "score_occupation": 1.0,
    "score_sector": 1.0,
    "score_language": 0.62,
    "score_education": 1.0,
    "score_experience": 0.9,
    "score_availability": 0.85,
    "eligible": True,
    "eligible_headcount": 34,
    "engine_version": "1.4.0",
    "weights_hash": "9f2c41d7a0b3",
    "scored_at": "2025-03-14T10:21:48+00:00",
    "score_is_of_this_decision": True,
    "withdrawn": False,
    "reached_selected": 12,
    "reached_contract_signed": 12,
    "reached_visa_applied": 12,
    "reached_visa_granted": 11,
    "reached_visa_refused": 1,
    "reached_departed": 11,
    "reached_arrived": 11,
    "reached_started_work": 10,
    "reached_completed_contract": 0,
    "reached_dropped_out": 0,
    "reached_left_early_abroad": 1,
    "released": 1,
}

_OF_APPROVALS = "; null for a decision that is not an approval"


class DatasetRowOut(BaseModel):
    """One officer decision on a (vacancy, pool) pair: the score it was taken on and, for an
    approval, what became of it. Aggregates only, never persons (docs/datasets.md)."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [_APPROVAL_ROW]})

    decision_id: uuid.UUID = Field(description="the decision")
    decided_at: UtcDatetime = Field(description="when the decision was recorded")
    decision: Literal["shortlisted", "approved", "rejected", "needs_information"] = Field(
        description="what the officer decided (a withdrawal is the outcome `withdrawn` of the "
        "approval it takes back, not a row)"
    )
    match_id: uuid.UUID = Field(description="the pair's id (the same for every decision on it)")
    vacancy_id: uuid.UUID = Field(
        description="the vacancy (the ranking's query: group rows by it for learning to rank)"
    )
    pool_id: uuid.UUID = Field(description="the labour pool (the ranked item)")
    employer_id: uuid.UUID = Field(description="the vacancy's employer organisation")
    pathway_code: str | None = Field(
        description="the legal pathway the pair was eligible under when decided; null: none"
    )
    quota_year: int | None = Field(
        description="the vacancy's start year (the quota year an approval counts in)"
    )
    occupation: str = Field(description="the vacancy's ISCO-08 unit group (4 digits)")
    pool_occupation: str = Field(description="the pool's ISCO-08 unit group (4 digits)")
    origin_country: str = Field(description="the pool's origin country, ISO 3166-1 alpha-2")
    destination_country: str = Field(
        description="the vacancy's destination country, ISO 3166-1 alpha-2"
    )
    sector: str | None = Field(
        description="the vacancy's ISIC Rev.4 division (2 digits); null: none"
    )
    pool_sector: str | None = Field(
        description="the pool's sector experience, ISIC Rev.4 division; null: none"
    )
    headcount: int = Field(description="workers approved (an approval); 0 for the other decisions")
    score: float | None = Field(description="the match score 0..1 of the pair's stored match")
    score_skills: float | None = Field(
        description="skills component 0..1; null: the vacancy names no skills"
    )
    score_occupation: float | None = Field(
        description="occupation component 0..1: how close the ISCO-08 unit groups are"
    )
    score_sector: float | None = Field(
        description="sector component 0..1 (the ISIC Rev.4 sectors); null: a sector missing "
        "on either side"
    )
    score_language: float | None = Field(
        description="language component 0..1: the pool's languages (ISO 639-1, CEFR levels) "
        "against the vacancy's"
    )
    score_education: float | None = Field(
        description="education component 0..1 (ISCED 2011 levels)"
    )
    score_experience: float | None = Field(description="experience component 0..1")
    score_availability: float | None = Field(description="availability component 0..1")
    eligible: bool | None = Field(
        description="whether a legal pathway admitted the pair when it was scored"
    )
    eligible_headcount: int | None = Field(
        description="workers of the pool estimated to meet the hard requirements then"
    )
    engine_version: str | None = Field(
        description="the version of the scoring engine that computed the score"
    )
    weights_hash: str | None = Field(description="the hash of the component weights used")
    scored_at: UtcDatetime | None = Field(
        description="the market state the score was computed from"
    )
    score_is_of_this_decision: bool = Field(
        description="whether the score columns are this decision's (the pair's latest "
        "decision); false: a later decision on the pair rescored it"
    )
    withdrawn: bool | None = Field(
        description="whether the approval was withdrawn since" + _OF_APPROVALS
    )
    reached_selected: int | None = Field(
        description="workers who reached the stage selected (moves into it, ever)" + _OF_APPROVALS
    )
    reached_contract_signed: int | None = Field(
        description="workers who signed the contract" + _OF_APPROVALS
    )
    reached_visa_applied: int | None = Field(
        description="workers who applied for a visa" + _OF_APPROVALS
    )
    reached_visa_granted: int | None = Field(description="visas granted" + _OF_APPROVALS)
    reached_visa_refused: int | None = Field(description="visas refused" + _OF_APPROVALS)
    reached_departed: int | None = Field(description="workers who departed" + _OF_APPROVALS)
    reached_arrived: int | None = Field(description="workers who arrived" + _OF_APPROVALS)
    reached_started_work: int | None = Field(description="workers who started work" + _OF_APPROVALS)
    reached_completed_contract: int | None = Field(
        description="workers who completed the contract" + _OF_APPROVALS
    )
    reached_dropped_out: int | None = Field(
        description="workers who left before departure" + _OF_APPROVALS
    )
    reached_left_early_abroad: int | None = Field(
        description="workers who left early after departure" + _OF_APPROVALS
    )
    released: int | None = Field(
        description="workers whose quota, opening and pool place were given back (refused "
        "visas and dropouts)" + _OF_APPROVALS
    )


class DatasetPageOut(BaseModel):
    """A page of the decisions dataset, oldest decision first (ties by decision id), paged by
    keyset: pass `next_after` as `after` for the next page."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [_APPROVAL_ROW],
                    "total": 1843,
                    "limit": 1,
                    "next_after": "8d1e4f2a-63b7-4c95-a0e8-5f9b2c7d1e36",
                }
            ]
        }
    )

    items: list[DatasetRowOut] = Field(description="the page's rows")
    total: int = Field(description="rows in the whole dataset")
    limit: int = Field(description="the page size asked for")
    next_after: uuid.UUID | None = Field(
        description="pass as `after` for the next page; null on the last page"
    )
