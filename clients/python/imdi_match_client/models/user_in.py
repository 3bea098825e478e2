from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserIn")


@_attrs_define
class UserIn:
    """A new user of an existing organisation. The role must fit the organisation's kind:
    employer users belong to an employer, ministry users to a ministry, officers and admins to
    an agency.

        Attributes:
            email (str): the user's email address, unique across users (stored in lower case)
            name (str): the user's name, or the team's
            organisation (str): the slug of the user's organisation, which must exist
            role (Role): A user's role (design section 8): what they may read and write.
            password (None | str | Unset): a password for the web pages (12 characters or more); optional: a user of the API
                alone needs none
    """

    email: str
    name: str
    organisation: str
    role: Role
    password: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        organisation = self.organisation

        role = self.role.value

        password: None | str | Unset
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "name": name,
                "organisation": organisation,
                "role": role,
            }
        )
        if password is not UNSET:
            field_dict["password"] = password

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

        organisation = d.pop("organisation")

        role = Role(d.pop("role"))

        def _parse_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        password = _parse_password(d.pop("password", UNSET))

        user_in = cls(
            email=email,
            name=name,
            organisation=organisation,
            role=role,
            password=password,
        )

        return user_in
