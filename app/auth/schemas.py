"""API schemas of organisations, users and API keys (admin and "me" endpoints)."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic.json_schema import JsonDict

from app.common.principal import Role
from app.common.schemas import Country, SingleLine, Strict, UtcDatetime


class OrganisationKind(StrEnum):
    """What an organisation is: an employer posts vacancies, a ministry of labour offers labour
    pools, an agency (the facilitation unit) employs the officers and admins."""

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
        description="the organisation's short name in URLs and filters: lower-case letters, "
        'digits and hyphens, e.g. "de-rhein-ruhr-kliniken"; unique',
    ),
]
Email = Annotated[
    SingleLine,
    Field(
        max_length=254,
        description="the user's email address, unique across users (stored in lower case)",
    ),
    AfterValidator(_email),
]
KeyName = Annotated[
    SingleLine,
    Field(
        min_length=1,
        max_length=100,
        description='what the key is for, to tell keys apart, e.g. "SAP SuccessFactors sync"',
    ),
]

_ORG_ID = "3f2c8a51-7d4e-4b9a-a6c1-2e8f5d7b9c04"
_ORG_CREATED = "2025-01-13T09:30:00+00:00"
_ORG_EXAMPLE: JsonDict = {
    "id": _ORG_ID,
    "slug": "de-rhein-ruhr-kliniken",
    "name": "Rhein-Ruhr Kliniken gGmbH",
    "kind": "employer",
    "country": "DE",
    "created_at": _ORG_CREATED,
}
_USER_ID = "f717c387-b04c-4dfc-80f8-3c4f7e8b6951"
_KEY_ID = "e06aadd4-3b5e-4b37-b552-945d4aac922e"


class OrganisationIn(Strict):
    """A new organisation: an employer, a ministry of labour or the facilitation agency."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "slug": "de-rhein-ruhr-kliniken",
                    "name": "Rhein-Ruhr Kliniken gGmbH",
                    "kind": "employer",
                    "country": "DE",
                }
            ]
        }
    )

    slug: Slug
    name: Annotated[
        SingleLine, Field(min_length=1, max_length=200, description="the organisation's name")
    ]
    kind: OrganisationKind = Field(
        description="employer, ministry or agency: it fixes the role of the organisation's users"
    )
    country: Country = Field(
        description="the country the organisation is in, ISO 3166-1 alpha-2 (an employer's "
        "destination country, a ministry's origin country)"
    )


class OrganisationOut(BaseModel):
    """An organisation as stored."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [_ORG_EXAMPLE]})

    id: uuid.UUID = Field(description="the organisation's id")
    slug: str = Field(description="the organisation's unique short name")
    name: str = Field(description="the organisation's name")
    kind: OrganisationKind = Field(description="employer, ministry or agency")
    country: str = Field(description="the organisation's country, ISO 3166-1 alpha-2")
    created_at: UtcDatetime = Field(description="when the organisation was created")


class UserIn(BaseModel):
    """A new user of an existing organisation. The role must fit the organisation's kind:
    employer users belong to an employer, ministry users to a ministry, officers and admins to
    an agency."""

    # Not Strict: a password keeps its spaces.
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "email": "hr@de-rhein-ruhr-kliniken.example.org",
                    "name": "Rhein-Ruhr recruitment team",
                    "role": "employer",
                    "organisation": "de-rhein-ruhr-kliniken",
                }
            ]
        },
    )

    email: Email
    name: Annotated[
        SingleLine,
        Field(min_length=1, max_length=200, description="the user's name, or the team's"),
    ]
    role: Role = Field(
        description="what the user may do: an employer user manages its organisation's "
        "vacancies, a ministry user its pools, an officer reviews matches and decides across "
        "organisations, an admin administers organisations, users and keys"
    )
    organisation: Annotated[
        SingleLine,
        Field(
            min_length=1,
            max_length=80,
            description="the slug of the user's organisation, which must exist",
        ),
    ]
    password: Annotated[
        SingleLine | None,
        Field(
            min_length=12,
            max_length=256,
            description="a password for the web pages (12 characters or more); optional: a "
            "user of the API alone needs none",
        ),
    ] = None


class PasswordIn(BaseModel):
    """A new web password for a user (the same rules as at creation)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"password": "correct-horse-battery-staple"}]},
    )

    password: Annotated[
        SingleLine,
        Field(min_length=12, max_length=256, description="the new password, 12 characters or more"),
    ]


class UserOut(BaseModel):
    """A user, with the organisation the user acts for. Never the password itself."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": _USER_ID,
                    "email": "hr@de-rhein-ruhr-kliniken.example.org",
                    "name": "Rhein-Ruhr recruitment team",
                    "role": "employer",
                    "organisation": _ORG_EXAMPLE,
                    "is_active": True,
                    "has_password": False,
                    "created_at": "2025-01-13T09:42:11+00:00",
                }
            ]
        }
    )

    id: uuid.UUID = Field(description="the user's id")
    email: str = Field(description="the user's email address (lower case)")
    name: str = Field(description="the user's name")
    role: Role = Field(description="employer, ministry, officer or admin")
    organisation: OrganisationOut = Field(description="the organisation the user acts for")
    is_active: bool = Field(
        description="false once deactivated: the user's API keys do not authenticate"
    )
    has_password: bool = Field(description="whether the user can sign in to the web pages")
    created_at: UtcDatetime = Field(description="when the user was created")


def _in_the_future(value: datetime | None) -> datetime | None:
    if value is not None and value <= datetime.now(UTC):
        raise ValueError("must be in the future")
    return value


class ApiKeyIn(Strict):
    """A new API key for a user: a name, and optionally when it stops working."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"name": "SAP SuccessFactors sync", "expires_at": "2030-12-31T23:59:59+00:00"}
            ]
        }
    )

    name: KeyName
    expires_at: Annotated[UtcDatetime | None, AfterValidator(_in_the_future)] = Field(
        None,
        description="when the key stops working, in the future (RFC 3339; UTC if no offset); "
        "null or absent: until revoked",
        examples=["2030-12-31T23:59:59+00:00"],
    )


_KEY_EXAMPLE: JsonDict = {
    "id": _KEY_ID,
    "user_id": _USER_ID,
    "name": "SAP SuccessFactors sync",
    "prefix": "imdi_5RM4xnR",
    "created_at": "2025-02-03T08:00:12+00:00",
    "last_used_at": "2025-06-18T14:27:00+00:00",
    "revoked_at": None,
    "expires_at": "2030-12-31T23:59:59+00:00",
}


class ApiKeyOut(BaseModel):
    """A key as listed: never the key or its hash, only the prefix to recognise it by."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [_KEY_EXAMPLE]})

    id: uuid.UUID = Field(description="the key's id (to revoke it by)")
    user_id: uuid.UUID = Field(description="the user the key acts as")
    name: str = Field(description="what the key is for")
    prefix: str = Field(
        description="the key's first 12 characters, to recognise a key (in a log, a leaked "
        "secret) without the key itself"
    )
    created_at: UtcDatetime = Field(description="when the key was created")
    last_used_at: UtcDatetime | None = Field(
        description="when the key last authenticated a request (to the minute); null: never"
    )
    revoked_at: UtcDatetime | None = Field(
        description="when the key was revoked; null: not revoked"
    )
    expires_at: UtcDatetime | None = Field(
        description="when the key stops working; null: until revoked"
    )


class ApiKeyCreated(ApiKeyOut):
    """A key just created: the key's fields and, this one time only, the key itself. The service
    stores only a digest of it: a lost key cannot be shown again (revoke it and create
    another). Send it as `Authorization: Bearer <key>`."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_KEY_EXAMPLE,
                    "created_at": "2025-06-18T14:26:41+00:00",
                    "last_used_at": None,
                    "key": "imdi_5RM4xnRe-38Apgf043Hp0t-LDtflJFEWrd5m4fU20WQ",
                }
            ]
        }
    )

    key: str = Field(
        description='the API key itself ("imdi_" and 43 random characters): shown this once, '
        "store it now in the HR system's secret store"
    )


class MeOut(BaseModel):
    """The user an API key acts as, with the organisation whose data the key sees."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": _USER_ID,
                    "email": "hr@de-rhein-ruhr-kliniken.example.org",
                    "name": "Rhein-Ruhr recruitment team",
                    "role": "employer",
                    "organisation": _ORG_EXAMPLE,
                }
            ]
        }
    )

    id: uuid.UUID = Field(description="the user's id")
    email: str = Field(description="the user's email address")
    name: str = Field(description="the user's name")
    role: Role = Field(description="employer, ministry, officer or admin: what the key may do")
    organisation: OrganisationOut = Field(description="the organisation the user acts for")
