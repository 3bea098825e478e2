"""Shortage/surplus and skills-gap analytics: charts, tables and CSV (officers and admins)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from starlette.responses import Response

from app.analytics import service as analytics
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
    return render(
        request,
        "analytics.html",
        {
            "sections": sections,
            "gap": gap,
            "totals": totals,
            "gap_chart": gap_chart,
            "top": top,
        },
    )


def _csv(body: str, name: str) -> Response:
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
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
