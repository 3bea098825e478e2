"""A stored match as a page shows it: its component bars, and its explanation in words."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from app.matches.models import Match
from app.reviews.models import Decision
from app.web.charts import ComponentBar, component_bars

#: What passing each eligibility check means, in the officer's words (design section 4).
CHECKS: dict[str, str] = {
    "origin_not_covered": "origin country covered by the pathway",
    "occupation_not_covered": "occupation covered",
    "sector_not_covered": "sector covered",
    "education_below_minimum": "education at or above the minimum",
    "language_below_minimum": "a language requirement met",
    "experience_below_minimum": "experience at or above the minimum",
    "wage_below_threshold": "wage at or above the threshold",
    "contract_not_allowed": "contract type and length allowed",
    "quota_exhausted": "quota left for the start year",
    "pathway_not_in_force": "pathway in force at the start date",
    "ethical_recruitment_health": "WHO health workforce safeguards respected",
    "fees_charged_to_worker": "no recruitment fees charged to workers",
}

#: Evidence keys shown as words; others are shown with underscores as spaces.
EVIDENCE: dict[str, str] = {
    "vacancy_skills": "skills asked",
    "matched": "skills matched",
    "exact": "exact matches",
    "group": "matched through the skill group",
    "missing_essential": "essential skills missing",
    "common_prefix": "ISCO digits in common",
    "required_isced": "ISCED required",
    "pool_isced": "ISCED of the pool",
    "required_years": "years required",
    "pool_years": "years of the pool (median)",
    "days_late": "days available after the start",
}


@dataclass
class SkillLine:
    skill: str
    label: str
    importance: str
    credit: float
    via: str


@dataclass
class MatchView:
    row: Match
    rank: int | None
    chart: Markup
    components: list[dict[str, Any]]
    skills: list[SkillLine]
    missing: list[str]
    pathway: str | None
    checks: list[str]
    reasons: list[dict[str, str]]
    decisions: list[Decision] = field(default_factory=list)
    approved: int = 0

    @property
    def id(self) -> str:
        return str(self.row.id)


def evidence_label(key: str) -> str:
    if key in EVIDENCE:
        return EVIDENCE[key]
    for suffix, words in (
        ("_share_at_or_above", "share at or above the level"),
        ("_share_below", "share one level below"),
        ("_required", "required"),
    ):
        if key.endswith(suffix):
            return f"{key.removesuffix(suffix)}: {words}"
    return key.replace("_", " ")


def view(
    row: Match,
    rank: int | None,
    skill_labels: dict[str, str],
    decisions: list[Decision] | None = None,
) -> MatchView:
    explanation = row.explanation or {}
    components = []
    bars = []
    for c in explanation.get("components", []):
        bars.append(
            ComponentBar(c["name"], float(c["score"]), float(c["weight"]), float(c["contribution"]))
        )
        evidence = c.get("evidence") or {}
        components.append(
            {
                "name": c["name"],
                "score": c["score"],
                "weight": c["weight"],
                "contribution": c["contribution"],
                "evidence": [(evidence_label(k), v) for k, v in evidence.items()],
            }
        )
    skills = [
        SkillLine(
            s["skill"],
            skill_labels.get(s["skill"], s["skill"]),
            s["importance"],
            float(s["credit"]),
            s.get("via") or "",
        )
        for s in explanation.get("skills", [])
    ]
    eligibility = explanation.get("eligibility") or {}
    decided = decisions or []
    return MatchView(
        row=row,
        rank=rank,
        chart=component_bars(bars, row.score),
        components=components,
        skills=skills,
        missing=[skill_labels.get(s, s) for s in explanation.get("missing_essential", [])],
        pathway=eligibility.get("pathway") or row.pathway_code,
        checks=[CHECKS.get(c, c.replace("_", " ")) for c in eligibility.get("checks_passed", [])],
        reasons=list(row.reasons or eligibility.get("reasons") or []),
        decisions=decided,
        approved=sum(d.headcount for d in decided if d.decision == "approved"),
    )


def skill_ids(rows: list[Match]) -> set[str]:
    out: set[str] = set()
    for r in rows:
        for s in (r.explanation or {}).get("skills", []):
            out.add(s["skill"])
    return out
