"""API schemas of vacancies (design section 3)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.common.schemas import (
    Contract,
    Country,
    EscoOccupationUri,
    IscedLevel,
    LanguageRequirementIn,
    MultiLine,
    OccupationCoding,
    OccupationField,
    Region,
    SectorDivision,
    SingleLine,
    SkillRequirementIn,
    Strict,
    UniqueLanguages,
    UniqueSkills,
    Wage,
)
from app.common.vocabulary import CefrLevel
from app.intake.listing import Filters
from app.taxonomy.filters import CountryFilter

#: A legal pathway's code, as a vacancy names the pathways its employer means to use.
PathwayRef = Annotated[SingleLine, Field(max_length=40)]

_REQUIRED_DESCRIPTION = (
    "true: needed at the start of work, so only the share of a pool at or above the level counts "
    "towards the eligible headcount; false (default): scored only, since pre-departure training "
    "can close the gap"
)


class VacancyLanguageIn(LanguageRequirementIn):
    """A language of a vacancy (design section 3); pathways' any-of requirements have no flag."""

    required: bool = Field(False, description=_REQUIRED_DESCRIPTION)


class VacancyLanguageOut(BaseModel):
    language: str
    min_level: CefrLevel
    required: bool = Field(description=_REQUIRED_DESCRIPTION)


class VacancyIn(Strict):
    external_ref: Annotated[
        SingleLine | None, Field(max_length=100, description="the employer's own reference")
    ] = None
    title: Annotated[SingleLine, Field(min_length=1, max_length=200)]
    description: Annotated[MultiLine, Field(max_length=20_000)] = ""
    destination_country: Country
    region: Region = None
    #: Optional when esco_occupation is given: the ESCO occupation's unit group is used.
    occupation: OccupationField | None = None
    esco_occupation: EscoOccupationUri = Field(
        None,
        description="an ESCO occupation URI (after an ESCO import); fixes the ISCO-08 unit "
        "group, and with no skills named the vacancy gets its essential and optional "
        "skills, marked derived",
    )
    sector: SectorDivision | None = None
    skills: Annotated[list[SkillRequirementIn], Field(max_length=100), UniqueSkills] = []
    languages: Annotated[list[VacancyLanguageIn], Field(max_length=10), UniqueLanguages] = []
    min_isced: IscedLevel | None = None
    min_experience_years: Annotated[float | None, Field(ge=0, le=60)] = None
    openings: Annotated[int, Field(ge=1, le=100_000)]
    wage: Wage | None = None
    contract: Contract = Contract()
    start_date: date
    employer_pays_fees: bool = Field(
        False,
        description="fair-recruitment attestation: the employer pays all recruitment "
        "fees and costs",
    )
    pathways: Annotated[list[PathwayRef], Field(max_length=20)] = []
    status: Literal["draft", "open"] = "open"


class VacancyUpdate(Strict):
    """Partial update (PATCH): only the fields sent change."""

    title: Annotated[SingleLine | None, Field(min_length=1, max_length=200)] = None
    description: Annotated[MultiLine | None, Field(max_length=20_000)] = None
    region: Annotated[SingleLine | None, Field(max_length=100)] = None
    occupation: OccupationField | None = None
    #: null clears it; a new one must agree with the occupation (sent or stored).
    esco_occupation: Annotated[SingleLine | None, Field(max_length=255)] = None
    sector: SectorDivision | None = None
    skills: Annotated[list[SkillRequirementIn], Field(max_length=100), UniqueSkills] | None = None
    languages: Annotated[list[VacancyLanguageIn], Field(max_length=10), UniqueLanguages] | None = (
        None
    )
    min_isced: IscedLevel | None = None
    min_experience_years: Annotated[float | None, Field(ge=0, le=60)] = None
    openings: Annotated[int | None, Field(ge=1, le=100_000)] = None
    wage: Wage | None = None
    contract: Contract | None = None
    start_date: date | None = None
    employer_pays_fees: bool | None = None
    pathways: Annotated[list[PathwayRef] | None, Field(max_length=20)] = None
    status: Literal["draft", "open", "filled", "closed"] | None = None


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
    languages: list[VacancyLanguageOut]
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


@dataclass(frozen=True, slots=True, kw_only=True)
class VacancyFilters(Filters):
    """The query parameters of GET /api/v1/vacancies."""

    destination: CountryFilter = None
    status: Literal["draft", "open", "filled", "closed"] | None = None
    employer_id: uuid.UUID | None = None
    columns = {
        "destination": "destination_country",
        "status": "status",
        "employer_id": "employer_id",
    }


class FieldErrorOut(BaseModel):
    field: str
    message: str
    type: str


class BulkItemResult(BaseModel):
    index: int
    status: Literal["created", "error"]
    id: uuid.UUID | None = None
    errors: list[FieldErrorOut] | None = None


class BulkResult(BaseModel):
    """Per-item outcome of a bulk submission: valid items are created even when others fail."""

    results: list[BulkItemResult]
    created: int
    failed: int
