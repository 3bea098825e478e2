"""Read-only taxonomy API that clients use to code their data."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from app.auth.deps import current_principal
from app.common import codes
from app.common.schemas import MAX_OFFSET, MultiLine, SingleLine
from app.deps import SessionDep, SettingsDep
from app.errors import NotFound
from app.taxonomy import coding, resolve, service
from app.taxonomy.schemas import (
    CountryOut,
    EscoOccupationOut,
    EscoOccupationRef,
    EscoOccupationSkillOut,
    LanguageOut,
    Level,
    LevelsOut,
    OccupationOut,
    OccupationRef,
    OccupationSuggestion,
    OccupationSuggestions,
    Page,
    SectorOut,
    SectorRef,
    SkillOut,
    SkillResolution,
    TaxonomyMeta,
)

router = APIRouter(prefix="/api/v1/taxonomy", tags=["taxonomy"])

Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]

SOURCES = [
    {
        "name": "ISCO-08",
        "attribution": "International Standard Classification of Occupations "
        "(ISCO-08), (c) International Labour Organization",
    },
    {
        "name": "ISIC Rev.4",
        "attribution": "International Standard Industrial Classification "
        "of All Economic Activities, Rev.4, United Nations Statistics Division",
    },
    {
        "name": "WHO health workforce support and safeguards list 2023",
        "attribution": "World Health Organization",
    },
    {"name": "ISO 3166-1 / ISO 639-1 / ISO 4217", "attribution": "via the pycountry package"},
]


#: Listed by the metadata endpoint once ESCO has been imported (`imdi import-esco`).
ESCO_SOURCE = {
    "name": "ESCO",
    "attribution": "ESCO classification of the European Skills, Competences, Qualifications "
    "and Occupations, (c) European Union, https://esco.ec.europa.eu, reused with attribution",
}


@router.get("", response_model=TaxonomyMeta)
def taxonomy_meta(session: SessionDep) -> TaxonomyMeta:
    sources = list(SOURCES)
    versions = service.esco_versions(session)
    if versions:
        sources.append({**ESCO_SOURCE, "name": f"ESCO {', '.join(versions)}"})
    return TaxonomyMeta(sources=sources)


@router.get("/occupations", response_model=Page[OccupationRef])
def list_occupations(
    session: SessionDep,
    q: Annotated[
        SingleLine | None, Query(max_length=200, description="text in the title, or a code")
    ] = None,
    level: Annotated[int | None, Query(ge=1, le=4)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[OccupationRef]:
    rows, total = service.search_occupations(session, q=q, level=level, limit=limit, offset=offset)
    items = [OccupationRef.model_validate(r) for r in rows]
    return Page(items=items, total=total, limit=limit, offset=offset)


# Declared before /occupations/{code}, which would otherwise take "suggest" for a code. A sync
# route: the model's CPU work runs in FastAPI's thread pool, not on the event loop.
# Both run scikit-learn (and the first call trains the model): signed-in clients only.
@router.get(
    "/occupations/suggest",
    response_model=OccupationSuggestions,
    dependencies=[Depends(current_principal)],
)
def suggest_occupations(
    session: SessionDep,
    settings: SettingsDep,
    title: Annotated[SingleLine, Query(min_length=1, max_length=200, description="a job title")],
    description: Annotated[
        MultiLine | None, Query(max_length=5000, description="the job description, if any")
    ] = None,
    k: Annotated[int, Query(ge=1, le=20)] = 5,
) -> OccupationSuggestions:
    """ISCO-08 unit groups for a job title, most likely first, with a calibrated confidence."""
    items = coding.suggest(session, title, description, k)
    return OccupationSuggestions(
        items=[
            OccupationSuggestion(code=s.code, title=s.title, confidence=s.confidence) for s in items
        ],
        min_confidence=settings.coding_min_confidence,
    )


@router.get("/occupations/{code}", response_model=OccupationOut)
def get_occupation(code: SingleLine, session: SessionDep) -> OccupationOut:
    occ, parents, children = service.get_occupation(session, code)
    return OccupationOut(
        code=occ.code,
        level=occ.level,
        title=occ.title,
        esco_uri=occ.esco_uri,
        alt_labels=occ.alt_labels or [],
        parents=[OccupationRef.model_validate(p) for p in parents],
        children=[OccupationRef.model_validate(c) for c in children],
    )


@router.get("/sectors", response_model=Page[SectorRef])
def list_sectors(
    session: SessionDep,
    q: Annotated[SingleLine | None, Query(max_length=200)] = None,
    level: Literal["section", "division"] | None = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[SectorRef]:
    rows, total = service.search_sectors(session, q=q, level=level, limit=limit, offset=offset)
    return Page(
        items=[SectorRef.model_validate(r) for r in rows], total=total, limit=limit, offset=offset
    )


@router.get("/sectors/{code}", response_model=SectorOut)
def get_sector(code: SingleLine, session: SessionDep) -> SectorOut:
    sector, children = service.get_sector(session, code)
    out = SectorOut.model_validate(sector, from_attributes=True)
    out.children = [SectorRef.model_validate(c) for c in children]
    return out


@router.get("/skills", response_model=Page[SkillOut])
def list_skills(
    session: SessionDep,
    q: Annotated[SingleLine | None, Query(max_length=200)] = None,
    group: Annotated[SingleLine | None, Query(max_length=255)] = None,
    include_groups: bool = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[SkillOut]:
    rows, total = service.search_skills(
        session, q=q, group=group, include_groups=include_groups, limit=limit, offset=offset
    )
    return Page(
        items=[SkillOut.model_validate(r) for r in rows], total=total, limit=limit, offset=offset
    )


# Declared before /skills/{skill_id:path}, which would otherwise take "resolve" for an id. Sync:
# the similarity search is CPU work for the thread pool.
@router.get(
    "/skills/resolve",
    response_model=list[SkillResolution],
    dependencies=[Depends(current_principal)],
)
def resolve_skill(
    session: SessionDep,
    text: Annotated[
        SingleLine, Query(min_length=1, max_length=300, description="a skill in words")
    ],
    k: Annotated[int, Query(ge=1, le=20)] = 5,
) -> list[SkillResolution]:
    """Taxonomy skills (built-in and ESCO) most like a free text, best first, with a confidence
    in [0, 1]: the best similarity with one of the skill's preferred or alternative labels."""
    found = resolve.resolve(session, [text], k)[0]
    return [SkillResolution(skill=r.skill, label=r.label, confidence=r.confidence) for r in found]


@router.get("/skills/{skill_id:path}", response_model=SkillOut)
def get_skill(skill_id: SingleLine, session: SessionDep) -> SkillOut:
    return SkillOut.model_validate(service.get_skill(session, skill_id))


@router.get("/countries", response_model=list[CountryOut])
def list_countries(
    session: SessionDep, q: Annotated[SingleLine | None, Query(max_length=100)] = None
) -> list[CountryOut]:
    safeguard = service.safeguard_countries(session)
    needle = (q or "").lower()
    return [
        CountryOut(alpha_2=a2, alpha_3=a3, name=name, who_safeguard_list=a2 in safeguard)
        for a2, (a3, name) in sorted(codes.countries().items())
        if not needle or needle in name.lower() or needle in (a2.lower(), a3.lower())
    ]


@router.get("/countries/{code}", response_model=CountryOut)
def get_country(code: SingleLine, session: SessionDep) -> CountryOut:
    found = codes.countries().get(code.upper())
    if found is None:
        raise NotFound("Country", code)
    a3, name = found
    safeguard = service.safeguard_countries(session)
    return CountryOut(
        alpha_2=code.upper(), alpha_3=a3, name=name, who_safeguard_list=code.upper() in safeguard
    )


@router.get("/languages", response_model=list[LanguageOut])
def list_languages(
    q: Annotated[SingleLine | None, Query(max_length=100)] = None,
) -> list[LanguageOut]:
    needle = (q or "").lower()
    return [
        LanguageOut(code=code, name=name)
        for code, name in sorted(codes.languages().items())
        if not needle or needle in name.lower() or needle == code
    ]


@router.get("/levels", response_model=LevelsOut)
def levels() -> LevelsOut:
    return LevelsOut(
        cefr=[Level(code=c, label=label) for c, label in codes.CEFR_LABELS.items()],
        isced=[Level(code=str(k), label=v) for k, v in codes.ISCED_LEVELS.items()],
    )


@router.get("/esco/occupations", response_model=Page[EscoOccupationRef])
def list_esco_occupations(
    session: SessionDep,
    q: Annotated[
        SingleLine | None, Query(max_length=200, description="text in the label, or a URI")
    ] = None,
    isco: Annotated[SingleLine | None, Query(max_length=4, pattern=r"^\d{1,4}$")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[EscoOccupationRef]:
    """ESCO occupations (after `imdi import-esco`), by label; `isco` filters by code prefix."""
    rows, total = service.search_esco_occupations(
        session, q=q, isco=isco, limit=limit, offset=offset
    )
    return Page(
        items=[EscoOccupationRef.model_validate(r) for r in rows],
        total=total,
        limit=limit,
        offset=offset,
    )


@router.get("/esco/occupations/{uri:path}", response_model=EscoOccupationOut)
def get_esco_occupation(uri: SingleLine, session: SessionDep) -> EscoOccupationOut:
    occ, skills = service.get_esco_occupation(session, uri)
    return EscoOccupationOut(
        uri=occ.uri,
        label=occ.label,
        isco_code=occ.isco_code,
        alt_labels=occ.alt_labels or [],
        code=occ.code,
        description=occ.description,
        version=occ.version,
        skills=[EscoOccupationSkillOut(skill=a, label=b, relation=c) for a, b, c in skills],
    )
