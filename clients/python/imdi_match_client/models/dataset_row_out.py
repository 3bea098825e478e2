from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dataset_row_out_decision import DatasetRowOutDecision

T = TypeVar("T", bound="DatasetRowOut")


@_attrs_define
class DatasetRowOut:
    """One officer decision on a (vacancy, pool) pair: the score it was taken on and, for an
    approval, what became of it. Aggregates only, never persons (docs/datasets.md).

        Attributes:
            decided_at (datetime.datetime): when the decision was recorded
            decision (DatasetRowOutDecision): what the officer decided (a withdrawal is the outcome `withdrawn` of the
                approval it takes back, not a row)
            decision_id (UUID): the decision
            destination_country (str): the vacancy's destination country, ISO 3166-1 alpha-2
            eligible (bool | None): whether a legal pathway admitted the pair when it was scored
            eligible_headcount (int | None): workers of the pool estimated to meet the hard requirements then
            employer_id (UUID): the vacancy's employer organisation
            engine_version (None | str): the version of the scoring engine that computed the score
            headcount (int): workers approved (an approval); 0 for the other decisions
            match_id (UUID): the pair's id (the same for every decision on it)
            occupation (str): the vacancy's ISCO-08 unit group (4 digits)
            origin_country (str): the pool's origin country, ISO 3166-1 alpha-2
            pathway_code (None | str): the legal pathway the pair was eligible under when decided; null: none
            pool_id (UUID): the labour pool (the ranked item)
            pool_occupation (str): the pool's ISCO-08 unit group (4 digits)
            pool_sector (None | str): the pool's sector experience, ISIC Rev.4 division; null: none
            quota_year (int | None): the vacancy's start year (the quota year an approval counts in)
            reached_arrived (int | None): workers who arrived; null for a decision that is not an approval
            reached_completed_contract (int | None): workers who completed the contract; null for a decision that is not an
                approval
            reached_contract_signed (int | None): workers who signed the contract; null for a decision that is not an
                approval
            reached_departed (int | None): workers who departed; null for a decision that is not an approval
            reached_dropped_out (int | None): workers who left before departure; null for a decision that is not an approval
            reached_left_early_abroad (int | None): workers who left early after departure; null for a decision that is not
                an approval
            reached_selected (int | None): workers who reached the stage selected (moves into it, ever); null for a decision
                that is not an approval
            reached_started_work (int | None): workers who started work; null for a decision that is not an approval
            reached_visa_applied (int | None): workers who applied for a visa; null for a decision that is not an approval
            reached_visa_granted (int | None): visas granted; null for a decision that is not an approval
            reached_visa_refused (int | None): visas refused; null for a decision that is not an approval
            released (int | None): workers whose quota, opening and pool place were given back (refused visas and dropouts);
                null for a decision that is not an approval
            score (float | None): the match score 0..1 of the pair's stored match
            score_availability (float | None): availability component 0..1
            score_education (float | None): education component 0..1 (ISCED 2011 levels)
            score_experience (float | None): experience component 0..1
            score_is_of_this_decision (bool): whether the score columns are this decision's (the pair's latest decision);
                false: a later decision on the pair rescored it
            score_language (float | None): language component 0..1: the pool's languages (ISO 639-1, CEFR levels) against
                the vacancy's
            score_occupation (float | None): occupation component 0..1: how close the ISCO-08 unit groups are
            score_sector (float | None): sector component 0..1 (the ISIC Rev.4 sectors); null: a sector missing on either
                side
            score_skills (float | None): skills component 0..1; null: the vacancy names no skills
            scored_at (datetime.datetime | None): the market state the score was computed from
            sector (None | str): the vacancy's ISIC Rev.4 division (2 digits); null: none
            vacancy_id (UUID): the vacancy (the ranking's query: group rows by it for learning to rank)
            weights_hash (None | str): the hash of the component weights used
            withdrawn (bool | None): whether the approval was withdrawn since; null for a decision that is not an approval
    """

    decided_at: datetime.datetime
    decision: DatasetRowOutDecision
    decision_id: UUID
    destination_country: str
    eligible: bool | None
    eligible_headcount: int | None
    employer_id: UUID
    engine_version: None | str
    headcount: int
    match_id: UUID
    occupation: str
    origin_country: str
    pathway_code: None | str
    pool_id: UUID
    pool_occupation: str
    pool_sector: None | str
    quota_year: int | None
    reached_arrived: int | None
    reached_completed_contract: int | None
    reached_contract_signed: int | None
    reached_departed: int | None
    reached_dropped_out: int | None
    reached_left_early_abroad: int | None
    reached_selected: int | None
    reached_started_work: int | None
    reached_visa_applied: int | None
    reached_visa_granted: int | None
    reached_visa_refused: int | None
    released: int | None
    score: float | None
    score_availability: float | None
    score_education: float | None
    score_experience: float | None
    score_is_of_this_decision: bool
    score_language: float | None
    score_occupation: float | None
    score_sector: float | None
    score_skills: float | None
    scored_at: datetime.datetime | None
    sector: None | str
    vacancy_id: UUID
    weights_hash: None | str
    withdrawn: bool | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        decided_at = self.decided_at.isoformat()

        decision = self.decision.value

        decision_id = str(self.decision_id)

        destination_country = self.destination_country

        eligible: bool | None
        eligible = self.eligible

        eligible_headcount: int | None
        eligible_headcount = self.eligible_headcount

        employer_id = str(self.employer_id)

        engine_version: None | str
        engine_version = self.engine_version

        headcount = self.headcount

        match_id = str(self.match_id)

        occupation = self.occupation

        origin_country = self.origin_country

        pathway_code: None | str
        pathway_code = self.pathway_code

        pool_id = str(self.pool_id)

        pool_occupation = self.pool_occupation

        pool_sector: None | str
        pool_sector = self.pool_sector

        quota_year: int | None
        quota_year = self.quota_year

        reached_arrived: int | None
        reached_arrived = self.reached_arrived

        reached_completed_contract: int | None
        reached_completed_contract = self.reached_completed_contract

        reached_contract_signed: int | None
        reached_contract_signed = self.reached_contract_signed

        reached_departed: int | None
        reached_departed = self.reached_departed

        reached_dropped_out: int | None
        reached_dropped_out = self.reached_dropped_out

        reached_left_early_abroad: int | None
        reached_left_early_abroad = self.reached_left_early_abroad

        reached_selected: int | None
        reached_selected = self.reached_selected

        reached_started_work: int | None
        reached_started_work = self.reached_started_work

        reached_visa_applied: int | None
        reached_visa_applied = self.reached_visa_applied

        reached_visa_granted: int | None
        reached_visa_granted = self.reached_visa_granted

        reached_visa_refused: int | None
        reached_visa_refused = self.reached_visa_refused

        released: int | None
        released = self.released

        score: float | None
        score = self.score

        score_availability: float | None
        score_availability = self.score_availability

        score_education: float | None
        score_education = self.score_education

        score_experience: float | None
        score_experience = self.score_experience

        score_is_of_this_decision = self.score_is_of_this_decision

        score_language: float | None
        score_language = self.score_language

        score_occupation: float | None
        score_occupation = self.score_occupation

        score_sector: float | None
        score_sector = self.score_sector

        score_skills: float | None
        score_skills = self.score_skills

        scored_at: None | str
        if isinstance(self.scored_at, datetime.datetime):
            scored_at = self.scored_at.isoformat()
        else:
            scored_at = self.scored_at

        sector: None | str
        sector = self.sector

        vacancy_id = str(self.vacancy_id)

        weights_hash: None | str
        weights_hash = self.weights_hash

        withdrawn: bool | None
        withdrawn = self.withdrawn

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "decided_at": decided_at,
                "decision": decision,
                "decision_id": decision_id,
                "destination_country": destination_country,
                "eligible": eligible,
                "eligible_headcount": eligible_headcount,
                "employer_id": employer_id,
                "engine_version": engine_version,
                "headcount": headcount,
                "match_id": match_id,
                "occupation": occupation,
                "origin_country": origin_country,
                "pathway_code": pathway_code,
                "pool_id": pool_id,
                "pool_occupation": pool_occupation,
                "pool_sector": pool_sector,
                "quota_year": quota_year,
                "reached_arrived": reached_arrived,
                "reached_completed_contract": reached_completed_contract,
                "reached_contract_signed": reached_contract_signed,
                "reached_departed": reached_departed,
                "reached_dropped_out": reached_dropped_out,
                "reached_left_early_abroad": reached_left_early_abroad,
                "reached_selected": reached_selected,
                "reached_started_work": reached_started_work,
                "reached_visa_applied": reached_visa_applied,
                "reached_visa_granted": reached_visa_granted,
                "reached_visa_refused": reached_visa_refused,
                "released": released,
                "score": score,
                "score_availability": score_availability,
                "score_education": score_education,
                "score_experience": score_experience,
                "score_is_of_this_decision": score_is_of_this_decision,
                "score_language": score_language,
                "score_occupation": score_occupation,
                "score_sector": score_sector,
                "score_skills": score_skills,
                "scored_at": scored_at,
                "sector": sector,
                "vacancy_id": vacancy_id,
                "weights_hash": weights_hash,
                "withdrawn": withdrawn,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decided_at = datetime.datetime.fromisoformat(d.pop("decided_at"))

        decision = DatasetRowOutDecision(d.pop("decision"))

        decision_id = UUID(d.pop("decision_id"))

        destination_country = d.pop("destination_country")

        def _parse_eligible(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        eligible = _parse_eligible(d.pop("eligible"))

        def _parse_eligible_headcount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        eligible_headcount = _parse_eligible_headcount(d.pop("eligible_headcount"))

        employer_id = UUID(d.pop("employer_id"))

        def _parse_engine_version(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        engine_version = _parse_engine_version(d.pop("engine_version"))

        headcount = d.pop("headcount")

        match_id = UUID(d.pop("match_id"))

        occupation = d.pop("occupation")

        origin_country = d.pop("origin_country")

        def _parse_pathway_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pathway_code = _parse_pathway_code(d.pop("pathway_code"))

        pool_id = UUID(d.pop("pool_id"))

        pool_occupation = d.pop("pool_occupation")

        def _parse_pool_sector(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pool_sector = _parse_pool_sector(d.pop("pool_sector"))

        def _parse_quota_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        quota_year = _parse_quota_year(d.pop("quota_year"))

        def _parse_reached_arrived(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reached_arrived = _parse_reached_arrived(d.pop("reached_arrived"))

        def _parse_reached_completed_contract(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reached_completed_contract = _parse_reached_completed_contract(d.pop("reached_completed_contract"))

        def _parse_reached_contract_signed(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reached_contract_signed = _parse_reached_contract_signed(d.pop("reached_contract_signed"))

        def _parse_reached_departed(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reached_departed = _parse_reached_departed(d.pop("reached_departed"))

        def _parse_reached_dropped_out(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reached_dropped_out = _parse_reached_dropped_out(d.pop("reached_dropped_out"))

        def _parse_reached_left_early_abroad(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reached_left_early_abroad = _parse_reached_left_early_abroad(d.pop("reached_left_early_abroad"))

        def _parse_reached_selected(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reached_selected = _parse_reached_selected(d.pop("reached_selected"))

        def _parse_reached_started_work(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reached_started_work = _parse_reached_started_work(d.pop("reached_started_work"))

        def _parse_reached_visa_applied(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reached_visa_applied = _parse_reached_visa_applied(d.pop("reached_visa_applied"))

        def _parse_reached_visa_granted(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reached_visa_granted = _parse_reached_visa_granted(d.pop("reached_visa_granted"))

        def _parse_reached_visa_refused(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reached_visa_refused = _parse_reached_visa_refused(d.pop("reached_visa_refused"))

        def _parse_released(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        released = _parse_released(d.pop("released"))

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        def _parse_score_availability(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score_availability = _parse_score_availability(d.pop("score_availability"))

        def _parse_score_education(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score_education = _parse_score_education(d.pop("score_education"))

        def _parse_score_experience(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score_experience = _parse_score_experience(d.pop("score_experience"))

        score_is_of_this_decision = d.pop("score_is_of_this_decision")

        def _parse_score_language(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score_language = _parse_score_language(d.pop("score_language"))

        def _parse_score_occupation(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score_occupation = _parse_score_occupation(d.pop("score_occupation"))

        def _parse_score_sector(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score_sector = _parse_score_sector(d.pop("score_sector"))

        def _parse_score_skills(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score_skills = _parse_score_skills(d.pop("score_skills"))

        def _parse_scored_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scored_at_type_0 = datetime.datetime.fromisoformat(data)

                return scored_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        scored_at = _parse_scored_at(d.pop("scored_at"))

        def _parse_sector(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sector = _parse_sector(d.pop("sector"))

        vacancy_id = UUID(d.pop("vacancy_id"))

        def _parse_weights_hash(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        weights_hash = _parse_weights_hash(d.pop("weights_hash"))

        def _parse_withdrawn(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        withdrawn = _parse_withdrawn(d.pop("withdrawn"))

        dataset_row_out = cls(
            decided_at=decided_at,
            decision=decision,
            decision_id=decision_id,
            destination_country=destination_country,
            eligible=eligible,
            eligible_headcount=eligible_headcount,
            employer_id=employer_id,
            engine_version=engine_version,
            headcount=headcount,
            match_id=match_id,
            occupation=occupation,
            origin_country=origin_country,
            pathway_code=pathway_code,
            pool_id=pool_id,
            pool_occupation=pool_occupation,
            pool_sector=pool_sector,
            quota_year=quota_year,
            reached_arrived=reached_arrived,
            reached_completed_contract=reached_completed_contract,
            reached_contract_signed=reached_contract_signed,
            reached_departed=reached_departed,
            reached_dropped_out=reached_dropped_out,
            reached_left_early_abroad=reached_left_early_abroad,
            reached_selected=reached_selected,
            reached_started_work=reached_started_work,
            reached_visa_applied=reached_visa_applied,
            reached_visa_granted=reached_visa_granted,
            reached_visa_refused=reached_visa_refused,
            released=released,
            score=score,
            score_availability=score_availability,
            score_education=score_education,
            score_experience=score_experience,
            score_is_of_this_decision=score_is_of_this_decision,
            score_language=score_language,
            score_occupation=score_occupation,
            score_sector=score_sector,
            score_skills=score_skills,
            scored_at=scored_at,
            sector=sector,
            vacancy_id=vacancy_id,
            weights_hash=weights_hash,
            withdrawn=withdrawn,
        )

        dataset_row_out.additional_properties = d
        return dataset_row_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
