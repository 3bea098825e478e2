#!/usr/bin/env python3
"""Validate the skills taxonomy and the demo data in seed_data/ and print a summary.

    .venv/bin/python seed_data/check_demo.py

Checks every code the loader will store (design.md section 2): ISCO-08 unit groups and prefixes
against taxonomy/isco08.csv, ISIC Rev.4 divisions/sections against taxonomy/isic_rev4.csv (each
only when the file exists), countries and languages through pycountry, skills against
taxonomy/skills.csv, CEFR levels, shares in 0..1, currencies against demo/exchange_rates.csv,
and the cross references (employers, ministries, pathway codes, users' organisations).

It then runs the matching engine (matching/, the one authority on the rules: this script only
turns the JSON into its records) on every (vacancy, pool) pair: relevance first, then
eligibility across the legal pathways, and prints how many pairs are relevant, how many are
eligible, which reasons block which relevant pairs, and how much the vacancies' required
languages limit the eligible headcount. Run it from the project's environment (it imports
matching, a pure library, but nothing of app/).

Exit status 1 when any check fails.
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pycountry

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))  # run as a script: the project root holds matching/

from matching import (  # noqa: E402
    ENGINE_VERSION,
    REASON_CODES,
    Context,
    ContractType,
    ExchangeRates,
    Importance,
    LanguageRequirement,
    Money,
    Pathway,
    PathwayKind,
    Pool,
    PoolLanguage,
    PoolSkill,
    SkillRequirement,
    Taxonomy,
    Vacancy,
    WagePeriod,
    assess,
    candidate_pathways,
    cefr_index,
    check_pathway,
)
from matching.components import is_relevant  # noqa: E402
from matching.eligibility import NO_PATHWAY  # noqa: E402

TAX = ROOT / "taxonomy"
DEMO = ROOT / "demo"

CEFR = ("A1", "A2", "B1", "B2", "C1", "C2")
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
API_KEY = re.compile(r"^imdi_demo_(employer|ministry|officer|admin)_([a-z0-9-]+)_([0-9a-f]{16})$")
PATHWAY_KINDS = {"work_visa", "bilateral_agreement", "seasonal_scheme", "g2g_programme"}
CONTRACTS = {"seasonal", "temporary", "permanent"}
PERIODS = {"hour", "month", "year"}
STATUSES = {"draft", "open", "filled", "closed"}
ROLE_KIND = {"employer": "employer", "ministry": "ministry", "officer": "agency", "admin": "agency"}

errors: list[str] = []
warnings: list[str] = []


def err(where: str, msg: str) -> None:
    errors.append(f"{where}: {msg}")


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


# ---- reference code lists ----------------------------------------------------------------------

ISCO_ALL: set[str] | None = None
ISCO_UNIT: set[str] | None = None
if (TAX / "isco08.csv").exists():
    rows = read_csv(TAX / "isco08.csv")
    ISCO_ALL = {r["code"] for r in rows}
    ISCO_UNIT = {r["code"] for r in rows if len(r["code"]) == 4}
ISIC_DIV: dict[str, str] | None = None
ISIC_SECTIONS: set[str] | None = None
if (TAX / "isic_rev4.csv").exists():
    rows = read_csv(TAX / "isic_rev4.csv")
    ISIC_DIV = {r["code"]: r["section"] for r in rows if r["level"] == "division"}
    ISIC_SECTIONS = {r["code"] for r in rows if r["level"] == "section"}
WHO: set[str] = set()
if (TAX / "who_safeguard_list_2023.json").exists():
    for c in load_json(TAX / "who_safeguard_list_2023.json")["countries"]:
        WHO.add(pycountry.countries.get(alpha_3=c["alpha3"]).alpha_2)
else:  # design.md section 4
    WHO = {"GH", "NG", "PK", "BD", "NP"}  # the ones that matter for this demo
    warnings.append("taxonomy/who_safeguard_list_2023.json missing: using a partial WHO list")


def check_isco_unit(where: str, code: Any) -> None:
    if not (isinstance(code, str) and re.fullmatch(r"\d{4}", code)):
        err(where, f"ISCO-08 unit group must be 4 digits, got {code!r}")
    elif ISCO_UNIT is not None and code not in ISCO_UNIT:
        err(where, f"unknown ISCO-08 unit group {code}")


def check_isco_prefix(where: str, code: Any) -> None:
    if not (isinstance(code, str) and re.fullmatch(r"\d{1,4}", code)):
        err(where, f"ISCO-08 prefix must be 1-4 digits, got {code!r}")
    elif ISCO_ALL is not None and code not in ISCO_ALL:
        err(where, f"unknown ISCO-08 code {code}")


def check_division(where: str, code: Any, allow_none: bool = True) -> None:
    if code is None and allow_none:
        return
    if not (isinstance(code, str) and re.fullmatch(r"\d{2}", code)):
        err(where, f"ISIC Rev.4 division must be 2 digits, got {code!r}")
    elif ISIC_DIV is not None and code not in ISIC_DIV:
        err(where, f"unknown ISIC Rev.4 division {code}")


def check_sector_code(where: str, code: Any) -> None:
    if isinstance(code, str) and re.fullmatch(r"[A-U]", code):
        if ISIC_SECTIONS is not None and code not in ISIC_SECTIONS:
            err(where, f"unknown ISIC Rev.4 section {code}")
    else:
        check_division(where, code, allow_none=False)


def check_country(where: str, code: Any) -> None:
    if not (isinstance(code, str) and len(code) == 2 and pycountry.countries.get(alpha_2=code)):
        err(where, f"unknown ISO 3166-1 alpha-2 country {code!r}")


def check_language(where: str, code: Any) -> None:
    if not (isinstance(code, str) and len(code) == 2 and pycountry.languages.get(alpha_2=code)):
        err(where, f"unknown ISO 639-1 language {code!r}")


def check_cefr(where: str, level: Any) -> None:
    if level not in CEFR:
        err(where, f"CEFR level must be one of {', '.join(CEFR)}, got {level!r}")


def check_share(where: str, value: Any) -> None:
    if not (isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1):
        err(where, f"share must be a number in 0..1, got {value!r}")


def check_date(where: str, value: Any, allow_none: bool = True) -> date | None:
    if value is None and allow_none:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        err(where, f"date must be YYYY-MM-DD, got {value!r}")
        return None


# ---- skills taxonomy ---------------------------------------------------------------------------

groups = read_csv(TAX / "skill_groups.csv")
skills = read_csv(TAX / "skills.csv")
occ_skills = read_csv(TAX / "occupation_skills.csv")

group_parent = {g["id"]: g["parent_id"] for g in groups}
if len(group_parent) != len(groups):
    err("skill_groups.csv", "duplicate group ids")
for g in groups:
    w = f"skill_groups.csv {g['id']}"
    if not (g["id"].startswith("grp-") and KEBAB.match(g["id"])):
        err(w, "id must be kebab-case starting with grp-")
    if not g["label"].strip():
        err(w, "empty label")
    if g["parent_id"]:
        if g["parent_id"] not in group_parent:
            err(w, f"unknown parent {g['parent_id']}")
        elif group_parent[g["parent_id"]]:
            err(w, "hierarchy deeper than 2 levels")
leaf_groups = {g["id"] for g in groups if g["parent_id"]}
top_groups = {g["id"] for g in groups if not g["parent_id"]}
for top in top_groups:
    if not any(group_parent[x] == top for x in leaf_groups):
        err(f"skill_groups.csv {top}", "top group without sub-groups")

skill_group: dict[str, str] = {}
labels: Counter[str] = Counter()
for s in skills:
    w = f"skills.csv {s['id']}"
    if not KEBAB.match(s["id"]) or s["id"].startswith("grp-"):
        err(w, "id must be kebab-case (and not grp-)")
    if s["id"] in skill_group or s["id"] in group_parent:
        err(w, "duplicate id")
    if s["group_id"] not in leaf_groups:
        err(w, f"group {s['group_id']!r} is not a leaf skill group")
    if not s["label"].strip() or not s["description"].strip():
        err(w, "empty label or description")
    if s["alt_labels"] and any(not a.strip() for a in s["alt_labels"].split("|")):
        err(w, "empty alternative label")
    labels[s["label"].casefold()] += 1
    skill_group[s["id"]] = s["group_id"]
for label, n in labels.items():
    if n > 1:
        err("skills.csv", f"label {label!r} used {n} times")
for leaf in leaf_groups:
    if leaf not in skill_group.values():
        err(f"skill_groups.csv {leaf}", "leaf group without skills")

profiles: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"essential": [], "optional": []})
seen_links: set[tuple[str, str]] = set()
for r in occ_skills:
    w = f"occupation_skills.csv {r['isco_code']}/{r['skill_id']}"
    check_isco_unit(w, r["isco_code"])
    if r["skill_id"] not in skill_group:
        err(w, "unknown skill")
    if r["relation"] not in ("essential", "optional"):
        err(w, f"relation must be essential|optional, got {r['relation']!r}")
        continue
    if (r["isco_code"], r["skill_id"]) in seen_links:
        err(w, "duplicate link")
    seen_links.add((r["isco_code"], r["skill_id"]))
    profiles[r["isco_code"]][r["relation"]].append(r["skill_id"])

# ---- demo data -------------------------------------------------------------------------------

rates = {}
for r in read_csv(DEMO / "exchange_rates.csv"):
    w = f"exchange_rates.csv {r['currency']}"
    if not pycountry.currencies.get(alpha_3=r["currency"]):
        err(w, "unknown ISO 4217 currency")
    try:
        rate = float(r["rate_to_eur"])
        assert rate > 0 and math.isfinite(rate)
    except (ValueError, AssertionError):
        err(w, f"rate must be a positive number, got {r['rate_to_eur']!r}")
        continue
    check_date(w, r["as_of"], allow_none=False)
    rates[r["currency"]] = rate
if rates.get("EUR") != 1.0:
    err("exchange_rates.csv", "EUR must have rate 1")


def check_money(where: str, m: Any) -> None:
    if not isinstance(m, dict) or set(m) != {"amount", "currency", "period"}:
        err(where, f"money must be {{amount, currency, period}}, got {m!r}")
        return
    if not (isinstance(m["amount"], int | float) and m["amount"] > 0):
        err(where, f"amount must be positive, got {m['amount']!r}")
    if m["currency"] not in rates:
        err(where, f"currency {m['currency']!r} has no rate in exchange_rates.csv")
    if m["period"] not in PERIODS:
        err(where, f"period must be hour|month|year, got {m['period']!r}")


org_data = load_json(DEMO / "organisations.json")
orgs = {o["slug"]: o for o in org_data["organisations"]}
if len(orgs) != len(org_data["organisations"]):
    err("organisations.json", "duplicate slugs")
for o in org_data["organisations"]:
    w = f"organisation {o['slug']}"
    if not KEBAB.match(o["slug"]):
        err(w, "slug must be kebab-case")
    if o["kind"] not in ("employer", "ministry", "agency"):
        err(w, f"bad kind {o['kind']!r}")
    check_country(w, o["country"])
emails: set[str] = set()
keys: set[str] = set()
for u in org_data["users"]:
    w = f"user {u['email']}"
    if u["email"] in emails:
        err(w, "duplicate email")
    emails.add(u["email"])
    if not u["email"].endswith(".example.org") and not u["email"].endswith("@example.org"):
        err(w, "demo emails must use example.org")
    org = orgs.get(u["organisation"])
    if org is None:
        err(w, f"unknown organisation {u['organisation']!r}")
    elif ROLE_KIND.get(u["role"]) != org["kind"]:
        err(w, f"role {u['role']!r} does not fit a {org['kind']} organisation")
    if not u.get("password"):
        err(w, "missing demo password")
    m = API_KEY.match(u.get("api_key", ""))
    if not m or m.group(1) != u["role"] or m.group(2) != u["organisation"]:
        err(w, "api_key must be imdi_demo_<role>_<slug>_<16 lowercase hex>")
    if u.get("api_key") in keys:
        err(w, "duplicate api key")
    keys.add(u.get("api_key"))

pathways = load_json(DEMO / "pathways.json")["pathways"]
pw_by_code = {p["code"]: p for p in pathways}
if len(pw_by_code) != len(pathways):
    err("pathways.json", "duplicate codes")
PATHWAY_KEYS = {
    "code",
    "name",
    "destination_country",
    "kind",
    "origin_countries",
    "occupations",
    "excluded_occupations",
    "sectors",
    "min_isced",
    "languages",
    "min_experience_years",
    "wage_threshold",
    "contract_types",
    "max_contract_months",
    "annual_quota",
    "government_to_government",
    "requires_employer_pays",
    "valid_from",
    "valid_to",
    "source",
}
for p in pathways:
    w = f"pathway {p['code']}"
    if set(p) != PATHWAY_KEYS:
        err(w, f"fields differ: missing {PATHWAY_KEYS - set(p)}, extra {set(p) - PATHWAY_KEYS}")
        continue
    if p["kind"] not in PATHWAY_KINDS:
        err(w, f"bad kind {p['kind']!r}")
    check_country(w, p["destination_country"])
    for c in p["origin_countries"]:
        check_country(w + " origin", c)
    for code in p["occupations"] + p["excluded_occupations"]:
        check_isco_prefix(w, code)
    for code in p["sectors"]:
        check_sector_code(w, code)
    if p["min_isced"] is not None and p["min_isced"] not in range(9):
        err(w, "min_isced must be 0..8")
    for lang in p["languages"]:
        check_language(w, lang["language"])
        check_cefr(w, lang["min_level"])
    if p["wage_threshold"] is not None:
        check_money(w + " wage_threshold", p["wage_threshold"])
    for c in p["contract_types"]:
        if c not in CONTRACTS:
            err(w, f"bad contract type {c!r}")
    for k in ("max_contract_months", "annual_quota"):
        if p[k] is not None and not (isinstance(p[k], int) and p[k] > 0):
            err(w, f"{k} must be a positive integer or null")
    vf, vt = check_date(w, p["valid_from"]), check_date(w, p["valid_to"])
    if vf and vt and vf > vt:
        err(w, "valid_from after valid_to")
    if not p["source"].strip() or not re.search(r"\b20\d\d\b", p["source"]):
        err(w, "source must name the scheme and the year of its figures")

vacancies = load_json(DEMO / "vacancies.json")["vacancies"]
pools = load_json(DEMO / "pools.json")["pools"]
used_occupations: set[str] = set()


def check_skill_list(where: str, items: list[dict], key: str) -> None:
    seen = set()
    for s in items:
        if s["skill"] not in skill_group:
            err(where, f"unknown skill {s['skill']!r}")
        if s["skill"] in seen:
            err(where, f"skill {s['skill']} listed twice")
        seen.add(s["skill"])
        if key == "importance" and s["importance"] not in ("essential", "optional"):
            err(where, f"importance must be essential|optional, got {s['importance']!r}")
        if key == "share":
            check_share(where, s["share"])


refs = set()
for v in vacancies:
    w = f"vacancy {v['ref']}"
    if v["ref"] in refs:
        err(w, "duplicate ref")
    refs.add(v["ref"])
    emp = orgs.get(v["employer"])
    if emp is None or emp["kind"] != "employer":
        err(w, f"employer {v['employer']!r} is not an employer organisation")
    elif emp["country"] != v["destination_country"]:
        err(w, "employer is not in the destination country")
    check_country(w, v["destination_country"])
    check_isco_unit(w, v["occupation"])
    used_occupations.add(v["occupation"])
    check_division(w, v["sector"])
    check_skill_list(w, v["skills"], "importance")
    if len({x["language"] for x in v["languages"]}) != len(v["languages"]):
        err(w, "a language is listed twice")
    for lang in v["languages"]:
        check_language(w, lang["language"])
        check_cefr(w, lang["min_level"])
        if not isinstance(lang.get("required", False), bool):
            err(w, f"languages: required must be a boolean, got {lang['required']!r}")
    if v["min_isced"] is not None and v["min_isced"] not in range(9):
        err(w, "min_isced must be 0..8")
    if not (isinstance(v["openings"], int) and v["openings"] >= 1):
        err(w, "openings must be an integer >= 1")
    check_money(w + " wage", v["wage"])
    if v["contract"]["type"] not in CONTRACTS:
        err(w, f"bad contract type {v['contract']['type']!r}")
    check_date(w, v["start_date"], allow_none=False)
    for code in v["pathways"]:
        if code not in pw_by_code:
            err(w, f"unknown pathway {code!r}")
        elif pw_by_code[code]["destination_country"] != v["destination_country"]:
            err(w, f"pathway {code} is for another destination")
    if v["status"] not in STATUSES:
        err(w, f"bad status {v['status']!r}")
    if not isinstance(v["employer_pays_fees"], bool):
        err(w, "employer_pays_fees must be a boolean")

refs = set()
for p in pools:
    w = f"pool {p['ref']}"
    if p["ref"] in refs:
        err(w, "duplicate ref")
    refs.add(p["ref"])
    mini = orgs.get(p["ministry"])
    if mini is None or mini["kind"] != "ministry":
        err(w, f"ministry {p['ministry']!r} is not a ministry organisation")
    elif mini["country"] != p["origin_country"]:
        err(w, "ministry is not in the origin country")
    check_country(w, p["origin_country"])
    check_isco_unit(w, p["occupation"])
    used_occupations.add(p["occupation"])
    check_division(w, p["sector"])
    if not (isinstance(p["headcount"], int) and p["headcount"] >= 1):
        err(w, "headcount must be an integer >= 1")
    check_skill_list(w, p["skills"], "share")
    per_language: Counter[str] = Counter()
    if len({(x["language"], x["level"]) for x in p["languages"]}) != len(p["languages"]):
        err(w, "a (language, level) is listed twice")
    for lang in p["languages"]:
        check_language(w, lang["language"])
        check_cefr(w, lang["level"])
        check_share(w, lang["share"])
        per_language[lang["language"]] += lang["share"]
    for lang, total in per_language.items():
        if total > 1 + 1e-9:
            err(w, f"shares of {lang} add up to {total:.2f} > 1")
    if p["isced_level"] not in range(9):
        err(w, "isced_level must be 0..8")
    if not (isinstance(p["experience_years"], int | float) and p["experience_years"] >= 0):
        err(w, "experience_years must be >= 0")
    check_date(w, p["available_from"])

for occ in sorted(used_occupations):
    prof = profiles.get(occ)
    if not prof or not prof["essential"]:
        err(f"occupation {occ}", "used by the demo data but has no essential skills")
    elif not (6 <= len(prof["essential"]) <= 10 and 4 <= len(prof["optional"]) <= 8):
        warnings.append(
            f"occupation {occ}: {len(prof['essential'])} essential, "
            f"{len(prof['optional'])} optional skills"
        )


# ---- the engine's verdicts -------------------------------------------------------------------
# Records are built from the JSON as the service's adapters build them from the database; the
# rules themselves are the engine's alone.


def money(m: dict) -> Money:
    return Money(float(m["amount"]), m["currency"], WagePeriod(m["period"]))


def optional_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def pathway_record(p: dict) -> Pathway:
    return Pathway(
        code=p["code"],
        name=p["name"],
        destination=p["destination_country"],
        kind=PathwayKind(p["kind"]),
        origins=frozenset(p["origin_countries"]),
        occupations=tuple(p["occupations"]),
        excluded_occupations=tuple(p["excluded_occupations"]),
        sectors=frozenset(p["sectors"]),
        min_isced=p["min_isced"],
        languages=tuple(
            LanguageRequirement(x["language"], cefr_index(x["min_level"])) for x in p["languages"]
        ),
        min_experience_years=p["min_experience_years"],
        wage_threshold=money(p["wage_threshold"]) if p["wage_threshold"] else None,
        contract_types=frozenset(ContractType(c) for c in p["contract_types"]),
        max_contract_months=p["max_contract_months"],
        annual_quota=p["annual_quota"],
        government_to_government=p["government_to_government"],
        requires_employer_pays=p["requires_employer_pays"],
        valid_from=optional_date(p["valid_from"]),
        valid_to=optional_date(p["valid_to"]),
    )


def vacancy_record(v: dict, *, with_required: bool = True) -> Vacancy:
    """`with_required=False`: the same vacancy with no language required (to show the effect)."""
    return Vacancy(
        id=v["ref"],
        destination=v["destination_country"],
        occupation=v["occupation"],
        start_date=date.fromisoformat(v["start_date"]),
        openings=v["openings"],
        sector=v["sector"],
        skills=tuple(
            SkillRequirement(s["skill"], Importance(s["importance"])) for s in v["skills"]
        ),
        languages=tuple(
            LanguageRequirement(
                x["language"],
                cefr_index(x["min_level"]),
                required=with_required and bool(x.get("required", False)),
            )
            for x in v["languages"]
        ),
        min_isced=v["min_isced"],
        min_experience_years=v["min_experience_years"],
        wage=money(v["wage"]) if v["wage"] else None,
        contract_type=ContractType(v["contract"]["type"]),
        contract_months=v["contract"]["duration_months"],
        employer_pays_fees=v["employer_pays_fees"],
        pathways=tuple(v["pathways"]),
    )


def pool_record(p: dict) -> Pool:
    return Pool(
        id=p["ref"],
        origin=p["origin_country"],
        occupation=p["occupation"],
        headcount=p["headcount"],
        isced_level=p["isced_level"],
        experience_years=float(p["experience_years"]),
        sector=p["sector"],
        skills=tuple(PoolSkill(s["skill"], s["share"]) for s in p["skills"]),
        languages=tuple(
            PoolLanguage(x["language"], cefr_index(x["level"]), x["share"]) for x in p["languages"]
        ),
        available_from=optional_date(p["available_from"]),
    )


codes_valid = not errors  # the engine needs valid codes and references
if codes_valid:
    # No approvals in the seed data: no quota is used and every pool is fully available.
    ctx = Context(
        taxonomy=Taxonomy(
            sector_section=ISIC_DIV or {}, skill_group=skill_group, who_safeguard=frozenset(WHO)
        ),
        pathways=tuple(pathway_record(p) for p in pathways),
        rates=ExchangeRates("EUR", rates),
    )
    pool_records = [pool_record(p) for p in pools]
    closest: Counter[str] = Counter()
    closest_open: Counter[str] = Counter()
    any_fail: Counter[str] = Counter()
    used_pathway: Counter[str] = Counter()
    relevant_pairs = who_pairs = 0
    per_vacancy = []
    required_effect = []
    for v in vacancies:
        vacancy = vacancy_record(v)
        relaxed = vacancy_record(v, with_required=False)
        candidates = candidate_pathways(vacancy, ctx)
        n_relevant = n_ok = same_occ = hc_total = hc_relaxed = 0
        for pool, p in zip(pool_records, pools, strict=True):
            if not is_relevant(vacancy, pool, ctx.taxonomy):
                continue  # not a match at all: never ranked, counted or listed as blocked
            n_relevant += 1
            verdict = assess(vacancy, pool, ctx)
            for pathway in candidates:
                any_fail.update(r.code for r in check_pathway(vacancy, pool, pathway, ctx).reasons)
            if verdict.eligible:
                n_ok += 1
                hc_total += verdict.eligible_headcount
                used_pathway[verdict.pathway or ""] += 1
                same_occ += p["occupation"] == v["occupation"]
            else:
                codes = [r.code for r in verdict.reasons]
                closest.update(codes)
                if v["status"] == "open":
                    closest_open.update(codes)
                who_pairs += "ethical_recruitment_health" in codes
            if vacancy.languages != relaxed.languages:
                hc_relaxed += assess(relaxed, pool, ctx).eligible_headcount
        relevant_pairs += n_relevant
        per_vacancy.append((v, n_relevant, n_ok, same_occ, hc_total))
        if vacancy.languages != relaxed.languages:
            required_effect.append((v, hc_relaxed, hc_total))
        # Relevance keeps unrelated pools out, so a vacancy through a narrow pathway (one
        # origin country) may have few: each open one needs one of its own occupation at least.
        if v["status"] == "open" and same_occ < 1:
            err(
                f"vacancy {v['ref']}",
                f"open but no eligible pool of its occupation ({n_ok} eligible pools): "
                "its ranking would show nothing the employer asked for",
            )
        elif v["status"] == "open" and n_ok < 3:
            warnings.append(f"vacancy {v['ref']}: open with only {n_ok} eligible pools")

# ---- summary -------------------------------------------------------------------------------------

print("Skills taxonomy")
print(f"  skill groups: {len(groups)} ({len(top_groups)} top, {len(leaf_groups)} leaf)")
print(f"  skills: {len(skills)}")
print(f"  occupation-skill links: {len(occ_skills)} for {len(profiles)} ISCO unit groups")
print("Demo data")


def counts(items: Any) -> str:
    return ", ".join(f"{n} {k}" for k, n in sorted(Counter(items).items()))


print(f"  organisations: {len(orgs)} ({counts(o['kind'] for o in orgs.values())})")
print(f"  users: {len(org_data['users'])} ({counts(u['role'] for u in org_data['users'])})")
print(
    f"  pathways: {len(pathways)} in "
    f"{len({p['destination_country'] for p in pathways})} destinations"
)
print(f"  exchange rates: {len(rates)} currencies")
print(
    f"  vacancies: {len(vacancies)} ({counts(v['status'] for v in vacancies)}), "
    f"{sum(v['openings'] for v in vacancies)} openings"
)
print(f"    by destination: {counts(v['destination_country'] for v in vacancies)}")
print(f"  pools: {len(pools)}, {sum(p['headcount'] for p in pools)} workers")
print(f"    by origin: {counts(p['origin_country'] for p in pools)}")
print(f"  ISCO unit groups used: {len(used_occupations)}: {' '.join(sorted(used_occupations))}")
print(
    f"  ISCO file: {'checked' if ISCO_UNIT else 'absent, format only'}; "
    f"ISIC file: {'checked' if ISIC_DIV else 'absent, format only'}"
)

if codes_valid:
    print(
        f"Eligibility by the engine (matching {ENGINE_VERSION}; no approvals, so no quota use "
        "and every pool fully available)"
    )
    total = len(vacancies) * len(pools)
    n_eligible = sum(n for _, _, n, _, _ in per_vacancy)
    print(
        f"  pairs: {total}, relevant (ISCO minor group or skills >= 0.5): {relevant_pairs}, "
        f"eligible: {n_eligible}, blocked: {relevant_pairs - n_eligible}"
    )
    print(
        "  eligible pairs by best pathway: "
        + ", ".join(f"{c} {n}" for c, n in sorted(used_pathway.items()))
    )
    print("  reasons of the closest pathway, blocked relevant pairs (all / open vacancies):")
    known = (*REASON_CODES, NO_PATHWAY)
    for code in (*known, *sorted(set(closest) - set(known))):
        if closest[code] or any_fail[code]:
            print(
                f"    {code:28s} {closest[code]:6d} / {closest_open[code]:6d}"
                f"   (fails some pathway in {any_fail[code]} pair-pathway checks)"
            )
    print(f"  pairs blocked by the WHO safeguard rule: {who_pairs}")
    print("  per vacancy: relevant pools, eligible pools (of its occupation), eligible headcount")
    for v, n_relevant, n, same, hc in per_vacancy:
        print(
            f"    {v['ref']} {v['status']:6s} {v['destination_country']} {v['occupation']} "
            f"{n_relevant:4d} {n:4d} ({same:2d}) {hc:7d}  {v['title']}"
        )
    print("  languages required at the start of work: eligible headcount without -> with them")
    for v, before, after in required_effect:
        needed = ", ".join(
            f"{x['language']} {x['min_level']}" for x in v["languages"] if x.get("required")
        )
        print(f"    {v['ref']} {needed:6s} {before:7d} -> {after:7d}  {v['title']}")
    small = [p for p in pathways if p["annual_quota"] and p["annual_quota"] <= 100]
    for p in small:
        named = [v for v in vacancies if p["code"] in v["pathways"] and v["status"] == "open"]
        print(
            f"  small quota {p['code']}: {p['annual_quota']} a year; open vacancies naming it "
            f"ask for {sum(v['openings'] for v in named)} workers"
        )

for w in warnings:
    print("warning:", w)
if errors:
    print(f"{len(errors)} error(s):")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("OK")
