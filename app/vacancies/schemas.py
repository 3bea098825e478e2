"""API schemas of vacancies (design section 3)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.common.schemas import (
    Contract,
    Country,
    IscedLevel,
    LanguageRequirementIn,
    OccupationCoding,
    SectorDivision,
    SkillRequirementIn,
    Strict,
    Wage,
)

OccupationField = Annotated[
    str,
    Field(min_length=1, max_length=200,
          description="ISCO-08 unit group (4 digits), or a job title that the service codes"),
]


def _unique(items: list, key: str, what: str) -> None:
    seen: set[str] = set()
    for item in items:
        value = getattr(item, key)
        if value in seen:
            raise ValueError(f"{what} {value!r} is listed twice")
        seen.add(value)


class VacancyIn(Strict):
    external_ref: Annotated[str | None, Field(max_length=100,
                                              description="the employer's own reference")] = None
    title: Annotated[str, Field(min_length=1, max_length=200)]
    description: Annotated[str, Field(max_length=20_000)] = ""
    destination_country: Country
    region: Annotated[str | None, Field(max_length=100)] = None
    occupation: OccupationField
    esco_occupation: Annotated[str | None, Field(max_length=255)] = None
    sector: SectorDivision | None = None
    skills: Annotated[list[SkillRequirementIn], Field(max_length=100)] = []
    languages: Annotated[list[LanguageRequirementIn], Field(max_length=10)] = []
    min_isced: IscedLevel | None = None
    min_experience_years: Annotated[float | None, Field(ge=0, le=60)] = None
    openings: Annotated[int, Field(ge=1, le=100_000)]
    wage: Wage | None = None
    contract: Contract = Contract()
    start_date: date
    employer_pays_fees: bool = Field(
        False, description="fair-recruitment attestation: the employer pays all recruitment "
        "fees and costs")
    pathways: Annotated[list[Annotated[str, Field(max_length=40)]], Field(max_length=20)] = []
    status: Literal["draft", "open"] = "open"

    @model_validator(mode="after")
    def _no_duplicates(self) -> VacancyIn:
        _unique(self.skills, "skill", "skill")
        _unique(self.languages, "language", "language")
        return self


class VacancyUpdate(Strict):
    """Partial update (PATCH): only the fields sent change."""

    title: Annotated[str | None, Field(min_length=1, max_length=200)] = None
    description: Annotated[str | None, Field(max_length=20_000)] = None
    region: Annotated[str | None, Field(max_length=100)] = None
    occupation: OccupationField | None = None
    sector: SectorDivision | None = None
    skills: Annotated[list[SkillRequirementIn] | None, Field(max_length=100)] = None
    languages: Annotated[list[LanguageRequirementIn] | None, Field(max_length=10)] = None
    min_isced: IscedLevel | None = None
    min_experience_years: Annotated[float | None, Field(ge=0, le=60)] = None
    openings: Annotated[int | None, Field(ge=1, le=100_000)] = None
    wage: Wage | None = None
    contract: Contract | None = None
    start_date: date | None = None
    employer_pays_fees: bool | None = None
    pathways: Annotated[list[Annotated[str, Field(max_length=40)]] | None,
                        Field(max_length=20)] = None
    status: Literal["draft", "open", "filled", "closed"] | None = None

    @model_validator(mode="after")
    def _no_duplicates(self) -> VacancyUpdate:
        if self.skills:
            _unique(self.skills, "skill", "skill")
        if self.languages:
            _unique(self.languages, "language", "language")
        return self


class VacancySkillOut(BaseModel):
    skill: str
    label: str
    importance: str
    derived: bool = False
    original_text: str | None = None


class VacancyOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    employer_id: uuid.UUID
    external_ref: str | None
    title: str
    description: str
    destination_country: str
    region: str | None
    occupation: str
    occupation_title: str
    occupation_coding: OccupationCoding | None = None
    esco_occupation: str | None = None
    sector: str | None
    skills: list[VacancySkillOut]
    languages: list[LanguageRequirementIn]
    min_isced: int | None
    min_experience_years: float | None
    openings: int
    wage: Wage | None
    contract: Contract
    start_date: date
    employer_pays_fees: bool
    pathways: list[str]
    status: str
    version: int
    created_at: datetime
    updated_at: datetime
