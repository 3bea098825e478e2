"""Outcome analytics of placements and the decisions dataset, through the API on the demo data
(on every backend): approvals and their workers' moves are recorded as officers record them,
and the figures are checked against numbers worked out by hand and against an oracle that
recomputes every figure from the stored rows, apart from the service's SQL."""

from __future__ import annotations

import csv
import io
import math
import re
import statistics
import uuid
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

import matching
from app.analytics import outcomes as outcome_analytics
from app.analytics.outcomes import (
    ABROAD,
    DATASET_COLUMNS,
    REACHED,
    SCORE_COMPONENTS,
    Measure,
    Outcome,
    find_outliers,
    weighted_median,
)
from app.config import PROJECT_ROOT
from app.db import Database, as_utc
from app.decisions.models import Decision, Placement, PlacementMove, PlacementStage
from app.matches.models import Match
from app.matches.service import RankedMatch
from app.placements import stages
from app.pools.models import Pool
from app.vacancies.models import Vacancy
from tests.market import eligible
from tests.web.conftest import OFFICER, assert_no_inline_code, sign_in

A = "/api/v1/analytics"
PL = "/api/v1/placements"
GROUPINGS = ("pathway", "origin", "occupation", "employer")
COUNTS = ("placements", "approved", *REACHED, "released")
RATES = ("placement_rate", "visa_refusal_rate", "early_leaving_rate", "median_days_to_start")
TODAY = datetime.now(UTC).date()

#: A move: (from stage, to stage, workers, days after the approval's date).
Step = tuple[str | None, str, int, int]


def _officer(demo_keys) -> dict[str, str]:
    return next(iter(demo_keys["officer"].values()))


def _get(client: TestClient, headers, path: str, **params: Any) -> Any:
    r = client.get(path, headers=headers, params=params)
    assert r.status_code == 200, r.text
    return r.json()


# ---- recording approvals and moves -----------------------------------------------------------


def _candidates(db: Database, headcount: int) -> list[tuple[RankedMatch, uuid.UUID]]:
    """Undecided eligible pairs that can take `headcount` workers, with their employer."""
    with db.session() as s:
        decided = set(s.scalars(select(Decision.match_id)))
        vacancies = {v.id: v for v in s.scalars(select(Vacancy))}
    return [
        (m, vacancies[m.vacancy_id].employer_id)
        for m in eligible(db, headcount)
        if m.id not in decided and vacancies[m.vacancy_id].openings >= headcount
    ]


def _approve_pairs(
    client: TestClient,
    db: Database,
    officer,
    headcounts: list[int],
    *,
    distinct_employers: bool = False,
) -> list[tuple[RankedMatch, dict[str, Any]]]:
    """Approve one pair per headcount (distinct vacancies and pools; distinct employers when
    asked); a pair the approval refuses (a quota used up, say) is passed over. Returns each
    pair with its placement."""
    out: list[tuple[RankedMatch, dict[str, Any]]] = []
    used: set[uuid.UUID] = set()
    for headcount in headcounts:
        for m, employer in _candidates(db, headcount):
            if used & {m.vacancy_id, m.pool_id} or (distinct_employers and employer in used):
                continue
            r = client.post(
                f"/api/v1/matches/{m.id}/decisions",
                headers=officer,
                json={"decision": "approved", "headcount": headcount},
            )
            if r.status_code == 409:
                continue
            assert r.status_code == 201, r.text
            used |= {m.vacancy_id, m.pool_id, employer}
            page = _get(client, officer, PL, vacancy_id=str(m.vacancy_id), pool_id=str(m.pool_id))
            placement = next(p for p in page["items"] if p["status"] == "active")
            out.append((m, placement))
            break
        else:
            raise AssertionError(f"the demo data has no pair left for {headcount} workers")
    return out


def _backdate(db: Database, placement_id: str, days: int) -> date:
    """Move an approval `days` into the past (moves may not be dated before it); its date."""
    at = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0) - timedelta(
        days=days
    )
    with db.transaction() as s:
        placement = s.get(Placement, uuid.UUID(placement_id))
        assert placement is not None
        placement.approved_at = at
        decision = s.get(Decision, placement.decision_id)
        assert decision is not None
        decision.created_at = at
    return at.date()


def _record(client: TestClient, officer, placement_id: str, approved_on: date, steps: list[Step]):
    moves = [
        {
            "placement_id": placement_id,
            "from_stage": source,
            "to_stage": to,
            "count": n,
            "on": (approved_on + timedelta(days=day)).isoformat(),
        }
        for source, to, n, day in steps
    ]
    r = client.post(f"{PL}/moves", headers=officer, json={"moves": moves})
    assert r.status_code == 201, r.text


def _through_departure(n: int) -> list[Step]:
    return [
        (None, "selected", n, 0),
        ("selected", "contract_signed", n, 1),
        ("contract_signed", "visa_applied", n, 2),
        ("visa_applied", "visa_granted", n, 3),
        ("visa_granted", "departed", n, 4),
    ]


# ---- the oracle: every figure from the stored rows, in plain Python --------------------------

#: Leaving early from these is leaving early abroad (derived from the pipeline's rules).
_ABROAD = {
    s.value
    for s, nxt in stages.NEXT.items()
    if s is not None and PlacementStage.LEFT_EARLY in nxt and s not in stages.BEFORE_DEPARTURE
}


def _oracle(db: Database, by: str) -> dict[str, dict[str, Any]]:
    with db.session() as s:
        placements = list(s.scalars(select(Placement)))
        moves = list(s.scalars(select(PlacementMove)))
        origin = dict(s.execute(select(Pool.id, Pool.origin_country)).all())
        vacancies = {v.id: v for v in s.scalars(select(Vacancy))}

    def key(p: Placement) -> str:
        if by == "pathway":
            return p.pathway_code
        if by == "origin":
            return origin[p.pool_id]
        if by == "occupation":
            return vacancies[p.vacancy_id].occupation_code
        return str(vacancies[p.vacancy_id].employer_id)

    kept = {p.id: p for p in placements if p.status != "withdrawn"}
    figures: dict[str, dict[str, Any]] = defaultdict(lambda: {c: 0 for c in COUNTS})
    days: dict[str, list[int]] = defaultdict(list)
    for p in kept.values():
        f = figures[key(p)]
        f["placements"] += 1
        f["approved"] += p.approved
    for m in moves:
        p = kept.get(m.placement_id)
        if p is None:
            continue
        f = figures[key(p)]
        if m.to_stage == "left_early":
            f["left_early_abroad" if m.from_stage in _ABROAD else "dropped_out"] += m.count
        else:
            f[m.to_stage] += m.count
        f["released"] += m.released
        if m.to_stage == "started_work":
            approved_on = as_utc(p.approved_at).date()
            days[key(p)] += [(m.moved_on - approved_on).days] * m.count
    for k, f in figures.items():
        f["placement_rate"] = f["started_work"] / f["approved"] if f["approved"] else None
        decided = f["visa_granted"] + f["visa_refused"]
        f["visa_refusal_rate"] = f["visa_refused"] / decided if decided else None
        f["early_leaving_rate"] = f["left_early_abroad"] / f["departed"] if f["departed"] else None
        f["median_days_to_start"] = float(statistics.median(days[k])) if days[k] else None
    return dict(figures)


def _same(actual: dict[str, Any], expected: dict[str, Any], where: str) -> None:
    for name in (*COUNTS, *RATES):
        a, e = actual[name], expected[name]
        if isinstance(e, float):
            assert a == pytest.approx(e, rel=1e-12), (where, name, a, e)
        else:
            assert a == e, (where, name, a, e)


def _keys_of(db: Database, pairs: list[tuple[RankedMatch, dict[str, Any]]]) -> list[dict[str, str]]:
    """Each placement's key in every grouping."""
    out = []
    with db.session() as s:
        for m, placement in pairs:
            vacancy = s.get(Vacancy, m.vacancy_id)
            pool = s.get(Pool, m.pool_id)
            assert vacancy is not None and pool is not None
            out.append(
                {
                    "pathway": placement["pathway_code"],
                    "origin": pool.origin_country,
                    "occupation": vacancy.occupation_code,
                    "employer": str(vacancy.employer_id),
                }
            )
    return out


# ---- outcomes --------------------------------------------------------------------------------

# Six workers approved 40 days ago: one visa refused, one dropout after the visa, four departed;
# of those one left early on arrival, three started work (two on day 10, one on day 14), one
# completed the contract and one left early at work.
P1: list[Step] = [
    (None, "selected", 6, 1),
    ("selected", "contract_signed", 6, 2),
    ("contract_signed", "visa_applied", 6, 3),
    ("visa_applied", "visa_granted", 5, 5),
    ("visa_applied", "visa_refused", 1, 5),
    ("visa_granted", "left_early", 1, 6),
    ("visa_granted", "departed", 4, 8),
    ("departed", "arrived", 4, 9),
    ("arrived", "left_early", 1, 10),
    ("arrived", "started_work", 2, 10),
    ("arrived", "started_work", 1, 14),
    ("started_work", "completed_contract", 1, 30),
    ("started_work", "left_early", 1, 20),
]
P1_FIGURES = {
    "placements": 1,
    "approved": 6,
    "selected": 6,
    "contract_signed": 6,
    "visa_applied": 6,
    "visa_granted": 5,
    "visa_refused": 1,
    "departed": 4,
    "arrived": 4,
    "started_work": 3,
    "completed_contract": 1,
    "dropped_out": 1,
    "left_early_abroad": 2,
    "released": 2,
}
# Four workers approved 20 days ago: two visas refused, two started work on day 5.
P2: list[Step] = [
    (None, "selected", 4, 0),
    ("selected", "contract_signed", 4, 0),
    ("contract_signed", "visa_applied", 4, 1),
    ("visa_applied", "visa_granted", 2, 2),
    ("visa_applied", "visa_refused", 2, 2),
    ("visa_granted", "departed", 2, 3),
    ("departed", "arrived", 2, 4),
    ("arrived", "started_work", 2, 5),
]
P2_FIGURES = {
    "placements": 1,
    "approved": 4,
    "selected": 4,
    "contract_signed": 4,
    "visa_applied": 4,
    "visa_granted": 2,
    "visa_refused": 2,
    "departed": 2,
    "arrived": 2,
    "started_work": 2,
    "completed_contract": 0,
    "dropped_out": 0,
    "left_early_abroad": 0,
    "released": 2,
}


def _rates(f: dict[str, int]) -> dict[str, float | None]:
    decided = f["visa_granted"] + f["visa_refused"]
    return {
        "placement_rate": f["started_work"] / f["approved"] if f["approved"] else None,
        "visa_refusal_rate": f["visa_refused"] / decided if decided else None,
        "early_leaving_rate": f["left_early_abroad"] / f["departed"] if f["departed"] else None,
    }


def test_outcomes_count_the_stages_reached_and_their_rates(
    demo_client, demo_database, demo_keys
) -> None:
    officer = _officer(demo_keys)
    before = {by: _get(demo_client, officer, f"{A}/outcomes", by=by) for by in GROUPINGS}
    pairs = _approve_pairs(demo_client, demo_database, officer, [6, 4, 3])
    (_, p1), (_, p2), (m3, p3) = pairs
    _record(demo_client, officer, p1["id"], _backdate(demo_database, p1["id"], 40), P1)
    _record(demo_client, officer, p2["id"], _backdate(demo_database, p2["id"], 20), P2)
    # The third is withdrawn after one selection: it leaves every figure.
    day = _backdate(demo_database, p3["id"], 10)
    _record(demo_client, officer, p3["id"], day, [(None, "selected", 1, 0)])
    r = demo_client.post(
        f"/api/v1/matches/{m3.id}/decisions",
        headers=officer,
        json={"decision": "withdrawn", "note": "employer cancelled"},
    )
    assert r.status_code == 201, r.text

    keys = _keys_of(demo_database, pairs[:2])
    for by in GROUPINGS:
        body = _get(demo_client, officer, f"{A}/outcomes", by=by)
        assert body["by"] == by
        groups = {g["key"]: g for g in body["groups"]}
        old = {g["key"]: g for g in before[by]["groups"]}
        # Each group: what it had, plus the two placements whose key it is.
        delta: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COUNTS, 0))
        for k, figures in zip(keys, (P1_FIGURES, P2_FIGURES), strict=True):
            for name, n in figures.items():
                delta[k[by]][name] += n
        for key, d in delta.items():
            expected = {c: old.get(key, {}).get(c, 0) + d[c] for c in COUNTS}
            assert {c: groups[key][c] for c in COUNTS} == expected, (by, key)
            for name, rate in _rates(expected).items():
                assert groups[key][name] == pytest.approx(rate), (by, key, name)
        # The withdrawn approval is nowhere.
        assert (
            sum(g["placements"] for g in body["groups"]) == before[by]["totals"]["placements"] + 2
        )
        # Every group and the totals, as the oracle recomputes them from the rows.
        oracle = _oracle(demo_database, by)
        assert set(groups) == set(oracle)
        for key, g in groups.items():
            _same(g, oracle[key], f"{by}:{key}")
        totals = {c: sum(f[c] for f in oracle.values()) for c in COUNTS}
        assert {c: body["totals"][c] for c in COUNTS} == totals
        # Most approved workers first, then key.
        assert [g["key"] for g in body["groups"]] == sorted(
            groups, key=lambda k: (-groups[k]["approved"], k)
        )

    t = _get(demo_client, officer, f"{A}/outcomes")["totals"]
    old_t = before["pathway"]["totals"]
    assert t["approved"] == old_t["approved"] + 10
    assert t["started_work"] == old_t["started_work"] + 5
    assert t["released"] == old_t["released"] + 4
    if old_t["approved"] == 0:  # the demo data has no placements of its own: by hand
        assert t["placement_rate"] == pytest.approx(5 / 10)
        assert t["visa_refusal_rate"] == pytest.approx(3 / 10)
        assert t["early_leaving_rate"] == pytest.approx(2 / 6)
        # Workers started on days 5, 5, 10, 10 and 14 after their approvals.
        assert t["median_days_to_start"] == 10


def test_outcomes_csv_has_the_json_rows(demo_client, demo_database, demo_keys) -> None:
    officer = _officer(demo_keys)
    (_, p1), (_, p2) = _approve_pairs(demo_client, demo_database, officer, [6, 4])
    _record(demo_client, officer, p1["id"], _backdate(demo_database, p1["id"], 40), P1)
    _record(demo_client, officer, p2["id"], _backdate(demo_database, p2["id"], 20), P2)
    for by in GROUPINGS:
        body = _get(demo_client, officer, f"{A}/outcomes", by=by)
        r = demo_client.get(f"{A}/outcomes.csv", headers=officer, params={"by": by})
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        assert f"outcomes-by-{by}.csv" in r.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert tuple(rows[0]) == outcome_analytics.OUTCOME_COLUMNS
        assert len(rows) == len(body["groups"]) >= 1
        for row, g in zip(rows, body["groups"], strict=True):
            for column in outcome_analytics.OUTCOME_COLUMNS:
                value = g[column]
                if column == "flags":
                    assert row[column] == ";".join(value)
                elif value is None:
                    assert row[column] == ""
                elif isinstance(value, float):
                    assert float(row[column]) == value
                else:
                    assert row[column] == str(value), (by, column)
    assert demo_client.get(f"{A}/outcomes", headers=officer, params={"by": "x"}).status_code == 422


def _binomial_tail(events: int, trials: int, rate: float) -> float:
    """P(X >= events), X ~ Binomial(trials, rate), summed term by term."""
    return sum(
        math.comb(trials, k) * rate**k * (1 - rate) ** (trials - k)
        for k in range(events, trials + 1)
    )


def test_an_employer_whose_workers_leave_early_is_flagged(
    demo_client, demo_database, demo_keys, demo_users
) -> None:
    officer = _officer(demo_keys)
    (_, bad), (_, good) = _approve_pairs(
        demo_client, demo_database, officer, [30, 40], distinct_employers=True
    )
    # 15 of 30 workers of one employer leave early abroad; 2 of 40 of the other.
    day = _backdate(demo_database, bad["id"], 30)
    _record(
        demo_client,
        officer,
        bad["id"],
        day,
        [*_through_departure(30), ("departed", "left_early", 15, 5)],
    )
    day = _backdate(demo_database, good["id"], 30)
    _record(
        demo_client,
        officer,
        good["id"],
        day,
        [*_through_departure(40), ("departed", "left_early", 2, 5)],
    )
    with demo_database.session() as s:
        employer = {
            p["id"]: str(s.get(Vacancy, uuid.UUID(p["vacancy_id"])).employer_id)
            for p in (bad, good)
        }
    body = _get(demo_client, officer, f"{A}/outcomes", by="employer")
    t = body["totals"]
    reference = t["left_early_abroad"] / t["departed"]
    flagged = {(o["key"], o["measure"]) for o in body["outliers"]}
    assert (employer[bad["id"]], "early_leaving") in flagged
    assert (employer[good["id"]], "early_leaving") not in flagged
    outlier = next(o for o in body["outliers"] if o["key"] == employer[bad["id"]])
    assert (outlier["events"], outlier["at_risk"]) == (15, 30)
    assert outlier["rate"] == pytest.approx(0.5)
    assert outlier["programme_rate"] == pytest.approx(reference)
    assert outlier["ratio"] == pytest.approx(0.5 / reference)
    assert outlier["p_value"] == pytest.approx(_binomial_tail(15, 30, reference), rel=1e-9)
    assert outlier["p_value"] < 0.01 and outlier["ratio"] >= 1.5
    groups = {g["key"]: g for g in body["groups"]}
    assert groups[employer[bad["id"]]]["flags"] == ["early_leaving"]
    assert groups[employer[good["id"]]]["flags"] == []
    assert body["rule"] == {"min_at_risk": 10, "min_ratio": 1.5, "alpha": 0.01}

    # The analytics page shows the grouping, the flag and the CSV link.
    officer_user = next(u for u in demo_users if u["email"] == OFFICER)
    sign_in(demo_client, OFFICER, officer_user["password"])
    page = demo_client.get("/analytics", params={"outcomes_by": "employer"})
    assert page.status_code == 200, page.text
    html = page.text
    assert "Outcomes of placements by employer" in html
    assert 'href="/analytics/outcomes.csv?by=employer"' in html
    assert 'data-chart="placement-rate"' in html and 'data-chart="early-leaving"' in html
    outliers = html[
        html.index('id="outliers"') : html.index("</table>", html.index('id="outliers"'))
    ]
    assert outlier["label"] in outliers and "15 of 30" in outliers
    assert "early leaving outlier" in html
    assert_no_inline_code(html)
    web_csv = demo_client.get("/analytics/outcomes.csv", params={"by": "employer"})
    api_csv = demo_client.get(f"{A}/outcomes.csv", headers=officer, params={"by": "employer"})
    assert web_csv.status_code == 200 and web_csv.text == api_csv.text
    assert demo_client.get("/analytics", params={"outcomes_by": "nope"}).status_code == 422


def test_the_outlier_rule_on_constructed_groups() -> None:
    def group(key: str, departed: int, left: int, granted: int, refused: int) -> Outcome:
        return Outcome(
            key=key,
            label=key.title(),
            departed=departed,
            left_early_abroad=left,
            visa_granted=granted,
            visa_refused=refused,
        )

    groups = [
        group("big", 2000, 200, 1900, 100),
        group("high", 30, 15, 40, 0),  # early leaving 50%: flagged
        group("few", 9, 9, 2, 10),  # early leaving: 9 departed, too few; refusals flagged
        group("modest", 1000, 180, 1000, 50),  # significant, but 1.35x the programme
        group("chance", 10, 3, 10, 0),  # 2.2x, 10 at risk, but p = 0.14
    ]
    totals = Outcome(key="", label="Programme")
    for g in groups:
        totals.add(g)
    leaving = 407 / 3049
    refusal = 160 / 3112
    assert totals.early_leaving_rate == pytest.approx(leaving)
    assert totals.visa_refusal_rate == pytest.approx(refusal)
    # What each clause decides, computed here apart from the service.
    assert _binomial_tail(180, 1000, leaving) < 0.01 and 0.18 / leaving < 1.5
    assert _binomial_tail(3, 10, leaving) > 0.01 and 0.3 / leaving >= 1.5

    found = find_outliers(groups, totals)
    assert {(o.key, o.measure) for o in found} == {
        ("high", Measure.EARLY_LEAVING),
        ("few", Measure.VISA_REFUSAL),
    }
    high = next(o for o in found if o.key == "high")
    assert (high.events, high.at_risk, high.rate) == (15, 30, 0.5)
    assert high.p_value == pytest.approx(_binomial_tail(15, 30, leaving), rel=1e-9)
    few = next(o for o in found if o.key == "few")
    assert (few.events, few.at_risk) == (10, 12)
    assert few.p_value == pytest.approx(_binomial_tail(10, 12, refusal), rel=1e-9)
    assert found == sorted(found, key=lambda o: o.p_value)
    # No figure, no flag: a programme nobody has left.
    calm = [group("a", 50, 0, 50, 0), group("b", 50, 0, 50, 0)]
    calm_totals = Outcome(key="", label="")
    for g in calm:
        calm_totals.add(g)
    assert find_outliers(calm, calm_totals) == []


def test_weighted_median() -> None:
    assert weighted_median({}) is None
    assert weighted_median({7: 4}) == 7
    assert weighted_median({5: 2, 10: 2, 14: 1}) == 10
    assert weighted_median({1: 1, 3: 1}) == 2
    assert weighted_median({0: 3, 30: 1}) == 0
    assert weighted_median({2: 1, 4: 2, 9: 1}) == 4


def test_the_module_agrees_with_the_pipeline_and_the_engine() -> None:
    # Leaving early from these is abroad; from the others a dropout that gives quota back.
    assert set(ABROAD) == _ABROAD
    for source, nxt in stages.NEXT.items():
        if PlacementStage.LEFT_EARLY in nxt:
            assert stages.releases(source, PlacementStage.LEFT_EARLY) == (source not in ABROAD)
    assert SCORE_COMPONENTS == matching.COMPONENTS
    assert set(REACHED) == {s.value for s in PlacementStage} - {"left_early"} | {
        "dropped_out",
        "left_early_abroad",
    }


# ---- the decisions dataset -------------------------------------------------------------------


def _dataset(client: TestClient, headers, limit: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    after: str | None = None
    while True:
        params: dict[str, Any] = {"limit": limit}
        if after:
            params["after"] = after
        page = _get(client, headers, f"{A}/decisions-dataset.json", **params)
        assert len(page["items"]) <= limit
        rows += page["items"]
        after = page["next_after"]
        if after is None:
            assert len(rows) == page["total"]
            return rows


def test_the_decisions_dataset(demo_client, demo_database, demo_keys) -> None:
    officer = _officer(demo_keys)
    # A shortlist later rejected; an approval with workers moving on; an approval withdrawn; a
    # rejection.
    candidates = [m for m, _ in _candidates(demo_database, 5)]
    shortlisted = candidates[0]
    r = demo_client.post(
        f"/api/v1/matches/{shortlisted.id}/decisions",
        headers=officer,
        json={"decision": "shortlisted", "note": "call Ms Example"},
    )
    assert r.status_code == 201, r.text
    (approved, placement), (withdrawn, _) = _approve_pairs(
        demo_client, demo_database, officer, [5, 2]
    )
    _record(
        demo_client,
        officer,
        placement["id"],
        TODAY,
        [
            (None, "selected", 5, 0),
            ("selected", "contract_signed", 5, 0),
            ("contract_signed", "visa_applied", 5, 0),
            ("visa_applied", "visa_refused", 1, 0),
            ("visa_applied", "visa_granted", 4, 0),
            ("visa_granted", "left_early", 1, 0),
            ("visa_granted", "departed", 3, 0),
        ],
    )
    r = demo_client.post(
        f"/api/v1/matches/{withdrawn.id}/decisions",
        headers=officer,
        json={"decision": "withdrawn", "note": "cancelled"},
    )
    assert r.status_code == 201, r.text
    rejected = next(
        m for m in candidates if m.id not in {approved.id, withdrawn.id, shortlisted.id}
    )
    r = demo_client.post(
        f"/api/v1/matches/{rejected.id}/decisions", headers=officer, json={"decision": "rejected"}
    )
    assert r.status_code == 201, r.text
    # The shortlisted pair decided again: its match row is scored for the later decision.
    r = demo_client.post(
        f"/api/v1/matches/{shortlisted.id}/decisions",
        headers=officer,
        json={"decision": "rejected", "note": "second thoughts"},
    )
    assert r.status_code == 201, r.text

    rows = _dataset(demo_client, officer, limit=2)
    assert rows == _dataset(demo_client, officer, limit=200)  # pages neither skip nor repeat
    assert all(tuple(row) == DATASET_COLUMNS for row in rows)
    with demo_database.session() as s:
        decisions = list(
            s.scalars(
                select(Decision)
                .where(Decision.decision.not_in(("withdrawn", "released")))
                .order_by(Decision.created_at, Decision.id)
            )
        )
        stored = {m.id: m for m in s.scalars(select(Match))}
        vacancies = {v.id: v for v in s.scalars(select(Vacancy))}
        pools = {p.id: p for p in s.scalars(select(Pool))}
    assert [row["decision_id"] for row in rows] == [str(d.id) for d in decisions]
    latest: dict[uuid.UUID, uuid.UUID] = {d.match_id: d.id for d in decisions}
    for row, d in zip(rows, decisions, strict=True):
        match, vacancy, pool = stored[d.match_id], vacancies[d.vacancy_id], pools[d.pool_id]
        assert row["decision"] == d.decision and row["headcount"] == d.headcount
        assert (row["match_id"], row["vacancy_id"], row["pool_id"]) == (
            str(d.match_id),
            str(d.vacancy_id),
            str(d.pool_id),
        )
        assert row["employer_id"] == str(vacancy.employer_id)
        assert (row["occupation"], row["pool_occupation"]) == (
            vacancy.occupation_code,
            pool.occupation_code,
        )
        assert (row["origin_country"], row["destination_country"]) == (
            pool.origin_country,
            vacancy.destination_country,
        )
        assert (row["sector"], row["pool_sector"]) == (vacancy.sector_code, pool.sector_code)
        assert row["pathway_code"] == d.pathway_code
        assert row["score"] == pytest.approx(match.score)
        for name in SCORE_COMPONENTS:
            assert row[f"score_{name}"] == match.components.get(name)
        assert row["engine_version"] == match.engine_version
        assert row["score_is_of_this_decision"] == (latest[d.match_id] == d.id)
        if d.decision != "approved":
            assert row["withdrawn"] is None and row["reached_selected"] is None
    by_id = {row["decision_id"]: row for row in rows}

    def approval_row(m: RankedMatch) -> dict[str, Any]:
        return next(
            row for row in rows if row["match_id"] == str(m.id) and row["decision"] == "approved"
        )

    moved = approval_row(approved)
    assert moved["withdrawn"] is False and moved["headcount"] == 5
    assert {c: moved[c] for c in DATASET_COLUMNS if c.startswith("reached_")} == {
        "reached_selected": 5,
        "reached_contract_signed": 5,
        "reached_visa_applied": 5,
        "reached_visa_granted": 4,
        "reached_visa_refused": 1,
        "reached_departed": 3,
        "reached_arrived": 0,
        "reached_started_work": 0,
        "reached_completed_contract": 0,
        "reached_dropped_out": 1,
        "reached_left_early_abroad": 0,
    }
    assert moved["released"] == 2
    taken_back = approval_row(withdrawn)
    assert taken_back["withdrawn"] is True and taken_back["reached_selected"] == 0
    # The shortlist was scored again by the later decision on its pair.
    first = next(row for row in rows if row["match_id"] == str(shortlisted.id))
    assert first["decision"] == "shortlisted" and first["score_is_of_this_decision"] is False
    assert by_id[str(latest[rejected.id])]["decision"] == "rejected"
    # Aggregates only: no note, no officer, nothing naming a person.
    assert not any(
        word in column
        for column in DATASET_COLUMNS
        for word in ("note", "officer", "name", "email")
    )
    assert "Ms Example" not in str(rows)

    # The CSV stream: the same rows, the same columns.
    r = demo_client.get(f"{A}/decisions-dataset.csv", headers=officer)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "decisions-dataset.csv" in r.headers["content-disposition"]
    table = list(csv.DictReader(io.StringIO(r.text)))
    assert tuple(table[0]) == DATASET_COLUMNS
    assert len(table) == len(rows)
    for line, row in zip(table, rows, strict=True):
        for column, value in row.items():
            if value is None:
                assert line[column] == "", column
            elif isinstance(value, bool):
                assert line[column] == ("true" if value else "false"), column
            elif isinstance(value, float):
                assert float(line[column]) == pytest.approx(value), column
            elif column in ("decided_at", "scored_at"):
                assert datetime.fromisoformat(line[column]) == datetime.fromisoformat(value)
            else:
                assert line[column] == str(value), column

    # A cursor that is no row, and pages out of bounds: 422.
    for params in ({"after": str(uuid.uuid4())}, {"limit": 0}, {"limit": 201}):
        r = demo_client.get(f"{A}/decisions-dataset.json", headers=officer, params=params)
        assert r.status_code == 422, (params, r.text)


def test_the_csv_stream_pages_through_the_table(demo_database, demo_client, demo_keys) -> None:
    """Small pages of the stream: every row once, in order (the page size changes nothing)."""
    officer = _officer(demo_keys)
    for m, _ in _candidates(demo_database, 1)[:5]:
        r = demo_client.post(
            f"/api/v1/matches/{m.id}/decisions", headers=officer, json={"decision": "shortlisted"}
        )
        assert r.status_code == 201, r.text
    with demo_database.session() as s:
        whole = "".join(outcome_analytics.dataset_csv(s))
        paged = list(outcome_analytics.dataset_csv(s, page_size=2))
        total = outcome_analytics.dataset_total(s)
    assert total >= 5
    assert len(paged) == 1 + math.ceil(total / 2)  # the header, then pages of two rows
    assert "".join(paged) == whole
    assert len(list(csv.reader(io.StringIO(whole)))) == 1 + total


def test_the_documented_columns_are_the_datasets() -> None:
    doc = (PROJECT_ROOT / "docs/datasets.md").read_text()
    documented = tuple(re.findall(r"^\| `([a-z_]+)` \|", doc, flags=re.MULTILINE))
    assert documented == DATASET_COLUMNS


# ---- access ----------------------------------------------------------------------------------

ENDPOINTS = (
    f"{A}/outcomes",
    f"{A}/outcomes.csv",
    f"{A}/decisions-dataset.json",
    f"{A}/decisions-dataset.csv",
)


def test_outcomes_and_the_dataset_are_for_officers_and_admins(
    demo_client, demo_keys, demo_users
) -> None:
    for role in ("employer", "ministry"):
        for headers in demo_keys[role].values():
            for path in ENDPOINTS:
                assert demo_client.get(path, headers=headers).status_code == 403, (role, path)
    for path in ENDPOINTS:
        assert demo_client.get(path).status_code == 401, path
        for role in ("officer", "admin"):
            r = demo_client.get(path, headers=next(iter(demo_keys[role].values())))
            assert r.status_code == 200, (role, path, r.text)
            wanted = "text/csv" if path.endswith(".csv") else "application/json"
            assert r.headers["content-type"].startswith(wanted)
    # The page's CSV: an employer's session is refused too.
    employer = next(u for u in demo_users if u["role"] == "employer")
    sign_in(demo_client, employer["email"], employer["password"])
    assert demo_client.get("/analytics/outcomes.csv").status_code == 403
