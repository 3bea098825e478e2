"""Pickers: a name, a code or a picked "Name (CODE)" resolves to the code; anything else to a
message that says what was wrong and what was probably meant."""

from __future__ import annotations

import pytest

from app.db import Database
from app.web import pickers

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize("typed", ["DE", "de", "Germany", "germany", " Germany (DE) ", "Germ"])
def test_a_country_by_code_name_picked_option_or_unique_start(typed: str) -> None:
    assert pickers.resolve_country(typed) == pickers.Picked("DE")


def test_an_unknown_country_says_so_and_what_is_close() -> None:
    picked = pickers.resolve_country("Germanyy")
    assert picked.code is None
    assert picked.error is not None
    assert "'Germanyy'" in picked.error and "Germany (DE)" in picked.error


def test_an_ambiguous_start_is_not_guessed() -> None:
    # "United" starts several names: the person picks one.
    picked = pickers.resolve_country("United")
    assert picked.code is None and picked.error


def test_empty_is_no_filter() -> None:
    assert pickers.resolve_country("  ") == pickers.Picked(None)
    assert pickers.resolve_country(None) == pickers.Picked(None)


def test_languages_are_lower_case_iso_639_1() -> None:
    assert pickers.resolve_language("German (de)").code == "de"
    assert pickers.resolve_language("DE").code == "de"
    assert pickers.resolve_language("german").code == "de"
    assert pickers.language_value("de") == "German (de)"


def test_country_options_are_what_the_field_resolves() -> None:
    options = pickers.country_options()
    assert len(options) > 240
    assert all(pickers.resolve_country(o.value).code == o.code for o in options)


def test_occupations_by_title_or_code(demo_database: Database) -> None:
    with demo_database.session() as s:
        titles = pickers.occupation_names(s)
        nurses = next(c for c, t in titles.items() if len(c) == 4 and c.startswith("222"))
        assert pickers.resolve_occupation(s, titles[nurses]).code == nurses
        assert pickers.resolve_occupation(s, pickers.occupation_value(s, nurses)).code == nurses
        # A filter takes a major group; a vacancy needs a unit group.
        assert pickers.resolve_occupation(s, "22").code == "22"
        group = pickers.resolve_occupation(s, "22", unit_group=True)
        assert group.code is None and "four-digit" in (group.error or "")
        assert pickers.resolve_occupation(s, "Dragon tamer").error


def test_sectors_by_label_or_code(demo_database: Database) -> None:
    with demo_database.session() as s:
        names = pickers.sector_names(s)
        assert pickers.resolve_sector(s, names["86"]).code == "86"
        assert pickers.resolve_sector(s, "q").code == "Q"
        assert pickers.sector_value(s, "86") == f"{names['86']} (86)"
        assert pickers.resolve_sector(s, "99x").error


def test_skills_by_label_or_id_with_suggestions_for_the_rest(demo_database: Database) -> None:
    with demo_database.session() as s:
        options = pickers.skill_options(s)
        assert options and len(options) <= pickers.SKILL_OPTIONS
        first = options[0]
        ids, errors = pickers.resolve_skills(s, [first.value.upper(), first.code, "vital signs"])
        assert ids == [first.code]  # by label (any case) and by id: one skill
        # "vital signs" is no label of its own: the resolver's closest labels are offered.
        assert len(errors) == 1 and "Vital signs monitoring" in errors[0]
        typed = pickers.skill_options(s, "monitor")
        assert typed and all("monitor" in o.value.lower() for o in typed)


def test_a_word_that_several_names_contain_is_offered_not_guessed(demo_database) -> None:
    with demo_database.session() as s:
        health = pickers.resolve_sector(s, "health")
        assert health.code is None and "Human health activities (86)" in (health.error or "")
        # One name contains it: that one.
        assert pickers.resolve_sector(s, "Human health activities").code == "86"


def test_occupation_options_hold_groups_and_search_unit_groups(demo_database) -> None:
    with demo_database.session() as s:
        static = pickers.occupation_options(s)
        assert static and all(len(o.code) <= pickers.STATIC_OCCUPATION_LEVELS for o in static)
        found = pickers.occupation_options(s, "nurs")
        assert any(len(o.code) == 4 for o in found)
        assert all("nurs" in o.value.lower() or o.code.startswith("nurs") for o in found)
        # A picked option asks for itself.
        picked = found[0]
        assert next(o.code for o in pickers.occupation_options(s, picked.value)) == picked.code


def test_pick_answers_json_options_to_a_signed_in_user(officer, demo_client) -> None:
    client, _ = officer
    r = client.get("/pick/occupations", params={"q": "nurs"})
    assert r.status_code == 200 and any("(2221)" in v for v in r.json())
    assert client.get("/pick/skills", params={"q": "monitor"}).json()
    assert client.get("/pick/countries").status_code == 404
