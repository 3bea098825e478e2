"""Shared helpers of the survey upload tests: small files, uploading, and database snapshots."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from httpx import Response

from app.config import Settings
from app.db import Database
from app.main import create_app

SAMPLES = Path(__file__).resolve().parents[2] / "seed_data" / "samples"
URL = "/api/v1/uploads"
POOL_HEADER = (
    "origin_country,region,occupation,sector,headcount,skills,languages,isced_level,"
    "experience_years,available_from"
)
GOOD_ROW = (
    "PH,Central Luzon,2221,86,120,patient-assessment;wound-care:0.5,en:B2:0.6;fr:A2:0.3,6,4.5,"
    "2026-03-01"
)
#: Tables an upload may write to: a refused file must leave every one of them as it was.
TABLES = ("pools", "pool_skills", "pool_languages", "survey_uploads", "audit_events")


def csv_bytes(*rows: str, header: str = POOL_HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def upload(
    client: TestClient,
    headers: dict[str, str],
    content: bytes,
    *,
    name: str = "pools.csv",
    mode: str | None = "pool_table",
    **options: str,
) -> Response:
    data = {k: v for k, v in {"mode": mode, **options}.items() if v is not None}
    return client.post(URL, headers=headers, data=data, files={"file": (name, content)})


def snapshot(count_rows: Callable[[str], int]) -> dict[str, int]:
    return {table: count_rows(table) for table in TABLES}


def row_errors(body: dict[str, Any]) -> list[tuple[int, str]]:
    return [(e["row"], e["column"]) for e in body["errors"]]


@contextmanager
def client_with(database: Database, **settings: Any) -> Iterator[TestClient]:
    """A client of an app with custom settings (tiny limits) on the test database."""
    app = create_app(Settings(environment="test", database_url=database.url, **settings), database)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


# ---- generated microdata (tests/surveys/test_distributed_microdata.py) ------------------------

MICRODATA_HEADER = (
    "respondent_id,region,occupation,sector,isced_level,languages,skills,experience_years,"
    "willing_to_work_abroad"
)
_SKILLS = {
    "2221": ["patient-assessment", "hand-hygiene", "wound-care", "medication-administration"],
    "5321": ["hand-hygiene", "personal-hygiene-assistance", "feeding-assistance", "dementia-care"],
    "5120": ["food-preparation", "knife-skills", "food-hygiene", "menu-planning", "baking-pastry"],
    "8331": ["bus-driving", "defensive-driving", "fare-collection", "passenger-assistance"],
    "7112": ["bricklaying", "blocklaying", "mortar-mixing", "damp-proofing"],
    "9211": ["fruit-harvesting", "grape-harvesting", "orchard-ladder-work", "physical-stamina"],
}
#: Job titles as ministries write them: case and spacing vary, one is too vague to code.
_TITLES = {
    "2221": ["registered nurse", "Registered  Nurse", "REGISTERED NURSE"],
    "5321": ["care assistant", "Care Assistant"],
    "5120": ["cook", "Cook "],
    "8331": ["bus driver", "BUS DRIVER"],
}
_REGIONS = ["Ilocos", "  ILOCOS ", "Central Luzon", "Region, North", "", "Caraga", "Cordillera"]


def _quoted(cell: str) -> str:
    if any(c in cell for c in ',"\n\r'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def microdata_csv(
    n: int,
    seed: int = 7,
    *,
    newline: str = "\n",
    wrong_width: bool = True,
    stray_quotes: bool = False,
    clean: bool = False,
) -> bytes:
    """`n` respondents with every kind of row an upload meets: good ones in a few dozen cells
    (some below k), job titles in several spellings, duplicate ids near and far, empty ids,
    unwilling respondents, bad values of every column, unknown codes, blank lines, quoted cells
    with commas and line breaks, rows of the wrong width (unless `wrong_width` is false) and
    with control characters. `stray_quotes`: some unquoted cells hold a quote (the csv module
    reads it as a character; counting quotes mistakes what follows for a quoted cell). `clean`:
    no bad row at all (a wave that replace=true may store)."""
    import random

    rng = random.Random(seed)
    codes = list(_SKILLS)
    lines = [MICRODATA_HEADER]
    if clean:
        lines += [""]  # blank lines are not mistakes
    # Title spellings first met on an unwilling row: that row codes the title only when its id
    # is a duplicate (the in-process reader skips a clean unwilling row before its occupation).
    lines += (
        []
        if clean
        else [
            "T-1,Ilocos,bus driver,49,3,,bus-driving,2,no",
            "T-1,Ilocos,BUS  Driver,49,3,,bus-driving,2,no",
            "T-2,Ilocos,  cook,56,3,,,2,no",
        ]
    )
    ids: list[str] = []
    for i in range(n):
        kind = rng.random()
        if kind < 0.02:
            lines.append("")  # a blank line: counted in the row numbers, not read
            continue
        code = rng.choices(codes, [5, 3, 4, 2, 1, 1])[0]
        rid = f"R{i:06d}"
        if clean:
            pass
        elif ids and rng.random() < 0.03:
            rid = rng.choice(ids)  # a duplicate, near or far
        elif rng.random() < 0.005:
            rid = ""
        ids.append(rid)
        occupation = code
        if code in _TITLES and rng.random() < 0.25:
            occupation = rng.choice(_TITLES[code])
        region = rng.choices(_REGIONS, [6, 1, 5, 3, 2, 1, 0.3])[0]
        if rng.random() < 0.01:
            region = "Region,\nNorth"  # a quoted line break: read as "Region, North"
        skills = ";".join(s for s in _SKILLS[code] if rng.random() < 0.5)
        languages = ";".join(
            p
            for p in ("tl:C2", rng.choice(["en:B2", "en:b1", "en:C1"]), "ja:A2")
            if rng.random() < 0.7
        )
        sector = rng.choice(["86", "87", "1", "", "56"])
        isced = str(rng.choice([2, 3, 3, 4, 5, 6, 6]))
        experience = rng.choice(["1", "2.5", "3", "4,5", "10", "0", "7.25", "12"])
        willing = rng.choices(["yes", "no", "Y", "1", "true", "0"], [10, 4, 1, 1, 1, 1])[0]
        bad = 1.0 if clean else rng.random()
        if bad < 0.08:
            column = rng.randrange(9)
            if column == 0:
                occupation = rng.choice(["9999", "12345", "various duties", "", "???"])
            elif column == 1:
                sector = rng.choice(["999", "04", "x"])
            elif column == 2:
                isced = rng.choice(["9", "3.5", "", "three"])
            elif column == 3:
                experience = rng.choice(["-1", "abc", "", "61"])
            elif column == 4:
                willing = rng.choice(["maybe", ""])
            elif column == 5:
                skills = rng.choice(["no-such-skill", "hand-hygiene;hand-hygiene", "x:0.5"])
            elif column == 6:
                languages = rng.choice(["xx:B2", "en:B2;en:C1", "en"])
            elif column == 7 and wrong_width:
                lines.append(f"{rid},Ilocos,2221,86,5,,,1,yes,surplus")  # too many cells
                continue
            else:
                region = "Ilo\x07cos"  # a control character
        cells = [rid, region, occupation, sector, isced, languages, skills, experience, willing]
        line = ",".join(_quoted(c) for c in cells)
        if stray_quotes and rng.random() < 0.02:
            line = line.replace("Ilocos,", 'Ilo"cos,', 1)  # a quote inside an unquoted cell
        lines.append(line)
    return (newline.join(lines) + newline).encode("utf-8")
