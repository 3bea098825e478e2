"""The audit log page: actors and entities by name with links, changes as a readable diff,
names read in one query per kind of entity (never per row), filters, and the CSV export."""

from __future__ import annotations

import csv
import io
import re

import pytest
from sqlalchemy import event, select

from app.audit.service import record
from app.auth.models import Organisation, User
from app.auth.repository import find_user, principal_of
from app.pathways.models import LegalPathway
from app.pools.models import Pool
from app.vacancies.models import Vacancy
from app.web.audit_view import Named, change_text, diff
from tests.web.conftest import EMPLOYER_ORG, OFFICER, as_user, assert_no_inline_code

pytestmark = pytest.mark.postgres

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _edit_a_vacancy(demo_database) -> Vacancy:
    """An update event as the vacancy service writes one, by the officer."""
    with demo_database.session() as s:
        v = s.scalars(select(Vacancy).order_by(Vacancy.title).limit(1)).one()
        officer = principal_of(find_user(s, OFFICER))
        record(
            s,
            officer,
            "update",
            "vacancy",
            v.id,
            {"openings": 3, "wage": {"amount": 2900, "currency": "EUR"}, "note": "x" * 200},
            {"openings": 5, "wage": {"amount": 3100, "currency": "EUR"}, "note": "short"},
        )
        s.commit()
        s.expunge(v)
        return v


def test_events_show_names_links_and_a_diff(officer, demo_database) -> None:
    client, _ = officer
    vacancy = _edit_a_vacancy(demo_database)
    r = client.get("/audit", params={"entity_type": "vacancy", "entity_id": str(vacancy.id)})
    assert r.status_code == 200
    html = r.text
    assert_no_inline_code(html)
    table = html.split('id="audit-events"')[1].split("</table>")[0]
    assert f'<a href="/vacancies/{vacancy.id}">{vacancy.title}</a>' in table
    assert "Officer" in table or "officer1@imdi-facilitation.example.org" in table
    assert '<span class="diff-field">openings</span>: <del>3</del>' in table
    assert "<ins>5</ins>" in table
    assert '<span class="diff-field">wage.amount</span>: <del>2,900</del>' in table
    assert "wage.currency" not in table  # unchanged fields are left out
    assert "x" * 100 not in table and "…" in table  # long values are cut
    assert "{&#34;" not in table and '{"' not in table  # no raw JSON
    # No UUID is shown as text (ids stay in links and the filter form only).
    visible = re.sub(r'(href|value)="[^"]*"', "", table)
    assert not _UUID.search(visible)


def _many_events(demo_database) -> None:
    """Sixty events over six kinds of entity, with ids of other entities inside."""
    with demo_database.session() as s:
        officer = principal_of(find_user(s, OFFICER))
        vacancies = s.scalars(select(Vacancy).order_by(Vacancy.id).limit(12)).all()
        pools = s.scalars(select(Pool).order_by(Pool.id).limit(12)).all()
        orgs = s.scalars(select(Organisation).order_by(Organisation.id).limit(12)).all()
        people = s.scalars(select(User).order_by(User.id).limit(12)).all()
        codes = s.scalars(select(LegalPathway.code).order_by(LegalPathway.code).limit(6)).all()
        for v, p in zip(vacancies, pools, strict=True):
            record(s, officer, "update", "vacancy", v.id, {"openings": 1}, {"openings": 2})
            record(s, officer, "update", "pool", p.id, None, {"vacancy_id": str(v.id)})
        for o, u in zip(orgs, people, strict=True):
            record(s, officer, "create", "organisation", o.id, None, {"name": o.name})
            record(s, officer, "change_role", "user", u.id, {"role": "x"}, {"role": u.role})
        for code in codes:
            record(s, officer, "update", "legal_pathway", code, {"annual_quota": 1}, None)
        s.commit()


def test_names_are_read_in_one_query_per_kind(officer, demo_database) -> None:
    client, _ = officer
    _many_events(demo_database)
    client.get("/audit")  # warm up: templates, caches
    statements: list[str] = []

    def count(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    engine = demo_database.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        page = client.get("/audit")
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert page.status_code == 200
    table = page.text.split('id="audit-events"')[1].split("</table>")[0]
    assert table.count("<tr><td>") == 50  # a full page
    for kind in ("vacancies", "pools", "pathways"):
        assert f'<a href="/{kind}/' in table
    # The session, the count, the page, then one query per kind of entity (pools: and their
    # occupations' titles): never one per row.
    assert len(statements) <= 14, "\n".join(statements)


def test_filters_and_the_csv_export_agree(officer, demo_database) -> None:
    client, _ = officer
    vacancy = _edit_a_vacancy(demo_database)
    params = {"entity_type": "vacancy", "action": "update", "actor": OFFICER}
    page = client.get("/audit", params=params)
    assert page.status_code == 200
    assert (
        'href="/audit.csv?entity_type=vacancy&amp;action=update&amp;actor=officer1%40imdi'
        in page.text
    )
    r = client.get("/audit.csv", params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="audit-log.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and all(
        row["action"] == "update" and row["entity_type"] == "vacancy" for row in rows
    )
    mine = [row for row in rows if row["entity_id"] == str(vacancy.id)]
    assert len(mine) == 1
    assert mine[0]["entity"] == vacancy.title
    assert mine[0]["actor_email"] == OFFICER
    assert "openings: 3 -> 5" in mine[0]["change"]
    assert "wage.amount: 2,900 -> 3,100" in mine[0]["change"]
    nobody = client.get("/audit.csv", params={"actor": "nobody@example.org"})
    assert nobody.status_code == 200 and len(nobody.text.strip().splitlines()) == 1
    assert (
        "No user has the email" in client.get("/audit", params={"actor": "nobody@example.org"}).text
    )


def test_the_audit_log_is_for_officers_and_admins(demo_client, demo_people) -> None:
    as_user(demo_client, demo_people, EMPLOYER_ORG)
    assert demo_client.get("/audit").status_code == 403
    assert demo_client.get("/audit.csv").status_code == 403


def test_admins_get_links_to_users_and_organisations(demo_client, demo_people) -> None:
    admin = next(u for u in demo_people.values() if u["role"] == "admin")
    as_user(demo_client, demo_people, admin["email"])
    html = demo_client.get("/audit", params={"entity_type": "web_session"}).text
    assert "web session of " in html
    assert re.search(r'<a href="/admin/users/[0-9a-f-]{36}">[^<]+ &lt;[^&]+@[^&]+&gt;</a>', html)


def test_the_diff_reads_like_a_person_would() -> None:
    names = {("vacancy", "v1"): Named("Chef de partie", "/vacancies/v1")}
    changes = diff(
        {"status": "open", "skills": ["a", "b"], "flag": True, "gone": 1},
        {"status": "closed", "skills": ["a", "b"], "flag": False, "vacancy_id": "v1"},
        names,
    )
    assert change_text(changes) == (
        "status: open -> closed; flag: yes -> no; gone: 1 -> (removed); vacancy id: Chef de partie"
    )
    created = diff(None, {"move": {"from": "selected", "to": "visa_applied"}, "count": 2})
    assert change_text(created) == "move.from: selected; move.to: visa_applied; count: 2"
    deleted = diff({"url": "https://example.org/hook"}, None)
    assert change_text(deleted) == "url: https://example.org/hook -> (removed)"
