"""API schemas of labour pools (design section 3). A pool is an aggregate, never a person."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.common.schemas import (
    Country,
    IscedLevel,
    OccupationCoding,
    PoolLanguageIn,
    PoolSkillIn,
    SectorDivision,
    Strict,
)

OccupationField = Annotated[
    str,
    Field(min_length=1, max_length=200,
          description="ISCO-08 unit group (4 digits), or a job title that the service codes"),
]


def _check(skills: list[PoolSkillIn] | None, languages: list[PoolLanguageIn] | None) -> None:
    if skills:
        seen = [s.skill for s in skills]
        dupes = sorted({s for s in seen if seen.count(s) > 1})
        if dupes:
            raise ValueError(f"skill {dupes[0]!r} is listed twice")
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


class PoolIn(Strict):
    external_ref: Annotated[str | None, Field(max_length=100)] = None
    origin_country: Country
    region: Annotated[str | None, Field(max_length=100)] = None
    occupation: OccupationField
    esco_occupation: Annotated[str | None, Field(max_length=255)] = None
    sector: SectorDivision | None = None
    headcount: Annotated[int, Field(ge=1, le=10_000_000)]
    skills: Annotated[list[PoolSkillIn], Field(max_length=200)] = []
    languages: Annotated[list[PoolLanguageIn], Field(max_length=30)] = []
    isced_level: IscedLevel
    experience_years: Annotated[float, Field(ge=0, le=60)]
    available_from: date | None = None

    @model_validator(mode="after")
    def _consistent(self) -> PoolIn:
        _check(self.skills, self.languages)
        return self


class PoolUpdate(Strict):
    region: Annotated[str | None, Field(max_length=100)] = None
    occupation: OccupationField | None = None
    sector: SectorDivision | None = None
    headcount: Annotated[int | None, Field(ge=1, le=10_000_000)] = None
    skills: Annotated[list[PoolSkillIn] | None, Field(max_length=200)] = None
    languages: Annotated[list[PoolLanguageIn] | None, Field(max_length=30)] = None
    isced_level: IscedLevel | None = None
    experience_years: Annotated[float | None, Field(ge=0, le=60)] = None
    available_from: date | None = None
    status: Literal["active", "withdrawn"] | None = None

    @model_validator(mode="after")
    def _consistent(self) -> PoolUpdate:
        _check(self.skills, self.languages)
        return self


class PoolSkillOut(BaseModel):
    skill: str
    label: str
    share: float
    original_text: str | None = None


class PoolOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    ministry_id: uuid.UUID
    external_ref: str | None
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
    upload_id: uuid.UUID | None
    status: str
    version: int
    created_at: datetime
    updated_at: datetime
