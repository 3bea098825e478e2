from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.batch_run_out import BatchRunOut


T = TypeVar("T", bound="PageBatchRunOut")


@_attrs_define
class PageBatchRunOut:
    """One page of a list: offset pagination over a stable order. Ask for the next page with
    offset = offset + limit while offset + limit < total; a list's order is stable, so pages
    read one after the other neither repeat nor skip an item that did not change meanwhile.

    Attributes:
        items (list[BatchRunOut]): the items of this page, at most `limit`, in the list's order
        limit (int): the page size asked for (1..200)
        offset (int): how many matching items come before this page
        total (int): how many items match the filters in all, over every page
    """

    items: list[BatchRunOut]
    limit: int
    offset: int
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        limit = self.limit

        offset = self.offset

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "limit": limit,
                "offset": offset,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_run_out import BatchRunOut  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = BatchRunOut.from_dict(items_item_data)

            items.append(items_item)

        limit = d.pop("limit")

        offset = d.pop("offset")

        total = d.pop("total")

        page_batch_run_out = cls(
            items=items,
            limit=limit,
            offset=offset,
            total=total,
        )

        page_batch_run_out.additional_properties = d
        return page_batch_run_out

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
