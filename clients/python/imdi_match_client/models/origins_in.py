from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="OriginsIn")


@_attrs_define
class OriginsIn:
    """The origins an officer allows a ministry beyond its own country.

    Attributes:
        origins (list[str]): ISO 3166-1 alpha-2 origins the ministry may publish pools for, beyond its own country
            (which it always may); replaces the earlier list
    """

    origins: list[str]

    def to_dict(self) -> dict[str, Any]:
        origins = self.origins

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "origins": origins,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        origins = cast(list[str], d.pop("origins"))

        origins_in = cls(
            origins=origins,
        )

        return origins_in
