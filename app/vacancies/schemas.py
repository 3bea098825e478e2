"""API schemas of vacancies (design section 3)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Literal, get_args

from fastapi import Query
from pydantic import BaseModel, ConfigDict, Field

from app.common.schemas import (
    Cefr,
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
    one_of,
)
from app.intake.listing import Filters
from app.taxonomy.filters import CountryFilter

#: A legal pathway's code, as a vacancy names the pathways its employer means to use.
PathwayRef = Annotated[
    SingleLine,
    Field(
        max_length=40,
        description='the code of a legal pathway to the destination country, e.g. "DE-TRIPLE-WIN" '
        "(see GET /api/v1/pathways)",
    ),
]
#: A vacancy's state: draft (not on the market), open (ranked, may be decided on), filled (its
#: approvals took every opening), closed (by its employer).
VacancyStatusName = Literal["draft", "open", "filled", "closed"]
_STATUS_DESCRIPTION = (
    "draft: not on the market yet; open: ranked against pools and may be decided on; filled: "
    "approvals took every opening; closed: closed by the employer"
)

_REQUIRED_DESCRIPTION = (
    "true: needed at the start of work, so only the share of a pool at or above the level counts "
    "towards the eligible headcount; false (default): scored only, since pre-departure training "
    "can close the gap"
)

_EMPLOYER_ID = "7f3c9a2e-5b1d-4e8a-9c6f-2d4b8e1a0c53"
_VACANCY_ID = "0b8e4c1a-7d2f-4a96-b3e5-9f1c6d8a2e47"

#: A vacancy as an HR system posts it: a German hospital's registered nurses.
_VACANCY_EXAMPLE: dict[str, Any] = {
    "external_ref": "RRK-2027-ICU-014",
    "title": "Registered nurse - intensive care",
    "description": "You will care for critically ill adults on a 24-bed intensive care unit, "
    "give medicines and IV therapy and work with doctors and allied health staff. Permanent "
    "contract; we pay all recruitment fees, visa costs and travel.",
    "destination_country": "DE",
    "region": "North Rhine-Westphalia",
    "occupation": "2221",
    "sector": "86",
    "skills": [
        {"skill": "patient-assessment", "importance": "essential"},
        {"skill": "intravenous-therapy", "importance": "essential"},
        {"skill": "intensive-care-nursing", "importance": "essential"},
        {"skill": "wound-care", "importance": "optional"},
    ],
    "languages": [{"language": "de", "min_level": "B2", "required": False}],
    "min_isced": 6,
    "min_experience_years": 2,
    "openings": 12,
    "wage": {"amount": 48300, "currency": "EUR", "period": "year"},
    "contract": {"type": "permanent", "duration_months": None},
    "start_date": "2027-03-01",
    "employer_pays_fees": True,
    "pathways": ["DE-TRIPLE-WIN"],
    "status": "open",
}

#: A second item of a bulk request: a Spanish berry grower's seasonal pickers.
_SEASONAL_EXAMPLE: dict[str, Any] = {
    "external_ref": "HBG-2027-FRESA-03",
    "title": "Seasonal strawberry picker",
    "destination_country": "ES",
    "region": "Andalusia",
    "occupation": "9211",
    "sector": "01",
    "skills": [
        {"skill": "soft-fruit-picking", "importance": "essential"},
        {"skill": "fruit-harvesting", "importance": "optional"},
    ],
    "languages": [{"language": "es", "min_level": "A1"}],
    "openings": 250,
    "wage": {"amount": 9.26, "currency": "EUR", "period": "hour"},
    "contract": {"type": "seasonal", "duration_months": 4},
    "start_date": "2027-02-01",
    "employer_pays_fees": True,
    "pathways": ["ES-GECCO-MA"],
}


class VacancyLanguageIn(LanguageRequirementIn):
    """A language a vacancy asks for, at a minimum CEFR level; `required` says whether it is
    needed at the start of work or may be learnt in pre-departure training."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"language": "de", "min_level": "B2", "required": False}]}
    )

    required: bool = Field(False, description=_REQUIRED_DESCRIPTION)


class VacancyLanguageOut(BaseModel):
    """A language a vacancy asks for, as stored."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"language": "de", "min_level": "B2", "required": False}]}
    )

    language: str = Field(description='ISO 639-1 language code, e.g. "de"')
    min_level: Cefr = Field(description="the lowest CEFR level (A1..C2) that will do")
    required: bool = Field(description=_REQUIRED_DESCRIPTION)


class VacancyIn(Strict):
    """A vacancy to post: who is wanted (occupation, skills, languages, education, experience),
    how many, where, when and on what terms. Codes are checked against the taxonomy (GET
    /api/v1/taxonomy/...); an unknown one is a 422 naming the field. Unknown fields are errors."""

    model_config = ConfigDict(json_schema_extra={"examples": [_VACANCY_EXAMPLE]})

    external_ref: Annotated[
        SingleLine | None,
        Field(
            max_length=100,
            description="the employer's own reference (its HR system's id), unique per employer: "
            "a second vacancy with the same one is a 409",
        ),
    ] = None
    title: Annotated[
        SingleLine, Field(min_length=1, max_length=200, description="the job title as advertised")
    ]
    description: Annotated[
        MultiLine, Field(max_length=20_000, description="the job description, free text")
    ] = ""
    destination_country: Annotated[
        Country,
        Field(description='ISO 3166-1 alpha-2 code of the country of work, e.g. "DE"'),
    ]
    region: Region = None
    occupation: Annotated[
        OccupationField | None,
        Field(
            description='ISCO-08 unit group (4 digits, e.g. "2221" nursing professionals) or a '
            "job title the service codes to one; may be left out when esco_occupation is "
            "given (its unit group is used)"
        ),
    ] = None
    esco_occupation: EscoOccupationUri = Field(
        None,
        description="an ESCO occupation URI (after an ESCO import); fixes the ISCO-08 unit "
        "group, and with no skills named the vacancy gets its essential and optional "
        "skills, marked derived",
    )
    sector: Annotated[
        SectorDivision | None,
        Field(description='ISIC Rev.4 division (2 digits) of the employer, e.g. "86" hospitals'),
    ] = None
    skills: Annotated[
        list[SkillRequirementIn],
        Field(
            max_length=100,
            description="the skills asked for (at most 100, each once); none: the occupation's "
            "skill profile is used, marked derived",
        ),
        UniqueSkills,
    ] = []
    languages: Annotated[
        list[VacancyLanguageIn],
        Field(
            max_length=10,
            description="languages (ISO 639-1 codes) and their minimum CEFR levels, each once",
        ),
        UniqueLanguages,
    ] = []
    min_isced: Annotated[
        IscedLevel | None,
        Field(description="lowest ISCED 2011 education level (0..8) asked for; null: none"),
    ] = None
    min_experience_years: Annotated[
        float | None,
        Field(ge=0, le=60, description="years of work experience asked for; null: none"),
    ] = None
    openings: Annotated[int, Field(ge=1, le=100_000, description="how many workers are wanted")]
    wage: Annotated[Wage | None, Field(description="the gross wage offered; null: not stated")] = (
        None
    )
    contract: Contract = Field(
        Contract(), description="the contract offered (default: permanent, open-ended)"
    )
    start_date: date = Field(description="when work starts (ISO 8601 date)")
    employer_pays_fees: bool = Field(
        False,
        description="fair-recruitment attestation: the employer pays all recruitment "
        "fees and costs",
    )
    pathways: Annotated[
        list[PathwayRef],
        Field(
            max_length=20,
            description="codes of legal pathways to the destination country the employer means "
            "to use (each once); none: every pathway that admits a match counts",
        ),
    ] = []
    status: Literal["draft", "open"] = Field(
        "open", description="open (default): on the market at once; draft: stored, not ranked"
    )


class VacancyUpdate(Strict):
    """A partial update (PATCH): only the fields sent change; a list sent (skills, languages,
    pathways) replaces the stored one. Fields required on create may not be set to null.
    destination_country and external_ref cannot change (post a new vacancy instead)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "openings": 14,
                    "wage": {"amount": 49800, "currency": "EUR", "period": "year"},
                    "languages": [{"language": "de", "min_level": "B1", "required": True}],
                }
            ]
        }
    )

    title: Annotated[
        SingleLine | None,
        Field(min_length=1, max_length=200, description="the job title as advertised"),
    ] = None
    description: Annotated[
        MultiLine | None, Field(max_length=20_000, description="the job description")
    ] = None
    region: Annotated[
        SingleLine | None,
        Field(max_length=100, description="region within the country; null clears it"),
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
    skills: Annotated[
        Annotated[list[SkillRequirementIn], Field(max_length=100), UniqueSkills] | None,
        Field(description="replaces the skills asked for (at most 100, each once)"),
    ] = None
    languages: Annotated[
        Annotated[list[VacancyLanguageIn], Field(max_length=10), UniqueLanguages] | None,
        Field(
            description="replaces the languages (ISO 639-1 codes) and their CEFR levels (a "
            "language sent without `required` is not required)"
        ),
    ] = None
    min_isced: Annotated[
        IscedLevel | None, Field(description="lowest ISCED 2011 level (0..8); null clears it")
    ] = None
    min_experience_years: Annotated[
        float | None, Field(ge=0, le=60, description="years of experience; null clears it")
    ] = None
    openings: Annotated[
        int | None, Field(ge=1, le=100_000, description="how many workers are wanted")
    ] = None
    wage: Annotated[Wage | None, Field(description="the gross wage; null clears it")] = None
    contract: Annotated[Contract | None, Field(description="the contract offered")] = None
    start_date: date | None = Field(None, description="when work starts (ISO 8601 date)")
    employer_pays_fees: bool | None = Field(
        None, description="fair-recruitment attestation: the employer pays all fees and costs"
    )
    pathways: Annotated[
        list[PathwayRef] | None,
        Field(max_length=20, description="replaces the legal pathway codes"),
    ] = None
    status: VacancyStatusName | None = Field(None, description=_STATUS_DESCRIPTION)


class VacancySkillOut(BaseModel):
    """A skill a vacancy asks for, as stored: a skill of the taxonomy."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "skill": "patient-assessment",
                    "label": "Patient assessment",
                    "importance": "essential",
                    "derived": False,
                    "original_text": None,
                }
            ]
        }
    )

    skill: str = Field(description="the skill's id in the taxonomy (built-in id or ESCO URI)")
    label: str = Field(description="the skill's English label")
    importance: Annotated[str, one_of("essential", "optional")] = Field(
        description="essential or optional to the job"
    )
    derived: bool = Field(
        False,
        description="true: taken from the occupation's skill profile, not named by the employer",
    )
    original_text: str | None = Field(
        None, description="the words the employer sent, when the skill was resolved from text"
    )


class VacancyOut(BaseModel):
    """A stored vacancy. `version` is its ETag: send it back in If-Match to update or close it.
    A ministry reads only open vacancies; an employer only its own organisation's."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    **_VACANCY_EXAMPLE,
                    "id": _VACANCY_ID,
                    "employer_id": _EMPLOYER_ID,
                    "occupation_title": "Nursing professionals",
                    "occupation_coding": None,
                    "esco_occupation": None,
                    "skills": [
                        {
                            "skill": "patient-assessment",
                            "label": "Patient assessment",
                            "importance": "essential",
                            "derived": False,
                            "original_text": None,
                        },
                        {
                            "skill": "intravenous-therapy",
                            "label": "Intravenous therapy",
                            "importance": "essential",
                            "derived": False,
                            "original_text": None,
                        },
                    ],
                    "version": 3,
                    "created_at": "2026-11-04T09:12:44+00:00",
                    "updated_at": "2026-11-18T14:03:10+00:00",
                }
            ]
        },
    )

    id: uuid.UUID = Field(description="the vacancy's id")
    employer_id: uuid.UUID = Field(description="the employer organisation that posted it")
    external_ref: str | None = Field(description="the employer's own reference, if sent")
    title: str = Field(description="the job title as advertised")
    description: str = Field(description="the job description")
    destination_country: str = Field(
        description='ISO 3166-1 alpha-2 code of the country of work, e.g. "DE"'
    )
    region: str | None = Field(description="region within the country; null: the whole country")
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
    skills: list[VacancySkillOut] = Field(description="the skills asked for, in the order sent")
    languages: list[VacancyLanguageOut] = Field(
        description="languages (ISO 639-1 codes) and minimum CEFR levels, by language code"
    )
    min_isced: int | None = Field(
        description="lowest ISCED 2011 education level (0..8) asked for; null: none"
    )
    min_experience_years: float | None = Field(
        description="years of work experience asked for; null: none"
    )
    openings: int = Field(description="how many workers are wanted")
    wage: Wage | None = Field(description="the gross wage offered; null: not stated")
    contract: Contract = Field(description="the contract offered")
    start_date: date = Field(description="when work starts")
    employer_pays_fees: bool = Field(
        description="fair-recruitment attestation: the employer pays all fees and costs"
    )
    pathways: list[str] = Field(description="codes of the legal pathways the employer means to use")
    status: Annotated[str, one_of(*get_args(VacancyStatusName))] = Field(
        description=_STATUS_DESCRIPTION
    )
    version: int = Field(description="increases with every change; the ETag is this number")
    created_at: datetime = Field(description="when it was posted (RFC 3339, UTC)")
    updated_at: datetime = Field(description="when it last changed (RFC 3339, UTC)")


@dataclass(frozen=True, slots=True, kw_only=True)
class VacancyFilters(Filters):
    """The query parameters of GET /api/v1/vacancies."""

    destination: CountryFilter = None
    status: Annotated[
        VacancyStatusName | None,
        Query(description="only vacancies in this state (a ministry sees open ones only)"),
    ] = None
    employer_id: Annotated[
        uuid.UUID | None,
        Query(description="only this employer organisation's vacancies"),
    ] = None
    q: Annotated[
        SingleLine | None,
        Query(
            max_length=200,
            description="text search: every word must be found in the title, the employer's "
            "name, the destination country (name or code) or the occupation (ISCO-08 title or "
            "code), case-insensitively",
        ),
    ] = None
    columns = {
        "destination": "destination_country",
        "status": "status",
        "employer_id": "employer_id",
    }


#: The orders GET /api/v1/vacancies can list in: a column, "-" before it for descending; ties
#: by id. Default: -created (newest first).
VacancySort = Literal[
    "created",
    "-created",
    "title",
    "-title",
    "employer",
    "-employer",
    "destination",
    "-destination",
    "occupation",
    "-occupation",
    "openings",
    "-openings",
    "start",
    "-start",
    "status",
    "-status",
]
SortParam = Annotated[
    VacancySort | None,
    Query(
        description="order of the list: created (posting time), title, employer (name), "
        "destination, occupation, openings, start (date) or status; a leading - sorts "
        "descending; ties by id. Default -created: newest first"
    ),
]


class FieldErrorOut(BaseModel):
    """One thing wrong with an item: where (a field path) and what."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "field": "[1].languages[0].language",
                    "message": "'xx' is not an ISO 639-1 language code",
                    "type": "value_error",
                }
            ]
        }
    )

    field: str = Field(description="the field's path in the request, from the item's index")
    message: str = Field(description="what is wrong, in words")
    type: str = Field(
        description="a machine-readable kind (missing, value_error, unknown_code, duplicate...)"
    )


class BulkItemResult(BaseModel):
    """What became of one item of a bulk request."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"index": 0, "status": "created", "id": _VACANCY_ID}]}
    )

    index: int = Field(description="the item's position in the request array, from 0")
    status: Literal["created", "error"] = Field(
        description="created: stored (see id); error: not stored (see errors)"
    )
    id: uuid.UUID | None = Field(None, description="the new vacancy's id (created items)")
    errors: list[FieldErrorOut] | None = Field(
        None, description="what is wrong with the item (error items)"
    )


class BulkResult(BaseModel):
    """Per-item outcome of a bulk submission: valid items are created even when others fail."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "results": [
                        {"index": 0, "status": "created", "id": _VACANCY_ID},
                        {
                            "index": 1,
                            "status": "error",
                            "errors": [
                                {
                                    "field": "[1].occupation",
                                    "message": "'921' is not an ISCO-08 unit group (four digits)",
                                    "type": "unknown_code",
                                }
                            ],
                        },
                    ],
                    "created": 1,
                    "failed": 1,
                }
            ]
        }
    )

    results: list[BulkItemResult] = Field(description="one result per item, in request order")
    created: int = Field(description="how many items were created")
    failed: int = Field(description="how many items were refused")


def bulk_example() -> list[dict[str, Any]]:
    """The example of POST /api/v1/vacancies/bulk: two items, each a valid VacancyIn."""
    return [dict(_VACANCY_EXAMPLE), dict(_SEASONAL_EXAMPLE)]
