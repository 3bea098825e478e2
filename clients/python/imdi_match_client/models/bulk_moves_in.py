from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.bulk_move_in import BulkMoveIn


T = TypeVar("T", bound="BulkMovesIn")


@_attrs_define
class BulkMovesIn:
    """Moves from an HR system, applied in order, all or none: any error is one answer naming
    each failing item's path (`moves[3].count`), and nothing is recorded.

        Attributes:
            moves (list[BulkMoveIn]): 1 to 500 moves, applied in this order (a later move may move workers an earlier one
                brought to a stage)
    """

    moves: list[BulkMoveIn]

    def to_dict(self) -> dict[str, Any]:
        moves = []
        for moves_item_data in self.moves:
            moves_item = moves_item_data.to_dict()
            moves.append(moves_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "moves": moves,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bulk_move_in import BulkMoveIn  # noqa: PLC0415

        d = dict(src_dict)
        moves = []
        _moves = d.pop("moves")
        for moves_item_data in _moves:
            moves_item = BulkMoveIn.from_dict(moves_item_data)

            moves.append(moves_item)

        bulk_moves_in = cls(
            moves=moves,
        )

        return bulk_moves_in
