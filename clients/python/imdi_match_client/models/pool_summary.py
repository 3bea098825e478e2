from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PoolSummary")


@_attrs_define
class PoolSummary:
    """What a match shows of a pool: aggregates only, never a person.

    Attributes:
        available_from (datetime.date | None): when the workers can start; null: now
        experience_years (float): median years of experience
        headcount (int): workers in the pool
        id (UUID): the pool's id
        isced_level (int): the pool's typical education, ISCED 2011 level 0..8
        occupation (str): ISCO-08 occupation code, a unit group of 4 digits (e.g. "2221" nursing professionals)
        origin_country (str): the workers' origin, ISO 3166-1 alpha-2 country code (e.g. "PH")
        region (None | str): a region of the origin country (free text) or null
    """

    available_from: datetime.date | None
    experience_years: float
    headcount: int
    id: UUID
    isced_level: int
    occupation: str
    origin_country: str
    region: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available_from: None | str
        if isinstance(self.available_from, datetime.date):
            available_from = self.available_from.isoformat()
        else:
            available_from = self.available_from

        experience_years = self.experience_years

        headcount = self.headcount

        id = str(self.id)

        isced_level = self.isced_level

        occupation = self.occupation

        origin_country = self.origin_country

        region: None | str
        region = self.region

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "available_from": available_from,
                "experience_years": experience_years,
                "headcount": headcount,
                "id": id,
                "isced_level": isced_level,
                "occupation": occupation,
                "origin_country": origin_country,
                "region": region,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_available_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                available_from_type_0 = datetime.date.fromisoformat(data)

                return available_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        available_from = _parse_available_from(d.pop("available_from"))

        experience_years = d.pop("experience_years")

        headcount = d.pop("headcount")

        id = UUID(d.pop("id"))

        isced_level = d.pop("isced_level")

        occupation = d.pop("occupation")

        origin_country = d.pop("origin_country")

        def _parse_region(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        region = _parse_region(d.pop("region"))

        pool_summary = cls(
            available_from=available_from,
            experience_years=experience_years,
            headcount=headcount,
            id=id,
            isced_level=isced_level,
            occupation=occupation,
            origin_country=origin_country,
            region=region,
        )

        pool_summary.additional_properties = d
        return pool_summary

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
