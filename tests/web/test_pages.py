"""The web pages through the TestClient, on every backend: sign-in and sign-out, CSRF, access by
role and organisation, decisions, uploads, pathway edits, CSV export."""

from __future__ import annotations

import csv
import io
import re
import uuid

import pytest
from sqlalchemy import event, func, select

from app.analytics import service as analytics
from app.auth.models import Organisation
from app.config import Settings
from app.db import Database
from app.decisions.models import Decision
from app.matches.service import RankedMatch
from app.pathways.models import LegalPathway
from app.pools.models import Pool
from app.surveys.models import SurveyUpload
from app.vacancies.models import Vacancy
from app.web import session as web_session
from app.web.pages.common import PAGE_SIZE
from tests.web.conftest import (
    EMPLOYER_ORG,
    MINISTRY_ORG,
    OFFICER,
    OTHER_EMPLOYER_ORG,
    as_user,
    assert_no_inline_code,
    csrf_of,
    ranking,
    settings_of,
    sign_in,
    top_match,
)

pytestmark = pytest.mark.postgres


def _vacancy(database: Database, org_slug: str, title: str | None = None) -> Vacancy:
    with database.session() as s:
        stmt = (
            select(Vacancy)
            .join(Organisation, Organisation.id == Vacancy.employer_id)
            .where(Organisation.slug == org_slug, Vacancy.status == "open")
            .order_by(Vacancy.title, Vacancy.id)
        )
        if title:
            stmt = stmt.where(Vacancy.title == title)
        vacancy = s.scalars(stmt).first()
        assert vacancy is not None
        s.expunge(vacancy)
        return vacancy


def _top_match(database: Database, vacancy_id: uuid.UUID) -> RankedMatch:
    return top_match(database, vacancy_id)


def _count(database: Database, model) -> int:
    with database.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


# ---- sign-in, session, sign-out ----------------------------------------------------------------


def test_pages_need_a_session_and_send_you_back_after_sign_in(demo_client, demo_people) -> None:
    r = demo_client.get("/vacancies?status=open", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/signin?next=/vacancies%3Fstatus%3Dopen"

    page = demo_client.get(r.headers["location"])
    assert page.status_code == 200 and 'name="next" value="/vacancies?status=open"' in page.text
    r = demo_client.post(
        "/signin",
        data={
            "csrf_token": csrf_of(page.text),
            "email": OFFICER.upper(),  # emails are case-blind
            "password": demo_people[OFFICER]["password"],
            "next": "/vacancies?status=open",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/vacancies?status=open"
    cookie = r.headers["set-cookie"]
    assert web_session.COOKIE in cookie
    assert "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()
    assert "secure" in cookie.lower()  # only development drops it (plain http on localhost)
    assert demo_client.get("/vacancies?status=open").status_code == 200


def test_a_wrong_password_is_refused_without_saying_which_part(demo_client, demo_people) -> None:
    token = csrf_of(demo_client.get("/signin").text)
    for email, password in [(OFFICER, "wrong"), ("nobody@example.org", "demo-officer-1")]:
        r = demo_client.post(
            "/signin", data={"csrf_token": token, "email": email, "password": password}
        )
        assert r.status_code == 401
        assert "The email or the password is not right." in r.text
    assert demo_client.get("/", follow_redirects=False).status_code == 303


def test_repeated_failures_are_rate_limited(demo_client, demo_people) -> None:
    token = csrf_of(demo_client.get("/signin").text)
    for _ in range(20):
        demo_client.post(
            "/signin", data={"csrf_token": token, "email": OFFICER, "password": "guess"}
        )
    r = demo_client.post(
        "/signin",
        data={"csrf_token": token, "email": OFFICER, "password": demo_people[OFFICER]["password"]},
    )
    assert r.status_code == 429 and "Retry-After" in r.headers


def test_sign_in_without_its_csrf_token_is_refused(demo_client, demo_people) -> None:
    demo_client.get("/signin")
    r = demo_client.post(
        "/signin",
        data={"email": OFFICER, "password": demo_people[OFFICER]["password"]},
        follow_redirects=False,
    )
    assert r.status_code == 403
    assert "security token" in r.text
    assert demo_client.get("/", follow_redirects=False).status_code == 303


def test_a_tampered_or_foreign_cookie_is_no_session(
    demo_client, demo_people, demo_database
) -> None:
    sign_in(demo_client, OFFICER, demo_people[OFFICER]["password"])
    good = demo_client.cookies[web_session.COOKIE]
    demo_client.cookies.set(web_session.COOKIE, good[:-2] + ("AA" if good[-2:] != "AA" else "BB"))
    assert demo_client.get("/", follow_redirects=False).status_code == 303
    # Signed with another key (another deployment): refused as well.
    other = Settings(
        environment="test",
        database_url=demo_database.url,
        secret_key="another-secret-key-of-enough-length-000",
    )
    from starlette.responses import Response

    response = Response()
    web_session.write(response, other, web_session.WebSession.signed_in(uuid.uuid4().hex))
    forged = response.headers["set-cookie"].split(";")[0].split("=", 1)[1]
    demo_client.cookies.set(web_session.COOKIE, forged)
    assert demo_client.get("/", follow_redirects=False).status_code == 303
    # Signed with this deployment's key but naming no session on the server: no session.
    response = Response()
    mine = demo_client.app.state.settings
    web_session.write(response, mine, web_session.WebSession.signed_in(uuid.uuid4().hex))
    forged = response.headers["set-cookie"].split(";")[0].split("=", 1)[1]
    demo_client.cookies.set(web_session.COOKIE, forged)
    assert demo_client.get("/", follow_redirects=False).status_code == 303


def test_session_cookie_is_secure_in_production() -> None:
    from starlette.responses import Response

    settings = Settings(environment="production", secret_key="x" * 40, database_url="sqlite://")
    response = Response()
    web_session.write(response, settings, web_session.WebSession.signed_in(uuid.uuid4().hex))
    cookie = response.headers["set-cookie"].lower()
    assert "secure" in cookie and "httponly" in cookie and "samesite=lax" in cookie
    assert f"max-age={8 * 3600}" in cookie  # the session lifetime (IMDI_SESSION_MAX_HOURS)


def test_sign_out_ends_the_session_and_needs_the_token(officer) -> None:
    client, token = officer
    assert client.post("/signout", data={}, follow_redirects=False).status_code == 403
    assert client.get("/", follow_redirects=False).status_code == 200
    r = client.post("/signout", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/signin"
    assert client.get("/", follow_redirects=False).status_code == 303


def test_next_never_leaves_the_site(demo_client, demo_people) -> None:
    for evil in ("//evil.example.org/", "https://evil.example.org/", "/\\evil.example.org"):
        demo_client.cookies.clear()
        token = csrf_of(demo_client.get("/signin").text)
        r = demo_client.post(
            "/signin",
            data={
                "csrf_token": token,
                "email": OFFICER,
                "password": demo_people[OFFICER]["password"],
                "next": evil,
            },
            follow_redirects=False,
        )
        assert r.headers["location"] == "/"


# ---- navigation and access by role -----------------------------------------------------------


def test_navigation_fits_the_role(demo_client, demo_people) -> None:
    cases = {
        OFFICER: (["/analytics", "/audit", "/pools", "/pathways"], ["/upload", "/vacancies/new"]),
        EMPLOYER_ORG: (["/vacancies/new", "/vacancies"], ["/analytics", "/audit", "/upload"]),
        MINISTRY_ORG: (
            ["/upload", "/pools", "/vacancies"],
            ["/analytics", "/audit", "/vacancies/new"],
        ),
    }
    for who, (shown, hidden) in cases.items():
        demo_client.cookies.clear()
        as_user(demo_client, demo_people, who)
        nav = demo_client.get("/").text.split('<nav aria-label="Main">')[1].split("</nav>")[0]
        for href in shown:
            assert f'href="{href}"' in nav, (who, href)
        for href in hidden:
            assert f'href="{href}"' not in nav, (who, href)
            # Hidden is not enough: the page itself refuses.
            assert demo_client.get(href).status_code == 403, (who, href)


def test_an_employer_gets_404_for_another_organisations_vacancy(
    demo_client, demo_people, demo_database
) -> None:
    own = _vacancy(demo_database, EMPLOYER_ORG)
    foreign = _vacancy(demo_database, OTHER_EMPLOYER_ORG)
    as_user(demo_client, demo_people, EMPLOYER_ORG)
    assert demo_client.get(f"/vacancies/{own.id}").status_code == 200
    r = demo_client.get(f"/vacancies/{foreign.id}")
    assert r.status_code == 404 and foreign.title not in r.text
    assert demo_client.get(f"/vacancies/{uuid.uuid4()}").status_code == 404
    assert demo_client.get("/vacancies/not-an-id").status_code == 404
    # Its ranked pools are aggregates, without decision buttons.
    page = demo_client.get(f"/vacancies/{own.id}").text
    assert "Ranked pools" in page and 'value="approved"' not in page


def test_a_ministry_sees_only_its_pools_and_the_vacancies_they_match(
    demo_client, demo_people, demo_database
) -> None:
    as_user(demo_client, demo_people, MINISTRY_ORG)
    page = demo_client.get("/pools").text
    # The table only: the origin picker's list offers every country.
    table = page.split('aria-label="Pools"', 1)[1].split("</table>", 1)[0]
    assert "Philippines" in table and "Kenya" not in table
    matched = demo_client.get("/vacancies")
    assert matched.status_code == 200 and "Vacancies your pools match" in matched.text


def _cells(page: str, vacancy_id: uuid.UUID) -> list[str]:
    """The data cells of a vacancy's row in a table of vacancies."""
    row = page.split(f'<a href="/vacancies/{vacancy_id}">', 1)[1].split("</tr>", 1)[0]
    return re.findall(r"<td>(.*?)</td>", row, re.S)


def test_list_figures_are_those_of_the_rankings(demo_client, demo_people, demo_database) -> None:
    """Eligible pools and best scores of the vacancy list, the officer's waiting vacancies and a
    ministry's matched vacancies are read from the rankings (no stored rows for them)."""
    ranked = ranking(demo_database)  # every open vacancy's eligible matches, best first
    as_user(demo_client, demo_people, EMPLOYER_ORG)
    page = demo_client.get("/vacancies?status=open").text
    with demo_database.session() as s:
        own = list(
            s.scalars(
                select(Vacancy.id)
                .join(Organisation, Organisation.id == Vacancy.employer_id)
                .where(Organisation.slug == EMPLOYER_ORG, Vacancy.status == "open")
            )
        )
        pools = {p: m for p, m in s.execute(select(Pool.id, Pool.ministry_id))}
        ministry = s.scalar(select(Organisation.id).where(Organisation.slug == MINISTRY_ORG))
    assert own
    for vid in own:
        cells = _cells(page, vid)
        found = ranked[vid]
        assert cells[-3] == str(len(found)), vid
        assert cells[-2] == (f"{found[0].score:.2f}" if found else "\u2013"), vid  # a dash

    demo_client.cookies.clear()
    sign_in(demo_client, OFFICER, demo_people[OFFICER]["password"])
    page = demo_client.get("/").text
    waiting = re.findall(r'<a href="/vacancies/([0-9a-f-]{36})">', page.split('id="waiting-h"')[1])
    assert waiting, "the demo has vacancies waiting for a decision"
    for vid in map(uuid.UUID, waiting):
        cells = _cells(page, vid)
        assert cells[-2:] == [str(len(ranked[vid])), f"{ranked[vid][0].score:.2f}"]

    demo_client.cookies.clear()
    as_user(demo_client, demo_people, MINISTRY_ORG)
    mine = {
        vid: [m for m in found if pools[m.pool_id] == ministry] for vid, found in ranked.items()
    }
    mine = {vid: found for vid, found in mine.items() if found}
    assert 0 < len(mine) <= PAGE_SIZE  # one page of them in the demo
    dashboard = demo_client.get("/").text
    # The dashboard links to them without counting (a count ranks every large pool).
    assert "→</span> Open vacancies your pools match" in dashboard
    page = demo_client.get("/vacancies").text
    listed = re.findall(r'<th scope="row"><a href="/vacancies/([0-9a-f-]{36})">', page)
    assert sorted(listed) == sorted(str(v) for v in mine)
    # The demo's pools are few: the best vacancies read of each pool are all it matches.
    for vid, found in mine.items():
        assert _cells(page, vid)[-3:] == [
            str(len(found)),
            f"{found[0].score:.2f}",
            f"{sum(m.eligible_headcount for m in found):,}",
        ]


# ---- decisions -------------------------------------------------------------------------------


def test_approving_a_match_records_it_and_uses_quota(officer, demo_database) -> None:
    client, token = officer
    vacancy = _vacancy(demo_database, EMPLOYER_ORG, "Cook")
    match = _top_match(demo_database, vacancy.id)
    page = client.get(f"/vacancies/{vacancy.id}").text
    assert f'{match.pathway_code}</a>: <span class="quota-used">0 of' in page

    url = f"/matches/{match.id}/decision"
    before = _count(demo_database, Decision)
    refused = client.post(
        url,
        data={
            "decision": "approved",
            "headcount": "2",
            "note": "x",
            "next": f"/vacancies/{vacancy.id}",
        },
    )
    assert refused.status_code == 403 and _count(demo_database, Decision) == before

    r = client.post(
        url,
        data={
            "csrf_token": token,
            "decision": "approved",
            "headcount": "2",
            "note": "good fit",
            "next": f"/vacancies/{vacancy.id}",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == f"/vacancies/{vacancy.id}"
    assert _count(demo_database, Decision) == before + 1
    page = client.get(r.headers["location"]).text
    assert "Approved 2 workers" in page
    assert f'{match.pathway_code}</a>: <span class="quota-used">2 of' in page
    assert "good fit" in page


def _card(page: str, match_id: uuid.UUID) -> str:
    """The HTML of one match card of a page (up to the next card, or the end of the list)."""
    start = page.index(f'id="match-{match_id}"')
    ends = [i for i in (page.find('class="match-card"', start), page.find("</ol>", start)) if i > 0]
    return page[start : min(ends)]


def test_withdrawing_an_approval_on_the_page_releases_its_quota(officer, demo_database) -> None:
    client, token = officer
    vacancy = _vacancy(demo_database, EMPLOYER_ORG, "Cook")
    match = _top_match(demo_database, vacancy.id)
    code, year = match.pathway_code, vacancy.start_date.year
    with demo_database.session() as s:
        quota = s.scalar(select(LegalPathway.annual_quota).where(LegalPathway.code == code))
    url = f"/matches/{match.id}/decision"
    here = f"/vacancies/{vacancy.id}"
    r = client.post(
        url,
        data={"csrf_token": token, "decision": "approved", "headcount": "2", "next": here},
    )
    assert r.status_code == 200 and "Approved 2 workers" in r.text
    # The approved match offers only the withdrawal (note required); other matches the usual.
    card = _card(r.text, match.id)
    assert 'value="withdrawn"' in card and "Withdraw approval" in card
    assert 'name="note" type="text" maxlength="5000" autocomplete="off" required' in card
    for other in ("approved", "shortlisted", "needs_information", "rejected"):
        assert f'value="{other}"' not in card
    assert "Approvals in force" in r.text
    pathway_row = f'<th scope="row">{year}</th><td>{quota:,}</td><td>2</td><td>{quota - 2:,}</td>'
    assert pathway_row in client.get(f"/pathways/{code}").text

    before = _count(demo_database, Decision)
    # Without its CSRF token, or without a note, nothing is withdrawn.
    refused = client.post(url, data={"decision": "withdrawn", "note": "x", "next": here})
    assert refused.status_code == 403
    r = client.post(
        url, data={"csrf_token": token, "decision": "withdrawn", "note": " ", "next": here}
    )
    assert r.status_code == 200 and "The decision was not recorded" in r.text
    assert "a withdrawal needs a note" in r.text
    # Nor is any other decision taken on the approved match.
    r = client.post(url, data={"csrf_token": token, "decision": "rejected", "next": here})
    assert r.status_code == 200 and "withdraw the approval" in r.text
    assert _count(demo_database, Decision) == before

    r = client.post(
        url,
        data={
            "csrf_token": token,
            "decision": "withdrawn",
            "note": "employer postponed",
            "next": here,
        },
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == here
    assert _count(demo_database, Decision) == before + 1
    page = client.get(here).text
    assert f"Withdrew the approval of 2 workers under {code}." in page
    assert f'{code}</a>: <span class="quota-used">0 of' in page
    assert "employer postponed" in page and "Approvals in force" not in page
    card = _card(page, match.id)
    assert 'value="approved"' in card and 'value="withdrawn"' not in card
    # The pathway page counts the release.
    pathway_row = f'<th scope="row">{year}</th><td>{quota:,}</td><td>0</td><td>{quota:,}</td>'
    assert pathway_row in client.get(f"/pathways/{code}").text


def test_a_refused_decision_is_explained_and_stores_nothing(officer, demo_database) -> None:
    client, token = officer
    vacancy = _vacancy(demo_database, EMPLOYER_ORG, "Cook")
    match = _top_match(demo_database, vacancy.id)
    before = _count(demo_database, Decision)
    r = client.post(
        f"/matches/{match.id}/decision",
        data={
            "csrf_token": token,
            "decision": "approved",
            "headcount": "100000",
            "next": f"/vacancies/{vacancy.id}",
        },
    )
    assert r.status_code == 200 and "The decision was not recorded" in r.text
    assert _count(demo_database, Decision) == before


def test_only_officers_decide(demo_client, demo_people, demo_database) -> None:
    vacancy = _vacancy(demo_database, EMPLOYER_ORG, "Cook")
    match = _top_match(demo_database, vacancy.id)
    token = as_user(demo_client, demo_people, EMPLOYER_ORG)
    r = demo_client.post(
        f"/matches/{match.id}/decision",
        data={"csrf_token": token, "decision": "rejected", "next": "/"},
    )
    assert r.status_code == 403 and _count(demo_database, Decision) == 0


def test_the_vacancy_page_has_no_query_per_match(officer, demo_database) -> None:
    client, _ = officer
    vacancy = _vacancy(demo_database, "gb-fenland-fresh")
    statements: list[str] = []

    def count(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    event.listen(demo_database.engine, "before_cursor_execute", count)
    try:
        page = client.get(f"/vacancies/{vacancy.id}")
    finally:
        event.remove(demo_database.engine, "before_cursor_execute", count)
    assert page.status_code == 200
    assert page.text.count('class="match-card"') >= 10
    # A fixed number of queries whatever the number of matches shown (20 per page).
    assert len(statements) < 25, len(statements)


# ---- pages are self-contained ----------------------------------------------------------------


def test_pages_carry_no_inline_script_or_style_and_a_strict_csp(officer, demo_database) -> None:
    client, _ = officer
    vacancy = _vacancy(demo_database, EMPLOYER_ORG, "Cook")
    for path in (
        "/",
        "/vacancies",
        f"/vacancies/{vacancy.id}?blocked=true",
        "/pools",
        "/pathways",
        "/pathways/DE-THAMM-PILOT",
        "/analytics",
        "/audit",
    ):
        r = client.get(path)
        assert r.status_code == 200, path
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["cache-control"] == "no-store"
        assert_no_inline_code(r.text)
        assert "http://" not in r.text.replace("http://www.w3.org/2000/svg", "")
        assert "https://" not in r.text
    css = client.get("/static/app.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]


def test_blocked_pairs_on_request_with_their_reasons(officer, demo_database) -> None:
    client, _ = officer
    vacancy = _vacancy(demo_database, "gb-northshire-nhs")
    plain = client.get(f"/vacancies/{vacancy.id}").text
    assert "Blocked pairs" not in plain and "Show blocked pairs" in plain
    shown = client.get(f"/vacancies/{vacancy.id}?blocked=true").text
    assert "Blocked pairs" in shown
    blocked = [
        m
        for m in ranking(demo_database, vacancy.id, include_ineligible=True)[vacancy.id]
        if not m.eligible
    ]
    assert blocked, "the demo has blocked pairs for this vacancy"
    reasons = blocked[0].reasons  # the best blocked pair is listed first
    assert f"<code>{reasons[0]['code']}</code>" in shown


# ---- analytics -------------------------------------------------------------------------------


def test_analytics_csv_matches_the_service(officer, demo_database) -> None:
    client, _ = officer
    for by in ("occupation", "destination", "origin"):
        r = client.get(f"/analytics/shortage-surplus.csv?by={by}")
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(r.text)))
        with demo_database.session() as s:
            expected = analytics.shortage_surplus(
                s, settings_of(demo_database), analytics.GroupBy(by)
            )
        assert [row["key"] for row in rows] == [e.key for e in expected]
        assert rows and all(
            int(row["balance"]) == int(row["supply"]) - int(row["demand"]) for row in rows
        )
    r = client.get("/analytics/skills-gap.csv?top=5")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and set(rows[0]) == set(analytics.SKILL_GAP_COLUMNS)
    assert client.get("/analytics/skills-gap.csv?top=0").status_code == 422


def test_analytics_are_for_officers(demo_client, demo_people) -> None:
    as_user(demo_client, demo_people, EMPLOYER_ORG)
    assert demo_client.get("/analytics/shortage-surplus.csv").status_code == 403
    assert demo_client.get("/analytics").status_code == 403


def test_analytics_api_for_officers_only(demo_client, demo_people) -> None:
    officer_key = {"Authorization": f"Bearer {demo_people[OFFICER]['api_key']}"}
    employer_key = {"Authorization": f"Bearer {demo_people[EMPLOYER_ORG]['api_key']}"}
    r = demo_client.get("/api/v1/analytics/shortage-surplus?by=origin", headers=officer_key)
    assert r.status_code == 200 and r.json()["by"] == "origin" and r.json()["items"]
    r = demo_client.get("/api/v1/analytics/skills-gap?top=3", headers=officer_key)
    assert r.status_code == 200 and r.json()["items"]
    csv_r = demo_client.get("/api/v1/analytics/skills-gap.csv", headers=officer_key)
    assert csv_r.status_code == 200 and csv_r.text.startswith("occupation,")
    assert demo_client.get("/api/v1/analytics/skills-gap", headers=employer_key).status_code == 403
    assert demo_client.get("/api/v1/analytics/skills-gap").status_code == 401


def test_approvals_reduce_demand_and_pool_capacity(demo_database) -> None:
    """Shortage/surplus arithmetic: an approval takes openings out of demand and workers out of
    the pool's remaining capacity."""
    from app.common.principal import Principal, Role
    from app.reviews import service as reviews
    from app.reviews.schemas import DecisionIn

    vacancy = _vacancy(demo_database, EMPLOYER_ORG, "Cook")
    match = _top_match(demo_database, vacancy.id)
    settings = settings_of(demo_database)
    with demo_database.session() as s:
        before = {
            r.key: r for r in analytics.shortage_surplus(s, settings, analytics.GroupBy.OCCUPATION)
        }
    with demo_database.transaction() as s:
        from app.auth.models import User

        officer = s.scalar(select(User).where(User.email == OFFICER))
        principal = Principal(officer.id, officer.email, Role.OFFICER, officer.organisation_id)
        reviews.decide(
            s, settings, principal, match.id, DecisionIn(decision="approved", headcount=3)
        )
    with demo_database.session() as s:
        after = {
            r.key: r for r in analytics.shortage_surplus(s, settings, analytics.GroupBy.OCCUPATION)
        }
    key = vacancy.occupation_code
    assert after[key].demand == before[key].demand - 3
    assert after[key].supply <= before[key].supply


def test_skills_gap_counts_missing_essentials_of_top_matches(
    demo_client, demo_people, demo_database
) -> None:
    with demo_database.session() as s:
        rows = analytics.skills_gap(s, settings_of(demo_database), 10)
        open_vacancies = list(s.scalars(select(Vacancy).where(Vacancy.status == "open")))
    # Each open vacancy's top 10 eligible matches as the matches API ranks and explains them.
    officer_key = {"Authorization": f"Bearer {demo_people[OFFICER]['api_key']}"}
    expected: dict[tuple[str, str], int] = {}
    for vacancy in open_vacancies:
        r = demo_client.get(
            f"/api/v1/vacancies/{vacancy.id}/matches", params={"limit": 10}, headers=officer_key
        )
        assert r.status_code == 200, r.text
        for m in r.json()["items"]:
            assert m["eligible"]
            for skill in m["explanation"]["missing_essential"]:
                key = (vacancy.occupation_code, skill)
                expected[key] = expected.get(key, 0) + 1
    assert {(r.occupation, r.skill): r.matches_missing for r in rows} == expected
    assert expected, "the demo's top matches miss some essential skills"


# ---- uploads ---------------------------------------------------------------------------------

HEADER = (
    "origin_country,region,occupation,sector,headcount,skills,languages,isced_level,"
    "experience_years,available_from"
)
GOOD = "PH,Central Luzon,2221,86,120,patient-assessment,en:B2:0.6,6,4.5,2027-03-01"
BAD = "PH,Visayas,2221,86,-5,patient-assessment,en:B2:0.6,6,4.5,2027-03-01"


def test_upload_reports_the_bad_row_and_stores_no_pool(
    demo_client, demo_people, demo_database
) -> None:
    token = as_user(demo_client, demo_people, MINISTRY_ORG)
    content = "\n".join([HEADER, GOOD, BAD]).encode()
    refused = demo_client.post(
        "/upload",
        data={"mode": "pool_table", "on_error": "reject"},
        files={"file": ("pools.csv", content, "text/csv")},
    )
    assert refused.status_code == 403 and _count(demo_database, SurveyUpload) == 0

    r = demo_client.post(
        "/upload",
        data={"csrf_token": token, "mode": "pool_table", "on_error": "reject"},
        files={"file": ("pools.csv", content, "text/csv")},
    )
    # Post/redirect/get: the rejected upload's report is at its own address.
    assert r.status_code == 200 and r.url.path.startswith("/uploads/")
    assert "rejected" in r.text and 'id="row-report"' in r.text
    report = r.text.split('id="row-report"')[1]
    assert '<th scope="row">3</th><td>headcount</td>' in report
    assert _count(demo_database, SurveyUpload) == 1  # the report is kept

    ok = demo_client.post(
        "/upload",
        data={"csrf_token": token, "mode": "pool_table", "on_error": "skip"},
        files={"file": ("pools.csv", content, "text/csv")},
    )
    # The good row names the demo's Central Luzon nurses' pool: it is updated, not doubled.
    assert ok.status_code == 200 and "partial" in ok.text and ok.url.path.startswith("/uploads/")
    assert "1 pool was updated with the new figures" in ok.text


def test_upload_without_a_file_says_so(demo_client, demo_people) -> None:
    token = as_user(demo_client, demo_people, MINISTRY_ORG)
    r = demo_client.post("/upload", data={"csrf_token": token, "mode": "pool_table"})
    assert r.status_code == 422 and "Choose a CSV or XLSX file" in r.text


# ---- pathways --------------------------------------------------------------------------------


def test_an_officer_edits_a_pathway_and_a_stale_form_is_refused(officer, demo_database) -> None:
    client, token = officer
    page = client.get("/pathways/DE-THAMM-PILOT").text
    assert 'name="version" value="1"' in page
    form = {
        "csrf_token": token,
        "version": "1",
        "name": "THAMM pilot (edited)",
        "kind": "bilateral_agreement",
        "origin_countries": "MA, TN, EG",
        "occupations": "5, 7",
        "excluded_occupations": "",
        "sectors": "",
        "languages": "de:A2",
        "min_isced": "3",
        "min_experience_years": "",
        "wage_amount": "",
        "wage_currency": "EUR",
        "wage_period": "month",
        "max_contract_months": "",
        "annual_quota": "55",
        "valid_from": "",
        "valid_to": "",
        "source": "edited in a test",
    }
    r = client.post("/pathways/DE-THAMM-PILOT", data=form, follow_redirects=False)
    assert r.status_code == 303, r.text
    with demo_database.session() as s:
        row = s.scalar(select(LegalPathway).where(LegalPathway.code == "DE-THAMM-PILOT"))
        assert row.annual_quota == 55 and row.name == "THAMM pilot (edited)"
        assert row.version == 2
    stale = client.post("/pathways/DE-THAMM-PILOT", data={**form, "annual_quota": "60"})
    assert stale.status_code == 409
    bad = client.post(
        "/pathways/DE-THAMM-PILOT", data={**form, "version": "2", "origin_countries": "XX"}
    )
    assert bad.status_code == 422 and "origin_countries" in bad.text


def test_employers_read_pathways_but_cannot_edit(demo_client, demo_people) -> None:
    token = as_user(demo_client, demo_people, EMPLOYER_ORG)
    page = demo_client.get("/pathways/DE-THAMM-PILOT")
    assert page.status_code == 200 and "Save the pathway" not in page.text
    r = demo_client.post("/pathways/DE-THAMM-PILOT", data={"csrf_token": token, "name": "x"})
    assert r.status_code == 403


# ---- posting a vacancy -----------------------------------------------------------------------


def test_an_employer_posts_a_vacancy_with_a_coded_job_title(
    demo_client, demo_people, demo_database
) -> None:
    token = as_user(demo_client, demo_people, EMPLOYER_ORG)
    form = {
        "csrf_token": token,
        "title": "Chef de partie",
        "description": "",
        "destination_country": "DE",
        "region": "",
        "occupation": "",
        "sector": "56",
        "openings": "3",
        "start_date": "2027-06-01",
        "contract_type": "permanent",
        "contract_months": "",
        "wage_amount": "2900",
        "wage_currency": "EUR",
        "wage_period": "month",
        "language": "de",
        "language_level": "A2",
        "min_isced": "",
        "min_experience_years": "",
        "skills": "",
        "status": "open",
        "employer_pays_fees": "on",
    }
    suggested = demo_client.post("/vacancies/new", data={**form, "action": "suggest"})
    assert (
        suggested.status_code == 200 and 'name="occupation_choice" value="5120"' in suggested.text
    )
    missing = demo_client.post("/vacancies/new", data={**form, "action": "create", "openings": "0"})
    assert missing.status_code == 422 and "openings" in missing.text
    r = demo_client.post(
        "/vacancies/new",
        data={**form, "action": "create", "occupation_choice": "5120"},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    page = demo_client.get(r.headers["location"])
    assert page.status_code == 200 and "Chef de partie" in page.text
    assert "is posted" in page.text and "ISCO 5120" in page.text


# ---- allocation plans ------------------------------------------------------------------------


def test_an_officer_computes_views_and_adopts_a_plan(officer, demo_database) -> None:
    client, token = officer
    assert client.get("/plans").status_code == 200
    form = {"destination": "DE", "pathway": "DE-THAMM-PILOT", "min_score": "0.3"}
    assert client.post("/plans", data=form).status_code == 403  # no CSRF token
    bad = client.post("/plans", data={**form, "csrf_token": token, "min_score": "2"})
    assert bad.status_code == 422 and "min_score" in bad.text
    r = client.post("/plans", data={**form, "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/plans/")
    page = client.get(r.headers["location"]).text
    assert "Greedy plan" in page and "Adopt the plan" in page
    assignments = page.split('id="as-h"')[1].split("</table>")[0].count('<th scope="row">')
    assert assignments > 0

    before = _count(demo_database, Decision)
    # Adoption goes through its confirmation page, whose form names the lines it confirms.
    confirm = client.get(f"{r.headers['location']}/adopt").text
    lines = re.findall(r'name="lines" value="([0-9a-f]{64})"', confirm)
    assert len(lines) == 1 and confirm.count('name="lines"') == 1
    form = {"csrf_token": token, "confirm": "yes", "lines": lines[0]}
    adopted = client.post(f"{r.headers['location']}/adopt", data=form)
    assert adopted.status_code == 200 and "Plan adopted" in adopted.text
    assert _count(demo_database, Decision) == before + assignments
    again = client.post(f"{r.headers['location']}/adopt", data=form)
    assert "only a proposed plan can be adopted" in again.text
    assert _count(demo_database, Decision) == before + assignments


def test_plans_are_for_officers(demo_client, demo_people) -> None:
    as_user(demo_client, demo_people, MINISTRY_ORG)
    assert demo_client.get("/plans").status_code == 403
