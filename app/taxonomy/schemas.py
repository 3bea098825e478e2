"""API schemas of the taxonomy endpoints."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict

T = TypeVar("T")


class OccupationRef(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    level: int
    title: str


class OccupationOut(OccupationRef):
    esco_uri: str | None = None
    alt_labels: list[str] = []
    parents: list[OccupationRef] = []
    children: list[OccupationRef] = []


class OccupationSuggestion(BaseModel):
    code: str
    title: str
    #: Calibrated to the chance that the code is right; compare with min_confidence.
    confidence: float


class OccupationSuggestions(BaseModel):
    items: list[OccupationSuggestion]
    #: Below this, the service refuses to code a title on its own (settings.coding_min_confidence).
    min_confidence: float


class SectorRef(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    level: str
    title: str
    section_code: str | None = None


class SectorOut(SectorRef):
    children: list[SectorRef] = []


class SkillOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    label: str
    alt_labels: list[str] = []
    description: str = ""
    is_group: bool
    parent_id: str | None = None
    source: str
    #: ESCO skills: knowledge | skill/competence, and how widely the skill is reused.
    skill_type: str | None = None
    reuse_level: str | None = None
    #: ESCO skill groups: the code in ESCO's skills hierarchy.
    code: str | None = None


class SkillResolution(BaseModel):
    """A taxonomy skill for a free text; confidence is the best label similarity (1 = a label
    written exactly). Intake accepts it at or above settings.skill_resolve_min_confidence."""

    skill: str
    label: str
    confidence: float


class EscoOccupationRef(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    uri: str
    label: str
    #: The ISCO-08 unit group the ESCO occupation belongs to.
    isco_code: str


class EscoOccupationSkillOut(BaseModel):
    skill: str
    label: str
    relation: str  # essential | optional


class EscoOccupationOut(EscoOccupationRef):
    alt_labels: list[str] = []
    code: str | None = None
    description: str = ""
    version: str
    skills: list[EscoOccupationSkillOut] = []


class CountryOut(BaseModel):
    alpha_2: str
    alpha_3: str
    name: str
    who_safeguard_list: bool = False


class LanguageOut(BaseModel):
    code: str
    name: str


class Level(BaseModel):
    code: str
    label: str


class LevelsOut(BaseModel):
    cefr: list[Level]
    isced: list[Level]


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


class TaxonomyMeta(BaseModel):
    sources: list[dict[str, str]]
