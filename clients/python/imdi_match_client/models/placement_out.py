from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.placement_status import PlacementStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.move_out import MoveOut
    from ..models.placement_out_stages import PlacementOutStages


T = TypeVar("T", bound="PlacementOut")


@_attrs_define
class PlacementOut:
    """What became of one approval: how many of its workers are at each stage now (counts,
    never persons). The approved workers are `awaiting` plus the sum of `stages`.

        Attributes:
            approved (int): workers the approval approved
            approved_at (datetime.datetime): when the approval was recorded (RFC 3339)
            awaiting (int): approved workers not selected yet
            decision_id (UUID): the approval it follows
            id (UUID): the placement's id
            match_id (UUID): the approved match
            pathway_code (str): the legal pathway the workers were approved under
            pool_id (UUID): the match's pool
            quota_year (int): the calendar year whose quota the approval used
            released (int): workers given back to the quota, the vacancy and the pool (refused visas, dropouts before
                departure)
            stages (PlacementOutStages): workers at each stage now (every stage is listed, 0 included)
            status (PlacementStatus): Whether a placement still follows its approval: active, or withdrawn (the approval was
                withdrawn).
            updated_at (datetime.datetime): when it last changed (RFC 3339, UTC)
            vacancy_id (UUID): the match's vacancy
            version (int): the placement's version; its ETag, for If-Match
            moves (list[MoveOut] | None | Unset): its moves, oldest first (one placement read by id, or moved, only; null in
                lists)
    """

    approved: int
    approved_at: datetime.datetime
    awaiting: int
    decision_id: UUID
    id: UUID
    match_id: UUID
    pathway_code: str
    pool_id: UUID
    quota_year: int
    released: int
    stages: PlacementOutStages
    status: PlacementStatus
    updated_at: datetime.datetime
    vacancy_id: UUID
    version: int
    moves: list[MoveOut] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved = self.approved

        approved_at = self.approved_at.isoformat()

        awaiting = self.awaiting

        decision_id = str(self.decision_id)

        id = str(self.id)

        match_id = str(self.match_id)

        pathway_code = self.pathway_code

        pool_id = str(self.pool_id)

        quota_year = self.quota_year

        released = self.released

        stages = self.stages.to_dict()

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        vacancy_id = str(self.vacancy_id)

        version = self.version

        moves: list[dict[str, Any]] | None | Unset
        if isinstance(self.moves, Unset):
            moves = UNSET
        elif isinstance(self.moves, list):
            moves = []
            for moves_type_0_item_data in self.moves:
                moves_type_0_item = moves_type_0_item_data.to_dict()
                moves.append(moves_type_0_item)

        else:
            moves = self.moves

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved": approved,
                "approved_at": approved_at,
                "awaiting": awaiting,
                "decision_id": decision_id,
                "id": id,
                "match_id": match_id,
                "pathway_code": pathway_code,
                "pool_id": pool_id,
                "quota_year": quota_year,
                "released": released,
                "stages": stages,
                "status": status,
                "updated_at": updated_at,
                "vacancy_id": vacancy_id,
                "version": version,
            }
        )
        if moves is not UNSET:
            field_dict["moves"] = moves

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.move_out import MoveOut  # noqa: PLC0415
        from ..models.placement_out_stages import PlacementOutStages  # noqa: PLC0415

        d = dict(src_dict)
        approved = d.pop("approved")

        approved_at = datetime.datetime.fromisoformat(d.pop("approved_at"))

        awaiting = d.pop("awaiting")

        decision_id = UUID(d.pop("decision_id"))

        id = UUID(d.pop("id"))

        match_id = UUID(d.pop("match_id"))

        pathway_code = d.pop("pathway_code")

        pool_id = UUID(d.pop("pool_id"))

        quota_year = d.pop("quota_year")

        released = d.pop("released")

        stages = PlacementOutStages.from_dict(d.pop("stages"))

        status = PlacementStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        vacancy_id = UUID(d.pop("vacancy_id"))

        version = d.pop("version")

        def _parse_moves(data: object) -> list[MoveOut] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                moves_type_0 = []
                _moves_type_0 = data
                for moves_type_0_item_data in _moves_type_0:
                    moves_type_0_item = MoveOut.from_dict(moves_type_0_item_data)

                    moves_type_0.append(moves_type_0_item)

                return moves_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MoveOut] | None | Unset, data)

        moves = _parse_moves(d.pop("moves", UNSET))

        placement_out = cls(
            approved=approved,
            approved_at=approved_at,
            awaiting=awaiting,
            decision_id=decision_id,
            id=id,
            match_id=match_id,
            pathway_code=pathway_code,
            pool_id=pool_id,
            quota_year=quota_year,
            released=released,
            stages=stages,
            status=status,
            updated_at=updated_at,
            vacancy_id=vacancy_id,
            version=version,
            moves=moves,
        )

        placement_out.additional_properties = d
        return placement_out

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
