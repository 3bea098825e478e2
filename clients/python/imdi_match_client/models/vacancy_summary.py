from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.vacancy_summary_status import VacancySummaryStatus

T = TypeVar("T", bound="VacancySummary")


@_attrs_define
class VacancySummary:
    """What a match shows of a vacancy.

    Attributes:
        destination_country (str): where the job is, ISO 3166-1 alpha-2 country code (e.g. "DE")
        id (UUID): the vacancy's id
        occupation (str): ISCO-08 occupation code, a unit group of 4 digits (e.g. "2221" nursing professionals)
        openings (int): workers wanted
        start_date (datetime.date): the start of work
        status (VacancySummaryStatus): open vacancies are ranked; a filled or closed one shows only its decided pairs
        title (str): the job title as the employer wrote it
    """

    destination_country: str
    id: UUID
    occupation: str
    openings: int
    start_date: datetime.date
    status: VacancySummaryStatus
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        destination_country = self.destination_country

        id = str(self.id)

        occupation = self.occupation

        openings = self.openings

        start_date = self.start_date.isoformat()

        status = self.status.value

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "destination_country": destination_country,
                "id": id,
                "occupation": occupation,
                "openings": openings,
                "start_date": start_date,
                "status": status,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        destination_country = d.pop("destination_country")

        id = UUID(d.pop("id"))

        occupation = d.pop("occupation")

        openings = d.pop("openings")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        status = VacancySummaryStatus(d.pop("status"))

        title = d.pop("title")

        vacancy_summary = cls(
            destination_country=destination_country,
            id=id,
            occupation=occupation,
            openings=openings,
            start_date=start_date,
            status=status,
            title=title,
        )

        vacancy_summary.additional_properties = d
        return vacancy_summary

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
