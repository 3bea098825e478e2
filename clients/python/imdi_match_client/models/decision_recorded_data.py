from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DecisionRecordedData")


@_attrs_define
class DecisionRecordedData:
    """A decision an officer recorded on a match.

    Attributes:
        decision (str): shortlisted, rejected, needs_information, approved or withdrawn
        decision_id (UUID): the decision's id
        headcount (int): workers approved (approved) or given back (withdrawn)
        match_id (UUID): the match (vacancy, pool) it is on
        pathway (None | str): the legal pathway's code (approvals, withdrawals)
        pool_id (UUID): the pool
        vacancy_id (UUID): the vacancy
    """

    decision: str
    decision_id: UUID
    headcount: int
    match_id: UUID
    pathway: None | str
    pool_id: UUID
    vacancy_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision

        decision_id = str(self.decision_id)

        headcount = self.headcount

        match_id = str(self.match_id)

        pathway: None | str
        pathway = self.pathway

        pool_id = str(self.pool_id)

        vacancy_id = str(self.vacancy_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "decision": decision,
                "decision_id": decision_id,
                "headcount": headcount,
                "match_id": match_id,
                "pathway": pathway,
                "pool_id": pool_id,
                "vacancy_id": vacancy_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decision = d.pop("decision")

        decision_id = UUID(d.pop("decision_id"))

        headcount = d.pop("headcount")

        match_id = UUID(d.pop("match_id"))

        def _parse_pathway(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pathway = _parse_pathway(d.pop("pathway"))

        pool_id = UUID(d.pop("pool_id"))

        vacancy_id = UUID(d.pop("vacancy_id"))

        decision_recorded_data = cls(
            decision=decision,
            decision_id=decision_id,
            headcount=headcount,
            match_id=match_id,
            pathway=pathway,
            pool_id=pool_id,
            vacancy_id=vacancy_id,
        )

        decision_recorded_data.additional_properties = d
        return decision_recorded_data

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
