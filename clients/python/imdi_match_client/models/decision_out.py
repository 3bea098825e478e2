from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recorded_decision import RecordedDecision

T = TypeVar("T", bound="DecisionOut")


@_attrs_define
class DecisionOut:
    """One recorded decision on a match (decisions are append-only history: a withdrawal or a
    release is a row of its own, never a change of an earlier one).

        Attributes:
            created_at (datetime.datetime): when it was recorded (RFC 3339, UTC)
            decision (RecordedDecision): A row of a match's decision history: an officer's decision (see DecisionKind), or
                `released`, written by a placement's move that gives workers back (refused visas, dropouts
                before departure) to the quota, the vacancy and the pool.
            headcount (int): workers approved (an approval) or given back (a withdrawal, a release); 0 otherwise
            id (UUID): the decision's id
            match_id (UUID): the match (vacancy and pool pair) decided on
            note (str): why, as the officer wrote it (may be empty)
            officer_id (UUID): the user who recorded it (for a `released` row, the user who recorded the placement's move)
            pathway_code (None | str): the legal pathway the pair was eligible under when decided (the approval's quota is
                this pathway's); null when it was eligible under none
            pool_id (UUID): the match's pool
            quota_year (int | None): the calendar year whose quota an approval uses (the vacancy's start year)
            vacancy_id (UUID): the match's vacancy
    """

    created_at: datetime.datetime
    decision: RecordedDecision
    headcount: int
    id: UUID
    match_id: UUID
    note: str
    officer_id: UUID
    pathway_code: None | str
    pool_id: UUID
    quota_year: int | None
    vacancy_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        decision = self.decision.value

        headcount = self.headcount

        id = str(self.id)

        match_id = str(self.match_id)

        note = self.note

        officer_id = str(self.officer_id)

        pathway_code: None | str
        pathway_code = self.pathway_code

        pool_id = str(self.pool_id)

        quota_year: int | None
        quota_year = self.quota_year

        vacancy_id = str(self.vacancy_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "decision": decision,
                "headcount": headcount,
                "id": id,
                "match_id": match_id,
                "note": note,
                "officer_id": officer_id,
                "pathway_code": pathway_code,
                "pool_id": pool_id,
                "quota_year": quota_year,
                "vacancy_id": vacancy_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        decision = RecordedDecision(d.pop("decision"))

        headcount = d.pop("headcount")

        id = UUID(d.pop("id"))

        match_id = UUID(d.pop("match_id"))

        note = d.pop("note")

        officer_id = UUID(d.pop("officer_id"))

        def _parse_pathway_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pathway_code = _parse_pathway_code(d.pop("pathway_code"))

        pool_id = UUID(d.pop("pool_id"))

        def _parse_quota_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        quota_year = _parse_quota_year(d.pop("quota_year"))

        vacancy_id = UUID(d.pop("vacancy_id"))

        decision_out = cls(
            created_at=created_at,
            decision=decision,
            headcount=headcount,
            id=id,
            match_id=match_id,
            note=note,
            officer_id=officer_id,
            pathway_code=pathway_code,
            pool_id=pool_id,
            quota_year=quota_year,
            vacancy_id=vacancy_id,
        )

        decision_out.additional_properties = d
        return decision_out

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
