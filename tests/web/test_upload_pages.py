"""The upload pages: post/redirect/get to the report's own address, a dry run answered in
place, the CSV report for the signed-in browser, readable pool names, counted words."""

from __future__ import annotations

import re
import uuid

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.surveys import service as surveys
from app.surveys.models import SurveyUpload
from app.web.render import plural
from tests.web.conftest import EMPLOYER_ORG, MINISTRY_ORG, OFFICER, as_user, assert_no_inline_code

pytestmark = pytest.mark.postgres

HEADER = (
    "origin_country,region,occupation,sector,headcount,skills,languages,isced_level,"
    "experience_years,available_from"
)
#: The demo's Central Luzon nurses (an update) and a pool the demo does not have (a creation).
KNOWN = "PH,Central Luzon,2221,86,120,patient-assessment,en:B2:0.6,6,4.5,2027-03-01"
NEW = "PH,Cagayan Valley,2221,86,385,patient-assessment,en:B2:0.6,6,4.5,2027-03-01"
BAD = "PH,Visayas,2221,86,-5,patient-assessment,en:B2:0.6,6,4.5,2027-03-01"
_HEX8 = re.compile(r"\b[0-9a-f]{8}\b")


def _uploads(database: Database) -> int:
    with database.session() as s:
        return int(s.scalar(select(func.count()).select_from(SurveyUpload)) or 0)


def _send(client, token: str, lines: list[str], name: str = "wave.csv", **options: str):
    data = {"csrf_token": token, "mode": "pool_table", "on_error": "reject", **options}
    content = "\n".join([HEADER, *lines]).encode()
    return client.post(
        "/upload",
        data=data,
        files={"file": (name, content, "text/csv")},
        follow_redirects=False,
    )


def test_an_upload_redirects_to_its_report_and_a_reload_sends_nothing(
    demo_client, demo_people, demo_database
) -> None:
    token = as_user(demo_client, demo_people, MINISTRY_ORG)
    before = _uploads(demo_database)
    r = _send(demo_client, token, [NEW])
    assert r.status_code == 303
    location = r.headers["location"]
    assert re.fullmatch(r"/uploads/[0-9a-f-]{36}", location)
    assert _uploads(demo_database) == before + 1

    page = demo_client.get(location)
    again = demo_client.get(location)  # a refresh reads the report, it sends nothing
    assert page.status_code == again.status_code == 200
    assert _uploads(demo_database) == before + 1
    html = page.text
    assert_no_inline_code(html)
    assert "accepted" in html and "1 row read, 1 accepted, 0 rejected" in html
    assert "1 pool was created." in html and "1 pools" not in html
    assert "Row report (0 problems)" in html
    # The pool by its readable name, linked; no 8-hex id in the table.
    table = html.split('id="pool-outcomes"')[1].split("</table>")[0]
    assert "Philippines, Cagayan Valley - " in table and "(385)" in table
    assert re.search(r'<a href="/pools/[0-9a-f-]{36}">Philippines, Cagayan Valley', table)
    assert not _HEX8.search(re.sub(r'href="[^"]*"', "", table))
    upload_id = location.rsplit("/", 1)[1]
    assert f'href="/uploads/{upload_id}/report.csv"' in html
    assert "/api/v1/uploads" not in html  # the browser's link is the web route


def test_a_rejected_upload_is_kept_and_reachable(demo_client, demo_people, demo_database) -> None:
    token = as_user(demo_client, demo_people, MINISTRY_ORG)
    before = _uploads(demo_database)
    r = _send(demo_client, token, [KNOWN, BAD])
    assert r.status_code == 303 and r.headers["location"].startswith("/uploads/")
    assert _uploads(demo_database) == before + 1
    page = demo_client.get(r.headers["location"])
    assert page.status_code == 200
    assert 'role="alert" id="upload-outcome"' in page.text
    assert "rejected" in page.text and "2 rows read, 0 accepted, 1 rejected" in page.text
    assert "Row report (1 problem)" in page.text
    assert '<th scope="row">3</th><td>headcount</td>' in page.text
    # The list of recent uploads links it.
    assert f'href="{r.headers["location"]}"' in demo_client.get("/upload").text


def test_a_dry_run_is_answered_in_place_and_stores_nothing(
    demo_client, demo_people, demo_database
) -> None:
    token = as_user(demo_client, demo_people, MINISTRY_ORG)
    before = _uploads(demo_database)
    r = _send(demo_client, token, [KNOWN, NEW], dry_run="on")
    # Nothing is written, so there is no address to go to: the report is the answer.
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
    assert _uploads(demo_database) == before
    html = r.text
    assert "Checked only (nothing stored)" in html
    assert "1 pool would be created and 1 pool would be updated with the new figures." in html
    assert "report.csv" not in html and "A check stores no report" in html
    table = html.split('id="pool-outcomes"')[1].split("</table>")[0]
    # The pool to be created has no row yet: named from its identity, not linked.
    assert "<td>Philippines, Cagayan Valley - " in table
    assert "would be created" in table and "would be updated" in table
    assert re.search(r'<a href="/pools/[0-9a-f-]{36}">Philippines, Central Luzon - ', table)


def test_the_same_file_again_goes_to_the_first_upload(demo_client, demo_people) -> None:
    token = as_user(demo_client, demo_people, MINISTRY_ORG)
    first = _send(demo_client, token, [NEW], name="once.csv")
    second = _send(demo_client, token, [NEW], name="once.csv")
    assert second.status_code == 303
    assert second.headers["location"] == first.headers["location"]
    page = demo_client.get(second.headers["location"])
    assert "This file was uploaded before" in page.text


def test_the_csv_report_is_the_apis_export_with_its_access_rules(
    demo_client, demo_people, demo_database
) -> None:
    token = as_user(demo_client, demo_people, MINISTRY_ORG)
    location = _send(demo_client, token, [KNOWN, BAD], on_error="skip").headers["location"]
    upload_id = location.rsplit("/", 1)[1]
    r = demo_client.get(f"{location}/report.csv")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"] == (
        f'attachment; filename="upload-{upload_id}-report.csv"'
    )
    with demo_database.session() as s:
        upload = s.get(SurveyUpload, uuid.UUID(upload_id))
        assert r.text == surveys.report_csv(upload)
    assert ",error," in r.text and ",updated," in r.text

    demo_client.cookies.clear()
    anonymous = demo_client.get(f"{location}/report.csv", follow_redirects=False)
    assert anonymous.status_code == 303 and anonymous.headers["location"].startswith("/signin")
    as_user(demo_client, demo_people, "in-mole")  # another ministry: not found
    assert demo_client.get(f"{location}/report.csv").status_code == 404
    assert demo_client.get(location).status_code == 404
    demo_client.cookies.clear()
    as_user(demo_client, demo_people, EMPLOYER_ORG)  # employers read no uploads
    assert demo_client.get(f"{location}/report.csv").status_code == 403
    demo_client.cookies.clear()
    as_user(demo_client, demo_people, OFFICER)  # officers read every upload
    assert demo_client.get(f"{location}/report.csv").text == r.text


def test_the_ministry_dashboard_counts_in_words(demo_client, demo_people) -> None:
    as_user(demo_client, demo_people, MINISTRY_ORG)
    html = demo_client.get("/").text
    assert not re.search(r'<span class="big">1</span> [^<]*(pools|vacancies|uploads)\b', html)
    assert re.search(r'<span class="big">\d+</span> active pools?</a>', html)


def test_plural() -> None:
    assert plural(1, "row") == "1 row"
    assert plural(0, "row") == "0 rows"
    assert plural(2, "problem") == "2 problems"
    assert plural(1200, "byte") == "1,200 bytes"
    assert plural(2, "vacancy", "vacancies") == "2 vacancies"
