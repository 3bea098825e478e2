"""Batch runs feed the analytics and allocation plans (issue 18): a run's stored pairs instead of
a live ranking in the request, with a `source` saying where the pairs come from and as of when.

One demo database per backend for the module, and two runs on the 2-worker LocalCluster: every
eligible pair of the whole market (equal to the live ranking, so the figures must be equal), and
a scoped top-k run (the scope and the cut say what they cover). Runs that cannot be read are
recorded directly (service.start_run and its ends): no cluster needed for a 422. The tests
write plans and run records only, which change neither the rankings nor the analytics.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.allocation import service as allocation
from app.allocation.models import AllocationPlan
from app.allocation.schemas import PlanScope
from app.analytics import service as analytics
from app.analytics.service import GroupBy, PairSource
from app.batch import service as batch
from app.batch.models import BatchRun, RunOutput, RunStatus
from app.batch.ranking import RunOptions, batch_rank
from app.batch.service import Scope
from app.db import Database, as_utc
from app.matches import adapters
from tests.conftest import BASE_URL, Backend, make_test_app
from tests.web.conftest import OFFICER, csrf_of, sign_in

pytestmark = pytest.mark.postgres

ANALYTICS = "/api/v1/analytics"
PLANS = "/api/v1/allocation-plans"
EXPLAIN_TOP = 10


@pytest.fixture(scope="module")
def feed_db(backend: Backend) -> Iterator[Database]:
    """The demo data, shared by the module's tests (two runs of ranking are made once)."""
    url = backend.copy_of("demo")
    extra: dict[str, Any] = {} if url.startswith("sqlite") else {"pool_size": 20}
    db = Database(url, **extra)
    yield db
    db.dispose()
    backend.drop(url)


def _rank(db: Database, client: Any, scope: Scope, **options: Any) -> BatchRun:
    run = batch_rank(
        db,
        db.settings,
        client,
        scope,
        RunOptions(vacancy_block=16, **options),
        cluster="local:2",
        started_by="test",
    )
    assert run.status == RunStatus.SUCCEEDED
    return run


@pytest.fixture(scope="module")
def runs(feed_db: Database, dask_client: Any) -> dict[str, BatchRun]:
    """every: each eligible pair of the whole market; de: Germany's vacancies, top 5."""
    return {
        "every": _rank(feed_db, dask_client, Scope(), top_k=None, explain_top=EXPLAIN_TOP),
        "de": _rank(feed_db, dask_client, Scope(destination="DE"), top_k=5, explain_top=3),
    }


@pytest.fixture(scope="module")
def api(feed_db: Database) -> Iterator[TestClient]:
    with TestClient(make_test_app(feed_db), base_url=BASE_URL) as c:
        yield c


@pytest.fixture
def officer_key(demo_keys: dict[str, dict[str, dict[str, str]]]) -> dict[str, str]:
    return next(iter(demo_keys["officer"].values()))


def _source(db: Database, run: BatchRun) -> PairSource:
    with db.session() as s:
        return analytics.run_source(s, run.id)


def _run_block(run: BatchRun) -> dict[str, Any]:
    """The `source` the API must answer for a run (JSON as sent)."""
    assert run.finished_at is not None
    return {
        "kind": "batch_run",
        "run_id": str(run.id),
        "as_of": as_utc(run.finished_at).isoformat().replace("+00:00", "Z"),
        "change_seq": run.change_seq,
        "engine_version": run.engine_version,
        "weights_hash": run.weights_hash,
        "top_k": run.top_k,
        "explain_top": run.explain_top,
        "scope": Scope.of(run.scope).as_dict(),
    }


# ---- analytics ------------------------------------------------------------------------------


def test_shortage_surplus_from_an_every_pair_run_equals_live(
    feed_db: Database, runs: dict[str, BatchRun], api: TestClient, officer_key: dict[str, str]
) -> None:
    run = runs["every"]
    source = _source(feed_db, run)
    with feed_db.session() as s:
        live = analytics.balance_market(s, feed_db.settings)
        stored = analytics.balance_market(s, feed_db.settings, source)
        assert stored.source == source and live.source.kind is analytics.SourceKind.LIVE
        assert sorted(stored.pairs) == sorted(live.pairs) and live.pairs
        for by in GroupBy:
            want = analytics.shortage_surplus(s, feed_db.settings, by, live)
            assert analytics.shortage_surplus(s, feed_db.settings, by, stored) == want, by
            assert want, by

    for by in GroupBy:
        live_r = api.get(f"{ANALYTICS}/shortage-surplus", params={"by": by}, headers=officer_key)
        run_r = api.get(
            f"{ANALYTICS}/shortage-surplus",
            params={"by": by, "run": str(run.id)},
            headers=officer_key,
        )
        assert live_r.status_code == run_r.status_code == 200, run_r.text
        assert run_r.json()["items"] == live_r.json()["items"]
        assert run_r.json()["source"] == _run_block(run)
        csv_r = api.get(
            f"{ANALYTICS}/shortage-surplus.csv",
            params={"by": by, "run": str(run.id)},
            headers=officer_key,
        )
        live_csv = api.get(
            f"{ANALYTICS}/shortage-surplus.csv", params={"by": by}, headers=officer_key
        )
        assert csv_r.status_code == 200 and csv_r.text == live_csv.text


def test_the_live_source_says_what_it_ranked(
    feed_db: Database, runs: dict[str, BatchRun], api: TestClient, officer_key: dict[str, str]
) -> None:
    r = api.get(f"{ANALYTICS}/skills-gap", params={"top": 2}, headers=officer_key)
    assert r.status_code == 200, r.text
    source = r.json()["source"]
    with feed_db.session() as s:
        head = batch_head(s)
    assert source.pop("as_of")  # the request's time
    assert source == {
        "kind": "live",
        "run_id": None,
        "change_seq": head,
        "engine_version": adapters.ENGINE_VERSION,
        "weights_hash": runs["every"].weights_hash,
        "top_k": None,
        "explain_top": None,
        "scope": {"destination": None, "origin": None, "occupation_prefix": None},
    }
    # Nothing was written since the runs: they ranked the market the live ranking reads.
    assert runs["every"].change_seq == head


def batch_head(session: Any) -> int:
    from app import changes

    return int(changes.head(session)[0])


def test_skills_gap_from_a_run_equals_live_up_to_explain_top(
    feed_db: Database, runs: dict[str, BatchRun], api: TestClient, officer_key: dict[str, str]
) -> None:
    run = runs["every"]
    source = _source(feed_db, run)
    with feed_db.session() as s:
        for top in (1, 3, EXPLAIN_TOP):
            want = analytics.skills_gap(s, feed_db.settings, top)
            assert analytics.skills_gap(s, feed_db.settings, top, source) == want, top
        assert want  # the demo's top ten lack some essential skills
    r = api.get(
        f"{ANALYTICS}/skills-gap", params={"top": 3, "run": str(run.id)}, headers=officer_key
    )
    live = api.get(f"{ANALYTICS}/skills-gap", params={"top": 3}, headers=officer_key)
    assert r.status_code == 200, r.text
    assert r.json()["items"] == live.json()["items"] and r.json()["top"] == 3
    assert r.json()["source"] == _run_block(run)

    # Beyond the pairs the run explained: a 422 that says so, on the JSON and the CSV.
    for path in ("skills-gap", "skills-gap.csv"):
        r = api.get(
            f"{ANALYTICS}/{path}",
            params={"top": EXPLAIN_TOP + 1, "run": str(run.id)},
            headers=officer_key,
        )
        assert r.status_code == 422, r.text
        error = r.json()["errors"][0]
        assert (error["field"], error["type"]) == ("query.top", "beyond_explain_top")
        assert f"at most {EXPLAIN_TOP}" in error["message"]


def test_a_scoped_top_k_run_covers_its_scope_only(
    feed_db: Database, runs: dict[str, BatchRun], api: TestClient, officer_key: dict[str, str]
) -> None:
    de, every = runs["de"], runs["every"]
    r = api.get(
        f"{ANALYTICS}/shortage-surplus",
        params={"by": "destination", "run": str(de.id)},
        headers=officer_key,
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["source"] == _run_block(de)
    assert body["source"]["scope"] == {
        "destination": "DE",
        "origin": None,
        "occupation_prefix": None,
    }
    assert body["source"]["top_k"] == 5
    # Germany's demand only, never mixed with the rest of the market's.
    assert [row["key"] for row in body["items"]] == ["DE"]
    full = api.get(
        f"{ANALYTICS}/shortage-surplus",
        params={"by": "destination", "run": str(every.id)},
        headers=officer_key,
    ).json()
    whole = next(row for row in full["items"] if row["key"] == "DE")
    (cut,) = body["items"]
    assert (cut["demand"], cut["vacancies"]) == (whole["demand"], whole["vacancies"])
    # Only pools in some vacancy's top 5 count as supply.
    assert cut["supply"] <= whole["supply"] and cut["pools"] <= whole["pools"]
    with feed_db.session() as s:
        top5 = {(p.vacancy_id, p.pool_id) for p in batch.run_pairs(s, de.id)}
        market = analytics.balance_market(s, feed_db.settings, _source(feed_db, de))
        assert {(v, p) for v, p, _ in market.pairs} <= top5
        assert all(v.destination == "DE" for v in market.vacancies.values())

    # Its skills gap: the first 3 pairs were explained; top 5 were kept.
    ok = api.get(
        f"{ANALYTICS}/skills-gap", params={"top": 3, "run": str(de.id)}, headers=officer_key
    )
    assert ok.status_code == 200, ok.text
    for top in (4, 6):
        r = api.get(
            f"{ANALYTICS}/skills-gap", params={"top": top, "run": str(de.id)}, headers=officer_key
        )
        assert r.status_code == 422 and r.json()["errors"][0]["type"] == "beyond_explain_top"


def _record_run(
    db: Database, scope: Scope, end: str, output: RunOutput = RunOutput.DATABASE
) -> uuid.UUID:
    """A run's record without ranking anything: succeeded (no pairs) or failed."""
    with db.transaction() as s:
        run = batch.start_run(
            s,
            scope=scope,
            top_k=5,
            explain_top=3,
            output=output,
            output_path="/tmp/imdi-test-parquet" if output is RunOutput.PARQUET else None,
            cluster="local:2",
            workers=2,
            change_seq=0,
            change_epoch=None,
            engine_version=adapters.ENGINE_VERSION,
            weights_hash="test",
            vacancies=0,
            pools=0,
            tasks_total=0,
            started_by="test",
        )
        if end == "succeeded":
            batch.succeed(s, run.id, pairs_ranked=0, pairs_stored=0)
        else:
            batch.end_unfinished(s, run.id, RunStatus.FAILED, "injected")
        return run.id


def test_a_run_that_cannot_be_read_is_a_422(
    feed_db: Database, runs: dict[str, BatchRun], api: TestClient, officer_key: dict[str, str]
) -> None:
    failed = _record_run(feed_db, Scope(), "failed")
    superseded = _record_run(feed_db, Scope(origin="ZZ"), "succeeded")
    _record_run(feed_db, Scope(origin="ZZ"), "succeeded")  # the scope's results now
    parquet = _record_run(feed_db, Scope(origin="YY"), "succeeded", RunOutput.PARQUET)
    with feed_db.session() as s:
        plans_before = s.scalar(select(func.count()).select_from(AllocationPlan))
        assert s.get(BatchRun, superseded).superseded  # type: ignore[union-attr]
    cases = {
        uuid.uuid4(): "unknown_batch_run",
        failed: "unusable_batch_run",
        superseded: "unusable_batch_run",
        parquet: "unusable_batch_run",
    }
    for run_id, kind in cases.items():
        for path in ("shortage-surplus", "skills-gap", "shortage-surplus.csv", "skills-gap.csv"):
            r = api.get(f"{ANALYTICS}/{path}", params={"run": str(run_id)}, headers=officer_key)
            assert r.status_code == 422, (path, r.text)
            error = r.json()["errors"][0]
            assert (error["field"], error["type"]) == ("query.run", kind), path
            assert str(run_id) in error["message"] or kind == "unknown_batch_run"
        r = api.post(PLANS, json={"batch_run_id": str(run_id)}, headers=officer_key)
        assert r.status_code == 422, r.text
        error = r.json()["errors"][0]
        assert (error["field"], error["type"]) == ("body.batch_run_id", kind)
    superseded_detail = api.get(
        f"{ANALYTICS}/shortage-surplus", params={"run": str(superseded)}, headers=officer_key
    ).json()["errors"][0]["message"]
    assert "superseded" in superseded_detail
    with feed_db.session() as s:
        assert s.scalar(select(func.count()).select_from(AllocationPlan)) == plans_before
        # The choices the pages offer: current runs in the database only.
        offered = {src.run_id for src in analytics.recent_runs(s, 50)}
    assert {runs["every"].id, runs["de"].id} <= offered
    assert not offered & {failed, superseded, parquet}


# ---- allocation -----------------------------------------------------------------------------


def _lines(plan: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (a["vacancy_id"], a["pool_id"], a["pathway"], a["headcount"], round(a["score"], 12))
        for a in plan["assignments"]
    ]


def test_a_plan_from_the_run_equals_the_live_plan(
    feed_db: Database, runs: dict[str, BatchRun], api: TestClient, officer_key: dict[str, str]
) -> None:
    run = runs["every"]
    with feed_db.session() as s:
        live = allocation.build_problem(s, feed_db.settings, PlanScope(), 0.3)
        stored = allocation.build_problem(
            s, feed_db.settings, PlanScope(), 0.3, batch_run_id=run.id
        )
    assert stored == live and live.pairs

    body = {"min_score": 0.3, "time_limit_seconds": 30}
    live_r = api.post(PLANS, json=body, headers=officer_key)
    run_r = api.post(PLANS, json={**body, "batch_run_id": str(run.id)}, headers=officer_key)
    assert live_r.status_code == run_r.status_code == 201, run_r.text
    live_plan, run_plan = live_r.json(), run_r.json()
    assert _lines(run_plan) == _lines(live_plan) and live_plan["assignments"]
    for name in ("solver_status", "objective", "greedy_objective", "pairs_considered"):
        assert run_plan[name] == pytest.approx(live_plan[name]), name
    assert live_plan["batch_run_id"] is None and live_plan["batch_run_as_of"] is None
    assert run_plan["batch_run_id"] == str(run.id)
    assert run_plan["batch_run_as_of"] == _run_block(run)["as_of"]
    assert api.get(f"{PLANS}/{run_plan['id']}", headers=officer_key).json() == run_plan
    with feed_db.session() as s:
        kept = s.get(AllocationPlan, uuid.UUID(run_plan["id"]))
        assert kept is not None and kept.options["batch_run"]["change_seq"] == run.change_seq
        assert kept.options["batch_run"]["top_k"] is None


def test_a_plan_must_lie_within_its_runs_scope(
    feed_db: Database, runs: dict[str, BatchRun], api: TestClient, officer_key: dict[str, str]
) -> None:
    de = runs["de"]
    for scope in ({}, {"destination": "ES"}):
        r = api.post(PLANS, json={"scope": scope, "batch_run_id": str(de.id)}, headers=officer_key)
        assert r.status_code == 422, r.text
        error = r.json()["errors"][0]
        assert (error["field"], error["type"]) == ("body.scope.destination", "outside_batch_run")
    r = api.post(
        PLANS,
        json={"scope": {"destination": "DE"}, "batch_run_id": str(de.id)},
        headers=officer_key,
    )
    assert r.status_code == 201, r.text
    plan = r.json()
    assert plan["batch_run_id"] == str(de.id) and plan["scope"] == {"destination": "DE"}
    with feed_db.session() as s:
        top5 = {(str(p.vacancy_id), str(p.pool_id)) for p in batch.run_pairs(s, de.id)}
    assert {(a["vacancy_id"], a["pool_id"]) for a in plan["assignments"]} <= top5


# ---- the pages ------------------------------------------------------------------------------


@pytest.fixture
def officer_web(
    feed_db: Database, demo_users: list[dict[str, Any]]
) -> Iterator[tuple[TestClient, str]]:
    password = next(u["password"] for u in demo_users if u["email"] == OFFICER)
    with TestClient(make_test_app(feed_db), base_url=BASE_URL, raise_server_exceptions=False) as c:
        yield c, sign_in(c, OFFICER, password)


def test_the_analytics_page_with_a_run_shows_as_of(
    runs: dict[str, BatchRun], officer_web: tuple[TestClient, str]
) -> None:
    client, _ = officer_web
    run = runs["de"]
    assert run.finished_at is not None
    r = client.get("/analytics", params={"run": str(run.id), "top": 3})
    assert r.status_code == 200, r.text
    html = r.text
    as_of = as_utc(run.finished_at)
    assert f"batch run {str(run.id)[:8]} (destination DE; top 5 per vacancy" in html
    assert f'as of <time datetime="{as_of.isoformat()}">{as_of:%Y-%m-%d %H:%M} UTC</time>' in html
    assert f'<option value="{run.id}" selected>' in html
    assert '<label for="run">Pairs from</label>' in html
    assert "Supply counts only the pools in each vacancy's top 5." in html
    # The downloads and the other forms keep the run.
    assert f"/analytics/shortage-surplus.csv?run={run.id}&amp;by=destination" in html
    assert f'<input type="hidden" name="run" value="{run.id}">' in html

    live = client.get("/analytics")
    assert live.status_code == 200 and "Pairs from the live ranking, as of" in live.text
    assert f'<option value="{runs["every"].id}">' in live.text

    # More top matches than the run explained: the page says so by the field.
    r = client.get("/analytics", params={"run": str(run.id), "top": 4})
    assert r.status_code == 422 and 'id="top-error"' in r.text and "at most 3" in r.text

    # A run that no longer has results: back to the live page, saying why.
    gone = client.get("/analytics", params={"run": str(uuid.uuid4())}, follow_redirects=False)
    assert gone.status_code == 303 and gone.headers["location"] == "/analytics"
    csv_r = client.get(
        "/analytics/shortage-surplus.csv", params={"run": str(run.id), "by": "destination"}
    )
    assert csv_r.status_code == 200 and csv_r.text.splitlines()[1].startswith("DE,")
    assert f"-run-{str(run.id)[:8]}.csv" in csv_r.headers["content-disposition"]


def test_the_plan_form_takes_a_run_and_the_plan_says_so(
    runs: dict[str, BatchRun], officer_web: tuple[TestClient, str]
) -> None:
    client, _ = officer_web
    run = runs["every"]
    page = client.get("/plans")
    assert page.status_code == 200
    assert '<label for="pl-run">Pairs from</label>' in page.text
    assert f'<option value="{run.id}">' in page.text
    form = {"csrf_token": csrf_of(page.text), "min_score": "0.5", "batch_run_id": str(run.id)}
    r = client.post("/plans", data=form, follow_redirects=False)
    assert r.status_code == 303, r.text
    plan = client.get(r.headers["location"])
    assert plan.status_code == 200
    assert run.finished_at is not None
    as_of = as_utc(run.finished_at)
    assert f"batch run <code>{run.id}</code> as of {as_of:%Y-%m-%d %H:%M} UTC" in plan.text
    assert f"batch run {str(run.id)[:8]}, as of" in client.get("/plans").text

    # A scope outside the run's: the form says so, nothing is stored.
    de = runs["de"]
    form = {**form, "batch_run_id": str(de.id), "destination": "ES"}
    r = client.post("/plans", data=form, follow_redirects=False)
    assert r.status_code == 422 and "covers destination DE only" in r.text


def test_what_was_created_after_a_run_read_its_inputs_is_left_out(
    feed_db: Database, runs: dict[str, BatchRun]
) -> None:
    """The run never ranked it: its demand would show without its supply."""
    from dataclasses import replace

    from app.pools.models import Pool
    from app.vacancies.models import Vacancy

    source = _source(feed_db, runs["every"])
    with feed_db.session() as session:
        full = analytics.balance_market(session, feed_db.settings, source)
        assert full.vacancies and full.pools
        newest = max(session.scalars(select(Vacancy.created_at)))
        oldest_pool = min(session.scalars(select(Pool.created_at)))
        # As if the run had read its inputs before the newest vacancy and every pool existed.
        before = replace(source, inputs_at=min(as_utc(newest), as_utc(oldest_pool)) - _SECOND)
        earlier = analytics.balance_market(session, feed_db.settings, before)
    assert len(earlier.vacancies) < len(full.vacancies)
    assert earlier.pools == {} and earlier.pairs == []


_SECOND = timedelta(seconds=1)
