from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.decision_kind import DecisionKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="DecisionIn")


@_attrs_define
class DecisionIn:
    """An officer's decision on a match. An approval names how many workers it approves; a
    withdrawal needs a note saying why.

        Attributes:
            decision (DecisionKind): What an officer decides on a match: `shortlisted`, `approved` (workers approved under
                the pair's legal pathway: takes its quota, the vacancy's openings and the pool's headcount),
                `rejected`, `needs_information`, or `withdrawn` (takes back what is approved on the match,
                with a note saying why, and releases what it consumed).
            headcount (int | None | Unset): workers approved: required for an approval, refused for any other decision
            note (str | Unset): why, for the history (at most 5,000 characters; required for a withdrawal) Default: ''.
    """

    decision: DecisionKind
    headcount: int | None | Unset = UNSET
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision.value

        headcount: int | None | Unset
        if isinstance(self.headcount, Unset):
            headcount = UNSET
        else:
            headcount = self.headcount

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
            }
        )
        if headcount is not UNSET:
            field_dict["headcount"] = headcount
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decision = DecisionKind(d.pop("decision"))

        def _parse_headcount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        headcount = _parse_headcount(d.pop("headcount", UNSET))

        note = d.pop("note", UNSET)

        decision_in = cls(
            decision=decision,
            headcount=headcount,
            note=note,
        )

        return decision_in
