from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AssignmentOut")


@_attrs_define
class AssignmentOut:
    """Workers of one pool the plan assigns to one vacancy, under one legal pathway.

    Attributes:
        headcount (int): workers assigned
        id (UUID): the assignment's id (DELETE /api/v1/allocation-plans/{plan_id}/assignments/{assignment_id} removes it
            from a proposed plan)
        pathway (str): the legal pathway code the pair is admitted under
        pool_id (UUID): the pool
        score (float): the pair's match score, 0..1
        vacancy_id (UUID): the vacancy
    """

    headcount: int
    id: UUID
    pathway: str
    pool_id: UUID
    score: float
    vacancy_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        headcount = self.headcount

        id = str(self.id)

        pathway = self.pathway

        pool_id = str(self.pool_id)

        score = self.score

        vacancy_id = str(self.vacancy_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "headcount": headcount,
                "id": id,
                "pathway": pathway,
                "pool_id": pool_id,
                "score": score,
                "vacancy_id": vacancy_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        headcount = d.pop("headcount")

        id = UUID(d.pop("id"))

        pathway = d.pop("pathway")

        pool_id = UUID(d.pop("pool_id"))

        score = d.pop("score")

        vacancy_id = UUID(d.pop("vacancy_id"))

        assignment_out = cls(
            headcount=headcount,
            id=id,
            pathway=pathway,
            pool_id=pool_id,
            score=score,
            vacancy_id=vacancy_id,
        )

        assignment_out.additional_properties = d
        return assignment_out

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
