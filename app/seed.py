"""Loads seed_data/: taxonomies and reference lists (upserted) and, for the demo, exchange rates,
legal pathways, organisations, users, keys, vacancies and pools (created once).

Idempotent: a second run changes nothing. Taxonomy rows are brought in line with the files;
pathways, organisations, users, keys, vacancies and pools are created when missing and never
overwritten, because after the first load they belong to the people who use them.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

import app.models  # noqa: F401  (every mapper must be known before the first flush)
from app import changes
from app.auth.models import ApiKey, Organisation, User
from app.auth.security import display_prefix, hash_api_key, hash_password
from app.common.codes import alpha2_of
from app.config import PROJECT_ROOT
from app.db import settings_of
from app.pathways.models import ExchangeRate, LegalPathway
from app.pathways.values import pathway_values
from app.pools.models import Pool, PoolLanguage, PoolSkill
from app.taxonomy.models import (
    Occupation,
    OccupationSkill,
    OccupationTitle,
    SafeguardCountry,
    Sector,
    Skill,
)
from app.vacancies.models import Vacancy, VacancyLanguage, VacancySkill, VacancyStatus

log = logging.getLogger("imdi.seed")

SEED_ROOT = PROJECT_ROOT / "seed_data"


@dataclass
class SeedReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, what: str, n: int = 1) -> None:
        bucket = self.created if kind == "created" else self.updated
        bucket[what] = bucket.get(what, 0) + n

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        yield from csv.DictReader(fh)


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _sync(
    session: Session,
    report: SeedReport,
    what: str,
    existing: dict[Any, Any],
    key: Any,
    factory: type,
    values: dict[str, Any],
) -> None:
    """Create the row when missing, or set the attributes that differ."""
    obj = existing.get(key)
    if obj is None:
        session.add(factory(**values))
        report.add("created", what)
        return
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    if changed:
        report.add("updated", what)


# ---- taxonomies ------------------------------------------------------------------------------


def load_taxonomy(session: Session, report: SeedReport, root: Path = SEED_ROOT) -> None:
    tax = root / "taxonomy"

    occupations = {o.code: o for o in session.scalars(select(Occupation))}
    # Parents before children so that the self-referencing foreign key always holds.
    for row in sorted(_rows(tax / "isco08.csv"), key=lambda r: (len(r["code"]), r["code"])):
        code = row["code"]
        _sync(
            session,
            report,
            "occupations",
            occupations,
            code,
            Occupation,
            {
                "code": code,
                "level": int(row["level"]),
                "title": row["title"].strip(),
                "parent_code": code[:-1] or None,
            },
        )
        session.flush()

    sectors = {s.code: s for s in session.scalars(select(Sector))}
    rows = sorted(_rows(tax / "isic_rev4.csv"), key=lambda r: r["level"] != "section")
    for row in rows:
        _sync(
            session,
            report,
            "sectors",
            sectors,
            row["code"],
            Sector,
            {
                "code": row["code"],
                "level": row["level"],
                "title": row["title"].strip(),
                "section_code": row["section"] if row["level"] == "division" else None,
            },
        )
    session.flush()

    skills = {s.id: s for s in session.scalars(select(Skill))}
    groups = list(_rows(tax / "skill_groups.csv"))
    # Top groups first: a group's parent must exist before it.
    for row in sorted(groups, key=lambda r: bool(r["parent_id"])):
        _sync(
            session,
            report,
            "skill groups",
            skills,
            row["id"],
            Skill,
            {
                "id": row["id"],
                "label": row["label"].strip(),
                "is_group": True,
                "parent_id": row["parent_id"] or None,
                "source": "builtin",
            },
        )
        session.flush()
    for row in _rows(tax / "skills.csv"):
        alt = [a.strip() for a in row.get("alt_labels", "").split("|") if a.strip()]
        _sync(
            session,
            report,
            "skills",
            skills,
            row["id"],
            Skill,
            {
                "id": row["id"],
                "label": row["label"].strip(),
                "alt_labels": alt,
                "description": row.get("description", "").strip(),
                "is_group": False,
                "parent_id": row["group_id"] or None,
                "source": "builtin",
            },
        )
    session.flush()

    links = {(r.occupation_code, r.skill_id): r for r in session.scalars(select(OccupationSkill))}
    for row in _rows(tax / "occupation_skills.csv"):
        key = (row["isco_code"], row["skill_id"])
        _sync(
            session,
            report,
            "occupation skills",
            links,
            key,
            OccupationSkill,
            {
                "occupation_code": row["isco_code"],
                "skill_id": row["skill_id"],
                "relation": row["relation"],
            },
        )
    session.flush()

    # Common job titles per unit group: the examples that job-title coding learns from.
    titles = {(t.occupation_code, t.title): t for t in session.scalars(select(OccupationTitle))}
    wanted_titles = {(r["isco_code"], r["title"].strip()) for r in _rows(tax / "job_titles.csv")}
    for key, title in titles.items():
        if title.source == "builtin" and key not in wanted_titles:  # dropped from the file
            session.delete(title)
            report.add("updated", "occupation titles")
    for code, text in sorted(wanted_titles):
        _sync(
            session,
            report,
            "occupation titles",
            titles,
            (code, text),
            OccupationTitle,
            {
                "occupation_code": code,
                "title": text,
                "source": "builtin",
            },
        )
    session.flush()

    who = _json(tax / "who_safeguard_list_2023.json")
    wanted = {alpha2_of(c["alpha3"]): c for c in who["countries"]}
    listed = {c.country: c for c in session.scalars(select(SafeguardCountry))}
    for country in set(listed) - set(wanted):  # a revised list drops countries too
        session.delete(listed.pop(country))
        report.add("updated", "safeguard countries")
    for a2, c in wanted.items():
        _sync(
            session,
            report,
            "safeguard countries",
            listed,
            a2,
            SafeguardCountry,
            {
                "country": a2,
                "alpha3": c["alpha3"],
                "who_region": c["who_region"],
                "list_year": int(who["year"]),
            },
        )
    session.flush()


# ---- reference data: exchange rates and legal pathways -----------------------------------------


def load_rates(session: Session, report: SeedReport, root: Path = SEED_ROOT) -> None:
    existing = {(r.currency, r.as_of): r for r in session.scalars(select(ExchangeRate))}
    for row in _rows(root / "demo" / "exchange_rates.csv"):
        as_of = date.fromisoformat(row["as_of"])
        key = (row["currency"], as_of)
        _sync(
            session,
            report,
            "exchange rates",
            existing,
            key,
            ExchangeRate,
            {
                "currency": row["currency"],
                "as_of": as_of,
                "rate": Decimal(row["rate_to_eur"]),
                "base": "EUR",
            },
        )
    session.flush()


def load_pathways(session: Session, report: SeedReport, root: Path = SEED_ROOT) -> None:
    existing = set(session.scalars(select(LegalPathway.code)))
    for p in _json(root / "demo" / "pathways.json")["pathways"]:
        if p["code"] not in existing:
            session.add(LegalPathway(**pathway_values(p)))
            report.add("created", "pathways")
    session.flush()


# ---- demo organisations, users, vacancies, pools ------------------------------------------------


def load_demo(session: Session, report: SeedReport, root: Path = SEED_ROOT) -> list[dict[str, str]]:
    """Create the demo organisations, users, keys, vacancies and pools; return the credentials."""
    data = _json(root / "demo" / "organisations.json")
    orgs = {o.slug: o for o in session.scalars(select(Organisation))}
    for o in data["organisations"]:
        if o["slug"] not in orgs:
            org = Organisation(slug=o["slug"], name=o["name"], kind=o["kind"], country=o["country"])
            session.add(org)
            orgs[o["slug"]] = org
            report.add("created", "organisations")
    session.flush()

    users = {u.email: u for u in session.scalars(select(User))}
    key_hashes = set(session.scalars(select(ApiKey.key_hash)))
    credentials = []
    for u in data["users"]:
        user = users.get(u["email"])
        if user is None:
            user = User(
                email=u["email"],
                name=u["name"],
                role=u["role"],
                organisation_id=orgs[u["organisation"]].id,
                password_hash=hash_password(u["password"]),
            )
            session.add(user)
            session.flush()
            users[u["email"]] = user
            report.add("created", "users")
        if u.get("api_key") and hash_api_key(u["api_key"]) not in key_hashes:
            session.add(
                ApiKey(
                    user_id=user.id,
                    name="demo key",
                    prefix=display_prefix(u["api_key"]),
                    key_hash=hash_api_key(u["api_key"]),
                )
            )
            report.add("created", "api keys")
        credentials.append(
            {
                "role": u["role"],
                "email": u["email"],
                "password": u["password"],
                "api_key": u.get("api_key", ""),
                "organisation": u["organisation"],
            }
        )
    session.flush()

    _load_vacancies(session, report, orgs, _json(root / "demo" / "vacancies.json")["vacancies"])
    _load_pools(session, report, orgs, _json(root / "demo" / "pools.json")["pools"])
    return credentials


def _load_vacancies(
    session: Session, report: SeedReport, orgs: dict[str, Organisation], items: Iterable[dict]
) -> None:
    seen = set(session.execute(select(Vacancy.employer_id, Vacancy.external_ref)))
    for v in items:
        employer = orgs[v["employer"]]
        if (employer.id, v["ref"]) in seen:
            continue
        wage = v.get("wage") or {}
        contract = v.get("contract") or {}
        vacancy = Vacancy(
            employer_id=employer.id,
            external_ref=v["ref"],
            title=v["title"],
            description=v.get("description", ""),
            destination_country=v["destination_country"],
            region=v.get("region"),
            occupation_code=v["occupation"],
            sector_code=v.get("sector"),
            min_isced=v.get("min_isced"),
            min_experience_years=v.get("min_experience_years"),
            openings=v["openings"],
            wage_amount=Decimal(str(wage["amount"])) if wage else None,
            wage_currency=wage.get("currency"),
            wage_period=wage.get("period"),
            contract_type=contract.get("type", "permanent"),
            contract_months=contract.get("duration_months"),
            start_date=date.fromisoformat(v["start_date"]),
            employer_pays_fees=bool(v.get("employer_pays_fees")),
            pathway_codes=list(v.get("pathways") or []),
            status=v.get("status", VacancyStatus.OPEN),
        )
        session.add(vacancy)
        session.flush()
        for pos, s in enumerate(v.get("skills") or []):
            session.add(
                VacancySkill(
                    vacancy_id=vacancy.id,
                    skill_id=s["skill"],
                    importance=s["importance"],
                    position=pos,
                )
            )
        for lang in v.get("languages") or []:
            session.add(
                VacancyLanguage(
                    vacancy_id=vacancy.id,
                    language=lang["language"],
                    min_level=lang["min_level"],
                    # Needed at the start of work (design section 3); absent = scored only.
                    required=bool(lang.get("required", False)),
                )
            )
        report.add("created", "vacancies")
    session.flush()


def _load_pools(
    session: Session, report: SeedReport, orgs: dict[str, Organisation], items: Iterable[dict]
) -> None:
    seen = set(session.execute(select(Pool.ministry_id, Pool.external_ref)))
    for p in items:
        ministry = orgs[p["ministry"]]
        if (ministry.id, p["ref"]) in seen:
            continue
        pool = Pool(
            ministry_id=ministry.id,
            external_ref=p["ref"],
            origin_country=p["origin_country"],
            region=p.get("region"),
            occupation_code=p["occupation"],
            sector_code=p.get("sector"),
            headcount=p["headcount"],
            isced_level=p["isced_level"],
            experience_years=p["experience_years"],
            available_from=_date(p.get("available_from")),
        )
        session.add(pool)
        session.flush()
        for s in p.get("skills") or []:
            session.add(PoolSkill(pool_id=pool.id, skill_id=s["skill"], share=s["share"]))
        for lang in p.get("languages") or []:
            session.add(
                PoolLanguage(
                    pool_id=pool.id,
                    language=lang["language"],
                    level=lang["level"],
                    share=lang["share"],
                )
            )
        report.add("created", "pools")
    session.flush()


class DemoRefused(RuntimeError):
    """The demo data was asked for where it must never be (production)."""


def seed(
    session: Session,
    *,
    demo: bool = True,
    root: Path = SEED_ROOT,
) -> tuple[SeedReport, list[dict[str, str]]]:
    if demo and settings_of(session).environment == "production":
        # Its users' passwords and API keys are published in the repository (seed_data/demo).
        raise DemoRefused("the demo data is never loaded in production")
    report = SeedReport()
    load_taxonomy(session, report, root)
    if not demo:
        return report, []
    # Exchange rates and pathways are modelled on real ones for the demo; a deployment
    # maintains its own through the API.
    load_rates(session, report, root)
    load_pathways(session, report, root)
    credentials = load_demo(session, report, root)
    if report.changed:
        # Markets built before the seed rebuild (the taxonomy may have changed under them).
        changes.record(session, taxonomy=True)
    return report, credentials
