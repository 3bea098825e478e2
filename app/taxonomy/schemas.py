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
