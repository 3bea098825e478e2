from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.organisation_kind import OrganisationKind

T = TypeVar("T", bound="OrganisationOut")


@_attrs_define
class OrganisationOut:
    """An organisation as stored.

    Attributes:
        country (str): the organisation's country, ISO 3166-1 alpha-2
        created_at (datetime.datetime): when the organisation was created
        id (UUID): the organisation's id
        kind (OrganisationKind): What an organisation is: an employer posts vacancies, a ministry of labour offers
            labour
            pools, an agency (the facilitation unit) employs the officers and admins.
        name (str): the organisation's name
        slug (str): the organisation's unique short name
    """

    country: str
    created_at: datetime.datetime
    id: UUID
    kind: OrganisationKind
    name: str
    slug: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        name = self.name

        slug = self.slug

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "country": country,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "name": name,
                "slug": slug,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country = d.pop("country")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = OrganisationKind(d.pop("kind"))

        name = d.pop("name")

        slug = d.pop("slug")

        organisation_out = cls(
            country=country,
            created_at=created_at,
            id=id,
            kind=kind,
            name=name,
            slug=slug,
        )

        organisation_out.additional_properties = d
        return organisation_out

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
