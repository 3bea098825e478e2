from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanScope")


@_attrs_define
class PlanScope:
    """Which open vacancies and active pools a plan covers; every field narrows it (none: the
    whole market).

        Attributes:
            destination (None | str | Unset): vacancies to this destination country (ISO 3166-1 alpha-2)
            occupation_prefix (None | str | Unset): vacancies whose ISCO-08 occupation code starts with this (1 to 4 digits:
                "2" professionals, "222" nursing and midwifery, "2221" nurses)
            origin (None | str | Unset): pools of this origin country (ISO 3166-1 alpha-2)
            pathway (None | str | Unset): only pairs admitted under this legal pathway code, e.g. ES-GECCO-MA
    """

    destination: None | str | Unset = UNSET
    occupation_prefix: None | str | Unset = UNSET
    origin: None | str | Unset = UNSET
    pathway: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        destination: None | str | Unset
        if isinstance(self.destination, Unset):
            destination = UNSET
        else:
            destination = self.destination

        occupation_prefix: None | str | Unset
        if isinstance(self.occupation_prefix, Unset):
            occupation_prefix = UNSET
        else:
            occupation_prefix = self.occupation_prefix

        origin: None | str | Unset
        if isinstance(self.origin, Unset):
            origin = UNSET
        else:
            origin = self.origin

        pathway: None | str | Unset
        if isinstance(self.pathway, Unset):
            pathway = UNSET
        else:
            pathway = self.pathway

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if destination is not UNSET:
            field_dict["destination"] = destination
        if occupation_prefix is not UNSET:
            field_dict["occupation_prefix"] = occupation_prefix
        if origin is not UNSET:
            field_dict["origin"] = origin
        if pathway is not UNSET:
            field_dict["pathway"] = pathway

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_destination(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        destination = _parse_destination(d.pop("destination", UNSET))

        def _parse_occupation_prefix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        occupation_prefix = _parse_occupation_prefix(d.pop("occupation_prefix", UNSET))

        def _parse_origin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        origin = _parse_origin(d.pop("origin", UNSET))

        def _parse_pathway(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pathway = _parse_pathway(d.pop("pathway", UNSET))

        plan_scope = cls(
            destination=destination,
            occupation_prefix=occupation_prefix,
            origin=origin,
            pathway=pathway,
        )

        return plan_scope
