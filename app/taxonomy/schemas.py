"""API schemas of the taxonomy endpoints."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue
from pydantic.json_schema import JsonDict

_ESCO = "http://data.europa.eu/esco"
_NURSES: JsonDict = {"code": "2221", "level": 4, "title": "Nursing professionals"}
_NURSES_PARENTS: list[JsonValue] = [
    {"code": "222", "level": 3, "title": "Nursing and midwifery professionals"},
    {"code": "22", "level": 2, "title": "Health professionals"},
    {"code": "2", "level": 1, "title": "Professionals"},
]
_HEALTH: JsonDict = {
    "code": "86",
    "level": "division",
    "title": "Human health activities",
    "section_code": "Q",
}

_OCCUPATION_CODE = (
    'ISCO-08 code: a unit group has 4 digits (e.g. "2221" nursing professionals); 3, 2 and 1 '
    "digits are its minor, sub-major and major groups"
)


class OccupationRef(BaseModel):
    """An ISCO-08 group (International Standard Classification of Occupations), at any
    level."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [_NURSES]})

    code: str = Field(description=_OCCUPATION_CODE)
    level: int = Field(
        ge=1,
        le=4,
        description="the ISCO-08 level: 1 major group, 2 sub-major, 3 minor, 4 unit group (the "
        "level vacancies and pools are coded at)",
    )
    title: str = Field(description="the group's ISCO-08 title (English)")


class OccupationOut(OccupationRef):
    """An ISCO-08 group with its parents and direct children."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_NURSES,
                    "esco_uri": f"{_ESCO}/isco/C2221",
                    "alt_labels": [],
                    "parents": _NURSES_PARENTS,
                    "children": [],
                }
            ]
        }
    )

    esco_uri: str | None = Field(
        None, description="the ISCO-08 group's ESCO URI (after an ESCO import); null: none"
    )
    alt_labels: list[str] = Field(
        [], description="other names of the ISCO-08 group (job titles it covers)"
    )
    parents: list[OccupationRef] = Field(
        [], description="the enclosing ISCO-08 groups, nearest first (minor, sub-major, major)"
    )
    children: list[OccupationRef] = Field(
        [], description="the ISCO-08 groups one level below, by code; empty for a unit group"
    )


class OccupationSuggestion(BaseModel):
    """An ISCO-08 unit group a job title may belong to."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"code": "2221", "title": "Nursing professionals", "confidence": 0.87}]
        }
    )

    code: str = Field(description="the ISCO-08 unit group (4 digits)")
    title: str = Field(description="the unit group's ISCO-08 title")
    confidence: float = Field(
        ge=0,
        le=1,
        description="calibrated chance, 0..1, that the code is right (0.35: about one in "
        "three); compare with min_confidence",
    )


class OccupationSuggestions(BaseModel):
    """ISCO-08 unit groups for a job title, most likely first (ties by code)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {"code": "2221", "title": "Nursing professionals", "confidence": 0.87},
                        {
                            "code": "3221",
                            "title": "Nursing associate professionals",
                            "confidence": 0.06,
                        },
                    ],
                    "min_confidence": 0.35,
                }
            ]
        }
    )

    items: list[OccupationSuggestion] = Field(description="the suggestions, most likely first")
    min_confidence: float = Field(
        description="below this confidence the service does not code a job title on its own: "
        "a vacancy or pool sent with such a title is refused (422) with these suggestions"
    )


class SectorRef(BaseModel):
    """An ISIC Rev.4 sector (International Standard Industrial Classification of All Economic
    Activities): a section or a division."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [_HEALTH]})

    code: str = Field(
        description='ISIC Rev.4 code: a section letter (e.g. "Q") or a division of two digits '
        '(e.g. "86")'
    )
    level: Literal["section", "division"] = Field(description="section or division")
    title: str = Field(description="the ISIC Rev.4 title (English)")
    section_code: str | None = Field(
        None, description="the ISIC Rev.4 section the sector is in (a section: itself)"
    )


class SectorOut(SectorRef):
    """An ISIC Rev.4 sector and, for a section, its divisions."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "code": "Q",
                    "level": "section",
                    "title": "Human health and social work activities",
                    "section_code": "Q",
                    "children": [
                        _HEALTH,
                        {
                            "code": "87",
                            "level": "division",
                            "title": "Residential care activities",
                            "section_code": "Q",
                        },
                        {
                            "code": "88",
                            "level": "division",
                            "title": "Social work activities without accommodation",
                            "section_code": "Q",
                        },
                    ],
                }
            ]
        }
    )

    children: list[SectorRef] = Field(
        [], description="a section's ISIC Rev.4 divisions, by code; empty for a division"
    )


_IV_THERAPY: JsonDict = {
    "id": "intravenous-therapy",
    "label": "Intravenous therapy",
    "alt_labels": ["IV therapy", "cannulation", "IV line management", "drip management"],
    "description": "Insert and manage peripheral intravenous lines and infusions safely.",
    "is_group": False,
    "parent_id": "grp-health-clinical-nursing",
    "source": "builtin",
    "skill_type": None,
    "reuse_level": None,
    "code": None,
}


class SkillOut(BaseModel):
    """A skill, or a skill group, of the taxonomy: the built-in skills and, after an ESCO
    import, ESCO's skills and knowledge. Groups form the hierarchy that gives partial credit
    for a related skill."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [_IV_THERAPY]})

    id: str = Field(
        description='the skill\'s id: a built-in id (e.g. "intravenous-therapy") or an ESCO '
        "skill URI; what vacancies and pools name a skill by"
    )
    label: str = Field(description="the skill's preferred label (English)")
    alt_labels: list[str] = Field([], description="other labels of the skill")
    description: str = Field("", description="what the skill is; may be empty")
    is_group: bool = Field(description="true for a skill group, not a skill")
    parent_id: str | None = Field(
        None, description="the id of the nearest broader skill group; null: a top group"
    )
    source: Literal["builtin", "esco"] = Field(
        description="builtin (the service's own taxonomy) or esco"
    )
    skill_type: str | None = Field(
        None,
        description='ESCO skills: "knowledge" or "skill/competence", as ESCO publishes it; null '
        "for groups and built-in skills",
    )
    reuse_level: str | None = Field(
        None,
        description='ESCO skills: how widely the skill is reused, "transversal", '
        '"cross-sector", "sector-specific" or "occupation-specific"; null otherwise',
    )
    code: str | None = Field(
        None,
        description='ESCO skill groups: the code in ESCO\'s skills hierarchy (e.g. "S1.2.3"); '
        "null otherwise",
    )


class SkillResolution(BaseModel):
    """A taxonomy skill for a free text; confidence is the best label similarity (1 = a label
    written exactly). Intake takes a skill in words as the best one when its confidence is at
    least the service's threshold (0.75 by default), else refuses it with a 422."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"skill": "intravenous-therapy", "label": "Intravenous therapy", "confidence": 0.91}
            ]
        }
    )

    skill: str = Field(description="the skill's id (built-in id or ESCO skill URI)")
    label: str = Field(description="the skill's preferred label")
    confidence: float = Field(
        ge=0,
        le=1,
        description="the best similarity, 0..1, of the text with one of the skill's preferred "
        "or alternative labels",
    )


_ESCO_NURSE: JsonDict = {
    "uri": f"{_ESCO}/occupation/1b4f6a5e-8b2c-4c1e-9a7f-3d2e5c8b0f14",
    "label": "nurse responsible for general care",
    "isco_code": "2221",
}


class EscoOccupationRef(BaseModel):
    """An ESCO occupation (after `imdi import-esco`): finer than the ISCO-08 unit group it
    belongs to."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [_ESCO_NURSE]})

    uri: str = Field(description="the ESCO occupation's URI, its id")
    label: str = Field(description="the ESCO preferred label (English)")
    isco_code: str = Field(description="the ISCO-08 unit group (4 digits) it belongs to")


class EscoOccupationSkillOut(BaseModel):
    """A skill that ESCO relates to an occupation."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "skill": f"{_ESCO}/skill/7c8e2b4a-1d3f-4e6a-9b5c-0f2d8e6a4c13",
                    "label": "administer medication",
                    "relation": "essential",
                }
            ]
        }
    )

    skill: str = Field(description="the skill's id (an ESCO skill URI)")
    label: str = Field(description="the skill's label")
    relation: Literal["essential", "optional"] = Field(
        description="essential or optional for the occupation, as ESCO publishes it"
    )


class EscoOccupationOut(EscoOccupationRef):
    """An ESCO occupation with its skills."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_ESCO_NURSE,
                    "alt_labels": ["general nurse", "registered general nurse"],
                    "code": "2221.3",
                    "description": "Nurses responsible for general care plan, manage, provide "
                    "and evaluate nursing care services for people in need of them.",
                    "version": "v1.2.0",
                    "skills": [
                        {
                            "skill": f"{_ESCO}/skill/7c8e2b4a-1d3f-4e6a-9b5c-0f2d8e6a4c13",
                            "label": "administer medication",
                            "relation": "essential",
                        }
                    ],
                }
            ]
        }
    )

    alt_labels: list[str] = Field([], description="other labels of the occupation")
    code: str | None = Field(
        None, description='ESCO\'s own code: the ISCO-08 code with a suffix (e.g. "2221.3")'
    )
    description: str = Field("", description="ESCO's description of the occupation")
    version: str = Field(description='the ESCO release the occupation was loaded from ("v1.2.0")')
    skills: list[EscoOccupationSkillOut] = Field(
        [], description="the occupation's skills, essential first, then by label"
    )


class CountryOut(BaseModel):
    """A country of ISO 3166-1."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "alpha_2": "PH",
                    "alpha_3": "PHL",
                    "name": "Philippines",
                    "who_safeguard_list": False,
                }
            ]
        }
    )

    alpha_2: str = Field(
        description='the ISO 3166-1 alpha-2 code (e.g. "PH"): what the API takes as a country'
    )
    alpha_3: str = Field(description='the ISO 3166-1 alpha-3 code (e.g. "PHL")')
    name: str = Field(description="the country's English short name")
    who_safeguard_list: bool = Field(
        False,
        description="whether the country is on the WHO health workforce support and safeguards "
        "list 2023 (active international recruitment of its health workers is discouraged)",
    )


class LanguageOut(BaseModel):
    """A language of ISO 639-1 (two-letter codes)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"code": "de", "name": "German"}]})

    code: str = Field(description='the ISO 639-1 code (e.g. "de"): what the API takes')
    name: str = Field(description="the language's English name")


class Level(BaseModel):
    """A level of a scale: a CEFR language level or an ISCED 2011 education level."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"code": "B2", "label": "Vantage (upper intermediate)"}]}
    )

    code: str = Field(
        description='the level as the API takes it: a CEFR level "A1".."C2", or an ISCED 2011 '
        'level "0".."8" (sent as the number)'
    )
    label: str = Field(description="the level's name")


class LevelsOut(BaseModel):
    """The scales of language and education requirements."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "cefr": [
                        {"code": "A1", "label": "Breakthrough (beginner)"},
                        {"code": "A2", "label": "Waystage (elementary)"},
                        {"code": "B1", "label": "Threshold (intermediate)"},
                        {"code": "B2", "label": "Vantage (upper intermediate)"},
                        {"code": "C1", "label": "Effective operational proficiency (advanced)"},
                        {"code": "C2", "label": "Mastery (proficiency)"},
                    ],
                    "isced": [
                        {"code": "3", "label": "Upper secondary education"},
                        {"code": "6", "label": "Bachelor's or equivalent level"},
                    ],
                }
            ]
        }
    )

    cefr: list[Level] = Field(
        description="CEFR levels (Common European Framework of Reference for Languages), "
        "lowest first"
    )
    isced: list[Level] = Field(description="ISCED 2011 education levels 0..8, lowest first")


class Source(BaseModel):
    """A classification the taxonomy is built from, with the attribution its licence asks."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "name": "ISCO-08",
                    "attribution": "International Standard Classification of Occupations "
                    "(ISCO-08), (c) International Labour Organization",
                }
            ]
        }
    )

    name: str = Field(description="the classification and its version")
    attribution: str = Field(description="who publishes it, as its licence asks to credit")


class TaxonomyMeta(BaseModel):
    """What the taxonomy is built from."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "sources": [
                        {
                            "name": "ISCO-08",
                            "attribution": "International Standard Classification of "
                            "Occupations (ISCO-08), (c) International Labour Organization",
                        },
                        {
                            "name": "ISIC Rev.4",
                            "attribution": "International Standard Industrial Classification "
                            "of All Economic Activities, Rev.4, United Nations Statistics "
                            "Division",
                        },
                        {
                            "name": "ESCO v1.2.0",
                            "attribution": "ESCO classification of the European Skills, "
                            "Competences, Qualifications and Occupations, (c) European Union, "
                            "https://esco.ec.europa.eu, reused with attribution",
                        },
                    ]
                }
            ]
        }
    )

    sources: list[Source] = Field(
        description="ISCO-08, ISIC Rev.4, the WHO safeguards list, the ISO code lists and, "
        "after an import, ESCO"
    )
