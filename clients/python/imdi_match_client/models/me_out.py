from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role

if TYPE_CHECKING:
    from ..models.organisation_out import OrganisationOut


T = TypeVar("T", bound="MeOut")


@_attrs_define
class MeOut:
    """The user an API key acts as, with the organisation whose data the key sees.

    Attributes:
        email (str): the user's email address
        id (UUID): the user's id
        name (str): the user's name
        organisation (OrganisationOut): An organisation as stored.
        role (Role): A user's role (design section 8): what they may read and write.
    """

    email: str
    id: UUID
    name: str
    organisation: OrganisationOut
    role: Role
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        id = str(self.id)

        name = self.name

        organisation = self.organisation.to_dict()

        role = self.role.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "id": id,
                "name": name,
                "organisation": organisation,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organisation_out import OrganisationOut  # noqa: PLC0415

        d = dict(src_dict)
        email = d.pop("email")

        id = UUID(d.pop("id"))

        name = d.pop("name")

        organisation = OrganisationOut.from_dict(d.pop("organisation"))

        role = Role(d.pop("role"))

        me_out = cls(
            email=email,
            id=id,
            name=name,
            organisation=organisation,
            role=role,
        )

        me_out.additional_properties = d
        return me_out

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
