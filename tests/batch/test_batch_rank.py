"""imdi batch-rank on a LocalCluster of 2 worker processes: the same results as the in-process
ranker, and runs that fail or are cancelled leave the previous results in place."""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from distributed import WorkerPlugin
from sqlalchemy import text

from app.batch import service
from app.batch.models import BatchRun, RunStatus
from app.batch.ranking import RunOptions, batch_rank
from app.batch.service import Scope
from app.db import Database
from app.matches.service import ranked_pairs

pytestmark = pytest.mark.postgres

Pair = tuple[uuid.UUID, float, int, str | None]


def _in_process(
    database: Database, k: int | None, scope: Scope = Scope()
) -> dict[uuid.UUID, list[Pair]]:
    with database.session() as session:
        out = {}
        for vid, ranked in ranked_pairs(session, database.settings, k=k):
            out[vid] = [(m.pool_id, m.score, m.eligible_headcount, m.pathway_code) for m in ranked]
        if scope.destination is not None or scope.occupation_prefix is not None:
            from app.vacancies.models import Vacancy

            keep = {
                v.id
                for v in session.query(Vacancy).all()
                if (scope.destination is None or v.destination_country == scope.destination)
                and (
                    scope.occupation_prefix is None
                    or v.occupation_code.startswith(scope.occupation_prefix)
                )
            }
            out = {v: p for v, p in out.items() if v in keep}
    return out


def _stored(database: Database, run_id: uuid.UUID) -> dict[uuid.UUID, list[Pair]]:
    out: dict[uuid.UUID, list[Pair]] = {}
    with database.session() as session:
        for p in service.run_pairs(session, run_id):
            out.setdefault(p.vacancy_id, []).append(
                (p.pool_id, p.score, p.eligible_headcount, p.pathway_code)
            )
    return out


def _same(got: dict[uuid.UUID, list[Pair]], want: dict[uuid.UUID, list[Pair]]) -> None:
    assert {v for v, p in got.items() if p} == {v for v, p in want.items() if p}
    for vid, pairs in want.items():
        found = got.get(vid, [])
        assert [p[0] for p in found] == [p[0] for p in pairs], vid
        for a, b in zip(found, pairs, strict=True):
            assert a[1] == pytest.approx(b[1], abs=1e-12)
            assert a[2:] == b[2:]


def _run(database: Database, client: Any, scope: Scope = Scope(), **options: Any) -> BatchRun:
    opts = {"top_k": 5, "explain_top": 3, "vacancy_block": 7, "pool_block": 60, **options}
    return batch_rank(
        database,
        database.settings,
        client,
        scope,
        RunOptions(**opts),
        cluster="local:2",
        started_by="test",
    )


def test_the_same_top_k_as_the_in_process_ranker(demo_database: Database, dask_client: Any) -> None:
    run = _run(demo_database, dask_client)
    assert run.status == RunStatus.SUCCEEDED
    want = _in_process(demo_database, 5)
    assert run.vacancies == len(want) > 0
    assert run.pools > 60  # several pool blocks
    _same(_stored(demo_database, run.id), want)
    assert run.pairs_stored == sum(len(p) for p in want.values())
    assert run.duration_s is not None and run.finished_at is not None
    with demo_database.session() as session:
        head = session.execute(text("SELECT seq FROM change_head")).scalar_one()
        assert run.change_seq == head
        # Missing essential skills of each vacancy's first three, as the matches API explains.
        explained = {
            vid: [m.explanation.get("missing_essential") for m in ranked]
            for vid, ranked in ranked_pairs(session, demo_database.settings, k=3, explain=True)
        }
        for p in service.run_pairs(session, run.id):
            if p.rank <= 3:
                assert p.missing_essential == list(explained[p.vacancy_id][p.rank - 1])
            else:
                assert p.missing_essential is None


def test_every_eligible_pair_and_a_scope(demo_database: Database, dask_client: Any) -> None:
    run = _run(demo_database, dask_client, top_k=None, explain_top=0)
    assert run.status == RunStatus.SUCCEEDED
    want = _in_process(demo_database, None)
    _same(_stored(demo_database, run.id), want)
    assert run.pairs_ranked == run.pairs_stored == sum(len(p) for p in want.values())

    scope = Scope(destination="DE")
    scoped = _run(demo_database, dask_client, scope)
    want_de = _in_process(demo_database, 5, scope)
    assert 0 < scoped.vacancies < run.vacancies
    _same(_stored(demo_database, scoped.id), want_de)
    # Another scope's results are its own: the first run's stay.
    assert _stored(demo_database, run.id)


class _Faulty(WorkerPlugin):
    """In each worker: the engine's block ranking raises (`times` times per worker, or
    always), or is slowed down: a bad day, not a code path of the service."""

    name = "imdi-test-faulty"

    def __init__(self, times: int | None = None, delay: float = 0.0) -> None:
        self.times = times
        self.delay = delay

    def setup(self, worker: Any) -> None:
        from app.matches import adapters

        self._original = original = adapters.rank_block
        state = {"left": self.times}
        delay = self.delay

        def faulty(*args: Any, **kwargs: Any) -> Any:
            if delay:
                time.sleep(delay)
            left = state["left"]
            if left is None or left > 0:
                if left is not None:
                    state["left"] = left - 1
                if left is not None or not delay:
                    raise RuntimeError("injected worker fault")
            return original(*args, **kwargs)

        adapters.rank_block = faulty  # type: ignore[assignment]

    def teardown(self, worker: Any) -> None:
        from app.matches import adapters

        adapters.rank_block = self._original  # type: ignore[assignment]


@pytest.fixture
def faulty(dask_client: Any) -> Iterator[Any]:
    def install(**kwargs: Any) -> None:
        dask_client.register_plugin(_Faulty(**kwargs))

    yield install
    with contextlib.suppress(ValueError):  # not installed by this test
        dask_client.unregister_worker_plugin(_Faulty.name)


def test_a_failed_task_is_retried(demo_database: Database, dask_client: Any, faulty: Any) -> None:
    faulty(times=1)
    run = _run(demo_database, dask_client)
    assert run.status == RunStatus.SUCCEEDED
    _same(_stored(demo_database, run.id), _in_process(demo_database, 5))


def test_a_failed_run_leaves_the_previous_results(
    demo_database: Database, dask_client: Any, faulty: Any
) -> None:
    good = _run(demo_database, dask_client)
    before = _stored(demo_database, good.id)
    faulty()  # every attempt fails
    with pytest.raises(RuntimeError, match="injected worker fault"):
        _run(demo_database, dask_client)
    with demo_database.session() as session:
        runs = session.query(BatchRun).order_by(BatchRun.started_at).all()
        assert [r.status for r in runs] == ["succeeded", "failed"]
        assert "injected worker fault" in (runs[1].error or "")
        assert list(service.run_pairs(session, runs[1].id)) == []
        latest = service.latest_succeeded(session, Scope())
        assert latest is not None and latest.id == good.id
    assert _stored(demo_database, good.id) == before


def test_a_run_is_cancelled_on_request(
    demo_database: Database, dask_client: Any, faulty: Any
) -> None:
    faulty(delay=0.3)  # slow pieces: the run is still running when the cancel comes
    result: dict[str, BatchRun] = {}
    thread = threading.Thread(
        target=lambda: result.setdefault("run", _run(demo_database, dask_client, poll_seconds=0.2))
    )
    thread.start()
    run_id = None
    for _ in range(200):
        with demo_database.session() as session:
            found = session.query(BatchRun).first()
            if found is not None:
                run_id = found.id
                break
        time.sleep(0.05)
    assert run_id is not None
    with demo_database.transaction() as session:
        service.request_cancel(session, _officer(session), run_id)
    thread.join(60)
    assert result["run"].status == RunStatus.CANCELLED
    with demo_database.session() as session:
        assert list(service.run_pairs(session, run_id)) == []
        assert service.latest_succeeded(session) is None


def _officer(session: Any) -> Any:
    from app.auth.models import User
    from app.common.principal import Principal, Role

    user = session.query(User).filter(User.role == "officer").first()
    return Principal(user.id, user.email, Role.OFFICER, user.organisation_id)


def test_parquet_output_holds_the_same_pairs(
    demo_database: Database, dask_client: Any, tmp_path: Path
) -> None:
    import pyarrow.parquet as pq

    run = _run(demo_database, dask_client, parquet_dir=tmp_path)
    assert run.status == RunStatus.SUCCEEDED
    assert run.output == "parquet" and run.output_path == str(tmp_path / str(run.id))
    table = pq.read_table(run.output_path).to_pylist()
    got: dict[uuid.UUID, list[Pair]] = {}
    for row in sorted(table, key=lambda r: (r["vacancy_id"], r["rank"])):
        got.setdefault(uuid.UUID(row["vacancy_id"]), []).append(
            (
                uuid.UUID(row["pool_id"]),
                row["score"],
                row["eligible_headcount"],
                row["pathway_code"],
            )
        )
    _same(got, _in_process(demo_database, 5))
    assert run.pairs_stored == len(table)
