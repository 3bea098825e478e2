from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RankedEntry")


@_attrs_define
class RankedEntry:
    """One pair at the top of a ranking: the other side's id, its score and eligible headcount.

    Attributes:
        eligible_headcount (int): workers a legal pathway admits for the pair
        id (UUID): the pool's id (a vacancy's ranking) or the vacancy's
        score (float): the match score, 0..1 (4 decimals)
    """

    eligible_headcount: int
    id: UUID
    score: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        eligible_headcount = self.eligible_headcount

        id = str(self.id)

        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eligible_headcount": eligible_headcount,
                "id": id,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        eligible_headcount = d.pop("eligible_headcount")

        id = UUID(d.pop("id"))

        score = d.pop("score")

        ranked_entry = cls(
            eligible_headcount=eligible_headcount,
            id=id,
            score=score,
        )

        ranked_entry.additional_properties = d
        return ranked_entry

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
