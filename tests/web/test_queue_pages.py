"""The officers' work queue, its bulk decisions and the decisions list, through the TestClient on
every backend: what each state lists and in what order, filters by name with errors next to the
field, all-or-nothing bulk decisions (audited one by one), approvals from the queue, CSV export,
and the dashboard figures that open it."""

from __future__ import annotations

import csv
import io
import re
import uuid
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.auth.models import Organisation
from app.db import Database
from app.decisions.models import Decision
from app.matches import diagnosis as matches_diagnosis
from app.matches import repository as matches_repository
from app.matches import service as matches_service
from app.pools.models import Pool
from app.vacancies.models import Vacancy
from app.web.pages.common import PAGE_SIZE
from tests.web.conftest import (
    EMPLOYER_ORG,
    OFFICER,
    as_user,
    assert_no_inline_code,
    ranking,
)

pytestmark = pytest.mark.postgres

_ROW_MATCH = re.compile(r'name="match" value="([0-9a-f-]{36})"')


def _listed(page: str) -> list[uuid.UUID]:
    """The match ids of the queue's rows, in order."""
    return [uuid.UUID(m) for m in _ROW_MATCH.findall(page)]


def _waiting(
    database: Database, destination: str | None = None
) -> list[tuple[date, float, uuid.UUID, str]]:
    """Every pair the "waiting" tab should hold while nothing is decided: the best QUEUE_DEPTH
    eligible pools of each of the QUEUE_VACANCIES soonest-starting open vacancies (to one
    destination, if given), as (start, score, match id, destination) in the queue's default
    order (start, best score, id)."""
    stmt = select(Vacancy.id, Vacancy.start_date, Vacancy.destination_country).where(
        Vacancy.status == "open"
    )
    if destination:
        stmt = stmt.where(Vacancy.destination_country == destination)
    with database.session() as s:
        soonest = list(
            s.execute(
                stmt.order_by(Vacancy.start_date, Vacancy.id).limit(
                    matches_repository.QUEUE_VACANCIES
                )
            )
        )
    ranked = ranking(database, k=matches_repository.QUEUE_DEPTH)
    pairs = [
        (start, m.score, m.id, dest) for vid, start, dest in soonest for m in ranked.get(vid, [])
    ]
    return sorted(pairs, key=lambda p: (p[0], -p[1], p[2]))


def _decisions(database: Database, **where: object) -> list[Decision]:
    with database.session() as s:
        stmt = select(Decision).order_by(Decision.created_at)
        for k, v in where.items():
            stmt = stmt.where(getattr(Decision, k) == v)
        rows = list(s.scalars(stmt))
        s.expunge_all()
        return rows


def _bulk(
    client: TestClient, token: str, ids: list[uuid.UUID], decision: str, next_: str, note: str = ""
):
    return client.post(
        "/queue/decide",
        data={
            "csrf_token": token,
            "decision": decision,
            "note": note,
            "next": next_,
            "match": [str(i) for i in ids],
        },
        follow_redirects=False,
    )


def test_the_waiting_tab_lists_undecided_pairs_soonest_start_then_best_score(
    officer, demo_database
) -> None:
    client, _ = officer
    expected = _waiting(demo_database)
    assert len(expected) > PAGE_SIZE, "the demo fills more than a page"
    r = client.get("/queue")
    assert r.status_code == 200
    assert_no_inline_code(r.text)
    assert _listed(r.text) == [p[2] for p in expected[:PAGE_SIZE]]
    assert f"Waiting on a decision: {len(expected)} matches" in r.text
    # The second page goes on where the first ended.
    second = client.get(f"/queue?offset={PAGE_SIZE}").text
    assert _listed(second) == [p[2] for p in expected[PAGE_SIZE : 2 * PAGE_SIZE]]
    # Every row names its pool readably and links its vacancy.
    assert 'class="data queue"' in r.text and re.search(r" - [^<]+ \(\d[\d,]*\)</a>", r.text)


def test_columns_sort_both_ways(officer, demo_database) -> None:
    client, _ = officer
    expected = _waiting(demo_database)
    page = client.get("/queue?sort=-score").text
    assert 'aria-sort="descending"' in page
    best = sorted(expected, key=lambda p: (-p[1], p[2]))[:PAGE_SIZE]
    assert [f"{p[1]:.2f}" for p in best] == [f"{s:.2f}" for s in _scores(page)], (
        "highest score first"
    )
    ascending = _scores(client.get("/queue?sort=score").text)
    assert ascending == sorted(ascending)
    # The heading links the other direction, keeping the state and the filters.
    assert (
        'href="/queue?state=waiting&amp;q=cook&amp;sort=score&amp;offset=0"'
        in client.get("/queue?q=cook&sort=-score").text
    )


def _scores(page: str) -> list[float]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [float(s) for s in re.findall(r"<td>(\d\.\d\d)</td>", body)]


def test_filters_take_country_names_and_say_what_is_wrong_next_to_the_field(
    officer, demo_database
) -> None:
    client, _ = officer
    germany = _waiting(demo_database, "DE")
    page = client.get("/queue?destination=Germany").text
    assert 'value="Germany (DE)"' in page  # the picker shows what it resolved to
    assert _listed(page) == [p[2] for p in germany[:PAGE_SIZE]]
    body = page.split("<tbody>", 1)[1]
    assert "<td>Germany</td>" in body and "<td>United Kingdom</td>" not in body

    bad = client.get("/queue?destination=Germanyy")
    assert bad.status_code == 200
    field = bad.text.split('<label for="f-destination">', 1)[1].split("</div>", 1)[0]
    assert "No country is called &#39;Germanyy&#39;" in field
    assert "Did you mean Germany (DE)" in field
    assert 'aria-invalid="true"' in field and 'aria-describedby="f-destination-error"' in field
    assert 'value="Germanyy"' in field  # what was typed stays in the field
    # The bad filter is left out (said so), the others still apply.
    assert "the list below leaves it out until corrected" in bad.text

    # A search matches the pool's names too: its origin country by name.
    fiji = client.get("/queue?q=fiji").text
    rows = fiji.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert _listed(fiji) and rows.count("<tr ") == rows.count("<td>Fiji</td>")


def test_bulk_shortlist_then_reject_one_transaction_each_audited(officer, demo_database) -> None:
    client, token = officer
    here = "/queue?state=waiting&destination=Germany+%28DE%29"
    chosen = _listed(client.get(here).text)[:2]
    assert len(chosen) == 2
    r = _bulk(client, token, chosen, "shortlisted", here, note="strong B1 cohort")
    assert r.status_code == 303 and r.headers["location"] == here
    page = client.get(here).text
    assert "Shortlisted 2 matches." in page
    assert not set(chosen) & set(_listed(page)), "decided pairs leave the waiting tab"
    rows = _decisions(demo_database, decision="shortlisted")
    assert {d.match_id for d in rows} == set(chosen)
    assert {d.note for d in rows} == {"strong B1 cohort"}
    with demo_database.session() as s:
        audited = s.scalars(
            select(AuditEvent.entity_id).where(
                AuditEvent.action == "decide", AuditEvent.entity_type == "match"
            )
        ).all()
    assert sorted(audited) == sorted(str(m) for m in chosen)

    shortlisted = client.get("/queue?state=shortlisted").text
    assert set(_listed(shortlisted)) == set(chosen)
    assert "strong B1 cohort" in shortlisted
    assert 'Shortlisted <span class="count">(2)</span>' in shortlisted

    r = _bulk(client, token, chosen[:1], "rejected", "/queue?state=shortlisted")
    assert r.status_code == 303
    after = client.get("/queue?state=shortlisted").text
    assert "Rejected 1 match." in after and _listed(after) == chosen[1:]
    assert [d.match_id for d in _decisions(demo_database, decision="rejected")] == chosen[:1]


def test_a_bulk_decision_one_row_of_which_fails_records_nothing_and_names_it(
    officer, demo_database
) -> None:
    client, token = officer
    here = "/queue?destination=Germany"
    first, second = _listed(client.get(here).text)[:2]
    # The first is approved (from the queue's own row form): it takes no rejection until
    # the approval is withdrawn.
    r = client.post(
        f"/matches/{first}/decision",
        data={"csrf_token": token, "decision": "approved", "headcount": "1", "next": here},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == here
    assert "Approved 1 workers under" in client.get(here).text
    before = len(_decisions(demo_database))

    r = _bulk(client, token, [second, first], "rejected", here)
    assert r.status_code == 303 and r.headers["location"] == here
    page = client.get(here).text
    assert "Nothing was recorded: 1 of the selected rows failed." in page
    with demo_database.session() as s:
        vacancy_id = s.scalar(select(Decision.vacancy_id).where(Decision.match_id == first))
        title = s.scalar(select(Vacancy.title).where(Vacancy.id == vacancy_id))
    flash = page.split('role="alert"', 1)[1].split("</div>", 1)[0]
    assert f"{title} with " in flash and "withdraw the approval" in flash
    assert len(_decisions(demo_database)) == before, "nothing of the batch was kept"
    assert not _decisions(demo_database, decision="rejected")


def test_bulk_decisions_rank_nothing_per_match(officer, demo_database, monkeypatch) -> None:
    """The batch is scored in one evaluation under its locks: no ranking per selected match."""
    client, token = officer
    chosen = _listed(client.get("/queue").text)[:5]

    def no_ranking(*_a: object, **_k: object) -> None:
        raise AssertionError("a bulk decision ranked a vacancy")

    # Every module that holds the rankings by name (app.matches.repository imports them), so
    # that a ranking from any path is caught.
    for module in (matches_service, matches_repository, matches_diagnosis):
        for name in ("vacancy_ranking", "pool_ranking"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, no_ranking)
    assert matches_repository.vacancy_ranking is no_ranking
    evaluations: list[int] = []
    evaluate = matches_service.evaluate

    def counted(session, settings, pairs):  # type: ignore[no-untyped-def]
        evaluations.append(len(pairs))
        return evaluate(session, settings, pairs)

    monkeypatch.setattr(matches_service, "evaluate", counted)
    r = _bulk(client, token, chosen, "needs_information", "/queue?state=needs_information")
    assert r.status_code == 303
    assert evaluations == [5]
    assert len(_decisions(demo_database, decision="needs_information")) == 5


def test_a_bulk_decision_needs_a_selection_and_a_known_kind(officer, demo_database) -> None:
    client, token = officer
    r = _bulk(client, token, [], "shortlisted", "/queue")
    assert r.status_code == 303
    assert "select at least one match first" in client.get("/queue").text
    one = _listed(client.get("/queue").text)[:1]
    r = _bulk(client, token, one, "approved", "/queue")
    assert "choose what to decide" in client.get(r.headers["location"]).text
    refused = client.post("/queue/decide", data={"decision": "rejected", "match": str(one[0])})
    assert refused.status_code == 403  # no CSRF token
    assert not _decisions(demo_database)


def test_the_queue_is_for_officers(demo_client, demo_people) -> None:
    as_user(demo_client, demo_people, EMPLOYER_ORG)
    assert demo_client.get("/queue").status_code == 403
    assert demo_client.get("/queue.csv").status_code == 403


def test_queue_csv_has_the_rows_of_the_view(officer, demo_database) -> None:
    client, _ = officer
    germany = _waiting(demo_database, "DE")
    r = client.get("/queue.csv?destination=Germany&sort=-score")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [uuid.UUID(x["match_id"]) for x in rows] == [
        p[2] for p in sorted(germany, key=lambda p: (-p[1], p[2]))
    ]
    assert {x["destination_country"] for x in rows} == {"DE"}
    assert all(x["pool"] and " - " in x["pool"] for x in rows)


def test_queue_csv_refuses_a_filter_that_names_nothing(officer, demo_database) -> None:
    client, _ = officer
    for query in ("destination=Atlantis", "origin=Nowhere", "occupation=Dragon+tamer"):
        r = client.get(f"/queue.csv?state=shortlisted&{query}")
        assert r.status_code == 422, query
        assert not r.headers["content-type"].startswith("text/csv")
    assert client.get("/queue.csv?state=shortlisted&destination=Germany").status_code == 200


def test_queue_csv_of_a_stored_tab_is_capped_in_its_order(
    officer, demo_database, monkeypatch
) -> None:
    """Shortlisted rows export in the view's order, at most CSV_LIMIT, the view's count in
    X-Total-Count."""
    from app.web.pages import queue as queue_page

    client, token = officer
    chosen = _listed(client.get("/queue").text)[:5]
    _bulk(client, token, chosen, "shortlisted", "/queue")
    whole = client.get("/queue.csv?state=shortlisted&sort=-score")
    every = [uuid.UUID(x["match_id"]) for x in csv.DictReader(io.StringIO(whole.text))]
    assert sorted(every) == sorted(chosen) and whole.headers["x-total-count"] == "5"

    monkeypatch.setattr(queue_page, "CSV_LIMIT", 2)
    capped = client.get("/queue.csv?state=shortlisted&sort=-score")
    rows = list(csv.DictReader(io.StringIO(capped.text)))
    assert [uuid.UUID(x["match_id"]) for x in rows] == every[:2]
    assert {x["state"] for x in rows} == {"shortlisted"}
    assert all(x["employer"] and " - " in x["pool"] for x in rows)
    assert capped.headers["x-total-count"] == "5"


def test_decisions_csv_names_every_chunk(officer, demo_database, monkeypatch) -> None:
    """The export names its rows chunk by chunk (here 2 rows a chunk): every row still carries
    its own vacancy's title and pool's label."""
    from app.web import names
    from app.web.pages import decisions as decisions_page

    client, token = officer
    chosen = _listed(client.get("/queue").text)[:5]
    _bulk(client, token, chosen, "shortlisted", "/queue")
    monkeypatch.setattr(decisions_page, "CSV_CHUNK", 2)
    r = client.get("/decisions.csv")
    assert r.status_code == 200
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 5
    with demo_database.session() as s:
        titles = {i: t for i, t in s.execute(select(Vacancy.id, Vacancy.title))}
        labels = names.pool_labels(s, s.scalars(select(Pool)))
    for x in rows:
        assert x["vacancy"] == titles[uuid.UUID(x["vacancy_id"])]
        assert x["pool"] == labels[uuid.UUID(x["pool_id"])]


def test_dashboard_figures_open_the_queue(officer, demo_database) -> None:
    client, token = officer
    page = client.get("/").text
    assert '<a href="/queue?state=waiting"><span class="big">' in page
    chosen = _listed(client.get("/queue").text)[:3]
    _bulk(client, token, chosen, "shortlisted", "/")
    page = client.get("/").text
    assert (
        '<a href="/queue?state=shortlisted"><span class="big">3</span> matches shortlisted</a>'
        in page
    )
    assert '<a href="/queue?state=needs_information"><span class="big">0</span>' in page


def test_the_decisions_page_searches_sorts_filters_and_exports(
    officer, demo_database, demo_people
) -> None:
    client, token = officer
    chosen = _listed(client.get("/queue").text)[:4]
    _bulk(client, token, chosen[:3], "shortlisted", "/queue")
    _bulk(client, token, chosen[3:], "rejected", "/queue", note="wage below the threshold")
    page = client.get("/decisions")
    assert page.status_code == 200
    assert_no_inline_code(page.text)
    assert "4 decisions" in page.text and '<th scope="col">By</th>' in page.text
    assert page.text.count("<td>shortlisted</td>") == 3 and "<td>rejected</td>" in page.text

    only = client.get("/decisions?decision=rejected").text
    assert "1 decisions" in only and "wage below the threshold" in only
    assert "1 decisions" in client.get("/decisions?q=threshold").text  # the note
    with demo_database.session() as s:
        origin = s.scalar(
            select(Pool.origin_country).join(Decision, Decision.pool_id == Pool.id).limit(1)
        )
        hits = s.scalar(
            select(func.count())
            .select_from(Decision)
            .join(Pool, Pool.id == Decision.pool_id)
            .where(Pool.origin_country == origin)
        )
    from app.common import codes

    name = codes.countries()[origin][1]
    assert f"{hits} decisions" in client.get(f"/decisions?q={name}").text

    by_kind = client.get("/decisions?sort=decision").text
    assert 'aria-sort="ascending"' in by_kind
    kinds = re.findall(r"<td>(rejected|shortlisted)</td>", by_kind)
    assert kinds == sorted(kinds)

    r = client.get("/decisions.csv?decision=shortlisted")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 3 and {x["decision"] for x in rows} == {"shortlisted"}
    assert all(x["vacancy"] and " - " in x["pool"] for x in rows)

    # An employer reads the decisions on its own vacancies only.
    client.cookies.clear()
    as_user(client, demo_people, EMPLOYER_ORG)
    with demo_database.session() as s:
        own = s.scalar(
            select(func.count())
            .select_from(Decision)
            .join(Vacancy, Vacancy.id == Decision.vacancy_id)
            .join(Organisation, Organisation.id == Vacancy.employer_id)
            .where(Organisation.slug == EMPLOYER_ORG)
        )
    theirs = client.get("/decisions").text
    assert f"{own} decisions" in theirs
    assert '<th scope="col">By</th>' not in theirs  # who decided: for officers only


def test_the_api_searches_and_sorts_decisions(officer, demo_database, demo_people) -> None:
    client, token = officer
    chosen = _listed(client.get("/queue").text)[:3]
    _bulk(client, token, chosen[:2], "shortlisted", "/queue")
    _bulk(client, token, chosen[2:], "rejected", "/queue", note="Language level too low")
    key = {"Authorization": f"Bearer {demo_people[OFFICER]['api_key']}"}
    found = client.get("/api/v1/decisions?q=language+low", headers=key).json()
    assert [d["match_id"] for d in found["items"]] == [str(chosen[2])]
    by_kind = client.get("/api/v1/decisions?sort=-decision", headers=key).json()["items"]
    assert [d["decision"] for d in by_kind] == ["shortlisted", "shortlisted", "rejected"]
    # Without them: newest first, as before.
    plain = client.get("/api/v1/decisions", headers=key).json()["items"]
    assert plain[0]["decision"] == "rejected" and len(plain) == 3
    exported = client.get("/api/v1/decisions.csv?sort=decision&q=low", headers=key)
    assert [x["decision"] for x in csv.DictReader(io.StringIO(exported.text))] == ["rejected"]
    assert client.get("/api/v1/decisions?sort=note", headers=key).status_code == 422
