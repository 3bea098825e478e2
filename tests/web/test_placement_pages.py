"""The placement pages through the TestClient, on every backend: the board (filters, paging,
scope), one placement's pipeline and moves, the move form of each role (only the moves the role
records, refusals shown on the page with nothing written), and the pipeline sections of the
vacancy and pool pages."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.auth.models import Organisation
from app.db import Database
from app.decisions.models import Decision, Placement, PlacementMove
from app.matches.service import RankedMatch
from app.vacancies.models import Vacancy
from app.web.pages import placements as placement_pages
from tests.market import eligible, owners
from tests.web.conftest import OFFICER, as_user, assert_no_inline_code, csrf_of

pytestmark = pytest.mark.postgres

TODAY = datetime.now(UTC).date()


@dataclass(frozen=True)
class Approved:
    """An approved pair, its placement and the slugs of its employer and ministry."""

    match: RankedMatch
    placement_id: uuid.UUID
    employer: str
    ministry: str
    title: str


def _approve(client: TestClient, db: Database, demo_keys, headcount: int = 5) -> Approved:
    """An undecided eligible pair approved through the API (the demo has no approvals)."""
    with db.session() as s:
        decided = {(v, p) for v, p in s.execute(select(Decision.vacancy_id, Decision.pool_id))}
    m = next(x for x in eligible(db, headcount) if (x.vacancy_id, x.pool_id) not in decided)
    officer = next(iter(demo_keys["officer"].values()))
    r = client.post(
        f"/api/v1/matches/{m.id}/decisions",
        headers=officer,
        json={"decision": "approved", "headcount": headcount},
    )
    assert r.status_code == 201, r.text
    with db.session() as s:
        placement_id = s.scalar(
            select(Placement.id).where(
                Placement.vacancy_id == m.vacancy_id, Placement.pool_id == m.pool_id
            )
        )
        title = s.scalar(select(Vacancy.title).where(Vacancy.id == m.vacancy_id))
    employer, ministry = owners(db, m.vacancy_id, m.pool_id)
    assert placement_id and employer and ministry and title
    return Approved(m, placement_id, employer, ministry, title)


def _as(client: TestClient, demo_people, who: str) -> str:
    """Sign in afresh as `who` (an email or an organisation's slug); returns the CSRF token."""
    client.cookies.clear()
    return as_user(client, demo_people, who)


def _other_employer(demo_keys, slug: str) -> str:
    return next(s for s in demo_keys["employer"] if s != slug)


def _move(client: TestClient, token: str | None, pid: uuid.UUID, move: str, count, **extra):
    data = {"move": move, "count": str(count), "on": TODAY.isoformat(), "note": "", **extra}
    if token is not None:
        data["csrf_token"] = token
    return client.post(f"/placements/{pid}/moves", data=data, follow_redirects=False)


def _stage(page: str, stage: str) -> int:
    """Workers at a stage in the placement page's pipeline table."""
    found = re.search(rf'<tr data-stage="{stage}"><th scope="row">[^<]*</th><td>(\d+)</td>', page)
    assert found, stage
    return int(found.group(1))


def _row(page: str, pid: uuid.UUID) -> str:
    """A placement's row of a placements table (the board, a vacancy's or a pool's section)."""
    found = re.search(rf'<tr data-placement="{pid}">(.*?)</tr>', page, re.S)
    assert found, f"placement {pid} is not listed"
    return found.group(1)


def _cell(row: str, stage: str) -> int:
    found = re.search(rf'<td[^>]*data-stage="{stage}"[^>]*>(\d+)</td>', row)
    assert found, stage
    return int(found.group(1))


def _choices(page: str) -> list[str]:
    form = page.split('action="/placements/', 1)[1].split("</form>", 1)[0]
    return re.findall(r'<option value="([a-z_]+:[a-z_]+)"', form)


def _moves(db: Database, pid: uuid.UUID) -> int:
    with db.session() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(PlacementMove)
                .where(PlacementMove.placement_id == pid)
            )
            or 0
        )


def _errors(page: str) -> str:
    return page.split('id="form-errors"', 1)[1].split("</div>", 1)[0]


# ---- the board -------------------------------------------------------------------------------


def test_the_board_lists_placements_with_filters_and_paging(
    demo_client, demo_database, demo_people, demo_keys, monkeypatch
) -> None:
    a = _approve(demo_client, demo_database, demo_keys, headcount=3)
    b = _approve(demo_client, demo_database, demo_keys, headcount=2)
    token = _as(demo_client, demo_people, OFFICER)
    nav = demo_client.get("/").text.split('<nav aria-label="Main">')[1].split("</nav>")[0]
    assert 'href="/placements"' in nav

    page = demo_client.get("/placements")
    assert page.status_code == 200
    row = _row(page.text, a.placement_id)
    assert (
        a.title in row and a.match.pathway_code in row and f'href="/pools/{a.match.pool_id}"' in row
    )
    assert _cell(row, "approved") == 3 and _cell(row, "awaiting") == 3
    assert _cell(row, "selected") == 0 and 'badge-active">active' in row
    assert f'href="/placements/{a.placement_id}"' in row
    _row(page.text, b.placement_id)

    # Stage: placements with workers there now.
    assert _move(demo_client, token, a.placement_id, "awaiting:selected", 2).status_code == 303
    page = demo_client.get("/placements?stage=selected").text
    assert _cell(_row(page, a.placement_id), "selected") == 2
    assert f'data-placement="{b.placement_id}"' not in page
    assert 'option value="selected" selected' in page
    # Pathway and status.
    page = demo_client.get(f"/placements?pathway={a.match.pathway_code.lower()}").text
    _row(page, a.placement_id)
    page = demo_client.get("/placements?pathway=NO-SUCH-PATHWAY").text
    assert "data-placement=" not in page and "No placement" in page
    assert "data-placement=" not in demo_client.get("/placements?status=withdrawn").text
    # An unknown stage or status filters nothing; a malformed vacancy id is a 422 page.
    page = demo_client.get("/placements?stage=nowhere&status=lost").text
    _row(page, a.placement_id)
    _row(page, b.placement_id)
    assert demo_client.get("/placements?vacancy=not-an-id").status_code == 422

    # Paging (one a page here): the newest approval first, the pager keeps the filters.
    monkeypatch.setattr(placement_pages, "PAGE_SIZE", 1)
    first = demo_client.get("/placements?status=active").text
    assert f'data-placement="{b.placement_id}"' in first
    assert f'data-placement="{a.placement_id}"' not in first
    assert 'href="/placements?status=active&amp;offset=1" rel="next"' in first
    second = demo_client.get("/placements?status=active&offset=1").text
    assert f'data-placement="{a.placement_id}"' in second
    assert f'data-placement="{b.placement_id}"' not in second

    # A withdrawn approval: its placement says so.
    officer_key = next(iter(demo_keys["officer"].values()))
    r = demo_client.post(
        f"/api/v1/matches/{b.match.id}/decisions",
        headers=officer_key,
        json={"decision": "withdrawn", "note": "employer postponed"},
    )
    assert r.status_code == 201, r.text
    monkeypatch.setattr(placement_pages, "PAGE_SIZE", 25)
    page = demo_client.get("/placements?status=withdrawn").text
    assert 'badge-withdrawn">withdrawn' in _row(page, b.placement_id)
    assert f'data-placement="{a.placement_id}"' not in page
    page = demo_client.get(f"/placements/{b.placement_id}").text
    assert "Its approval was withdrawn" in page and "/moves" not in page


def test_employers_and_ministries_see_only_their_own_placements(
    demo_client, demo_database, demo_people, demo_keys
) -> None:
    a = _approve(demo_client, demo_database, demo_keys)
    for who in (a.employer, a.ministry):
        _as(demo_client, demo_people, who)
        nav = demo_client.get("/").text.split('<nav aria-label="Main">')[1].split("</nav>")[0]
        assert 'href="/placements"' in nav, who
        page = demo_client.get("/placements")
        assert page.status_code == 200
        _row(page.text, a.placement_id)
        assert demo_client.get(f"/placements/{a.placement_id}").status_code == 200
    # The employer is not told the ministry's name; officers see both organisations.
    _as(demo_client, demo_people, a.employer)
    with demo_database.session() as s:
        ministry_name = s.scalar(select(Organisation.name).where(Organisation.slug == a.ministry))
    assert ministry_name and ministry_name not in demo_client.get("/placements").text
    _as(demo_client, demo_people, OFFICER)
    assert ministry_name in _row(demo_client.get("/placements").text, a.placement_id)

    other = _other_employer(demo_keys, a.employer)
    token = _as(demo_client, demo_people, other)
    page = demo_client.get("/placements")
    assert page.status_code == 200 and f'data-placement="{a.placement_id}"' not in page.text
    # Another organisation's placement is a 404, to read and to move, and its title stays hidden.
    r = demo_client.get(f"/placements/{a.placement_id}")
    assert r.status_code == 404 and a.title not in r.text
    r = _move(demo_client, token, a.placement_id, "awaiting:selected", 1)
    assert r.status_code == 404 and a.title not in r.text
    r = _move(demo_client, token, a.placement_id, "bogus", "x")  # malformed: 404 all the same
    assert r.status_code == 404
    assert demo_client.get(f"/placements/{uuid.uuid4()}").status_code == 404
    assert demo_client.get("/placements/not-an-id").status_code == 404
    assert _moves(demo_database, a.placement_id) == 0


# ---- one placement: its pipeline, its moves, the form of each role ---------------------------


def test_each_role_records_its_own_side_of_the_pipeline(
    demo_client, demo_database, demo_people, demo_keys
) -> None:
    a = _approve(demo_client, demo_database, demo_keys, headcount=5)
    pid, url = a.placement_id, f"/placements/{a.placement_id}"

    # The officer: the pipeline, no move yet, and the one move there is (selection).
    _as(demo_client, demo_people, OFFICER)
    page = demo_client.get(url).text
    assert _stage(page, "awaiting") == 5 and _stage(page, "selected") == 0
    assert "No move recorded yet" in page
    assert _choices(page) == ["awaiting:selected", "awaiting:left_early"]
    assert f'name="on" type="date" max="{TODAY.isoformat()}" required value="{TODAY}"' in page

    # The employer cannot select workers (the ministry does); it records a dropout.
    _as(demo_client, demo_people, a.employer)
    page = demo_client.get(url).text
    assert _choices(page) == ["awaiting:left_early"]

    # The ministry of the pair selects them.
    token = _as(demo_client, demo_people, a.ministry)
    page = demo_client.get(url).text
    assert _choices(page) == ["awaiting:selected"]
    r = _move(demo_client, token, pid, "awaiting:selected", 5, note="selected at the job fair")
    assert r.status_code == 303 and r.headers["location"] == url
    page = demo_client.get(url).text
    assert "Recorded: 5 workers moved from the approved workers to selected" in page
    assert _stage(page, "awaiting") == 0 and _stage(page, "selected") == 5
    assert "selected at the job fair" in page and "<td>you</td>" in page
    # Contract signing is the employer's: nothing for the ministry to record now.
    assert "No move is yours to record now" in page

    # The employer of the pair: contract signed (or left early), its own side only.
    token = _as(demo_client, demo_people, a.employer)
    page = demo_client.get(url).text
    assert _choices(page) == ["selected:contract_signed", "selected:left_early"]
    assert "<td>the ministry</td>" in page  # the other side by its role, not its people
    assert "labour-mobility@" not in page
    r = _move(demo_client, token, pid, "selected:contract_signed", 3, note="signed in Manila")
    assert r.status_code == 303
    page = demo_client.get(url).text
    assert "Recorded: 3 workers moved from selected to contract signed" in page
    assert _stage(page, "selected") == 2 and _stage(page, "contract_signed") == 3
    r = _move(demo_client, token, pid, "selected:left_early", 1)
    page = demo_client.get(r.headers["location"]).text
    # Leaving before departure gives the worker back.
    assert "1 worker given back: to the quota of the pathway" in page
    assert _stage(page, "left_early") == 1

    # The ministry now records the visa application, and only that.
    _as(demo_client, demo_people, a.ministry)
    page = demo_client.get(url).text
    assert _choices(page) == ["contract_signed:visa_applied"]

    # The officer records every stage, and sees who recorded each move.
    _as(demo_client, demo_people, OFFICER)
    page = demo_client.get(url).text
    assert _choices(page) == [
        "selected:contract_signed",
        "selected:left_early",
        "contract_signed:visa_applied",
        "contract_signed:left_early",
    ]
    moves = page.split('id="moves-h"', 1)[1]
    assert moves.count("<tr><td>") == 3
    assert f"labour-mobility@{a.ministry}.example.org" in moves
    assert f"hr@{a.employer}.example.org" in moves
    assert "signed in Manila" in moves and "<td>contract signed</td>" in moves
    assert _moves(demo_database, pid) == 3
    # The release is a ledger row of its own: the vacancy's and pool's pages still read.
    for page_url in (f"/vacancies/{a.match.vacancy_id}", f"/pools/{a.match.pool_id}"):
        r = demo_client.get(page_url)
        assert r.status_code == 200, page_url
        assert _cell(_row(r.text, pid), "left_early") == 1


def test_refused_moves_are_explained_on_the_page_and_write_nothing(
    demo_client, demo_database, demo_people, demo_keys
) -> None:
    a = _approve(demo_client, demo_database, demo_keys, headcount=5)
    pid = a.placement_id

    # Another side's stage (a form no page offers): 403, on the page.
    token = _as(demo_client, demo_people, a.employer)
    r = _move(demo_client, token, pid, "awaiting:selected", 1)
    assert r.status_code == 403
    assert "recorded by the ministry of the pair or an officer" in _errors(r.text)
    assert "<strong>Move</strong>" in _errors(r.text)

    token = _as(demo_client, demo_people, a.ministry)
    # Without the form's CSRF token: refused before anything is read.
    r = _move(demo_client, None, pid, "awaiting:selected", 1)
    assert r.status_code == 403 and "security token" in r.text
    # More workers than wait for selection: 409, the form keeps what was typed.
    r = _move(demo_client, token, pid, "awaiting:selected", 9, note="too many")
    assert r.status_code == 409
    assert "9 workers moved, 5 waiting for selection" in _errors(r.text)
    assert "<strong>Workers</strong>" in _errors(r.text)
    assert 'value="9"' in r.text and 'value="too many"' in r.text
    assert _stage(r.text, "awaiting") == 5
    # A day ahead, a move the pipeline has not, a count that is no number: 422.
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    r = _move(demo_client, token, pid, "awaiting:selected", 1, on=tomorrow)
    assert r.status_code == 422 and "is ahead of today" in _errors(r.text)
    assert "<strong>Date</strong>" in _errors(r.text)
    r = _move(demo_client, token, pid, "awaiting:departed", 1)
    assert r.status_code == 422 and "not to &#39;departed&#39;" in _errors(r.text)
    r = _move(demo_client, token, pid, "awaiting:selected", "many")
    assert r.status_code == 422 and "<strong>Workers</strong>" in _errors(r.text)
    r = _move(demo_client, token, pid, "awaiting:nowhere", 1)
    assert r.status_code == 422 and "<strong>Move</strong>" in _errors(r.text)
    # A day before the approval: 409.
    r = _move(demo_client, token, pid, "awaiting:selected", 1, on="2020-01-01")
    assert r.status_code == 409 and "is before the approval" in _errors(r.text)

    assert _moves(demo_database, pid) == 0
    page = demo_client.get(f"/placements/{pid}").text
    assert _stage(page, "awaiting") == 5 and "No move recorded yet" in page


# ---- the pipeline sections of the vacancy and pool pages -------------------------------------


def test_vacancy_and_pool_pages_show_their_pipelines(
    demo_client, demo_database, demo_people, demo_keys
) -> None:
    a = _approve(demo_client, demo_database, demo_keys, headcount=4)
    vacancy_url, pool_url = f"/vacancies/{a.match.vacancy_id}", f"/pools/{a.match.pool_id}"
    token = _as(demo_client, demo_people, a.ministry)
    assert _move(demo_client, token, a.placement_id, "awaiting:selected", 3).status_code == 303

    for who, urls in [
        (OFFICER, (vacancy_url, pool_url)),
        (a.employer, (vacancy_url, pool_url)),
        (a.ministry, (pool_url,)),
    ]:
        _as(demo_client, demo_people, who)
        for url in urls:
            page = demo_client.get(url)
            assert page.status_code == 200, (who, url)
            section = page.text.split('id="placements-h"', 1)[1].split("</section>", 1)[0]
            row = _row(section, a.placement_id)
            assert _cell(row, "approved") == 4 and _cell(row, "awaiting") == 1, (who, url)
            assert _cell(row, "selected") == 3, (who, url)
            assert f'href="/placements/{a.placement_id}"' in row
            if url == pool_url:
                assert a.title in row
            else:
                assert f'href="/pools/{a.match.pool_id}"' in row

    # Another employer's vacancy page lists none of them (its own vacancies' only).
    other = _other_employer(demo_keys, a.employer)
    _as(demo_client, demo_people, other)
    with demo_database.session() as s:
        own = s.scalar(
            select(Vacancy.id)
            .join(Organisation, Organisation.id == Vacancy.employer_id)
            .where(Organisation.slug == other, Vacancy.status == "open")
        )
    assert own is not None
    page = demo_client.get(f"/vacancies/{own}").text
    assert "No placement of your vacancies yet" in page


def test_the_placement_pages_carry_no_inline_script_or_style(
    demo_client, demo_database, demo_people, demo_keys
) -> None:
    a = _approve(demo_client, demo_database, demo_keys, headcount=2)
    _as(demo_client, demo_people, OFFICER)
    for path in ("/placements", f"/placements/{a.placement_id}"):
        r = demo_client.get(path)
        assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
        assert_no_inline_code(r.text)
        assert csrf_of(r.text)


def test_a_refused_visa_frees_its_quota_on_the_pathway_page(
    demo_client: TestClient, demo_database: Database, demo_keys, officer
) -> None:
    approved = _approve(demo_client, demo_database, demo_keys, headcount=4)
    api = next(iter(demo_keys["officer"].values()))
    pid = approved.placement_id
    with demo_database.session() as s:
        placement = s.get(Placement, pid)
        assert placement is not None
        code, year = placement.pathway_code, placement.quota_year

    def used_on_the_page() -> int:
        html = demo_client.get(f"/pathways/{code}").text
        row = re.search(rf"<th scope=\"row\">{year}</th><td>[^<]*</td><td>([\d,]+)</td>", html)
        assert row, html
        return int(row.group(1).replace(",", ""))

    before = used_on_the_page()
    for source, to, n in (
        (None, "selected", 4),
        ("selected", "contract_signed", 4),
        ("contract_signed", "visa_applied", 4),
        ("visa_applied", "visa_refused", 3),
    ):
        body = {"from_stage": source, "to_stage": to, "count": n, "on": TODAY.isoformat()}
        r = demo_client.post(f"/api/v1/placements/{pid}/moves", headers=api, json=body)
        assert r.status_code == 201, r.text
    assert used_on_the_page() == before - 3
