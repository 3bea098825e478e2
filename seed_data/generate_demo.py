#!/usr/bin/env python3
"""Generate the demo organisations, vacancies and labour pools in seed_data/demo/.

Deterministic: the same inputs always give byte-identical outputs (fixed seed, no clock, no
environment). Standard library only, so it runs before the project is installed:

    python seed_data/generate_demo.py          # writes the three files
    python seed_data/generate_demo.py --check  # exits 1 if the committed files are stale

Reads   taxonomy/skills.csv, taxonomy/occupation_skills.csv, demo/pathways.json
Writes  demo/organisations.json, demo/vacancies.json, demo/pools.json

The realism lives in the rule tables below (who recruits what where, typical wages, contracts,
education, language profiles of origin countries), not in hand-typed records. Everything is
fictional demo data: employers are invented, ministries are named after real institutions only
to make the demo readable, and no figure describes a real labour pool.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
TAX = ROOT / "taxonomy"
DEMO = ROOT / "demo"
SEED = 20251103

# ---- organisations ---------------------------------------------------------------------------

# slug, name, country, regions (first = head office), employer pays all recruitment fees
EMPLOYERS: list[tuple[str, str, str, list[str], bool]] = [
    ("de-rhein-ruhr-kliniken", "Rhein-Ruhr Kliniken gGmbH", "DE", ["North Rhine-Westphalia"], True),
    ("de-isartal-bau", "Isartal Bau & Haustechnik GmbH", "DE", ["Bavaria"], True),
    (
        "de-alpenblick-hotels",
        "Alpenblick Hotels & Gastronomie GmbH",
        "DE",
        ["Bavaria", "Baden-Wuerttemberg"],
        True,
    ),
    ("gb-northshire-nhs", "Northshire NHS Foundation Trust", "GB", ["North West England"], True),
    (
        "gb-fenland-fresh",
        "Fenland Fresh Growers Ltd",
        "GB",
        ["Cambridgeshire", "Lincolnshire"],
        True,
    ),
    ("ca-leamington-greenhouses", "Leamington Valley Greenhouses Inc.", "CA", ["Ontario"], True),
    (
        "ca-northline-freight",
        "Northline Freight & Transit Ltd",
        "CA",
        ["Manitoba", "Saskatchewan"],
        False,
    ),
    (
        "au-sunrise-aged-care",
        "Sunrise Aged Care Group",
        "AU",
        ["Queensland", "New South Wales"],
        True,
    ),
    (
        "au-riverland-produce",
        "Riverland Produce Co-operative",
        "AU",
        ["South Australia", "Victoria"],
        True,
    ),
    ("nz-bay-orchards", "Bay of Plenty Orchards Ltd", "NZ", ["Bay of Plenty", "Hawke's Bay"], True),
    (
        "kr-hanil-precision",
        "Hanil Precision Industries Co., Ltd.",
        "KR",
        ["Gyeonggi-do", "South Chungcheong"],
        False,
    ),
    ("jp-sakura-kaigo", "Sakura Kaigo Group", "JP", ["Aichi", "Shizuoka"], True),
    ("nl-delta-software", "Delta Software Works B.V.", "NL", ["South Holland", "Utrecht"], True),
    ("es-huelva-berries", "Huelva Berry Growers S.L.", "ES", ["Andalusia"], True),
]

# slug, name, country, regions
MINISTRIES: list[tuple[str, str, str, list[str]]] = [
    (
        "ph-dmw",
        "Department of Migrant Workers, Philippines (demo)",
        "PH",
        [
            "National Capital Region",
            "Central Luzon",
            "Western Visayas",
            "Central Visayas",
            "Davao Region",
        ],
    ),
    (
        "in-mole",
        "Ministry of Labour and Employment, India (demo)",
        "IN",
        ["Kerala", "Tamil Nadu", "Karnataka", "Punjab", "Uttar Pradesh", "Telangana"],
    ),
    (
        "vn-dolab",
        "Department of Overseas Labour, Viet Nam (demo)",
        "VN",
        ["Nghe An", "Ha Tinh", "Thanh Hoa", "Bac Giang", "Hai Duong"],
    ),
    (
        "id-kemnaker",
        "Ministry of Manpower, Indonesia (demo)",
        "ID",
        ["West Java", "Central Java", "East Java", "West Nusa Tenggara", "Bali"],
    ),
    (
        "ke-mlsp",
        "Ministry of Labour and Social Protection, Kenya (demo)",
        "KE",
        ["Nairobi", "Mombasa", "Kisumu", "Nakuru", "Uasin Gishu"],
    ),
    (
        "gh-mlje",
        "Ministry of Labour, Jobs and Employment, Ghana (demo)",
        "GH",
        ["Greater Accra", "Ashanti", "Central", "Northern"],
    ),
    (
        "np-moless",
        "Ministry of Labour, Employment and Social Security, Nepal (demo)",
        "NP",
        ["Bagmati", "Koshi", "Lumbini", "Madhesh", "Gandaki"],
    ),
    (
        "fj-mepir",
        "Ministry of Employment, Productivity and Workplace Relations, Fiji (demo)",
        "FJ",
        ["Western Division", "Central Division", "Northern Division"],
    ),
    (
        "ma-mies",
        "Ministry of Economic Inclusion, Employment and Skills, Morocco (demo)",
        "MA",
        [
            "Souss-Massa",
            "Tanger-Tetouan-Al Hoceima",
            "Casablanca-Settat",
            "Fes-Meknes",
            "Marrakech-Safi",
        ],
    ),
    (
        "mx-stps",
        "Secretaria del Trabajo y Prevision Social, Mexico (demo)",
        "MX",
        ["Michoacan", "Guanajuato", "Oaxaca", "Tlaxcala", "Puebla", "Estado de Mexico"],
    ),
]

AGENCY = ("imdi-facilitation", "IMDI Facilitation Unit", "CH")

# ---- occupation rules ------------------------------------------------------------------------

TITLES: dict[str, list[str]] = {
    "2221": [
        "Registered nurse - medical ward",
        "Registered nurse - surgical ward",
        "Registered nurse - intensive care",
        "Registered nurse - emergency department",
    ],
    "3221": ["Nursing associate", "Enrolled nurse - long-term care"],
    "5321": ["Health care assistant", "Care assistant - residential care"],
    "5322": ["Home care worker", "Community support worker"],
    "2512": [
        "Python back-end developer",
        "Full-stack software developer",
        "Software engineer (Java)",
    ],
    "2511": ["IT business analyst"],
    "3512": ["IT service desk technician"],
    "7112": ["Bricklayer"],
    "7115": ["Carpenter - formwork and framing"],
    "7126": ["Plumber and heating installer"],
    "7411": ["Building electrician"],
    "7212": ["Welder (MIG/MAG and TIG)", "Welder - steel fabrication"],
    "6111": ["Greenhouse vegetable grower", "Greenhouse crop worker"],
    "6112": ["Orchard worker - pruning and thinning", "Orchard hand - pipfruit"],
    "9211": ["Seasonal fruit picker", "Harvest and packhouse worker", "Soft fruit picker"],
    "5120": ["Cook", "Commis and line cook"],
    "5131": ["Restaurant server"],
    "9412": ["Kitchen hand"],
    "4224": ["Hotel receptionist"],
    "9112": ["Building and facility cleaner"],
    "8332": ["Long-haul truck driver (AZ/Class 1)", "Heavy truck driver"],
    "8331": ["Urban bus driver"],
    "8344": ["Forklift operator"],
    "8211": ["Mechanical assembler"],
    "7223": ["CNC machine setter-operator"],
    "8160": ["Food processing machine operator"],
}

DUTIES: dict[str, list[str]] = {
    "2221": [
        "You will assess and plan the care of adult patients, give medicines and IV therapy, "
        "and work with doctors and allied health staff on a busy ward.",
        "You will provide safe, person-centred nursing care, monitor patients closely and "
        "escalate deterioration using the early warning score.",
    ],
    "3221": [
        "You will carry out basic nursing procedures, give medicines under supervision and "
        "support residents with personal care and mobility."
    ],
    "5321": [
        "You will help patients and residents with washing, dressing, meals and moving, "
        "take routine observations and report changes to the nurse in charge."
    ],
    "5322": [
        "You will support older people and people with disabilities in their own homes with "
        "personal care, meals, medicines reminders and household tasks."
    ],
    "2512": [
        "You will design, build and test web services and APIs in a small agile team, "
        "review code and help keep our delivery pipeline green."
    ],
    "2511": [
        "You will gather requirements from business stakeholders, model processes and "
        "write specifications that developers can build from."
    ],
    "3512": [
        "You will resolve first- and second-line tickets, set up laptops and accounts and "
        "help colleagues with office software and connectivity."
    ],
    "7112": [
        "You will build brick and block walls from drawings on residential and commercial "
        "sites, set out corners and keep work plumb and level."
    ],
    "7115": [
        "You will build formwork and timber frames, fit roofs and carry out second-fix "
        "carpentry on residential projects."
    ],
    "7126": [
        "You will install and test water, drainage and heating systems in new-build and "
        "renovation projects."
    ],
    "7411": [
        "You will install wiring, distribution boards and lighting in residential and "
        "commercial buildings and test installations before hand-over."
    ],
    "7212": [
        "You will weld and cut steel components for structural and machine-building work "
        "to drawings and welding procedure specifications."
    ],
    "6111": [
        "You will plant, train and harvest greenhouse crops, look after irrigation and "
        "report pests and diseases to the grower."
    ],
    "6112": [
        "You will prune, thin and harvest fruit trees, work from orchard ladders and help "
        "with irrigation and netting."
    ],
    "9211": [
        "You will pick and pack fruit and vegetables by hand to quality standards and help "
        "in the packhouse at busy times."
    ],
    "5120": [
        "You will prepare and cook dishes to our recipes, keep your section clean and "
        "follow HACCP food-safety procedures."
    ],
    "5131": [
        "You will welcome guests, take orders, serve food and drinks and look after "
        "allergen questions in our restaurants."
    ],
    "9412": [
        "You will wash dishes and pots, prepare vegetables and keep the kitchen and stores "
        "clean and in order."
    ],
    "4224": [
        "You will check guests in and out, manage reservations in the property management "
        "system and handle payments and guest requests."
    ],
    "9112": [
        "You will clean rooms, corridors and washrooms to schedule using professional "
        "cleaning machines and chemicals safely."
    ],
    "8332": [
        "You will drive heavy trucks on regional and long-haul routes, inspect your vehicle "
        "before each trip and secure loads."
    ],
    "8331": [
        "You will drive city buses on scheduled routes, assist passengers and keep to the "
        "timetable safely."
    ],
    "8344": [
        "You will load, unload and move materials with forklifts and reach trucks and keep "
        "stock locations accurate."
    ],
    "8211": [
        "You will assemble mechanical components and sub-assemblies on a production line "
        "following work instructions and torque specifications."
    ],
    "7223": [
        "You will set up and run CNC lathes and milling machines, measure parts and adjust "
        "offsets to keep within tolerance."
    ],
    "8160": [
        "You will run food processing and packaging machines, check temperatures and "
        "labels and clean the line to hygiene standards."
    ],
}

# ISIC Rev.4 division typical of the occupation (vacancies and pools)
OCC_SECTOR: dict[str, str] = {
    "2221": "86",
    "3221": "87",
    "5321": "87",
    "5322": "88",
    "2512": "62",
    "2511": "62",
    "3512": "62",
    "7112": "41",
    "7115": "41",
    "7126": "43",
    "7411": "43",
    "7212": "25",
    "9313": "41",
    "6111": "01",
    "6112": "01",
    "9211": "01",
    "5120": "56",
    "5131": "56",
    "9412": "56",
    "4224": "55",
    "9112": "81",
    "8332": "49",
    "8331": "49",
    "8344": "52",
    "8211": "28",
    "7223": "25",
    "8160": "10",
}

SEASONAL = {"6111", "6112", "9211"}

# (destination, occupation) -> (amount, currency, period), before jitter
WAGES: dict[tuple[str, str], tuple[float, str, str]] = {
    ("DE", "2221"): (4050, "EUR", "month"),
    ("DE", "3221"): (3450, "EUR", "month"),
    ("DE", "5321"): (2950, "EUR", "month"),
    ("DE", "7112"): (3350, "EUR", "month"),
    ("DE", "7115"): (3400, "EUR", "month"),
    ("DE", "7126"): (3500, "EUR", "month"),
    ("DE", "7411"): (3600, "EUR", "month"),
    ("DE", "7212"): (3300, "EUR", "month"),
    ("DE", "5120"): (2900, "EUR", "month"),
    ("DE", "5131"): (14.60, "EUR", "hour"),
    ("DE", "4224"): (2850, "EUR", "month"),
    ("GB", "2221"): (31050, "GBP", "year"),
    ("GB", "5322"): (12.60, "GBP", "hour"),
    ("GB", "9211"): (12.60, "GBP", "hour"),
    ("GB", "6111"): (13.10, "GBP", "hour"),
    ("CA", "6111"): (18.60, "CAD", "hour"),
    ("CA", "9211"): (17.85, "CAD", "hour"),
    ("CA", "8332"): (29.50, "CAD", "hour"),
    ("CA", "8331"): (31.00, "CAD", "hour"),
    ("AU", "5321"): (31.20, "AUD", "hour"),
    ("AU", "5322"): (32.40, "AUD", "hour"),
    ("AU", "2221"): (92000, "AUD", "year"),
    ("AU", "5120"): (79000, "AUD", "year"),
    ("AU", "9412"): (27.10, "AUD", "hour"),
    ("AU", "9211"): (26.20, "AUD", "hour"),
    ("AU", "6112"): (27.40, "AUD", "hour"),
    ("AU", "8160"): (28.30, "AUD", "hour"),
    ("NZ", "6112"): (25.40, "NZD", "hour"),
    ("NZ", "9211"): (24.20, "NZD", "hour"),
    ("KR", "7223"): (2450000, "KRW", "month"),
    ("KR", "8211"): (2300000, "KRW", "month"),
    ("KR", "7212"): (2550000, "KRW", "month"),
    ("KR", "8344"): (2350000, "KRW", "month"),
    ("JP", "5321"): (235000, "JPY", "month"),
    ("JP", "5322"): (228000, "JPY", "month"),
    ("JP", "3221"): (255000, "JPY", "month"),
    ("JP", "9112"): (1150, "JPY", "hour"),
    ("NL", "2512"): (6100, "EUR", "month"),
    ("NL", "2511"): (6400, "EUR", "month"),
    ("ES", "9211"): (9.45, "EUR", "hour"),
}

VACANCY_LANGUAGES: dict[tuple[str, str], list[tuple[str, str]]] = {
    ("DE", "2221"): [("de", "B2")],
    ("DE", "3221"): [("de", "B2")],
    ("DE", "5321"): [("de", "B1")],
    ("DE", "5120"): [("de", "A2")],
    ("DE", "5131"): [("de", "B1"), ("en", "A2")],
    ("DE", "4224"): [("de", "B1"), ("en", "B2")],
    ("GB", "2221"): [("en", "B2")],
    ("GB", "2512"): [("en", "B2")],
    ("GB", "5322"): [("en", "B1")],
    ("CA", "8332"): [("en", "B1")],
    ("CA", "8331"): [("en", "B2")],
    ("AU", "5321"): [("en", "B1")],
    ("AU", "5322"): [("en", "B1")],
    ("AU", "2221"): [("en", "B2")],
    ("AU", "5120"): [("en", "A2")],
    ("AU", "9412"): [("en", "A2")],
    ("KR", "*"): [("ko", "A2")],
    ("JP", "5321"): [("ja", "A2")],
    ("JP", "5322"): [("ja", "A2")],
    ("JP", "3221"): [("ja", "B1")],
    ("JP", "9112"): [("ja", "A1")],
    ("NL", "*"): [("en", "B2")],
    ("DE", "*"): [("de", "A2")],
}

# Languages needed at the start of work (design section 3: they limit the eligible headcount to
# the share of a pool at the level). Every other vacancy language is scored only: pre-departure
# training can close the gap. (destination, occupation, job title or "*") -> languages.
REQUIRED_LANGUAGES: dict[tuple[str, str, str], set[str]] = {
    # Intensive care leaves no time to learn on the ward; the other wards take nurses at B1 and
    # train them to B2 while their diploma is recognised.
    ("DE", "2221", "Registered nurse - intensive care"): {"de"},
    # NMC registration (GB) and AHPRA's English language skills standard (AU) come before a
    # nurse may practise.
    ("GB", "2221", "*"): {"en"},
    ("AU", "2221", "*"): {"en"},
    # The front desk serves international guests in English from the first shift.
    ("DE", "4224", "*"): {"en"},
    # Passenger announcements and dispatch radio are safety-critical from the first route.
    ("CA", "8331", "*"): {"en"},
    # Home care workers are alone with their clients: they must read the care plan and call
    # for help.
    ("AU", "5322", "*"): {"en"},
    ("JP", "5322", "*"): {"ja"},
}

VACANCY_ISCED: dict[str, int | None] = {
    "2221": 6,
    "3221": 5,
    "5321": 3,
    "5322": 3,
    "2512": 6,
    "2511": 6,
    "3512": 5,
    "7112": 3,
    "7115": 3,
    "7126": 3,
    "7411": 3,
    "7212": 3,
    "5120": 3,
    "4224": 4,
}

VACANCY_EXPERIENCE: dict[str, float] = {
    "2221": 2,
    "3221": 1,
    "5321": 1,
    "5322": 1,
    "2512": 3,
    "2511": 4,
    "3512": 2,
    "7112": 3,
    "7115": 3,
    "7126": 3,
    "7411": 3,
    "7212": 2,
    "6112": 1,
    "5120": 2,
    "4224": 1,
    "8332": 2,
    "8331": 2,
    "7223": 2,
    "8344": 1,
}

OPENINGS: dict[str, tuple[int, int]] = {
    "2221": (4, 20),
    "3221": (4, 15),
    "5321": (5, 20),
    "5322": (5, 20),
    "2512": (1, 4),
    "2511": (1, 2),
    "3512": (1, 3),
    "7112": (2, 8),
    "7115": (2, 8),
    "7126": (2, 6),
    "7411": (2, 8),
    "7212": (3, 10),
    "6111": (6, 30),
    "6112": (15, 60),
    "9211": (30, 150),
    "5120": (6, 14),
    "5131": (8, 16),
    "9412": (4, 12),
    "4224": (6, 12),
    "9112": (5, 15),
    "8332": (5, 20),
    "8331": (4, 12),
    "8344": (3, 8),
    "8211": (8, 25),
    "7223": (4, 12),
    "8160": (10, 30),
}

# Seasonal start months and contract lengths by destination (harvest calendars)
SEASON: dict[str, tuple[list[int], tuple[int, int]]] = {
    "GB": ([4, 5], (5, 6)),
    "CA": ([3, 4, 5], (6, 8)),
    "AU": ([1, 2, 3], (6, 9)),
    "NZ": ([1, 2], (5, 7)),
    "ES": ([1, 2], (5, 8)),
}

# Vacancy plan: (employer, occupation, how many, overrides)
PLAN: list[tuple[str, str, int, dict[str, Any]]] = [
    ("de-rhein-ruhr-kliniken", "2221", 3, {}),
    ("de-rhein-ruhr-kliniken", "3221", 2, {}),
    ("de-rhein-ruhr-kliniken", "5321", 1, {}),
    ("de-rhein-ruhr-kliniken", "2221", 1, {"status": "closed"}),
    ("de-isartal-bau", "7112", 1, {}),
    ("de-isartal-bau", "7115", 1, {}),
    ("de-isartal-bau", "7126", 1, {}),
    ("de-isartal-bau", "7411", 1, {}),
    ("de-isartal-bau", "7212", 1, {}),
    # The hotel group recruits through the small THAMM-style pilot only: its quota of 40 a year
    # is smaller than these openings, so approvals exhaust it.
    ("de-alpenblick-hotels", "5120", 2, {"pathways": ["DE-THAMM-PILOT"], "openings": 12}),
    ("de-alpenblick-hotels", "5131", 1, {"pathways": ["DE-THAMM-PILOT"], "openings": 14}),
    ("de-alpenblick-hotels", "4224", 1, {"pathways": ["DE-THAMM-PILOT"], "openings": 8}),
    ("gb-northshire-nhs", "2221", 2, {}),
    ("gb-northshire-nhs", "2221", 1, {"pathways": ["UK-NP-G2G-NURSES"], "openings": 25}),
    # Below the Skilled Worker threshold: only Indian graduates (Young Professionals Scheme).
    (
        "gb-northshire-nhs",
        "2512",
        1,
        {"contract": ("temporary", 24), "wage": (39500, "GBP", "year")},
    ),
    # Care workers: the route closed to new overseas recruitment in July 2025.
    ("gb-northshire-nhs", "5322", 1, {"status": "draft"}),
    ("gb-fenland-fresh", "9211", 2, {}),
    ("gb-fenland-fresh", "6111", 1, {}),
    ("ca-leamington-greenhouses", "6111", 1, {}),
    ("ca-leamington-greenhouses", "9211", 2, {}),
    # No fair-recruitment attestation: only SAWP (which does not require it) admits the pairs.
    ("ca-leamington-greenhouses", "9211", 1, {"employer_pays_fees": False}),
    ("ca-northline-freight", "8332", 2, {}),
    ("ca-northline-freight", "8331", 1, {}),
    ("au-sunrise-aged-care", "5321", 1, {}),
    ("au-sunrise-aged-care", "5322", 1, {}),
    ("au-sunrise-aged-care", "2221", 1, {}),
    ("au-sunrise-aged-care", "5120", 1, {}),
    ("au-sunrise-aged-care", "9412", 1, {}),
    ("au-riverland-produce", "9211", 1, {}),
    ("au-riverland-produce", "6112", 1, {}),
    ("au-riverland-produce", "8160", 1, {}),
    ("nz-bay-orchards", "6112", 1, {}),
    ("nz-bay-orchards", "9211", 1, {}),
    # Eight months is longer than the RSE maximum of seven.
    ("nz-bay-orchards", "9211", 1, {"status": "draft", "contract": ("seasonal", 8)}),
    ("kr-hanil-precision", "7223", 1, {}),
    ("kr-hanil-precision", "8211", 1, {}),
    ("kr-hanil-precision", "7212", 1, {}),
    # Closed: posted for the group's logistics arm (warehousing, ISIC 52), which the EPS does
    # not cover.
    ("kr-hanil-precision", "8344", 1, {"status": "closed", "sector": "52"}),
    ("jp-sakura-kaigo", "5321", 1, {}),
    ("jp-sakura-kaigo", "5322", 1, {}),
    ("jp-sakura-kaigo", "3221", 1, {"pathways": ["JP-EPA-NURSE-CARE"]}),
    ("jp-sakura-kaigo", "9112", 1, {}),
    ("nl-delta-software", "2512", 2, {}),
    ("nl-delta-software", "2511", 1, {}),
    # Below the highly-skilled-migrant salary criterion.
    ("nl-delta-software", "3512", 1, {"status": "draft", "wage": (4400, "EUR", "month")}),
    ("es-huelva-berries", "9211", 2, {}),
]

# ---- pool rules --------------------------------------------------------------------------------

# ministry -> [(occupation, number of pools)]
POOL_PLAN: dict[str, list[tuple[str, int]]] = {
    "ph-dmw": [
        ("2221", 4),
        ("3221", 1),
        ("5321", 2),
        ("5322", 2),
        ("5120", 1),
        ("5131", 1),
        ("4224", 1),
        ("9112", 1),
        ("7411", 1),
        ("7212", 1),
        ("7126", 1),
        ("8332", 1),
        ("2512", 1),
        ("3512", 1),
        ("8211", 1),
    ],
    "in-mole": [
        ("2221", 4),
        ("3221", 1),
        ("2512", 4),
        ("2511", 2),
        ("3512", 2),
        ("7411", 1),
        ("7126", 1),
        ("7212", 1),
        ("8332", 2),
        ("5120", 1),
        ("7112", 1),
    ],
    "vn-dolab": [
        ("7223", 3),
        ("8211", 2),
        ("3221", 1),
        ("7212", 2),
        ("8160", 2),
        ("5321", 1),
        ("5322", 1),
        ("9211", 2),
        ("6111", 1),
        ("9313", 1),
        ("7112", 1),
        ("7115", 1),
        ("8344", 1),
        ("2512", 1),
    ],
    "id-kemnaker": [
        ("2221", 2),
        ("3221", 2),
        ("5321", 2),
        ("5322", 2),
        ("8211", 2),
        ("7223", 1),
        ("8160", 2),
        ("9112", 1),
        ("5120", 1),
        ("6112", 1),
        ("7212", 1),
        ("9313", 1),
        ("4224", 1),
        ("5131", 1),
    ],
    "ke-mlsp": [
        ("2221", 3),
        ("3221", 2),
        ("5321", 1),
        ("5322", 1),
        ("2512", 2),
        ("3512", 1),
        ("8332", 3),
        ("8331", 1),
        ("5120", 1),
        ("5131", 1),
        ("4224", 1),
        ("9211", 1),
        ("7411", 1),
        ("8344", 1),
    ],
    "gh-mlje": [
        ("2221", 3),
        ("3221", 2),
        ("5321", 1),
        ("5322", 1),
        ("2512", 2),
        ("2511", 1),
        ("7112", 1),
        ("7115", 1),
        ("7411", 1),
        ("8332", 1),
        ("8331", 1),
        ("9211", 1),
        ("6111", 1),
        ("5120", 1),
        ("9112", 1),
        ("3512", 1),
    ],
    "np-moless": [
        ("2221", 3),
        ("5321", 2),
        ("5322", 2),
        ("8211", 2),
        ("7223", 1),
        ("9313", 1),
        ("9211", 2),
        ("6111", 1),
        ("5120", 1),
        ("9412", 1),
        ("5131", 1),
        ("9112", 1),
        ("8344", 1),
        ("7212", 1),
    ],
    "fj-mepir": [
        ("9211", 4),
        ("6112", 2),
        ("6111", 1),
        ("5321", 2),
        ("5322", 2),
        ("5120", 1),
        ("9412", 2),
        ("5131", 1),
        ("4224", 1),
        ("8160", 2),
        ("9112", 1),
        ("7115", 1),
    ],
    "ma-mies": [
        ("9211", 4),
        ("6111", 1),
        ("6112", 1),
        ("5120", 2),
        ("5131", 2),
        ("4224", 2),
        ("9412", 1),
        ("7411", 2),
        ("7126", 1),
        ("7212", 1),
        ("7112", 1),
        ("8160", 1),
        ("2512", 1),
    ],
    "mx-stps": [
        ("9211", 5),
        ("6111", 3),
        ("6112", 2),
        ("8332", 2),
        ("8331", 1),
        ("7112", 1),
        ("7115", 1),
        ("7411", 1),
        ("8160", 1),
        ("8344", 1),
        ("9313", 1),
        ("2512", 1),
    ],
}

# Regions where an occupation's pools concentrate (else any region of the country)
POOL_REGIONS: dict[tuple[str, str], list[str]] = {
    ("IN", "2221"): ["Kerala", "Kerala", "Tamil Nadu", "Karnataka"],
    ("IN", "3221"): ["Kerala"],
    ("IN", "2512"): ["Karnataka", "Telangana", "Tamil Nadu"],
    ("IN", "2511"): ["Karnataka", "Telangana"],
    ("IN", "8332"): ["Punjab"],
    ("MA", "9211"): ["Souss-Massa", "Tanger-Tetouan-Al Hoceima"],
    ("MA", "4224"): ["Marrakech-Safi", "Souss-Massa"],
    ("MX", "9211"): ["Michoacan", "Guanajuato", "Oaxaca", "Tlaxcala"],
    ("MX", "6111"): ["Michoacan", "Guanajuato"],
    ("KE", "8332"): ["Mombasa", "Nakuru"],
    ("FJ", "9211"): ["Western Division", "Northern Division"],
    ("VN", "7223"): ["Bac Giang", "Hai Duong"],
}

NATIVE: dict[str, str] = {
    "PH": "tl",
    "VN": "vi",
    "ID": "id",
    "KE": "sw",
    "GH": "ak",
    "NP": "ne",
    "FJ": "fj",
    "MA": "ar",
    "MX": "es",
}
INDIA_NATIVE: dict[str, str] = {
    "Kerala": "ml",
    "Tamil Nadu": "ta",
    "Karnataka": "kn",
    "Punjab": "pa",
    "Uttar Pradesh": "hi",
    "Telangana": "te",
}

# English profile: (professional occupations, other occupations) -> [(level, share)]
ENGLISH: dict[str, tuple[list[tuple[str, float]], list[tuple[str, float]]]] = {
    "PH": ([("C1", 0.30), ("B2", 0.55), ("B1", 0.12)], [("B2", 0.30), ("B1", 0.45), ("A2", 0.20)]),
    "IN": ([("C1", 0.35), ("B2", 0.50), ("B1", 0.12)], [("B1", 0.35), ("A2", 0.40)]),
    "KE": ([("C1", 0.40), ("B2", 0.50)], [("B2", 0.40), ("B1", 0.40), ("A2", 0.10)]),
    "GH": ([("C1", 0.50), ("B2", 0.45)], [("B2", 0.50), ("B1", 0.35)]),
    "FJ": ([("C1", 0.40), ("B2", 0.50)], [("B2", 0.45), ("B1", 0.40)]),
    "NP": ([("B2", 0.45), ("B1", 0.35)], [("B1", 0.30), ("A2", 0.40)]),
    "VN": ([("B2", 0.30), ("B1", 0.40)], [("A2", 0.30), ("A1", 0.30)]),
    "ID": ([("B2", 0.35), ("B1", 0.40)], [("A2", 0.35), ("A1", 0.20)]),
    "MA": ([("B2", 0.20), ("B1", 0.40)], [("A2", 0.30)]),
    "MX": ([("B2", 0.20), ("B1", 0.40)], [("A2", 0.25)]),
}
PROFESSIONAL = {"2221", "3221", "2512", "2511", "3512", "4224"}

# Destination-language training: (country, occupations or "*") -> (language, probability,
# [(level, share range)]). Pools trained for a destination speak its language; others do not.
TARGET_LANGUAGES: list[tuple[str, set[str] | str, str, float, list[tuple[str, tuple]]]] = [
    ("PH", {"2221", "3221"}, "de", 0.6, [("B1", (0.10, 0.35)), ("A2", (0.05, 0.20))]),
    ("IN", {"2221", "3221"}, "de", 0.5, [("B1", (0.10, 0.30)), ("A2", (0.05, 0.15))]),
    ("ID", {"2221", "3221"}, "de", 0.6, [("B1", (0.10, 0.30)), ("A2", (0.05, 0.20))]),
    ("KE", {"2221", "3221", "5321"}, "de", 0.4, [("A2", (0.05, 0.20)), ("B1", (0.03, 0.10))]),
    (
        "MA",
        {"5120", "5131", "4224", "9412", "7411", "7126"},
        "de",
        0.75,
        [("A2", (0.15, 0.40)), ("B1", (0.05, 0.15))],
    ),
    ("VN", {"5321", "5322", "7212"}, "de", 0.3, [("A2", (0.05, 0.20))]),
    ("PH", {"7411", "7212", "7126"}, "de", 0.25, [("A2", (0.05, 0.15))]),
    (
        "VN",
        {"3221", "5321", "5322", "7223", "8211", "8160", "9211", "6111", "7212"},
        "ja",
        0.55,
        [("A2", (0.15, 0.45)), ("B1", (0.02, 0.10))],
    ),
    ("ID", {"2221", "3221"}, "ja", 0.9, [("A1", (0.05, 0.20))]),  # EPA pre-selection classes
    (
        "ID",
        {"5321", "5322", "3221", "2221", "8211", "8160", "7223", "9112"},
        "ja",
        0.5,
        [("A2", (0.10, 0.40)), ("A1", (0.10, 0.30))],
    ),
    (
        "PH",
        {"5321", "5322", "3221", "2221", "9112"},
        "ja",
        0.5,
        [("A1", (0.10, 0.25)), ("A2", (0.05, 0.20))],
    ),
    ("NP", {"5321", "5322", "9112", "5120"}, "ja", 0.5, [("A2", (0.10, 0.35))]),
    (
        "VN",
        {"7223", "8211", "7212", "8160", "9211", "6111", "9313", "7112", "8344"},
        "ko",
        0.6,
        [("A2", (0.20, 0.55)), ("A1", (0.10, 0.25))],
    ),
    (
        "NP",
        {"8211", "7223", "9313", "9211", "6111", "7212", "8344"},
        "ko",
        0.7,
        [("A2", (0.20, 0.50)), ("A1", (0.10, 0.30))],
    ),
    ("ID", {"8211", "7223", "7212", "8160", "9313", "6112"}, "ko", 0.5, [("A2", (0.15, 0.40))]),
    ("PH", {"8211", "7212", "9112"}, "ko", 0.4, [("A1", (0.10, 0.30))]),
    ("MA", "*", "fr", 1.0, [("B2", (0.15, 0.45)), ("B1", (0.20, 0.35))]),
    ("MA", {"9211", "6111", "6112"}, "es", 0.7, [("A2", (0.10, 0.30)), ("B1", (0.02, 0.08))]),
]

# Nurses and nursing associates on a placement programme learn German to B1 before departure
# and to B2 for the recognition of their diploma: in a pool trained in German, this fraction of
# the B1 share has reached B2 already (so the share at B1 or above is unchanged). Drawn from a
# generator of its own per pool, so that adding the rule changed no other figure of the demo.
ADVANCED_GERMAN: set[str] = {"2221", "3221"}
ADVANCED_GERMAN_FRACTION: tuple[float, float] = (0.15, 0.45)

POOL_ISCED: dict[str, list[int]] = {
    "2221": [6, 6, 6, 5],
    "3221": [5, 5, 5, 4],
    "5321": [3, 3, 4],
    "5322": [3, 3, 2, 4],
    "2512": [6, 6, 6, 7],
    "2511": [6, 7],
    "3512": [5, 5, 4],
    "7112": [3, 3, 2],
    "7115": [3, 3, 2],
    "7126": [3, 3, 4],
    "7411": [3, 4, 3],
    "7212": [3, 3, 2],
    "9313": [1, 2, 2],
    "6111": [2, 3, 2],
    "6112": [2, 2, 3],
    "9211": [1, 2, 2],
    "5120": [3, 3, 2],
    "5131": [3, 3, 2],
    "9412": [2, 1, 2],
    "4224": [4, 5, 4],
    "9112": [2, 1, 2],
    "8332": [2, 3, 3],
    "8331": [3, 3, 2],
    "8344": [2, 3, 3],
    "8211": [3, 3, 2],
    "7223": [3, 4, 3],
    "8160": [3, 2, 3],
}

POOL_EXPERIENCE: dict[str, tuple[float, float]] = {
    "2221": (1, 8),
    "3221": (1, 6),
    "5321": (0.5, 6),
    "5322": (0.5, 6),
    "2512": (1, 8),
    "2511": (2, 9),
    "3512": (1, 5),
    "7112": (1, 12),
    "7115": (1, 12),
    "7126": (1, 10),
    "7411": (1, 10),
    "7212": (1, 10),
    "9313": (1, 8),
    "6111": (2, 12),
    "6112": (1, 10),
    "9211": (0.5, 10),
    "5120": (1, 8),
    "5131": (0.5, 6),
    "9412": (0.5, 5),
    "4224": (1, 6),
    "9112": (0.5, 6),
    "8332": (1, 12),
    "8331": (1, 10),
    "8344": (1, 8),
    "8211": (1, 8),
    "7223": (1, 9),
    "8160": (1, 7),
}

HEADCOUNT: dict[str, tuple[int, int]] = {
    "2221": (40, 400),
    "3221": (30, 200),
    "5321": (60, 450),
    "5322": (60, 450),
    "2512": (20, 300),
    "2511": (15, 120),
    "3512": (20, 200),
    "7112": (30, 250),
    "7115": (30, 250),
    "7126": (25, 200),
    "7411": (30, 250),
    "7212": (30, 250),
    "9313": (100, 800),
    "6111": (40, 300),
    "6112": (40, 300),
    "9211": (150, 1500),
    "5120": (30, 200),
    "5131": (30, 200),
    "9412": (50, 400),
    "4224": (20, 150),
    "9112": (50, 400),
    "8332": (30, 250),
    "8331": (20, 120),
    "8344": (30, 150),
    "8211": (60, 400),
    "7223": (40, 300),
    "8160": (60, 400),
}

# Transversal skills that pools often report beyond the occupation profile
EXTRA_SKILLS = [
    "teamwork",
    "digital-literacy",
    "first-aid",
    "occupational-safety",
    "customer-service",
    "physical-stamina",
    "intercultural-competence",
    "time-management",
    "adaptability",
]


LANGUAGE_NAMES = {
    "de": "German",
    "en": "English",
    "ja": "Japanese",
    "ko": "Korean",
    "fr": "French",
    "es": "Spanish",
}


# ---- helpers ---------------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def api_key(role: str, slug: str, email: str) -> str:
    digest = hashlib.sha256(f"imdi-match demo key:{role}:{slug}:{email}".encode()).hexdigest()
    return f"imdi_demo_{role}_{slug}_{digest[:16]}"


def round_wage(amount: float, period: str, currency: str) -> float | int:
    if period == "hour":
        step = 10 if currency in {"JPY", "KRW"} else 0.05
    elif period == "month":
        step = 10000 if currency in {"JPY", "KRW"} else 10
    else:
        step = 100
    value = round(amount / step) * step
    return round(value) if step >= 1 else round(value, 2)


def share(rng: random.Random, lo: float, hi: float) -> float:
    return round(rng.uniform(lo, hi), 2)


def money_text(w: dict[str, Any]) -> str:
    per = {"hour": "an hour", "month": "a month", "year": "a year"}[w["period"]]
    amount = w["amount"]
    text = f"{amount:,.2f}" if isinstance(amount, float) and amount % 1 else f"{int(amount):,}"
    return f"{w['currency']} {text} {per}"


# ---- builders --------------------------------------------------------------------------------


def build_organisations() -> dict[str, Any]:
    orgs = [
        {"slug": s, "name": n, "kind": "employer", "country": c}
        for s, n, c, _regions, _pays in EMPLOYERS
    ]
    orgs += [
        {"slug": s, "name": n, "kind": "ministry", "country": c} for s, n, c, _regions in MINISTRIES
    ]
    orgs.append({"slug": AGENCY[0], "name": AGENCY[1], "kind": "agency", "country": AGENCY[2]})

    users = []
    for i, (slug, name, _c, _r, _p) in enumerate(EMPLOYERS, start=1):
        users.append(
            (
                "employer",
                slug,
                f"hr@{slug}.example.org",
                f"{name.split(' ')[0]} recruitment team",
                f"demo-employer-{i}",
            )
        )
    for i, (slug, _name, country, _r) in enumerate(MINISTRIES, start=1):
        users.append(
            (
                "ministry",
                slug,
                f"labour-mobility@{slug}.example.org",
                f"Labour mobility desk ({country})",
                f"demo-ministry-{i}",
            )
        )
    agency = AGENCY[0]
    users += [
        (
            "officer",
            agency,
            f"officer1@{agency}.example.org",
            "Amina Diallo (programme officer)",
            "demo-officer-1",
        ),
        (
            "officer",
            agency,
            f"officer2@{agency}.example.org",
            "Lukas Brenner (programme officer)",
            "demo-officer-2",
        ),
        ("admin", agency, f"admin@{agency}.example.org", "Platform administrator", "demo-admin-1"),
    ]
    return {
        "organisations": orgs,
        "users": [
            {
                "email": email,
                "name": name,
                "role": role,
                "organisation": slug,
                "password": password,
                "api_key": api_key(role, slug, email),
            }
            for role, slug, email, name, password in users
        ],
    }


def pick_skills(rng: random.Random, profile: dict[str, list[str]]) -> list[dict[str, str]]:
    ess, opt = profile["essential"], profile["optional"]
    if rng.random() < 0.12:  # a terse ad: a few essentials only
        chosen = [(s, "essential") for s in rng.sample(ess, min(len(ess), rng.randint(3, 4)))]
    else:
        n_ess = min(len(ess), rng.randint(5, 8))
        n_opt = min(len(opt), rng.randint(1, 4))
        chosen = [(s, "essential") for s in rng.sample(ess, n_ess)]
        chosen = [(s, "optional" if rng.random() < 0.1 else imp) for s, imp in chosen]
        chosen += [(s, "optional") for s in rng.sample(opt, n_opt)]
    order = {s: i for i, s in enumerate(ess + opt)}
    chosen.sort(key=lambda x: (x[1] != "essential", order[x[0]]))
    return [{"skill": s, "importance": imp} for s, imp in chosen]


def build_vacancies(
    rng: random.Random,
    profiles: dict[str, dict[str, list[str]]],
    pathways: dict[str, dict[str, Any]],
) -> list[dict[str, Any]]:
    employers = {e[0]: e for e in EMPLOYERS}
    out: list[dict[str, Any]] = []
    title_use: dict[str, int] = {}
    for slug, occ, count, over in PLAN:
        _s, emp_name, dest, regions, pays = employers[slug]
        for _ in range(count):
            n = title_use.get(occ, 0)
            title_use[occ] = n + 1
            title = TITLES[occ][n % len(TITLES[occ])]
            region = regions[len(out) % len(regions)]

            if "wage" in over:  # a figure that matters for a pathway threshold: no jitter
                amount, currency, period = over["wage"]
            else:
                amount, currency, period = WAGES[(dest, occ)]
                amount *= rng.uniform(0.97, 1.05)
            wage = {
                "amount": round_wage(amount, period, currency),
                "currency": currency,
                "period": period,
            }

            if "contract" in over:
                ctype, months = over["contract"]
            elif occ in SEASONAL:
                lo, hi = SEASON[dest][1]
                ctype, months = "seasonal", rng.randint(lo, hi)
            elif dest in {"KR", "JP"} or (dest == "AU" and occ in {"5321", "5322", "9412", "8160"}):
                ctype, months = "temporary", 36
            else:
                ctype, months = "permanent", None

            month = rng.choice(SEASON[dest][0]) if occ in SEASONAL else rng.randint(2, 9)
            start = date(2027, month, rng.choice([1, 1, 15]))

            langs = VACANCY_LANGUAGES.get((dest, occ), VACANCY_LANGUAGES.get((dest, "*"), []))
            required = REQUIRED_LANGUAGES.get(
                (dest, occ, title), REQUIRED_LANGUAGES.get((dest, occ, "*"), set())
            )
            isced = VACANCY_ISCED.get(occ)
            if dest in {"GB", "AU"} and occ == "5322":
                isced = None
            lo, hi = OPENINGS[occ]
            openings = over.get("openings", rng.randint(lo, hi))
            employer_pays = over.get("employer_pays_fees", pays)

            contract_text = {
                "seasonal": f"a seasonal contract of {months} months",
                "temporary": f"a fixed-term contract of {months} months",
                "permanent": "a permanent contract",
            }[ctype]
            levels = {lang: f"{LANGUAGE_NAMES[lang]} at {lvl} or above" for lang, lvl in langs}
            scored = [text for lang, text in levels.items() if lang not in required]
            needed = [text for lang, text in levels.items() if lang in required]
            lang_parts = [f"{' and '.join(scored)} expected"] if scored else []
            if needed:
                lang_parts.append(f"{' and '.join(needed)} needed from the first day of work")
            lang_text = " and ".join(lang_parts) or "no formal language certificate expected"
            fee_text = (
                "We pay all recruitment fees, visa costs and travel, and help with housing."
                if employer_pays
                else "Visa and travel costs are shared between worker and employer as set out in "
                "the contract."
            )
            description = (
                f"{rng.choice(DUTIES[occ])} {emp_name} offers {contract_text} in {region} at "
                f"{money_text(wage)}, with {lang_text}. {fee_text}"
            )
            out.append(
                {
                    "ref": f"demo-v-{len(out) + 1:03d}",
                    "employer": slug,
                    "title": title,
                    "description": description,
                    "destination_country": dest,
                    "region": region,
                    "occupation": occ,
                    "sector": over.get("sector", OCC_SECTOR[occ]),
                    "skills": pick_skills(rng, profiles[occ]),
                    "languages": [
                        {"language": lang, "min_level": lvl, "required": lang in required}
                        for lang, lvl in langs
                    ],
                    "min_isced": isced,
                    "min_experience_years": VACANCY_EXPERIENCE.get(occ),
                    "openings": openings,
                    "wage": wage,
                    "contract": {"type": ctype, "duration_months": months},
                    "start_date": start.isoformat(),
                    "employer_pays_fees": employer_pays,
                    "pathways": list(over.get("pathways", [])),
                    "status": over.get("status", "open"),
                }
            )
            for code in out[-1]["pathways"]:
                assert pathways[code]["destination_country"] == dest, (code, dest)
            assert required <= {lang for lang, _ in langs}, (title, required)
    return out


def pool_languages(
    rng: random.Random, country: str, occ: str, region: str | None
) -> list[dict[str, Any]]:
    native = INDIA_NATIVE.get(region or "", "hi") if country == "IN" else NATIVE[country]
    langs = [{"language": native, "level": "C2", "share": 1.0}]
    if country == "MX":
        langs[0]["share"] = 0.97
    prof, other = ENGLISH[country]
    total = 0.0
    for level, base in prof if occ in PROFESSIONAL else other:
        s = round(min(base * rng.uniform(0.8, 1.15), 0.98 - total), 2)
        if s > 0:
            langs.append({"language": "en", "level": level, "share": s})
            total += s
    for c, occs, lang, prob, levels in TARGET_LANGUAGES:
        if c != country or (occs != "*" and occ not in occs) or rng.random() >= prob:
            continue
        for level, (lo, hi) in levels:
            langs.append({"language": lang, "level": level, "share": share(rng, lo, hi)})
    # Two training rules may name the same language and level: merge them, cap each language at 1.
    merged: dict[tuple[str, str], float] = {}
    for entry in langs:
        key = (entry["language"], entry["level"])
        merged[key] = merged.get(key, 0.0) + entry["share"]
    totals: dict[str, float] = {}
    langs = []
    for (lang, level), sh in merged.items():
        sh = round(min(sh, 1.0 - totals.get(lang, 0.0)), 2)
        if sh > 0:
            totals[lang] = totals.get(lang, 0.0) + sh
            langs.append({"language": lang, "level": level, "share": sh})
    order = {lvl: i for i, lvl in enumerate(("C2", "C1", "B2", "B1", "A2", "A1"))}
    first = {}
    for entry in langs:
        first.setdefault(entry["language"], len(first))
    langs.sort(key=lambda e: (first[e["language"]], order[e["level"]]))
    return langs


def advance_german(pool: dict[str, Any]) -> None:
    """Move part of a nurse pool's German B1 share to B2 (see ADVANCED_GERMAN)."""
    if pool["occupation"] not in ADVANCED_GERMAN:
        return
    langs = pool["languages"]
    at = next(
        (i for i, e in enumerate(langs) if e["language"] == "de" and e["level"] == "B1"), None
    )
    if at is None or any(e["language"] == "de" and e["level"] == "B2" for e in langs):
        return
    rng = random.Random(f"{SEED}:advanced-german:{pool['ref']}")
    b1 = langs[at]["share"]
    moved = round(b1 * rng.uniform(*ADVANCED_GERMAN_FRACTION), 2)
    if moved <= 0:
        return
    rest = round(b1 - moved, 2)
    langs[at : at + 1] = [
        {"language": "de", "level": "B2", "share": moved},
        *([{"language": "de", "level": "B1", "share": rest}] if rest > 0 else []),
    ]


def pool_skills(
    rng: random.Random, profile: dict[str, list[str]], strong: bool
) -> list[dict[str, Any]]:
    ess, opt = profile["essential"], profile["optional"]
    lo = 0.65 if strong else 0.5
    skills = [(s, share(rng, lo, 0.98)) for s in ess]
    if rng.random() < 0.3:  # a gap: one essential skill rare in this pool
        i = rng.randrange(len(skills))
        skills[i] = (skills[i][0], share(rng, 0.05, 0.25))
    if rng.random() < 0.12:  # or not reported at all
        skills.pop(rng.randrange(len(skills)))
    for s in rng.sample(opt, rng.randint(len(opt) // 2, len(opt))):
        skills.append((s, share(rng, 0.1, 0.7)))
    have = {s for s, _ in skills}
    for s in rng.sample(EXTRA_SKILLS, 2):
        if s not in have and rng.random() < 0.5:
            skills.append((s, share(rng, 0.3, 0.9)))
    return [{"skill": s, "share": sh} for s, sh in skills]


def _free_region(
    taken: set[tuple[str, str | None, str, str | None]],
    slug: str,
    region: str | None,
    occ: str,
    sector: str | None,
    choices: list[str],
) -> str | None:
    """`region`, or when the ministry has a pool of that identity already, the first region of
    `choices` it has none in (no random draw: the pools after it stay as they were)."""
    if (slug, region, occ, sector) not in taken:
        return region
    free = [r for r in choices if (slug, r, occ, sector) not in taken]
    if not free:
        raise ValueError(f"no free region for another {occ} pool of {slug}")
    return free[0]


def build_pools(
    rng: random.Random, profiles: dict[str, dict[str, list[str]]]
) -> list[dict[str, Any]]:
    ministries = {m[0]: m for m in MINISTRIES}
    out: list[dict[str, Any]] = []
    strong_training = {
        ("PH", "2221"),
        ("IN", "2221"),
        ("KE", "2221"),
        ("IN", "2512"),
        ("VN", "7223"),
        ("VN", "8211"),
        ("FJ", "9211"),
        ("MX", "9211"),
        ("MA", "9211"),
    }
    # A pool's identity is (ministry, origin, region, occupation, sector): one pool each.
    taken: set[tuple[str, str | None, str, str | None]] = set()
    for slug, plan in POOL_PLAN.items():
        _s, _name, country, regions = ministries[slug]
        for occ, count in plan:
            for _ in range(count):
                choices = POOL_REGIONS.get((country, occ), regions)
                region = rng.choice(choices) if rng.random() > 0.08 else None
                lo, hi = HEADCOUNT[occ]
                headcount = int(round(rng.uniform(lo, hi) / 5) * 5) or lo
                isced = rng.choice(POOL_ISCED[occ])
                if country == "PH" and occ == "2221":
                    isced = 6  # BSN is the licensing requirement
                exp_lo, exp_hi = POOL_EXPERIENCE[occ]
                experience = round(rng.uniform(exp_lo, exp_hi) * 2) / 2
                if rng.random() < 0.15:
                    available = None
                else:
                    available = (date(2026, 9, 1) + timedelta(days=rng.randint(0, 300))).isoformat()
                sector = OCC_SECTOR[occ] if rng.random() > 0.15 else None
                region = _free_region(taken, slug, region, occ, sector, [*choices, *regions])
                taken.add((slug, region, occ, sector))
                out.append(
                    {
                        "ref": f"demo-p-{len(out) + 1:03d}",
                        "ministry": slug,
                        "origin_country": country,
                        "region": region,
                        "occupation": occ,
                        "sector": sector,
                        "headcount": headcount,
                        "skills": pool_skills(
                            rng, profiles[occ], (country, occ) in strong_training
                        ),
                        "languages": pool_languages(rng, country, occ, region),
                        "isced_level": isced,
                        "experience_years": experience,
                        "available_from": available,
                    }
                )
                advance_german(out[-1])
    return out


def load_profiles() -> dict[str, dict[str, list[str]]]:
    skills = {r["id"] for r in read_csv(TAX / "skills.csv")}
    profiles: dict[str, dict[str, list[str]]] = {}
    for row in read_csv(TAX / "occupation_skills.csv"):
        assert row["skill_id"] in skills, row
        prof = profiles.setdefault(row["isco_code"], {"essential": [], "optional": []})
        prof[row["relation"]].append(row["skill_id"])
    return profiles


def render() -> dict[Path, str]:
    profiles = load_profiles()
    pathways = {
        p["code"]: p
        for p in json.loads((DEMO / "pathways.json").read_text(encoding="utf-8"))["pathways"]
    }
    rng = random.Random(SEED)
    data = {
        DEMO / "organisations.json": build_organisations(),
        DEMO / "vacancies.json": {"vacancies": build_vacancies(rng, profiles, pathways)},
        DEMO / "pools.json": {"pools": build_pools(rng, profiles)},
    }
    return {
        path: json.dumps(obj, indent=2, ensure_ascii=False) + "\n" for path, obj in data.items()
    }


def main(argv: list[str]) -> int:
    outputs = render()
    if "--check" in argv:
        stale = [
            p.name
            for p, text in outputs.items()
            if not p.exists() or p.read_text(encoding="utf-8") != text
        ]
        if stale:
            print("stale demo files (run seed_data/generate_demo.py):", ", ".join(stale))
            return 1
        print("demo files are up to date")
        return 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
