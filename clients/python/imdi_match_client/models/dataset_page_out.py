from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dataset_row_out import DatasetRowOut


T = TypeVar("T", bound="DatasetPageOut")


@_attrs_define
class DatasetPageOut:
    """A page of the decisions dataset, oldest decision first (ties by decision id), paged by
    keyset: pass `next_after` as `after` for the next page.

        Attributes:
            items (list[DatasetRowOut]): the page's rows
            limit (int): the page size asked for
            next_after (None | UUID): pass as `after` for the next page; null on the last page
            total (int): rows in the whole dataset
    """

    items: list[DatasetRowOut]
    limit: int
    next_after: None | UUID
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        limit = self.limit

        next_after: None | str
        if isinstance(self.next_after, UUID):
            next_after = str(self.next_after)
        else:
            next_after = self.next_after

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "limit": limit,
                "next_after": next_after,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dataset_row_out import DatasetRowOut  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = DatasetRowOut.from_dict(items_item_data)

            items.append(items_item)

        limit = d.pop("limit")

        def _parse_next_after(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_after_type_0 = UUID(data)

                return next_after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        next_after = _parse_next_after(d.pop("next_after"))

        total = d.pop("total")

        dataset_page_out = cls(
            items=items,
            limit=limit,
            next_after=next_after,
            total=total,
        )

        dataset_page_out.additional_properties = d
        return dataset_page_out

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
