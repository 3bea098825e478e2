"""API schemas of organisations, users and API keys (admin and "me" endpoints)."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.common.principal import Role
from app.common.schemas import Country, SingleLine, Strict, UtcDatetime


class OrganisationKind(StrEnum):
    EMPLOYER = "employer"
    MINISTRY = "ministry"
    AGENCY = "agency"


#: The kind of organisation each role belongs to: an employer user acts for an employer, etc.
ROLE_ORGANISATION_KIND: dict[Role, OrganisationKind] = {
    Role.EMPLOYER: OrganisationKind.EMPLOYER,
    Role.MINISTRY: OrganisationKind.MINISTRY,
    Role.OFFICER: OrganisationKind.AGENCY,
    Role.ADMIN: OrganisationKind.AGENCY,
}

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _email(value: str) -> str:
    value = value.strip().lower()
    if not _EMAIL.match(value):
        raise ValueError(f"{value!r} is not an email address")
    return value


Slug = Annotated[
    SingleLine,
    Field(
        min_length=2,
        max_length=80,
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        description="lower-case letters, digits and hyphens",
    ),
]
Email = Annotated[SingleLine, Field(max_length=254), AfterValidator(_email)]
KeyName = Annotated[SingleLine, Field(min_length=1, max_length=100)]


class OrganisationIn(Strict):
    slug: Slug
    name: Annotated[SingleLine, Field(min_length=1, max_length=200)]
    kind: OrganisationKind
    country: Country


class OrganisationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    slug: str
    name: str
    kind: str
    country: str
    created_at: UtcDatetime


class UserIn(BaseModel):
    # Not Strict: a password keeps its spaces.
    model_config = ConfigDict(extra="forbid")

    email: Email
    name: Annotated[SingleLine, Field(min_length=1, max_length=200)]
    role: Role
    organisation: Annotated[
        SingleLine, Field(min_length=1, max_length=80, description="the organisation's slug")
    ]
    password: Annotated[
        SingleLine | None,
        Field(min_length=12, max_length=256, description="for the web pages; optional"),
    ] = None


class PasswordIn(BaseModel):
    """A new web password for a user (the same rules as at creation)."""

    model_config = ConfigDict(extra="forbid")

    password: Annotated[SingleLine, Field(min_length=12, max_length=256)]


class UserOut(BaseModel):
    id: uuid.UUID
    email: str
    name: str
    role: Role
    organisation: OrganisationOut
    is_active: bool
    has_password: bool
    created_at: UtcDatetime


def _in_the_future(value: datetime | None) -> datetime | None:
    if value is not None and value <= datetime.now(UTC):
        raise ValueError("must be in the future")
    return value


class ApiKeyIn(Strict):
    name: KeyName
    expires_at: Annotated[UtcDatetime | None, AfterValidator(_in_the_future)] = Field(
        None,
        description="when the key stops working (ISO 8601, UTC if no offset); none: until revoked",
        examples=["2027-06-30T00:00:00Z"],
    )


class ApiKeyOut(BaseModel):
    """A key as listed: never the key or its hash, only the prefix to recognise it by."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    user_id: uuid.UUID
    name: str
    prefix: str
    created_at: UtcDatetime
    last_used_at: UtcDatetime | None
    revoked_at: UtcDatetime | None
    expires_at: UtcDatetime | None


class ApiKeyCreated(ApiKeyOut):
    key: str = Field(description="the key itself: shown this once, store it now")


class MeOut(BaseModel):
    id: uuid.UUID
    email: str
    name: str
    role: Role
    organisation: OrganisationOut
