"""A match as a page shows it: its component bars, and its explanation in words."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from app.matches.service import RankedMatch
from app.web.charts import ComponentBar, component_bars

if TYPE_CHECKING:  # the rows a page shows; the web reads them through the repositories
    from app.decisions.models import Decision

#: What passing each eligibility check means, in the officer's words (design section 4), by
#: the check's name as `checks_passed` lists it (stored rows of older engines are converted on
#: read, app/matches/adapters.stored_explanation).
CHECKS: dict[str, str] = {
    "origin": "origin country covered by the pathway",
    "occupation": "occupation covered",
    "sector": "sector covered",
    "education": "education at or above the minimum",
    "language": "a language requirement met",
    "experience": "experience at or above the minimum",
    "wage": "wage at or above the threshold",
    "contract": "contract type and length allowed",
    "quota": "quota left for the start year",
    "in_force": "pathway in force at the start date",
    "ethical_recruitment": "WHO health workforce safeguards respected",
    "fees": "no recruitment fees charged to workers",
    "eligible_workers": "some workers meet the hard requirements",
}

#: What each factor of the eligible headcount is, in the equation a match card shows.
HEADCOUNT_KINDS: dict[str, str] = {
    "available": "available",
    "pathway_language": "pathway language",
    "required_language": "required language",
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
class HeadcountLine:
    kind: str
    value: float
    text: str


@dataclass
class MatchView:
    row: RankedMatch
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
    #: Factors of the eligible headcount; empty for rows stored before the engine gave them.
    headcount: list[HeadcountLine] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.row.id)

    @property
    def headcount_equation(self) -> str:
        """The eligible headcount as the product of its factors, e.g. "12 = 40 available x 0.3
        (pathway language)"; empty without factors."""
        if not self.headcount:
            return ""
        terms = []
        product = 1.0
        for h in self.headcount:
            kind = HEADCOUNT_KINDS.get(h.kind, h.kind.replace("_", " "))
            terms.append(
                f"{_number(h.value)} {kind}" if h.kind == "available" else f"{h.value:g} ({kind})"
            )
            product *= h.value
        # The engine rounds down: say so when the product is not a whole number.
        rounded = ", rounded down" if abs(product - round(product)) > 1e-9 else ""
        # A blocked pair stores 0 whatever its factors; show what they come to.
        total = (
            self.row.eligible_headcount if self.row.eligible else max(math.floor(product + 1e-9), 0)
        )
        return f"{total:,} = {_TIMES.join(terms)}{rounded}"

    @property
    def no_eligible_workers(self) -> bool:
        return any(r.get("code") == "no_eligible_workers" for r in self.reasons)


_TIMES = " \u00d7 "  # a multiplication sign


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,g}"


def headcount_lines(explanation: dict[str, Any]) -> list[HeadcountLine]:
    """The explanation's headcount factors, skipping malformed entries (rows of older engines
    have none)."""
    lines = []
    for h in explanation.get("headcount") or []:
        if not isinstance(h, dict):
            continue
        try:
            value = float(h["value"])
        except (KeyError, TypeError, ValueError):  # missing, or not a number
            continue
        lines.append(HeadcountLine(str(h.get("kind", "")), value, str(h.get("text", ""))))
    return lines


def evidence_label(key: str) -> str:
    if key in EVIDENCE:
        return EVIDENCE[key]
    for suffix, words in (
        ("_share_at_or_above", "share at or above the level"),
        ("_share_one_below", "share one level below"),
        ("_share_below", "share one level below"),  # rows stored by engine 1.x
        ("_required_at_start", "required at start of work"),
        ("_required", "required"),  # engine 1.x: the level asked
        ("_level", "level asked"),
    ):
        if key.endswith(suffix):
            return f"{key.removesuffix(suffix)}: {words}"
    return key.replace("_", " ")


def evidence_value(key: str, value: object) -> str:
    """An evidence value in words: numbers without float noise, yes/no, and "none" (a pool
    available "now") for null; text as it is."""
    if value is None:
        return "now" if key == "available_from" else "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{round(value, 6):g}"
    return str(value)


def view(
    row: RankedMatch,
    rank: int | None,
    skill_labels: dict[str, str],
    decisions: list[Decision] | None = None,
    approved: int = 0,
) -> MatchView:
    """`approved`: the headcount approved on the pair now (reviews.approved_totals)."""
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
                "evidence": [
                    (evidence_label(k), evidence_value(k, v)) for k, v in evidence.items()
                ],
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
        approved=approved,
        headcount=headcount_lines(explanation),
    )


def skill_ids(rows: Sequence[RankedMatch]) -> set[str]:
    out: set[str] = set()
    for r in rows:
        for s in (r.explanation or {}).get("skills", []):
            out.add(s["skill"])
    return out
