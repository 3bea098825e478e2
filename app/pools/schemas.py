"""API schemas of labour pools (design section 3). A pool is an aggregate, never a person."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Literal

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


class PoolIn(Strict):
    external_ref: Annotated[SingleLine | None, Field(max_length=100)] = None
    origin_country: Country
    region: Region = None
    #: Optional when esco_occupation is given: the ESCO occupation's unit group is used.
    occupation: OccupationField | None = None
    esco_occupation: EscoOccupationUri = Field(
        None,
        description="an ESCO occupation URI (after an ESCO import); fixes the ISCO-08 unit group",
    )
    sector: SectorDivision | None = None
    headcount: Annotated[int, Field(ge=1, le=10_000_000)]
    skills: Annotated[list[PoolSkillIn], Field(max_length=200), UniqueSkills] = []
    languages: Annotated[list[PoolLanguageIn], Field(max_length=30), _Languages] = []
    isced_level: IscedLevel
    experience_years: Annotated[float, Field(ge=0, le=60)]
    available_from: date | None = None


class PoolUpdate(Strict):
    region: Annotated[SingleLine | None, Field(max_length=100)] = None
    occupation: OccupationField | None = None
    #: null clears it; a new one must agree with the occupation (sent or stored).
    esco_occupation: Annotated[SingleLine | None, Field(max_length=255)] = None
    sector: SectorDivision | None = None
    headcount: Annotated[int | None, Field(ge=1, le=10_000_000)] = None
    skills: Annotated[list[PoolSkillIn], Field(max_length=200), UniqueSkills] | None = None
    languages: Annotated[list[PoolLanguageIn], Field(max_length=30), _Languages] | None = None
    isced_level: IscedLevel | None = None
    experience_years: Annotated[float | None, Field(ge=0, le=60)] = None
    available_from: date | None = None
    status: Literal["active", "withdrawn"] | None = None


class PoolSkillOut(BaseModel):
    skill: str
    label: str
    share: float
    original_text: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PoolFilters(Filters):
    """The query parameters of GET /api/v1/pools."""

    origin: CountryFilter = None
    status: Literal["active", "withdrawn"] | None = None
    ministry_id: uuid.UUID | None = None
    columns = {"origin": "origin_country", "status": "status", "ministry_id": "ministry_id"}


class PoolOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    #: An employer reads a pool of its matches as aggregates only: these three are null then.
    ministry_id: uuid.UUID | None = Field(description="null when read by an employer")
    external_ref: str | None = Field(description="the ministry's own id; null for employers")
    origin_country: str
    region: str | None
    occupation: str
    occupation_title: str
    occupation_coding: OccupationCoding | None = None
    esco_occupation: str | None = None
    sector: str | None
    headcount: int
    skills: list[PoolSkillOut]
    languages: list[PoolLanguageIn]
    isced_level: int
    experience_years: float
    available_from: date | None
    upload_id: uuid.UUID | None = Field(description="null for employers")
    status: str
    version: int
    created_at: datetime
    updated_at: datetime


class PoolVersionOut(BaseModel):
    """One version of a pool: its figures, and who or what made them."""

    version: int
    current: bool = Field(description="true for the pool's figures now")
    change: Literal["create", "update", "withdraw"] | None = Field(
        description="the write that made this version (null: made before history was kept)"
    )
    made_at: UtcDatetime | None
    made_by_id: uuid.UUID | None = Field(description="the user who made it (null: the system)")
    made_by_upload_id: uuid.UUID | None = Field(
        description="the survey upload that made it (null: an API write or the system)"
    )
    replaced_at: UtcDatetime | None = Field(description="when the next version replaced it")
    figures: dict[str, Any] = Field(
        description="identity, headcount, skills, languages, ISCED level, experience, "
        "availability, source upload and status, as the audit log records them"
    )


class OriginsIn(Strict):
    origins: list[Country] = Field(
        max_length=250,
        description="ISO 3166-1 alpha-2 origins the ministry may publish pools for, beyond its "
        "own country (which it always may); replaces the earlier list",
        examples=[["BD", "NP"]],
    )


class OriginsOut(BaseModel):
    ministry_id: uuid.UUID
    country: str = Field(description="the ministry's own country")
    granted: list[str] = Field(description="other origins an officer allowed")
    origins: list[str] = Field(description="every origin the ministry may publish pools for")
