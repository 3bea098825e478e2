"""Read-only taxonomy API that clients use to code their data."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query

from app.auth.deps import current_principal
from app.common import codes
from app.common.schemas import MAX_OFFSET, MultiLine, Page, SingleLine
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
    SectorOut,
    SectorRef,
    SkillOut,
    SkillResolution,
    TaxonomyMeta,
)

router = APIRouter(prefix="/api/v1/taxonomy", tags=["taxonomy"])

Limit = Annotated[int, Query(ge=1, le=200, description="items per page, 1..200")]
Offset = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description="items to skip: the page's start in the order")
]
#: Path parameters that are codes.
IscoCode = Annotated[
    SingleLine,
    Path(
        description='an ISCO-08 code at any level: a unit group of 4 digits ("2221"), or a '
        'minor, sub-major or major group of 3, 2 or 1 digits ("222", "22", "2")'
    ),
]
IsicCode = Annotated[
    SingleLine,
    Path(
        description='an ISIC Rev.4 section letter ("Q") or division of two digits ("86"); '
        "case-insensitive"
    ),
]
CountryCode = Annotated[
    SingleLine,
    Path(description='an ISO 3166-1 alpha-2 country code ("PH"); case-insensitive'),
]
SkillId = Annotated[
    SingleLine,
    Path(
        description='a skill id: a built-in id ("intravenous-therapy") or an ESCO skill URI '
        "(written as is: slashes and all)"
    ),
]
EscoUri = Annotated[
    SingleLine,
    Path(
        description="an ESCO occupation URI, written as is "
        "(http://data.europa.eu/esco/occupation/...)"
    ),
]

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
def get_taxonomy_sources(session: SessionDep) -> TaxonomyMeta:
    """List the taxonomy's sources

    The classifications the taxonomy is built from, with the attribution each licence asks
    for: ISCO-08, ISIC Rev.4, the WHO safeguards list, the ISO code lists and, after an ESCO
    import, the ESCO release(s). Public: no API key needed.
    """
    sources = list(SOURCES)
    versions = service.esco_versions(session)
    if versions:
        sources.append({**ESCO_SOURCE, "name": f"ESCO {', '.join(versions)}"})
    return TaxonomyMeta.model_validate({"sources": sources})


@router.get("/occupations", response_model=Page[OccupationRef])
def list_occupations(
    session: SessionDep,
    q: Annotated[
        SingleLine | None,
        Query(
            max_length=200,
            description="text in the title (case-insensitive), or an exact ISCO-08 code",
        ),
    ] = None,
    level: Annotated[
        int | None,
        Query(
            ge=1,
            le=4,
            description="only ISCO-08 groups of this level: 1 major, 2 sub-major, 3 minor, "
            "4 unit group",
        ),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[OccupationRef]:
    """List ISCO-08 occupations

    The groups of ISCO-08 (International Standard Classification of Occupations), sorted by
    code, optionally filtered by text and level; offset pagination. Vacancies and pools are
    coded at the unit group (level 4, 4 digits). Public: no API key needed.
    """
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
    title: Annotated[
        SingleLine,
        Query(min_length=1, max_length=200, description='a job title, e.g. "Registered nurse"'),
    ],
    description: Annotated[
        MultiLine | None,
        Query(
            max_length=5000,
            description="the job description, if any: it can raise a group's score, never lower it",
        ),
    ] = None,
    k: Annotated[int, Query(ge=1, le=20, description="how many suggestions, 1..20")] = 5,
) -> OccupationSuggestions:
    """Suggest ISCO-08 codes for a job title

    The `k` ISCO-08 unit groups a job title most likely belongs to, most likely first (ties by
    code), each with a calibrated confidence, and the confidence below which the service does
    not code a title on its own (a vacancy or pool that sends such a title as its occupation
    is refused). What an HR system calls to code its job titles before posting. A title
    without letters or digits gets no suggestions.
    """
    items = coding.suggest(session, title, description, k)
    return OccupationSuggestions(
        items=[
            OccupationSuggestion(code=s.code, title=s.title, confidence=s.confidence) for s in items
        ],
        min_confidence=settings.coding_min_confidence,
    )


@router.get("/occupations/{code}", response_model=OccupationOut)
def get_occupation(code: IscoCode, session: SessionDep) -> OccupationOut:
    """Show an ISCO-08 occupation

    An ISCO-08 group with its parents (nearest first) and direct children; its ESCO URI after
    an ESCO import. An unknown code is a 404. Public: no API key needed.
    """
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
    q: Annotated[
        SingleLine | None,
        Query(
            max_length=200,
            description="text in the title (case-insensitive), or an exact ISIC Rev.4 code",
        ),
    ] = None,
    level: Annotated[
        Literal["section", "division"] | None,
        Query(description="only ISIC Rev.4 sections (letters) or divisions (2 digits)"),
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[SectorRef]:
    """List ISIC Rev.4 sectors

    The sections and divisions of ISIC Rev.4 (International Standard Industrial Classification
    of All Economic Activities), sections first, each by code; optionally filtered by text and
    level; offset pagination. Vacancies and pools name a division (2 digits). Public: no API
    key needed.
    """
    rows, total = service.search_sectors(session, q=q, level=level, limit=limit, offset=offset)
    return Page(
        items=[SectorRef.model_validate(r) for r in rows], total=total, limit=limit, offset=offset
    )


@router.get("/sectors/{code}", response_model=SectorOut)
def get_sector(code: IsicCode, session: SessionDep) -> SectorOut:
    """Show an ISIC Rev.4 sector

    A section with its divisions, or a division. An unknown code is a 404. Public: no API key
    needed.
    """
    sector, children = service.get_sector(session, code)
    out = SectorOut.model_validate(sector, from_attributes=True)
    out.children = [SectorRef.model_validate(c) for c in children]
    return out


@router.get("/skills", response_model=Page[SkillOut])
def list_skills(
    session: SessionDep,
    q: Annotated[
        SingleLine | None,
        Query(max_length=200, description="text in the label (case-insensitive), or an exact id"),
    ] = None,
    group: Annotated[
        SingleLine | None,
        Query(max_length=255, description="only the direct members of this skill group (its id)"),
    ] = None,
    include_groups: Annotated[
        bool, Query(description="whether skill groups are listed too (false: skills only)")
    ] = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[SkillOut]:
    """List skills

    The skills of the taxonomy (built-in and, after an ESCO import, ESCO's), sorted by label
    then id; optionally filtered by text and group; offset pagination. A skill's `id` is what
    vacancies and pools name it by. Public: no API key needed.
    """
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
        SingleLine,
        Query(min_length=1, max_length=300, description='a skill in words, e.g. "IV cannulation"'),
    ],
    k: Annotated[int, Query(ge=1, le=20, description="how many skills, 1..20")] = 5,
) -> list[SkillResolution]:
    """Resolve a skill in words to taxonomy skills

    The taxonomy skills (built-in and ESCO) most like a free text, best first, with a
    confidence in [0, 1]: the best similarity with one of the skill's preferred or alternative
    labels. A vacancy or pool may name a skill in words: intake takes the best one when its
    confidence reaches the service's threshold (0.75 by default). At most `k` skills (ties by
    id), only those with some similarity: a text unlike every label gets an empty list.
    """
    found = resolve.resolve(session, [text], k)[0]
    return [SkillResolution(skill=r.skill, label=r.label, confidence=r.confidence) for r in found]


@router.get("/skills/{skill_id:path}", response_model=SkillOut)
def get_skill(skill_id: SkillId, session: SessionDep) -> SkillOut:
    """Show a skill

    A skill or skill group by id (a built-in id or an ESCO URI). An unknown id is a 404.
    Public: no API key needed.
    """
    return SkillOut.model_validate(service.get_skill(session, skill_id))


@router.get("/countries", response_model=list[CountryOut])
def list_countries(
    session: SessionDep,
    q: Annotated[
        SingleLine | None,
        Query(
            max_length=100,
            description="text in the name (case-insensitive), or an exact ISO 3166-1 alpha-2 "
            "or alpha-3 code",
        ),
    ] = None,
) -> list[CountryOut]:
    """List ISO 3166-1 countries

    Every country of ISO 3166-1, sorted by alpha-2 code, with whether it is on the WHO health
    workforce support and safeguards list; not paged (about 250). Public: no API key needed.
    """
    safeguard = service.safeguard_countries(session)
    needle = (q or "").lower()
    return [
        CountryOut(alpha_2=a2, alpha_3=a3, name=name, who_safeguard_list=a2 in safeguard)
        for a2, (a3, name) in sorted(codes.countries().items())
        if not needle or needle in name.lower() or needle in (a2.lower(), a3.lower())
    ]


@router.get("/countries/{code}", response_model=CountryOut)
def get_country(code: CountryCode, session: SessionDep) -> CountryOut:
    """Show an ISO 3166-1 country

    A country by its alpha-2 code. An unknown code is a 404. Public: no API key needed.
    """
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
    q: Annotated[
        SingleLine | None,
        Query(
            max_length=100,
            description="text in the name (case-insensitive), or an exact ISO 639-1 code",
        ),
    ] = None,
) -> list[LanguageOut]:
    """List ISO 639-1 languages

    Every language with an ISO 639-1 two-letter code, sorted by code; not paged (about 180).
    Public: no API key needed.
    """
    needle = (q or "").lower()
    return [
        LanguageOut(code=code, name=name)
        for code, name in sorted(codes.languages().items())
        if not needle or needle in name.lower() or needle == code
    ]


@router.get("/levels", response_model=LevelsOut)
def list_levels() -> LevelsOut:
    """List the CEFR and ISCED levels

    The scales requirements are written in: CEFR language levels A1..C2 (lowest first) and
    ISCED 2011 education levels 0..8. Public: no API key needed.
    """
    return LevelsOut(
        cefr=[Level(code=c, label=label) for c, label in codes.CEFR_LABELS.items()],
        isced=[Level(code=str(k), label=v) for k, v in codes.ISCED_LEVELS.items()],
    )


@router.get("/esco/occupations", response_model=Page[EscoOccupationRef])
def list_esco_occupations(
    session: SessionDep,
    q: Annotated[
        SingleLine | None,
        Query(
            max_length=200,
            description="text in the label (case-insensitive), or an exact ESCO URI",
        ),
    ] = None,
    isco: Annotated[
        SingleLine | None,
        Query(
            max_length=4,
            pattern=r"^\d{1,4}$",
            description="only ESCO occupations under this ISCO-08 code prefix (1 to 4 digits, "
            'e.g. "2221" or "22")',
        ),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[EscoOccupationRef]:
    """List ESCO occupations

    The ESCO occupations loaded by `imdi import-esco` (none before), sorted by label then URI;
    optionally filtered by text and ISCO-08 prefix; offset pagination. A vacancy may name one
    (esco_occupation_uri) to fix its ISCO-08 unit group. Public: no API key needed.
    """
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
def get_esco_occupation(uri: EscoUri, session: SessionDep) -> EscoOccupationOut:
    """Show an ESCO occupation

    An ESCO occupation by URI, with its skills (essential first, then by label). An unknown
    URI is a 404. Public: no API key needed.
    """
    occ, skills = service.get_esco_occupation(session, uri)
    return EscoOccupationOut(
        uri=occ.uri,
        label=occ.label,
        isco_code=occ.isco_code,
        alt_labels=occ.alt_labels or [],
        code=occ.code,
        description=occ.description,
        version=occ.version,
        skills=[
            EscoOccupationSkillOut.model_validate({"skill": a, "label": b, "relation": c})
            for a, b, c in skills
        ],
    )
