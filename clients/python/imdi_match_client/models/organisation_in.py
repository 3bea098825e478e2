from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.organisation_kind import OrganisationKind

T = TypeVar("T", bound="OrganisationIn")


@_attrs_define
class OrganisationIn:
    """A new organisation: an employer, a ministry of labour or the facilitation agency.

    Attributes:
        country (str): the country the organisation is in, ISO 3166-1 alpha-2 (an employer's destination country, a
            ministry's origin country)
        kind (OrganisationKind): What an organisation is: an employer posts vacancies, a ministry of labour offers
            labour
            pools, an agency (the facilitation unit) employs the officers and admins.
        name (str): the organisation's name
        slug (str): the organisation's short name in URLs and filters: lower-case letters, digits and hyphens, e.g. "de-
            rhein-ruhr-kliniken"; unique
    """

    country: str
    kind: OrganisationKind
    name: str
    slug: str

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        kind = self.kind.value

        name = self.name

        slug = self.slug

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "country": country,
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

        kind = OrganisationKind(d.pop("kind"))

        name = d.pop("name")

        slug = d.pop("slug")

        organisation_in = cls(
            country=country,
            kind=kind,
            name=name,
            slug=slug,
        )

        return organisation_in
