"""Allocation plans in the pages: employer and readable pool names in the plan, lines removed
before adoption (page and API, audited), and adoption through a confirmation page that lists
every approval and the quotas it uses."""

from __future__ import annotations

import re
import uuid

import pytest
from sqlalchemy import func, select

from app.allocation import service as allocation
from app.allocation.models import AllocationAssignment, AllocationPlan
from app.audit.models import AuditEvent
from app.db import Database
from app.decisions.models import Decision
from tests.web.conftest import EMPLOYER_ORG, as_user, assert_no_inline_code

pytestmark = pytest.mark.postgres

_FORM = {"destination": "DE", "pathway": "DE-THAMM-PILOT", "min_score": "0.3"}
_HEX8 = re.compile(r"\b[0-9a-f]{8}\b")
_LINES = re.compile(r'name="lines" value="([0-9a-f]{64})"')


def _decisions(database: Database) -> int:
    with database.session() as s:
        return int(s.scalar(select(func.count()).select_from(Decision)) or 0)


def _plan(client, token: str) -> str:
    r = client.post("/plans", data={**_FORM, "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303, r.text
    return r.headers["location"]


def _lines(database: Database, plan_url: str) -> list[AllocationAssignment]:
    plan_id = uuid.UUID(plan_url.rsplit("/", 1)[1])
    with database.session() as s:
        rows = s.scalars(
            select(AllocationAssignment)
            .where(AllocationAssignment.plan_id == plan_id)
            .order_by(AllocationAssignment.vacancy_id, AllocationAssignment.pool_id)
        ).all()
        s.expunge_all()
        return list(rows)


def _table(html: str, table_id: str) -> str:
    return html.split(f'id="{table_id}"')[1].split("</table>")[0]


def test_the_plan_names_vacancies_employers_and_pools(officer, demo_database) -> None:
    client, token = officer
    url = _plan(client, token)
    html = client.get(url).text
    assert_no_inline_code(html)
    table = _table(html, "assignments")
    assert '<th scope="col">Employer</th>' in table
    lines = _lines(demo_database, url)
    assert lines and table.count('<th scope="row">') == len(lines)
    # German employers' names, pools by their labels ("Morocco, Souss-Massa - ... (120)").
    assert re.search(r"<td>[^<]*(GmbH|Kliniken|Hotels|Bau)[^<]*</td>", table)
    assert re.search(
        r'<a href="/pools/[0-9a-f-]{36}">[A-Z][a-z]+[^<]* - [^<]+ \(\d[\d,]*\)</a>', table
    )
    visible = re.sub(r'(href|action|value)="[^"]*"', "", table)
    assert not _HEX8.search(visible)


def test_an_officer_removes_a_line_and_adopts_only_the_rest(officer, demo_database) -> None:
    client, token = officer
    url = _plan(client, token)
    lines = _lines(demo_database, url)
    assert len(lines) >= 2, "the demo plan has lines to remove"
    gone = lines[0]
    remove = f"{url}/assignments/{gone.id}/remove"
    assert client.post(remove, data={}).status_code == 403  # no CSRF token
    r = client.post(remove, data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == url
    page = client.get(url).text
    assert "Removed from the plan:" in page
    assert len(_lines(demo_database, url)) == len(lines) - 1
    assert f"/assignments/{gone.id}/remove" not in page
    removed = _table(page, "removed-lines")
    assert removed.count('<th scope="row">') == 1
    assert "Removed before adoption" in page and "1 line (" in page
    with demo_database.session() as s:
        plan = s.get(AllocationPlan, uuid.UUID(url.rsplit("/", 1)[1]))
        left = [a for a in lines if a.id != gone.id]
        assert plan.objective == pytest.approx(sum(a.score * a.headcount for a in left))
        event = s.scalars(
            select(AuditEvent).where(
                AuditEvent.entity_id == str(plan.id), AuditEvent.action == "remove_assignment"
            )
        ).one()
        assert event.after["removed"]["id"] == str(gone.id)
        assert event.before["assignments"] == len(lines)

    before = _decisions(demo_database)
    # Posting the adoption without its confirmation form goes to the confirmation page.
    bare = client.post(f"{url}/adopt", data={"csrf_token": token}, follow_redirects=False)
    assert bare.status_code == 303 and bare.headers["location"] == f"{url}/adopt"
    assert _decisions(demo_database) == before

    confirm = client.get(f"{url}/adopt")
    assert confirm.status_code == 200
    html = confirm.text
    assert_no_inline_code(html)
    # The form names the lines it shows by one digest, whatever the plan's size.
    (confirmed,) = _LINES.findall(html)
    assert confirmed == allocation.lines_digest(a.id for a in left)
    approvals = _table(html, "approvals")
    assert approvals.count('<th scope="row">') == len(left)
    assert "DE-THAMM-PILOT" in approvals and "after the plan" in approvals
    quota = _table(html, "quota-effect")
    assert "Used now" in quota and "+" in quota
    assert f"Confirm: record {len(left)} approval" in html

    form = {"csrf_token": token, "confirm": "yes", "lines": confirmed}
    done = client.post(f"{url}/adopt", data=form, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == url
    assert "Plan adopted" in client.get(url).text
    assert _decisions(demo_database) == before + len(left)
    with demo_database.session() as s:
        approved_pairs = set(
            s.execute(
                select(Decision.vacancy_id, Decision.pool_id).where(
                    Decision.note.contains(url.rsplit("/", 1)[1])
                )
            ).all()
        )
    assert (gone.vacancy_id, gone.pool_id) not in approved_pairs
    # An adopted plan has no lines to remove and no confirmation to show.
    late = client.post(f"{url}/assignments/{left[0].id}/remove", data={"csrf_token": token})
    assert "only a proposed plan can be changed" in late.text
    assert client.get(f"{url}/adopt", follow_redirects=False).headers["location"] == url


def test_a_line_removed_after_the_confirmation_was_shown_stops_the_adoption(
    officer, demo_database
) -> None:
    client, token = officer
    url = _plan(client, token)
    page = client.get(f"{url}/adopt").text
    (confirmed,) = _LINES.findall(page)
    shown = _table(page, "approvals").count('<th scope="row">')
    assert shown >= 2
    first = re.search(r"/assignments/([0-9a-f-]{36})/remove", client.get(url).text)
    assert first is not None
    client.post(f"{url}/assignments/{first.group(1)}/remove", data={"csrf_token": token})
    before = _decisions(demo_database)
    r = client.post(
        f"{url}/adopt", data={"csrf_token": token, "confirm": "yes", "lines": confirmed}
    )
    assert r.url.path == f"{url}/adopt"  # back to the confirmation, which shows the new lines
    assert "changed after the confirmation was shown" in r.text
    assert _decisions(demo_database) == before
    assert _table(r.text, "approvals").count('<th scope="row">') == shown - 1
    assert _LINES.findall(r.text) != [confirmed]


def test_the_api_removes_a_line_of_a_proposed_plan(demo_client, demo_keys, demo_database) -> None:
    officer = next(iter(demo_keys["officer"].values()))
    employer = next(iter(demo_keys["employer"].values()))
    plan = demo_client.post(
        "/api/v1/allocation-plans",
        json={"scope": {"destination": "DE", "pathway": "DE-THAMM-PILOT"}, "min_score": 0.3},
        headers=officer,
    ).json()
    first = plan["assignments"][0]
    url = f"/api/v1/allocation-plans/{plan['id']}/assignments/{first['id']}"
    assert demo_client.delete(url, headers=employer).status_code == 403
    r = demo_client.delete(url, headers=officer)
    assert r.status_code == 200, r.text
    after = r.json()
    assert after["assignment_count"] == plan["assignment_count"] - 1
    assert first["id"] not in {a["id"] for a in after["assignments"]}
    assert after["headcount"] == plan["headcount"] - first["headcount"]
    again = demo_client.delete(url, headers=officer)
    assert again.status_code == 404
    assert again.headers["content-type"] == "application/problem+json"
    adopted = demo_client.post(f"/api/v1/allocation-plans/{plan['id']}/adopt", headers=officer)
    assert adopted.status_code == 200 and adopted.json()["assignment_count"] == len(
        after["assignments"]
    )
    last = after["assignments"][0]["id"]
    refused = demo_client.delete(
        f"/api/v1/allocation-plans/{plan['id']}/assignments/{last}", headers=officer
    )
    assert refused.status_code == 409 and refused.json()["code"] == "plan_not_proposed"


def test_the_confirmation_is_for_officers(demo_client, demo_people, officer) -> None:
    client, token = officer
    url = _plan(client, token)
    client.cookies.clear()
    as_user(client, demo_people, EMPLOYER_ORG)
    assert client.get(f"{url}/adopt").status_code == 403
