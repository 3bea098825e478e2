"""Small hand-built fixtures for the engine: a tiny taxonomy, a few pathways, factories."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from matching.records import (
    Context,
    ContractType,
    ExchangeRates,
    Importance,
    LanguageRequirement,
    Money,
    Pathway,
    PathwayKind,
    Pool,
    PoolLanguage,
    PoolSkill,
    SkillRequirement,
    Taxonomy,
    Vacancy,
    WagePeriod,
)

B1, B2, C1 = 2, 3, 4
START = date(2025, 6, 1)

TAXONOMY = Taxonomy(
    sector_section={"62": "J", "63": "J", "86": "Q", "87": "Q", "01": "A", "41": "F"},
    skill_group={
        "python": "programming",
        "java": "programming",
        "sql": "data",
        "excel": "data",
        "nursing": "care",
        "lifting": "care",
        "welding": None,
    },
    who_safeguard=frozenset({"NG", "PK", "GH"}),
)

#: Admits everything to DE: each eligibility test switches on one restriction.
OPEN = Pathway(code="DE-OPEN", name="Open test pathway", destination="DE")

BLUE_CARD = Pathway(
    code="DE-BLUE-CARD",
    name="EU Blue Card",
    destination="DE",
    origins=frozenset({"IN", "PH"}),
    occupations=("2",),
    min_isced=6,
    languages=(LanguageRequirement("de", B1), LanguageRequirement("en", B2)),
    wage_threshold=Money(45_300.0, "EUR", WagePeriod.YEAR),
    contract_types=frozenset({ContractType.PERMANENT, ContractType.TEMPORARY}),
    annual_quota=100,
)

G2G_NURSES = Pathway(
    code="DE-G2G-NURSES",
    name="Triple Win nurses",
    destination="DE",
    kind=PathwayKind.G2G_PROGRAMME,
    origins=frozenset({"NG", "PH"}),
    occupations=("22", "32"),
    government_to_government=True,
)

ES_SEASONAL = Pathway(
    code="ES-SEASONAL",
    name="Seasonal agriculture",
    destination="ES",
    kind=PathwayKind.SEASONAL_SCHEME,
    sectors=frozenset({"A"}),
    contract_types=frozenset({ContractType.SEASONAL}),
    max_contract_months=9,
)


def vacancy(**overrides: Any) -> Vacancy:
    base = Vacancy(
        id="v1",
        destination="DE",
        occupation="2512",
        start_date=START,
        openings=5,
        sector="62",
        skills=(
            SkillRequirement("python", Importance.ESSENTIAL),
            SkillRequirement("sql", Importance.OPTIONAL),
        ),
        languages=(LanguageRequirement("de", B1),),
        min_isced=6,
        min_experience_years=2.0,
        wage=Money(60_000.0, "EUR", WagePeriod.YEAR),
    )
    return replace(base, **overrides)


def pool(**overrides: Any) -> Pool:
    base = Pool(
        id="p1",
        origin="IN",
        occupation="2512",
        headcount=100,
        isced_level=6,
        experience_years=3.0,
        sector="62",
        skills=(PoolSkill("python", 0.8), PoolSkill("sql", 0.5)),
        languages=(PoolLanguage("de", B1, 0.3), PoolLanguage("en", C1, 0.6)),
    )
    return replace(base, **overrides)


def context(*pathways: Pathway, **overrides: Any) -> Context:
    base = Context(
        taxonomy=TAXONOMY,
        pathways=pathways or (OPEN,),
        rates=ExchangeRates("EUR", {"EUR": 1.0, "USD": 0.9, "PHP": 0.016}),
    )
    return replace(base, **overrides)


@pytest.fixture
def make_vacancy() -> Callable[..., Vacancy]:
    return vacancy


@pytest.fixture
def make_pool() -> Callable[..., Pool]:
    return pool


@pytest.fixture
def make_ctx() -> Callable[..., Context]:
    return context
