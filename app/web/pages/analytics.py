"""Shortage/surplus, skills-gap and placement-outcome analytics: charts, tables and CSV
(officers and admins). The pairs come from the live ranking or, chosen on the page ("Pairs
from"), a batch run's stored pairs: the page says which, and as of when."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query, Request
from sqlalchemy.orm import Session
from starlette.responses import Response

from app.analytics import outcomes as outcome_analytics
from app.analytics import service as analytics
from app.analytics.outcomes import Outcome, OutcomeBy, Outcomes
from app.analytics.service import BalanceRow, GroupBy, PairSource
from app.config import Settings
from app.deps import SessionDep, SettingsDep
from app.errors import ProblemError
from app.web.charts import Bar, hbar_chart
from app.web.deps import OfficerUser
from app.web.pages.common import web_router
from app.web.render import render
from app.web.routing import Redirect

router = web_router()

#: Bars per chart; the tables and the CSV have every row.
CHART_ROWS = 15
TopN = Annotated[int, Query(ge=1, le=50)]
#: A batch run's id, or empty (the select's "live ranking").
RunChoice = Annotated[str | None, Query(max_length=40)]
#: Batch runs offered in the "Pairs from" choice.
RUN_CHOICES = 10


def _source(session: Session, settings: Settings, run: str | None) -> PairSource:
    """The live ranking (no run chosen), or the chosen batch run's pairs; a run whose pairs
    can no longer be read (a newer run replaced it) leads back to the live page, saying so."""
    if not run:
        return analytics.live_source(session, settings)
    try:
        return analytics.run_source(session, uuid.UUID(run))
    except (ValueError, ProblemError) as exc:
        detail = exc.detail if isinstance(exc, ProblemError) else f"{run} is not a batch run id."
        raise Redirect("/analytics", "error", f"{detail} Showing the live ranking.") from None


def run_choice(source: PairSource) -> str:
    """A batch run as the "Pairs from" selects name it."""
    words = source_words(source)
    return f"{words[0].upper()}{words[1:]}, as of {source.as_of:%Y-%m-%d %H:%M} UTC"


def source_words(source: PairSource) -> str:
    """What the pairs are, in a line (the pages' "Pairs from")."""
    if source.run_id is None:
        return "the live ranking"
    covers = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in source.scope.as_dict().items() if v)
    kept = "every eligible pair" if source.top_k is None else f"top {source.top_k} per vacancy"
    return (
        f"batch run {str(source.run_id)[:8]} ({covers or 'the whole market'}; {kept}; "
        f"change {source.change_seq:,})"
    )


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
    run: RunChoice = None,
) -> Response:
    source = _source(session, settings, run)
    sections = []
    # One ranking (or one read of the run's pairs) for the three groupings.
    market = analytics.balance_market(session, settings, source)
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
    gap_error = None
    try:
        gap = analytics.skills_gap(session, settings, top, source)
    except ProblemError as exc:  # more top matches than the run kept the missing skills of
        gap, gap_error = [], (exc.errors or [{"message": exc.detail}])[0]["message"]
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
    runs = analytics.recent_runs(session, RUN_CHOICES)
    if source.run_id is not None and all(r.run_id != source.run_id for r in runs):
        runs.append(source)  # an older current run, chosen by its link: still a choice
    return render(
        request,
        "analytics.html",
        {
            "sections": sections,
            "gap": gap,
            "gap_error": gap_error,
            "totals": totals,
            "gap_chart": gap_chart,
            "top": top,
            # The run's explained pairs bound the field (the API's TopN bounds it to 50).
            "top_max": 50 if source.explained is None else min(max(source.explained, 1), 50),
            "explained": source.explained,
            "source": source,
            "source_words": source_words(source),
            "run_value": "" if source.run_id is None else str(source.run_id),
            "runs": [(str(r.run_id), run_choice(r)) for r in runs],
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
        status=422 if gap_error else 200,
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
    run: RunChoice = None,
) -> Response:
    market = analytics.balance_market(session, settings, _source(session, settings, run))
    rows = analytics.shortage_surplus(session, settings, by, market)
    return _csv(analytics.balance_csv(rows), f"shortage-surplus-by-{by.value}{_suffix(run)}.csv")


@router.get("/analytics/skills-gap.csv")
def skills_gap_csv(
    user: OfficerUser,
    session: SessionDep,
    settings: SettingsDep,
    top: TopN = analytics.DEFAULT_TOP_N,
    run: RunChoice = None,
) -> Response:
    source = _source(session, settings, run)
    try:
        rows = analytics.skills_gap(session, settings, top, source)
    except ProblemError as exc:
        back = f"/analytics?run={run}#skills-gap" if run else "/analytics#skills-gap"
        raise Redirect(back, "error", exc.detail) from None
    return _csv(analytics.skills_gap_csv(rows), f"skills-gap-top{top}{_suffix(run)}.csv")


def _suffix(run: str | None) -> str:
    """A download from a batch run is named after it: two files are never mistaken."""
    return f"-run-{run[:8]}" if run else ""


@router.get("/analytics/outcomes.csv")
def outcomes_csv(
    user: OfficerUser, session: SessionDep, by: OutcomeBy = OutcomeBy.PATHWAY
) -> Response:
    return _csv(
        outcome_analytics.outcomes_csv(outcome_analytics.outcomes(session, by)),
        f"outcomes-by-{by.value}.csv",
    )
