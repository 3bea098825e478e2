from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.placement_out import PlacementOut


T = TypeVar("T", bound="BulkMovesOut")


@_attrs_define
class BulkMovesOut:
    """The answer to a bulk move: every placement moved, as it is now.

    Attributes:
        moves (int): how many moves were recorded
        placements (list[PlacementOut]): each placement moved, once, in the order of its first move (without its moves)
    """

    moves: int
    placements: list[PlacementOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        moves = self.moves

        placements = []
        for placements_item_data in self.placements:
            placements_item = placements_item_data.to_dict()
            placements.append(placements_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "moves": moves,
                "placements": placements,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.placement_out import PlacementOut  # noqa: PLC0415

        d = dict(src_dict)
        moves = d.pop("moves")

        placements = []
        _placements = d.pop("placements")
        for placements_item_data in _placements:
            placements_item = PlacementOut.from_dict(placements_item_data)

            placements.append(placements_item)

        bulk_moves_out = cls(
            moves=moves,
            placements=placements,
        )

        bulk_moves_out.additional_properties = d
        return bulk_moves_out

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
