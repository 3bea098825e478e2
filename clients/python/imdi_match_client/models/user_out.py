from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role

if TYPE_CHECKING:
    from ..models.organisation_out import OrganisationOut


T = TypeVar("T", bound="UserOut")


@_attrs_define
class UserOut:
    """A user, with the organisation the user acts for. Never the password itself.

    Attributes:
        created_at (datetime.datetime): when the user was created
        email (str): the user's email address (lower case)
        has_password (bool): whether the user can sign in to the web pages
        id (UUID): the user's id
        is_active (bool): false once deactivated: the user's API keys do not authenticate
        name (str): the user's name
        organisation (OrganisationOut): An organisation as stored.
        role (Role): A user's role (design section 8): what they may read and write.
    """

    created_at: datetime.datetime
    email: str
    has_password: bool
    id: UUID
    is_active: bool
    name: str
    organisation: OrganisationOut
    role: Role
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        email = self.email

        has_password = self.has_password

        id = str(self.id)

        is_active = self.is_active

        name = self.name

        organisation = self.organisation.to_dict()

        role = self.role.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "email": email,
                "has_password": has_password,
                "id": id,
                "is_active": is_active,
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
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        email = d.pop("email")

        has_password = d.pop("has_password")

        id = UUID(d.pop("id"))

        is_active = d.pop("is_active")

        name = d.pop("name")

        organisation = OrganisationOut.from_dict(d.pop("organisation"))

        role = Role(d.pop("role"))

        user_out = cls(
            created_at=created_at,
            email=email,
            has_password=has_password,
            id=id,
            is_active=is_active,
            name=name,
            organisation=organisation,
            role=role,
        )

        user_out.additional_properties = d
        return user_out

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
