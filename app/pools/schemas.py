"""API schemas of labour pools (design section 3). A pool is an aggregate, never a person."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Literal, get_args

from fastapi import Query
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.common.schemas import (
    Country,
    EscoOccupationUri,
    IscedLevel,
    OccupationCoding,
    OccupationField,
    PoolLanguageIn,
    PoolSkillIn,
    Region,
    SectorDivision,
    SingleLine,
    Strict,
    UniqueSkills,
    UtcDatetime,
    one_of,
)
from app.intake.listing import Filters
from app.taxonomy.filters import CountryFilter


def _check_languages(languages: list[PoolLanguageIn] | None) -> None:
    if languages:
        pairs = [(lang.language, lang.level) for lang in languages]
        if len(set(pairs)) != len(pairs):
            raise ValueError("a language is listed twice at the same level")
        totals: dict[str, float] = {}
        for lang in languages:
            totals[lang.language] = totals.get(lang.language, 0.0) + lang.share
        over = sorted(code for code, total in totals.items() if total > 1.0 + 1e-9)
        if over:
            raise ValueError(f"the shares of language {over[0]!r} add up to more than 1")


def _languages_checked(languages: list[PoolLanguageIn]) -> list[PoolLanguageIn]:
    _check_languages(languages)
    return languages


_Languages = AfterValidator(_languages_checked)


#: A pool's state: active (on the market) or withdrawn (by its ministry, or left out of a later
#: survey wave sent with replace=true).
PoolStatusName = Literal["active", "withdrawn"]
_STATUS_DESCRIPTION = (
    "active: on the market, ranked against vacancies; withdrawn: off the market (by its "
    "ministry, or left out of a later survey wave), its history and decisions kept"
)

_MINISTRY_ID = "3e9b6f21-84c7-4d0a-a5e2-6c1f9d7b4a08"
_POOL_ID = "5c2a7e90-1f4b-4b8d-9e36-8a0d2c4f6b15"
_UPLOAD_ID = "9a41d3c6-2e7f-4c58-b0a9-7d6e1f3b5c82"

#: A Philippine ministry's pool of registered nurses from Western Visayas.
_POOL_EXAMPLE: dict[str, Any] = {
    "external_ref": "DMW-WV-2221-2026Q4",
    "origin_country": "PH",
    "region": "Western Visayas",
    "occupation": "2221",
    "sector": "86",
    "headcount": 385,
    "skills": [
        {"skill": "patient-assessment", "share": 0.97},
        {"skill": "intravenous-therapy", "share": 0.97},
        {"skill": "intensive-care-nursing", "share": 0.4},
    ],
    "languages": [
        {"language": "tl", "level": "C2", "share": 1.0},
        {"language": "en", "level": "C1", "share": 0.34},
        {"language": "en", "level": "B2", "share": 0.57},
        {"language": "de", "level": "B1", "share": 0.11},
    ],
    "isced_level": 6,
    "experience_years": 6.0,
    "available_from": "2027-01-15",
}


class PoolIn(Strict):
    """A labour pool to publish: how many people of one origin, region and occupation are
    available to work abroad, with the shares of them that have each skill and language level.
    A pool is an aggregate, never a person. Its identity is (ministry, origin country, region,
    occupation, sector): posting an identity the ministry has already updates that pool."""

    model_config = ConfigDict(json_schema_extra={"examples": [_POOL_EXAMPLE]})

    external_ref: Annotated[
        SingleLine | None,
        Field(
            max_length=100,
            description="the ministry's own id for the pool, unique per ministry (another pool "
            "with it is a 409)",
        ),
    ] = None
    origin_country: Annotated[
        Country,
        Field(
            description='ISO 3166-1 alpha-2 code of the country the workers come from, e.g. "PH": '
            "the ministry's own country, or one an officer allowed it "
            "(GET /api/v1/ministries/{ministry_id}/origins); another is a 422"
        ),
    ]
    region: Region = None
    occupation: Annotated[
        OccupationField | None,
        Field(
            description='ISCO-08 unit group (4 digits, e.g. "2221") or a job title the service '
            "codes to one; may be left out when esco_occupation is given"
        ),
    ] = None
    esco_occupation: EscoOccupationUri = Field(
        None,
        description="an ESCO occupation URI (after an ESCO import); fixes the ISCO-08 unit group",
    )
    sector: Annotated[
        SectorDivision | None,
        Field(
            description='ISIC Rev.4 division (2 digits) the workers have experience in, e.g. "86"'
        ),
    ] = None
    headcount: Annotated[
        int, Field(ge=1, le=10_000_000, description="how many people the pool counts")
    ]
    skills: Annotated[
        list[PoolSkillIn],
        Field(max_length=200, description="skills and the share of the headcount with each"),
        UniqueSkills,
    ] = []
    languages: Annotated[
        list[PoolLanguageIn],
        Field(
            max_length=30,
            description="languages (ISO 639-1 codes) by CEFR level and share of the headcount; a "
            "language may be listed at several levels, its shares adding up to at most 1",
        ),
        _Languages,
    ] = []
    isced_level: Annotated[
        IscedLevel, Field(description="the typical ISCED 2011 education level (0..8) of the pool")
    ]
    experience_years: Annotated[
        float, Field(ge=0, le=60, description="typical (median) years of work experience")
    ]
    available_from: date | None = Field(
        None, description="when the pool can start work abroad (ISO 8601 date); null: now"
    )


class PoolUpdate(Strict):
    """A partial update (PATCH): only the fields sent change; a list sent replaces the stored
    one. Fields required on create may not be set to null. The origin country and external_ref
    cannot change. status=withdrawn withdraws the pool, status=active brings it back (unless
    another active pool has its identity)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "headcount": 410,
                    "languages": [
                        {"language": "tl", "level": "C2", "share": 1.0},
                        {"language": "en", "level": "B2", "share": 0.6},
                        {"language": "de", "level": "B1", "share": 0.15},
                    ],
                }
            ]
        }
    )

    region: Annotated[
        SingleLine | None,
        Field(max_length=100, description="region within the origin country; null clears it"),
    ] = None
    occupation: Annotated[
        OccupationField | None,
        Field(description="ISCO-08 unit group (4 digits) or a job title the service codes"),
    ] = None
    #: null clears it; a new one must agree with the occupation (sent or stored).
    esco_occupation: Annotated[
        SingleLine | None,
        Field(
            max_length=255,
            description="an ESCO occupation URI; it must agree with the ISCO-08 occupation "
            "(sent or stored); null clears it",
        ),
    ] = None
    sector: Annotated[
        SectorDivision | None,
        Field(description="ISIC Rev.4 division (2 digits); null clears it"),
    ] = None
    headcount: Annotated[
        int | None, Field(ge=1, le=10_000_000, description="how many people the pool counts")
    ] = None
    skills: Annotated[
        Annotated[list[PoolSkillIn], Field(max_length=200), UniqueSkills] | None,
        Field(description="replaces the skills and their shares"),
    ] = None
    languages: Annotated[
        Annotated[list[PoolLanguageIn], Field(max_length=30), _Languages] | None,
        Field(description="replaces the languages (ISO 639-1 codes), CEFR levels and shares"),
    ] = None
    isced_level: Annotated[
        IscedLevel | None, Field(description="typical ISCED 2011 education level (0..8)")
    ] = None
    experience_years: Annotated[
        float | None, Field(ge=0, le=60, description="typical years of work experience")
    ] = None
    available_from: date | None = Field(
        None, description="when the pool can start work abroad; null clears it"
    )
    status: PoolStatusName | None = Field(None, description=_STATUS_DESCRIPTION)


class PoolSkillOut(BaseModel):
    """A skill of a pool, as stored: a skill of the taxonomy and the share that has it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "skill": "patient-assessment",
                    "label": "Patient assessment",
                    "share": 0.97,
                    "original_text": None,
                }
            ]
        }
    )

    skill: str = Field(description="the skill's id in the taxonomy (built-in id or ESCO URI)")
    label: str = Field(description="the skill's English label")
    share: float = Field(description="share of the pool's headcount with the skill, 0..1")
    original_text: str | None = Field(
        None, description="the words the ministry sent, when the skill was resolved from text"
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class PoolFilters(Filters):
    """The query parameters of GET /api/v1/pools."""

    origin: CountryFilter = None
    status: Annotated[PoolStatusName | None, Query(description="only pools in this state")] = None
    ministry_id: Annotated[
        uuid.UUID | None, Query(description="only this ministry organisation's pools")
    ] = None
    q: Annotated[
        SingleLine | None,
        Query(
            max_length=200,
            description="text search: every word must be found in the origin country (name or "
            "code), the region, the occupation (ISCO-08 title or code), the sector (ISIC Rev.4 "
            "title or code) or the external_ref, case-insensitively",
        ),
    ] = None
    columns = {"origin": "origin_country", "status": "status", "ministry_id": "ministry_id"}


PoolSort = Literal[
    "created",
    "-created",
    "origin",
    "-origin",
    "occupation",
    "-occupation",
    "workers",
    "-workers",
]
PoolSortParam = Annotated[
    PoolSort | None,
    Query(
        description="order of the list: created (publication time), origin (country, then "
        "region), occupation (ISCO-08 code) or workers (headcount); a leading - sorts "
        "descending; ties by id. Default -created: newest first"
    ),
]


class PoolOut(BaseModel):
    """A stored labour pool. `version` is its ETag: send it back in If-Match to update or
    withdraw it. An employer reads a pool in its vacancies' matches as aggregates only: the
    ministry's id, its external_ref and the source upload are null then."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    **_POOL_EXAMPLE,
                    "id": _POOL_ID,
                    "ministry_id": _MINISTRY_ID,
                    "occupation_title": "Nursing professionals",
                    "occupation_coding": None,
                    "esco_occupation": None,
                    "skills": [
                        {
                            "skill": "intensive-care-nursing",
                            "label": "Intensive care nursing",
                            "share": 0.4,
                            "original_text": None,
                        },
                        {
                            "skill": "intravenous-therapy",
                            "label": "Intravenous therapy",
                            "share": 0.97,
                            "original_text": None,
                        },
                        {
                            "skill": "patient-assessment",
                            "label": "Patient assessment",
                            "share": 0.97,
                            "original_text": None,
                        },
                    ],
                    "languages": [
                        {"language": "de", "level": "B1", "share": 0.11},
                        {"language": "en", "level": "B2", "share": 0.57},
                        {"language": "en", "level": "C1", "share": 0.34},
                        {"language": "tl", "level": "C2", "share": 1.0},
                    ],
                    "upload_id": _UPLOAD_ID,
                    "status": "active",
                    "version": 2,
                    "created_at": "2026-10-01T06:30:12+00:00",
                    "updated_at": "2026-11-02T07:45:51+00:00",
                }
            ]
        },
    )

    id: uuid.UUID = Field(description="the pool's id")
    #: An employer reads a pool of its matches as aggregates only: these three are null then.
    ministry_id: uuid.UUID | None = Field(
        description="the ministry organisation that publishes the pool; null when read by an "
        "employer"
    )
    external_ref: str | None = Field(description="the ministry's own id; null for employers")
    origin_country: str = Field(
        description='ISO 3166-1 alpha-2 code of the country the workers come from, e.g. "PH"'
    )
    region: str | None = Field(description="region within the origin country; null: none named")
    occupation: str = Field(description='ISCO-08 unit group (4 digits), e.g. "2221"')
    occupation_title: str = Field(description="the ISCO-08 title of the occupation")
    occupation_coding: OccupationCoding | None = Field(
        None,
        description="how a job title sent as the occupation was coded to an ISCO-08 unit group; "
        "null: a code was sent",
    )
    esco_occupation: str | None = Field(
        None, description="ESCO occupation URI, if given (it fixed the ISCO-08 unit group)"
    )
    sector: str | None = Field(description='ISIC Rev.4 division (2 digits), e.g. "86"')
    headcount: int = Field(description="how many people the pool counts")
    skills: list[PoolSkillOut] = Field(description="skills and shares, by skill id")
    languages: list[PoolLanguageIn] = Field(
        description="languages (ISO 639-1 codes) by CEFR level and share, by language and level"
    )
    isced_level: int = Field(description="typical ISCED 2011 education level (0..8)")
    experience_years: float = Field(description="typical years of work experience")
    available_from: date | None = Field(description="when the pool can start work abroad")
    upload_id: uuid.UUID | None = Field(
        description="the survey upload that last wrote the pool (null: an API write); null for "
        "employers"
    )
    status: Annotated[str, one_of(*get_args(PoolStatusName))] = Field(
        description=_STATUS_DESCRIPTION
    )
    version: int = Field(description="increases with every change; the ETag is this number")
    created_at: datetime = Field(description="when it was first published (RFC 3339, UTC)")
    updated_at: datetime = Field(description="when it last changed (RFC 3339, UTC)")


class PoolVersionOut(BaseModel):
    """One version of a pool: its figures, and who or what made them."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "version": 1,
                    "current": False,
                    "change": "create",
                    "made_at": "2026-10-01T06:30:12+00:00",
                    "made_by_id": "c7d2e845-3b9a-4f61-8e0c-1a5b7d9f2e36",
                    "made_by_upload_id": "4f8e2b17-6c3d-4a95-b1e0-9d7c5a3f8e21",
                    "replaced_at": "2026-11-02T07:45:51+00:00",
                    "figures": {
                        "external_ref": "DMW-WV-2221-2026Q4",
                        "origin_country": "PH",
                        "region": "Western Visayas",
                        "occupation": "2221",
                        "occupation_coding": None,
                        "esco_occupation": None,
                        "sector": "86",
                        "headcount": 352,
                        "skills": [{"skill": "patient-assessment", "share": 0.95}],
                        "languages": [{"language": "en", "level": "B2", "share": 0.6}],
                        "isced_level": 6,
                        "experience_years": 5.5,
                        "available_from": None,
                        "upload_id": "4f8e2b17-6c3d-4a95-b1e0-9d7c5a3f8e21",
                        "status": "active",
                    },
                }
            ]
        }
    )

    version: int = Field(description="the version number (1 = as first published)")
    current: bool = Field(description="true for the pool's figures now")
    change: Literal["create", "update", "withdraw"] | None = Field(
        description="the write that made this version (null: made before history was kept)"
    )
    made_at: UtcDatetime | None = Field(description="when this version was made (RFC 3339)")
    made_by_id: uuid.UUID | None = Field(description="the user who made it (null: the system)")
    made_by_upload_id: uuid.UUID | None = Field(
        description="the survey upload that made it (null: an API write or the system)"
    )
    replaced_at: UtcDatetime | None = Field(
        description="when the next version replaced it (null: the current version)"
    )
    figures: dict[str, Any] = Field(
        description="identity, headcount, skills, languages, ISCED level, experience, "
        "availability, source upload and status, as the audit log records them (the fields "
        "of PoolIn, plus occupation_coding, upload_id and status)"
    )


class OriginsIn(Strict):
    """The origins an officer allows a ministry beyond its own country."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"origins": ["BD", "NP"]}]})

    origins: list[Country] = Field(
        max_length=250,
        description="ISO 3166-1 alpha-2 origins the ministry may publish pools for, beyond its "
        "own country (which it always may); replaces the earlier list",
        examples=[["BD", "NP"]],
    )


class OriginsOut(BaseModel):
    """The origin countries a ministry may publish pools for: its own, and those an officer
    allowed it (a regional labour office, a ministry that also registers its diaspora)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "ministry_id": "b14e6a93-0d2c-4f7e-8a51-6e3c9b2d7f40",
                    "country": "IN",
                    "granted": ["BD", "NP"],
                    "origins": ["BD", "IN", "NP"],
                }
            ]
        }
    )

    ministry_id: uuid.UUID = Field(description="the ministry organisation")
    country: str = Field(description="the ministry's own country (ISO 3166-1 alpha-2)")
    granted: list[str] = Field(
        description="other origins an officer allowed (ISO 3166-1 alpha-2), sorted"
    )
    origins: list[str] = Field(
        description="every origin the ministry may publish pools for (ISO 3166-1 alpha-2), sorted"
    )
