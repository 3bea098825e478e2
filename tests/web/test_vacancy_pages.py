"""The employer's vacancy pages: posting through pickers (names, not codes), editing without
losing an update, closing, reopening, duplicating, reading why nothing matches; and the list's
search, sort, name filters and CSV export."""

from __future__ import annotations

import csv
import html
import io
import re
import uuid

import pytest
from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.auth.models import Organisation
from app.taxonomy.models import Skill
from app.vacancies.models import Vacancy, VacancyLanguage, VacancySkill
from tests.web.conftest import (
    EMPLOYER_ORG,
    OFFICER,
    OTHER_EMPLOYER_ORG,
    as_user,
    assert_no_inline_code,
    sign_in,
)

pytestmark = pytest.mark.postgres

#: A vacancy the demo's pools relate to (software developers in India, Kenya, Ghana...) that
#: names the Blue Card with a wage below its threshold: no pathway admits it.
BELOW_THRESHOLD = {
    "title": "Booking system developer",
    "description": "Our own booking engine.",
    "destination_country": "Germany",
    "region": "Bavaria",
    "occupation": "Software developers (2512)",
    "sector": "Accommodation (55)",
    "openings": "2",
    "start_date": "2027-05-01",
    "contract_type": "permanent",
    "contract_months": "",
    "wage_amount": "3000",
    "wage_currency": "EUR",
    "wage_period": "month",
    "language": "German (de)",
    "language_level": "B1",
    "language_2": "",
    "language_2_level": "",
    "language_3": "",
    "language_3_level": "",
    "min_isced": "",
    "min_experience_years": "",
    "pathways": "DE-BLUE-CARD",
    "status": "open",
    "employer_pays_fees": "on",
    "skill_rows": "5",
    "action": "save",
}


def _row(database, vacancy_id: uuid.UUID | str) -> Vacancy:
    with database.session() as s:
        row = s.get(Vacancy, uuid.UUID(str(vacancy_id)))
        assert row is not None
        s.expunge(row)
        return row


def _post(client, token: str, **changes: str) -> tuple[int, str, str]:
    """Post the form; (status, location or "", page text)."""
    r = client.post(
        "/vacancies/new",
        data={"csrf_token": token, **BELOW_THRESHOLD, **changes},
        follow_redirects=False,
    )
    return r.status_code, r.headers.get("location", ""), r.text


def _new_id(location: str) -> str:
    found = re.fullmatch(r"/vacancies/([0-9a-f-]{36})", location)
    assert found, location
    return found.group(1)


def _field_error(page: str, field_id: str) -> str:
    """The message shown next to a field (the picker macro's error span)."""
    found = re.search(
        rf'<span class="error-message" id="{field_id}-error">(.*?)</span>\s*</?', page, re.S
    )
    assert found, f"no error next to {field_id}"
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).removeprefix("Error: ").strip()


# ---- the posting form --------------------------------------------------------------------------


def test_the_form_proposes_the_destinations_language_and_takes_names(
    demo_client, demo_people, demo_database
) -> None:
    token = as_user(demo_client, demo_people, EMPLOYER_ORG)
    form = demo_client.get("/vacancies/new")
    assert form.status_code == 200
    assert_no_inline_code(form.text)
    # A German employer's vacancy: Germany, and German (the language its pathways ask for).
    assert 'name="destination_country" value="Germany (DE)"' in form.text
    assert 'name="language" value="German (de)"' in form.text
    assert 'data-picker="skills"' in form.text and '<datalist id="skill-list">' in form.text

    status, location, _ = _post(
        demo_client,
        token,
        skill_1="Food safety and hygiene",
        importance_1="essential",
        skill_2="customer service",
        importance_2="optional",
    )
    assert status == 303, _
    row = _row(demo_database, _new_id(location))
    assert (row.destination_country, row.occupation_code, row.sector_code) == ("DE", "2512", "55")
    assert row.pathway_codes == ["DE-BLUE-CARD"] and row.region == "Bavaria"
    with demo_database.session() as s:
        skills = s.execute(
            select(VacancySkill.skill_id, VacancySkill.importance, VacancySkill.derived)
            .where(VacancySkill.vacancy_id == row.id)
            .order_by(VacancySkill.position)
        ).all()
        languages = s.execute(
            select(VacancyLanguage.language, VacancyLanguage.min_level).where(
                VacancyLanguage.vacancy_id == row.id
            )
        ).all()
    assert [(imp, derived) for _, imp, derived in skills] == [
        ("essential", False),
        ("optional", False),
    ]
    assert languages == [("de", "B1")]
    page = demo_client.get(location).text
    # Readable names: the sector by its title, the skills by label.
    assert "Accommodation (55)" in page and "Food safety and hygiene" in page


def test_wrong_names_are_told_next_to_their_fields_and_kept(demo_client, demo_people) -> None:
    token = as_user(demo_client, demo_people, EMPLOYER_ORG)
    status, _, page = _post(
        demo_client,
        token,
        destination_country="Germanyy",
        language="Klingonish",
        sector="Hotelz",
        skill_1="Food safety and hygiene",
        skill_3="underwater basket weaving",
        openings="0",
    )
    assert status == 422
    assert "No country is called 'Germanyy'" in _field_error(page, "f-destination_country")
    assert "Did you mean Germany (DE)" in _field_error(page, "f-destination_country")
    assert "No language is called 'Klingonish'" in _field_error(page, "f-language")
    assert "No ISIC Rev.4 sector is called 'Hotelz'" in _field_error(page, "f-sector")
    assert "No skill is called 'underwater basket weaving'" in _field_error(page, "f-skill_3")
    # What was typed stays in the fields; the errors are linked to them.
    assert 'value="Germanyy"' in page and 'value="underwater basket weaving"' in page
    assert 'aria-describedby="f-destination_country-hint f-destination_country-error"' in page
    assert '<a href="#f-skill_3">Skill 3</a>' in page  # the summary links to the field
    assert_no_inline_code(page)


def test_the_schema_and_the_service_errors_land_next_to_their_fields(
    demo_client, demo_people
) -> None:
    token = as_user(demo_client, demo_people, EMPLOYER_ORG)
    status, _, page = _post(demo_client, token, openings="0", wage_currency="EURO")
    assert status == 422
    assert _field_error(page, "f-openings")
    assert _field_error(page, "f-wage_currency")
    status, _, page = _post(demo_client, token, pathways="UK-SKILLED-WORKER")
    assert status == 422
    assert "not to the destination country DE" in _field_error(page, "f-pathways")


def test_more_skill_rows_without_javascript(demo_client, demo_people) -> None:
    token = as_user(demo_client, demo_people, EMPLOYER_ORG)
    status, _, page = _post(demo_client, token, action="more_skills", skill_1="Cooking")
    assert status == 200
    assert 'id="f-skill_10"' in page and 'value="Cooking"' in page


def test_twenty_skills_post_through_the_form(demo_client, demo_people, demo_database) -> None:
    # Two fields per skill row on top of ~30 others: the form's field limit must hold them.
    with demo_database.session() as s:
        labels = list(
            s.scalars(
                select(Skill.label)
                .where(Skill.is_group.is_(False))
                .group_by(Skill.label)
                .having(func.count() == 1)  # a label that names one skill only
                .order_by(Skill.label)
                .limit(20)
            )
        )
    assert len(labels) == 20
    rows = {f"skill_{i}": label for i, label in enumerate(labels, 1)}
    rows |= {f"importance_{i}": "essential" for i in range(1, 21)}
    token = as_user(demo_client, demo_people, EMPLOYER_ORG)
    status, location, page = _post(demo_client, token, skill_rows="20", **rows)
    assert status == 303, page
    with demo_database.session() as s:
        stored = s.scalars(
            select(Skill.label)
            .join(VacancySkill, VacancySkill.skill_id == Skill.id)
            .where(VacancySkill.vacancy_id == uuid.UUID(_new_id(location)))
            .order_by(VacancySkill.position)
        ).all()
    assert stored == labels


# ---- edit, close, reopen, duplicate ------------------------------------------------------------


def test_an_employer_edits_closes_reopens_and_duplicates(
    demo_client, demo_people, demo_database
) -> None:
    token = as_user(demo_client, demo_people, EMPLOYER_ORG)
    _, location, _ = _post(demo_client, token)
    vid = _new_id(location)
    page = demo_client.get(location).text
    assert f'href="/vacancies/{vid}/edit"' in page and f'href="/vacancies/new?from={vid}"' in page

    form = demo_client.get(f"/vacancies/{vid}/edit").text
    assert 'name="version" value="1"' in form
    assert 'name="occupation" value="Software developers (2512)"' in form
    assert 'name="language" value="German (de)"' in form
    r = demo_client.post(
        f"/vacancies/{vid}/edit",
        data={**BELOW_THRESHOLD, "csrf_token": token, "version": "1", "wage_amount": "4100"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == location
    row = _row(demo_database, vid)
    assert row.version == 2 and float(row.wage_amount or 0) == 4100
    assert "is saved" in demo_client.get(location).text

    r = demo_client.post(
        f"/vacancies/{vid}/close",
        data={"csrf_token": token, "version": "2"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and _row(demo_database, vid).status == "closed"
    closed = demo_client.get(location).text
    assert "Reopen the vacancy" in closed and "Close the vacancy" not in closed
    r = demo_client.post(
        f"/vacancies/{vid}/reopen",
        data={"csrf_token": token, "version": "3"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and _row(demo_database, vid).status == "open"
    with demo_database.session() as s:
        actions = list(
            s.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.entity_id == str(vid))
                .order_by(AuditEvent.at)
            )
        )
    assert actions == ["create", "update", "close", "reopen"]

    duplicate = demo_client.get(f"/vacancies/new?from={vid}").text
    assert "Duplicate “Booking system developer”" in duplicate
    assert 'name="wage_amount" type="text" value="4100"' in duplicate
    assert 'name="destination_country" value="Germany (DE)"' in duplicate
    status, _, page = _post(demo_client, token, mode="duplicate", openings="0")
    assert status == 422 and _field_error(page, "f-openings")
    status, copy_location, _ = _post(demo_client, token, mode="duplicate", wage_amount="4100")
    assert status == 303 and copy_location != location


def test_an_edit_never_overwrites_a_change_made_meanwhile(
    demo_client, demo_people, demo_database
) -> None:
    token = as_user(demo_client, demo_people, EMPLOYER_ORG)
    _, location, _ = _post(demo_client, token)
    vid = _new_id(location)
    # Someone else saves first (version 1 -> 2)...
    first = demo_client.post(
        f"/vacancies/{vid}/edit",
        data={**BELOW_THRESHOLD, "csrf_token": token, "version": "1", "openings": "5"},
        follow_redirects=False,
    )
    assert first.status_code == 303
    # ...then this form, read at version 1, is refused and comes back with its values.
    stale = demo_client.post(
        f"/vacancies/{vid}/edit",
        data={**BELOW_THRESHOLD, "csrf_token": token, "version": "1", "title": "Renamed"},
    )
    assert stale.status_code == 409
    assert "was changed by someone else" in stale.text and "now version 2" in stale.text
    assert 'value="Renamed"' in stale.text and 'name="version" value="2"' in stale.text
    row = _row(demo_database, vid)
    assert (row.title, row.openings, row.version) == ("Booking system developer", 5, 2)


def test_another_employers_vacancy_cannot_be_edited_or_duplicated(
    demo_client, demo_people, demo_database
) -> None:
    with demo_database.session() as s:
        foreign = s.scalar(
            select(Vacancy.id)
            .join(Organisation, Organisation.id == Vacancy.employer_id)
            .where(Organisation.slug == OTHER_EMPLOYER_ORG)
        )
    token = as_user(demo_client, demo_people, EMPLOYER_ORG)
    assert demo_client.get(f"/vacancies/{foreign}/edit").status_code == 404
    assert demo_client.get(f"/vacancies/new?from={foreign}").status_code == 404
    r = demo_client.post(f"/vacancies/{foreign}/close", data={"csrf_token": token})
    assert r.status_code == 404


# ---- why nothing matches -----------------------------------------------------------------------


def test_a_vacancy_that_matches_nothing_says_why_and_what_would_change_it(
    demo_client, demo_people, demo_database
) -> None:
    token = as_user(demo_client, demo_people, EMPLOYER_ORG)
    _, location, _ = _post(demo_client, token)
    page = demo_client.get(location).text
    assert "Ranked pools (0 eligible)" in page and "No eligible pool." not in page
    why = page.split('id="why-h"', 1)[1].split("</section>", 1)[0]
    assert "no legal pathway admits them" in why
    assert "DE-BLUE-CARD" in why
    assert "Raise the wage to at least EUR 4,025 a month (EUR 48,300 a year)." in why, why
    # Reasons and counts only: no pool is named or linked for the employer.
    assert "/pools/" not in why
    assert_no_inline_code(page)

    # The officer reads the same, next to the blocked pairs.
    demo_client.cookies.clear()
    sign_in(demo_client, OFFICER, demo_people[OFFICER]["password"])
    officer_page = demo_client.get(location + "?blocked=true").text
    assert "Raise the wage to at least EUR 4,025 a month" in officer_page
    assert "Blocked pairs" in officer_page


def test_a_vacancy_no_pool_relates_to_says_what_found_nothing(demo_client, demo_people) -> None:
    token = as_user(demo_client, demo_people, EMPLOYER_ORG)
    _, location, _ = _post(
        demo_client, token, occupation="2612", pathways="", title="In-house judge", sector=""
    )
    page = demo_client.get(location).text
    assert 'data-kind="no_relevant_pool"' in page
    assert "No active labour pool is related to this vacancy" in page
    assert "ISCO minor group 261" in page


# ---- the list ----------------------------------------------------------------------------------


def test_the_list_filters_by_names_and_says_when_a_name_names_nothing(
    demo_client, demo_people
) -> None:
    sign_in(demo_client, OFFICER, demo_people[OFFICER]["password"])
    germany = demo_client.get("/vacancies?destination=Germany")
    assert germany.status_code == 200
    assert 'name="destination" value="Germany (DE)"' in germany.text
    listed = re.findall(r"<td>([^<]+)</td><td>[^<]*<span class=\"muted\">", germany.text)
    assert listed and set(listed) == {"Germany"}
    typo = demo_client.get("/vacancies?destination=Germanyy")
    assert typo.status_code == 200
    assert "No country is called 'Germanyy'" in _field_error(typo.text, "f-destination")
    assert 'value="Germanyy"' in typo.text and "filter names nothing" in typo.text
    # The bad filter filters nothing: the whole list is shown, not an empty one.
    everything = demo_client.get("/vacancies").text
    total = re.search(r"([\d,]+) vacancies\.", everything)
    assert total and f"{total.group(1)} vacancies." in typo.text
    nursing = demo_client.get("/vacancies?occupation=Nursing+professionals&sector=Q").text
    titles = re.findall(r'<th scope="row"><a href="/vacancies/[0-9a-f-]{36}">([^<]+)</a>', nursing)
    assert titles and all(t.startswith("Registered nurse") for t in titles)


def test_an_export_whose_filter_names_nothing_is_refused(demo_client, demo_people) -> None:
    sign_in(demo_client, OFFICER, demo_people[OFFICER]["password"])
    # The whole list in place of the filtered one would pass for it: 422, saying why.
    for query, told in (
        ("destination=Germanyy", "No country is called 'Germanyy'"),
        ("occupation=Nursing+profesionals", "Nursing profesionals"),
        ("sector=Hotelz", "No ISIC Rev.4 sector is called 'Hotelz'"),
    ):
        r = demo_client.get(f"/vacancies.csv?{query}")
        assert r.status_code == 422, query
        assert not r.headers["content-type"].startswith("text/csv")
        assert told in html.unescape(r.text), query
    named = demo_client.get("/vacancies.csv?destination=Germany")
    assert named.status_code == 200
    rows = list(csv.DictReader(io.StringIO(named.text)))
    assert rows and {r["destination_country"] for r in rows} == {"DE"}


def test_the_list_searches_sorts_and_exports_what_it_shows(demo_client, demo_people) -> None:
    sign_in(demo_client, OFFICER, demo_people[OFFICER]["password"])
    found = demo_client.get("/vacancies?q=nurse+rhein").text
    titles = re.findall(r'<th scope="row"><a href="/vacancies/[0-9a-f-]{36}">([^<]+)</a>', found)
    assert titles and all("nurse" in t.lower() for t in titles)  # nurses of Rhein-Ruhr only
    assert "Northshire" not in found

    by_title = demo_client.get("/vacancies?sort=title&status=open").text
    titles = re.findall(r'<th scope="row"><a href="/vacancies/[0-9a-f-]{36}">([^<]+)</a>', by_title)
    assert titles == sorted(titles, key=str.lower)
    assert 'aria-sort="ascending"' in by_title
    assert 'href="/vacancies?status=open&amp;sort=-title&amp;offset=0"' in by_title
    desc = demo_client.get("/vacancies?sort=-openings&status=open").text
    assert 'aria-sort="descending"' in desc

    export = demo_client.get("/vacancies.csv?q=nurse+rhein&sort=title")
    assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(export.text)))
    assert [r["title"] for r in rows] == sorted((r["title"] for r in rows), key=str.lower) and {
        r["title"] for r in rows
    } == set(
        re.findall(
            r'<th scope="row"><a href="/vacancies/[0-9a-f-]{36}">([^<]+)</a>',
            demo_client.get("/vacancies?q=nurse+rhein").text,
        )
    )
    assert 'href="/vacancies.csv?q=nurse+rhein&amp;sort=-created"' in found


def test_an_employers_list_and_export_hold_only_its_own(
    demo_client, demo_people, demo_database
) -> None:
    as_user(demo_client, demo_people, EMPLOYER_ORG)
    with demo_database.session() as s:
        own = set(
            s.scalars(
                select(Vacancy.title)
                .join(Organisation, Organisation.id == Vacancy.employer_id)
                .where(Organisation.slug == EMPLOYER_ORG)
            )
        )
    rows = list(csv.DictReader(io.StringIO(demo_client.get("/vacancies.csv").text)))
    assert rows and {r["title"] for r in rows} <= own
    assert "Registered nurse" not in demo_client.get("/vacancies?q=nurse").text


def test_the_api_lists_searches_sorts_and_reopens(demo_client, demo_keys) -> None:
    headers = demo_keys["employer"][EMPLOYER_ORG]
    listed = demo_client.get("/api/v1/vacancies?sort=title&limit=200", headers=headers).json()
    titles = [v["title"] for v in listed["items"]]
    assert titles == sorted(titles, key=str.lower)
    first = listed["items"][0]
    closed = demo_client.post(f"/api/v1/vacancies/{first['id']}/close", headers=headers)
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    stale = demo_client.post(
        f"/api/v1/vacancies/{first['id']}/reopen", headers={**headers, "If-Match": '"1"'}
    )
    assert stale.status_code == 409
    reopened = demo_client.post(f"/api/v1/vacancies/{first['id']}/reopen", headers=headers)
    assert reopened.status_code == 200 and reopened.json()["status"] == "open"
    assert reopened.headers["ETag"] == f'"{reopened.json()["version"]}"'
    searched = demo_client.get("/api/v1/vacancies?q=zzzz-nothing", headers=headers).json()
    assert searched["total"] == 0


def test_the_proposed_language_comes_from_the_data_not_a_list(demo_database) -> None:
    """Germany's pathways ask for German (at A2 and B1: the lower is proposed); the
    Netherlands' pathway names none, its vacancies English at B2; New Zealand's neither, so
    nothing is proposed (no hand-kept list of countries' languages)."""
    from app.vacancies import service as vacancies

    with demo_database.session() as s:
        assert vacancies.destination_language(s, "DE") == ("de", "A2")
        assert vacancies.destination_language(s, "JP") == ("ja", "A1")
        assert vacancies.destination_language(s, "NL") == ("en", "B2")
        assert vacancies.destination_language(s, "NZ") is None
        assert vacancies.destination_language(s, None) is None
