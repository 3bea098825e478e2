"""Shortage/surplus, skills-gap and placement-outcome analytics: charts, tables and CSV
(officers and admins)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from starlette.responses import Response

from app.analytics import outcomes as outcome_analytics
from app.analytics import service as analytics
from app.analytics.outcomes import Outcome, OutcomeBy, Outcomes
from app.analytics.service import BalanceRow, GroupBy
from app.deps import SessionDep, SettingsDep
from app.web.charts import Bar, hbar_chart
from app.web.deps import OfficerUser
from app.web.pages.common import web_router
from app.web.render import render

router = web_router()

#: Bars per chart; the tables and the CSV have every row.
CHART_ROWS = 15
TopN = Annotated[int, Query(ge=1, le=50)]

_GROUP_WORDS = {
    GroupBy.OCCUPATION: ("occupation", "ISCO-08 unit group of the vacancies"),
    GroupBy.DESTINATION: ("destination", "destination country of the vacancies"),
    GroupBy.ORIGIN: ("origin", "origin country of the pools"),
}


_OUTCOME_WORDS = {
    OutcomeBy.PATHWAY: "pathway",
    OutcomeBy.ORIGIN: "origin",
    OutcomeBy.OCCUPATION: "occupation",
    OutcomeBy.EMPLOYER: "employer",
}


def _outcome_label(g: Outcome, by: OutcomeBy) -> str:
    return f"{g.key} {g.label}" if by in (OutcomeBy.PATHWAY, OutcomeBy.OCCUPATION) else g.label


def _rate_chart(
    result: Outcomes,
    *,
    rate: str,
    title: str,
    description: str,
    explain: str,
    flag: str | None = None,
) -> object | None:
    """Bars of one rate (in %) for the groups with the most approved workers that have it;
    flagged outliers in the alert colour. None when no group has the rate."""
    shown = [g for g in result.groups if getattr(g, rate) is not None][:CHART_ROWS]
    if not shown:
        return None
    bars = []
    for g in shown:
        value = float(getattr(g, rate))
        outlier = flag is not None and flag in g.flags
        bars.append(
            Bar(
                label=_outcome_label(g, result.by),
                value=round(value * 100, 1),
                tooltip=f"{g.label}: {explain.format(g=g)}" + (" (outlier)" if outlier else ""),
                css="bar-alert" if outlier else ("bar-score" if flag is None else "bar-gap"),
                text=f"{value:.1%}",
            )
        )
    return hbar_chart(bars, title=title, description=description)


def _outcome_charts(result: Outcomes) -> list[tuple[str, str, object]]:
    """(name, caption, chart) of the rates that some group has."""
    word = _OUTCOME_WORDS[result.by]
    specs = [
        (
            "placement-rate",
            "placement_rate",
            f"Placement rate by {word}",
            "Workers who started work, in per cent of the workers approved.",
            "{g.started_work} of {g.approved} approved workers started work",
            None,
        ),
        (
            "early-leaving",
            "early_leaving_rate",
            f"Early-leaving rate by {word}",
            "Workers who left early after departure, in per cent of those who departed; "
            "outliers in red.",
            "{g.left_early_abroad} of {g.departed} departed workers left early",
            "early_leaving",
        ),
        (
            "visa-refusal",
            "visa_refusal_rate",
            f"Visa refusal rate by {word}",
            "Visas refused, in per cent of the visas decided; outliers in red.",
            "{g.visa_refused} of {g.visas_decided} visas decided were refused",
            "visa_refusal",
        ),
    ]
    out = []
    for name, rate, title, description, explain, flag in specs:
        chart = _rate_chart(
            result, rate=rate, title=title, description=description, explain=explain, flag=flag
        )
        if chart is not None:
            out.append((name, f"{title}: {description[0].lower()}{description[1:]}", chart))
    return out


def _balance_chart(rows: list[BalanceRow], by: GroupBy) -> object:
    # The largest imbalances either way are the ones worth a bar.
    shown = sorted(rows, key=lambda r: (-abs(r.balance), r.key))[:CHART_ROWS]
    shown.sort(key=lambda r: (r.balance, r.key))
    bars = [
        Bar(
            label=f"{r.key} {r.label}" if by is GroupBy.OCCUPATION else r.label,
            value=r.balance,
            tooltip=f"{r.label}: {r.demand} openings, {r.supply} eligible workers; "
            + (f"shortage of {r.shortage}" if r.shortage else f"surplus of {r.surplus}"),
            css="bar-shortage" if r.balance < 0 else "bar-surplus",
            text=f"{r.balance:+,}",
        )
        for r in shown
    ]
    word, meaning = _GROUP_WORDS[by]
    return hbar_chart(
        bars,
        title=f"Shortage and surplus by {word}",
        description=f"Eligible supply minus open openings per {meaning}: bars left of the "
        "line are shortages, bars right of it surpluses.",
    )


@router.get("/analytics")
def analytics_page(
    request: Request,
    user: OfficerUser,
    session: SessionDep,
    settings: SettingsDep,
    top: TopN = analytics.DEFAULT_TOP_N,
    outcomes_by: OutcomeBy = OutcomeBy.PATHWAY,
) -> Response:
    sections = []
    market = analytics.balance_market(session, settings)  # one ranking for the three groupings
    for by in GroupBy:
        rows = analytics.shortage_surplus(session, settings, by, market)
        sections.append(
            {
                "by": by.value,
                "word": _GROUP_WORDS[by][0],
                "rows": rows,
                "chart": _balance_chart(rows, by),
            }
        )
    gap = analytics.skills_gap(session, settings, top)
    totals = analytics.skill_totals(gap)
    gap_chart = hbar_chart(
        [
            Bar(
                t.skill_label,
                t.matches_missing,
                f"{t.skill_label}: missing in {t.matches_missing} top matches of {t.vacancies} "
                f"vacancies ({t.workers:,} eligible workers in those matches)",
                "bar-gap",
            )
            for t in totals[:CHART_ROWS]
        ],
        title="Skills gap: essential skills most often missing",
        description=f"How many of the top {top} matches of each open vacancy lack each "
        "essential skill, all occupations together.",
    )
    result = outcome_analytics.outcomes(session, outcomes_by)
    return render(
        request,
        "analytics.html",
        {
            "sections": sections,
            "gap": gap,
            "totals": totals,
            "gap_chart": gap_chart,
            "top": top,
            "outcomes": result,
            "outcome_word": _OUTCOME_WORDS[outcomes_by],
            "outcome_groupings": [(b.value, w) for b, w in _OUTCOME_WORDS.items()],
            "outcome_charts": _outcome_charts(result),
            "outlier_rule": {
                "min_at_risk": outcome_analytics.MIN_AT_RISK,
                "min_ratio": outcome_analytics.MIN_RATIO,
                "alpha": outcome_analytics.ALPHA,
            },
        },
    )


def _csv(body: str, name: str) -> Response:
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )


@router.get("/analytics/shortage-surplus.csv")
def shortage_csv(
    user: OfficerUser,
    session: SessionDep,
    settings: SettingsDep,
    by: GroupBy = GroupBy.OCCUPATION,
) -> Response:
    rows = analytics.shortage_surplus(session, settings, by)
    return _csv(analytics.balance_csv(rows), f"shortage-surplus-by-{by.value}.csv")


@router.get("/analytics/skills-gap.csv")
def skills_gap_csv(
    user: OfficerUser,
    session: SessionDep,
    settings: SettingsDep,
    top: TopN = analytics.DEFAULT_TOP_N,
) -> Response:
    return _csv(
        analytics.skills_gap_csv(analytics.skills_gap(session, settings, top)),
        f"skills-gap-top{top}.csv",
    )


@router.get("/analytics/outcomes.csv")
def outcomes_csv(
    user: OfficerUser, session: SessionDep, by: OutcomeBy = OutcomeBy.PATHWAY
) -> Response:
    return _csv(
        outcome_analytics.outcomes_csv(outcome_analytics.outcomes(session, by)),
        f"outcomes-by-{by.value}.csv",
    )
