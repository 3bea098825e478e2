"""imdi-match engine: eligibility across legal pathways, scoring, explanations (pure library).

Importing this package pulls in no web or database code; see README.md in this directory.
"""

# `explain` is deliberately not re-exported: the name would shadow the matching.explain module
# (use `from matching.explain import explain`).
# Defined before the imports below: matching.reference reads it from the package while the
# package is still initialising.
ENGINE_VERSION = "2.1.0"

from matching.components import combine, component_scores, is_relevant  # noqa: E402
from matching.eligibility import (  # noqa: E402
    ALL_REASON_CODES,
    CHECK_NAMES,
    REASON_CODES,
    PathwayCheck,
    assess,
    candidate_pathways,
    check_pathway,
)
from matching.money import annualise, convert  # noqa: E402
from matching.records import (  # noqa: E402
    CEFR_LEVELS,
    COMPONENTS,
    DEFAULT_WEIGHTS,
    ComponentScore,
    Context,
    ContractType,
    Eligibility,
    ExchangeRates,
    Explanation,
    HeadcountFactor,
    Importance,
    LanguageRequirement,
    Match,
    Money,
    Pathway,
    PathwayKind,
    Pool,
    PoolLanguage,
    PoolSkill,
    Reason,
    SkillEvidence,
    SkillRequirement,
    Taxonomy,
    Vacancy,
    WagePeriod,
    cefr_index,
)
from matching.reference import rank_reference, rank_vacancies_reference, score_pair  # noqa: E402
from matching.weights import validate_weights, weights_hash  # noqa: E402

__all__ = [
    "ALL_REASON_CODES",
    "CEFR_LEVELS",
    "CHECK_NAMES",
    "COMPONENTS",
    "DEFAULT_WEIGHTS",
    "ENGINE_VERSION",
    "REASON_CODES",
    "ComponentScore",
    "Context",
    "ContractType",
    "Eligibility",
    "ExchangeRates",
    "Explanation",
    "HeadcountFactor",
    "Importance",
    "LanguageRequirement",
    "Match",
    "Money",
    "Pathway",
    "PathwayCheck",
    "PathwayKind",
    "Pool",
    "PoolLanguage",
    "PoolSkill",
    "Reason",
    "SkillEvidence",
    "SkillRequirement",
    "Taxonomy",
    "Vacancy",
    "WagePeriod",
    "annualise",
    "assess",
    "candidate_pathways",
    "cefr_index",
    "check_pathway",
    "combine",
    "component_scores",
    "convert",
    "is_relevant",
    "rank_reference",
    "rank_vacancies_reference",
    "score_pair",
    "validate_weights",
    "weights_hash",
]
