"""CSV downloads from the pages: a signed-in browser gets the same file the API exports (no API
key), with the page's filters and the reader's access rules."""

from __future__ import annotations

import csv
import io

import pytest

from app.pathways.export import PATHWAY_COLUMNS
from app.placements.export import COLUMNS as PLACEMENT_COLUMNS
from tests.web.conftest import EMPLOYER_ORG, as_user

pytestmark = pytest.mark.postgres


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_pathways_csv_takes_the_page_filter_by_name(officer) -> None:
    client, _ = officer
    r = client.get("/pathways.csv", params={"destination": "Germany"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="pathways.csv"' in r.headers["content-disposition"]
    header, *rows = _rows(r.text)
    assert tuple(header) == PATHWAY_COLUMNS
    assert rows and {row[header.index("destination_country")] for row in rows} == {"DE"}
    everything = _rows(client.get("/pathways.csv").text)[1:]
    assert len(everything) > len(rows)


def test_a_name_that_is_no_country_is_a_clear_error(officer) -> None:
    client, _ = officer
    r = client.get("/pathways.csv", params={"destination": "Germanyy"})
    assert r.status_code == 422 and "No country is called" in r.text
    page = client.get("/pathways", params={"destination": "Germanyy"})
    assert page.status_code == 200 and 'id="f-destination-error"' in page.text


def test_placements_csv_is_the_apis_export_for_the_signed_in_reader(
    demo_client, demo_people
) -> None:
    as_user(demo_client, demo_people, EMPLOYER_ORG)
    r = demo_client.get("/placements.csv")
    assert r.status_code == 200
    assert tuple(_rows(r.text)[0]) == PLACEMENT_COLUMNS


def test_downloads_need_a_session(demo_client) -> None:
    r = demo_client.get("/placements.csv", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/signin")
