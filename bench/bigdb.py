"""A national-scale PostgreSQL database for bench_service: 1,000,000 pools and 100,000 vacancies
(design section 11), built in minutes by COPY from the seeded generator (bench/synthetic.py).

    .venv/bin/python -m bench.bigdb --pools 20000 --vacancies 2000 [--keep]

What it builds on a fresh database `imdi_bench_<hex>`:
- the schema by the project's migrations, the taxonomy by the project's seed (no demo data);
- the generator's world mapped onto what the foreign keys accept: its 436 ISCO-like codes onto
  the 436 real ISCO-08 unit groups of the seeded `occupations` table (1:1, in sorted order,
  keeping minor, sub-major and major groups as far as the two hierarchies' group sizes allow),
  its 13,900 skills and ~300 skill groups inserted into `skills` (ids `bench-s00042`,
  `bench-g017`, each skill's group as its parent); sectors are real ISIC divisions and
  countries pycountry alpha-2 already;
- its ~30 legal pathways (occupation prefixes translated through the same mapping, so that
  each covers exactly the units it covered) and its exchange rates (CHF still missing on
  purpose);
- one ministry per origin country, a few hundred employers in the destinations, and one officer,
  one employer and one ministry user (the Philippines, whose microdata sample bench_service
  uploads) with API keys, stored as the service stores them;
- in one transaction, the vacancies and pools with their skills and languages. Pools get unique
  identities per ministry (region from the country's pycountry subdivisions, numbered
  districts where one region would hold the same occupation and sector twice) and the identity
  key the model defines (app/pools/models.identity_key).

No match rows and no audit events are stored for the bulk rows: rankings are computed on read
(match rows exist only for decided pairs), and the change feed starts at 0, so a server builds
its market from the tables as they are. Quota already used and
approved headcounts (synthetic.with_approvals) would need decisions on matches and are left
out. Column lists come from the SQLAlchemy tables (Base.metadata): a column the builder does
not fill takes its model default, or stays NULL when nullable; a new NOT NULL column without a
default stops the build with its name, so the builder follows schema changes.

How it is fast (measured on 2 busy cores, per 750,000 pool-skill rows): binary COPY through
psycopg's write_row, ~2x faster for the server than text; the bulk tables' primary keys,
unique constraints, foreign keys (in and out) and secondary indexes dropped for the load and
re-created at the end (sorted index builds, every row validated at once), ~2x faster than
maintaining them row by row; ids are random UUIDs generated in sorted order; the tables are
truncated in the load's transaction so that COPY FREEZE writes the rows frozen and visible
(no VACUUM has to visit them later); ANALYZE at the end.
"""

from __future__ import annotations

import argparse
import itertools
import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
import psycopg
import pycountry
from sqlalchemy import Table, create_engine, select, text
from sqlalchemy.engine import make_url

import app.models  # noqa: F401  (every table in Base.metadata)
from app.auth.models import ApiKey, Organisation, User
from app.auth.security import display_prefix, generate_api_key, hash_api_key
from app.common.principal import Role
from app.config import Settings
from app.db import Base, Database
from app.migrate import upgrade
from app.pathways.models import ExchangeRate, LegalPathway
from app.pathways.values import pathway_values
from app.pools.models import identity_key, normalise_region
from app.seed import seed as seed_taxonomy
from app.taxonomy.models import Occupation, Sector
from bench.synthetic import (
    DESTINATIONS,
    RATES,
    World,
    make_pool_columns,
    make_vacancies,
    make_world,
)
from matching.ranker import NO_DATE, PoolColumns
from matching.records import CEFR_LEVELS, Pathway, Vacancy

PG_ADMIN = os.environ.get(
    "IMDI_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
DB_PREFIX = "imdi_bench_"
#: The ministry whose user uploads in bench_service: the microdata sample is Philippine.
BENCH_MINISTRY_COUNTRY = "PH"
BENCH_EMPLOYER_COUNTRY = "DE"
N_EMPLOYERS = 300
#: Pools per COPY batch (each batch ~15 x as many skill rows).
POOL_BATCH = 50_000
#: Tables loaded in bulk: their constraints and indexes are dropped for the load.
BULK_TABLES = (
    "vacancies",
    "vacancy_skills",
    "vacancy_languages",
    "pools",
    "pool_skills",
    "pool_languages",
)


# ---- databases ---------------------------------------------------------------------------------


def database_url(name: str, admin: str = PG_ADMIN) -> str:
    return make_url(admin).set(database=name).render_as_string(hide_password=False)


def libpq_url(url: str) -> str:
    """The SQLAlchemy URL as psycopg takes it (no '+psycopg' driver suffix)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _admin(sql: str, admin: str = PG_ADMIN) -> None:
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def create_database(admin: str = PG_ADMIN) -> str:
    name = f"{DB_PREFIX}{uuid.uuid4().hex[:8]}"
    _admin(f'CREATE DATABASE "{name}"', admin)
    return name


def drop_database(name: str, admin: str = PG_ADMIN) -> None:
    if not name.startswith(DB_PREFIX):  # never anything but a benchmark's own database
        raise ValueError(f"refusing to drop {name!r}: not a {DB_PREFIX}* database")
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', admin)


# ---- COPY in binary format ----------------------------------------------------------------------


@dataclass(frozen=True)
class Const:
    """One value for every row of a COPY."""

    value: Any


Column = Sequence[Any] | Const


def plan_columns(table: Table, given: dict[str, Column]) -> dict[str, Column]:
    """The columns to COPY: those given, plus the model defaults of the others.

    Raises for a NOT NULL column with neither a value nor a default, naming it, so that a
    schema change shows up here rather than as a COPY error deep in the load."""
    unknown = set(given) - set(table.c.keys())
    if unknown:
        raise ValueError(f"{table.name} has no column {sorted(unknown)}")
    out: dict[str, Column] = {}
    for col in table.columns:
        if col.name in given:
            out[col.name] = given[col.name]
        elif col.server_default is not None:
            continue  # the database fills it
        elif col.default is not None and not col.primary_key:
            default: Any = col.default
            out[col.name] = Const(default.arg(None) if default.is_callable else default.arg)
        elif not col.nullable:
            raise ValueError(
                f"{table.name}.{col.name} is NOT NULL and has no default: bench/bigdb.py "
                "must fill it"
            )
    return out


def _column_types(cur: psycopg.Cursor, table: str) -> dict[str, int]:
    cur.execute(
        "SELECT attname, atttypid::int FROM pg_attribute "
        "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
        (table,),
    )
    return dict(cur.fetchall())


def copy_rows(
    cur: psycopg.Cursor, table: Table, n: int, given: dict[str, Column], *, freeze: bool = False
) -> int:
    """COPY n rows into `table` in the binary format (measured: about twice as fast as text
    for the server, which parses nothing), from Python values (a sequence of n per column,
    or a Const). `freeze` writes the rows frozen (the table must be new or truncated in this
    transaction), so no VACUUM has to visit them afterwards."""
    if n == 0:
        return 0
    columns = plan_columns(table, given)
    names = list(columns)
    types = _column_types(cur, table.name)
    series = []
    for name in names:
        value = columns[name]
        if isinstance(value, Const):
            series.append(itertools.repeat(value.value, n))
        else:
            if len(value) != n:
                raise ValueError(f"{table.name}.{name}: {len(value)} values for {n} rows")
            series.append(value)
    options = "FORMAT BINARY, FREEZE" if freeze else "FORMAT BINARY"
    with cur.copy(f"COPY {table.name} ({', '.join(names)}) FROM STDIN ({options})") as copy:
        copy.set_types([types[name] for name in names])
        for row in zip(*series, strict=False):
            copy.write_row(row)
    return n


Saved = tuple[list[tuple[str, str, str, str]], list[tuple[str, str]]]


def drop_constraints(cur: psycopg.Cursor, tables: Sequence[str]) -> Saved:
    """Drop the foreign keys into and out of `tables`, their primary keys, unique constraints
    and secondary indexes; `restore_constraints` re-creates them in that order (keys before
    the foreign keys that need them), validating every row at once."""
    cur.execute(
        """
        SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid), c.contype
        FROM pg_constraint c
        WHERE (c.contype = 'f' AND (c.conrelid::regclass::text = ANY(%(t)s)
                                    OR c.confrelid::regclass::text = ANY(%(t)s)))
           OR (c.contype IN ('p', 'u') AND c.conrelid::regclass::text = ANY(%(t)s))
        ORDER BY c.contype = 'f', c.contype, c.conname
        """,
        {"t": list(tables)},
    )
    constraints = cur.fetchall()  # keys first, foreign keys last: the order of re-creation
    cur.execute(
        """
        SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
        FROM pg_index i
        WHERE i.indrelid::regclass::text = ANY(%(t)s)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        ORDER BY 1
        """,
        {"t": list(tables)},
    )
    indexes = cur.fetchall()
    for table, name, _, _ in reversed(constraints):  # foreign keys first
        cur.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _ in indexes:
        cur.execute(f"DROP INDEX {name}")
    return constraints, indexes


def restore_constraints(
    cur: psycopg.Cursor, saved: Saved, log: Callable[[str], None] = lambda _: None
) -> None:
    constraints, indexes = saved
    statements = [
        f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'
        for table, name, definition, _ in constraints
    ] + [definition for _, definition in indexes]
    for sql in statements:
        t0 = time.perf_counter()
        cur.execute(sql)
        seconds = time.perf_counter() - t0
        if seconds >= 1.0:
            log(f"    {seconds:5.1f} s  {sql[:90]}")


# ---- mapping the generator's codes onto the database's ----------------------------------------


def map_occupations(synthetic: Sequence[str], real: Sequence[str]) -> dict[str, str]:
    """A 1:1 map of synthetic 4-digit codes onto real ISCO-08 unit groups.

    Deterministic and in sorted order: first every synthetic unit takes a free real unit of the
    same minor group (3 digits), then of the same sub-major (2), then major (1) group, then any;
    so the hierarchy is kept wherever the real groups have room. Synthetic and real sub-major
    groups are the same 43 codes, so most units keep their sub-major group."""
    synthetic, real = sorted(synthetic), sorted(real)
    if len(synthetic) > len(real):
        raise ValueError(f"{len(synthetic)} synthetic occupations for {len(real)} unit groups")
    free = list(real)
    out: dict[str, str] = {}
    for digits in (3, 2, 1, 0):
        for code in synthetic:
            if code in out:
                continue
            for i, candidate in enumerate(free):
                if candidate[:digits] == code[:digits]:
                    out[code] = free.pop(i)
                    break
    return out


def map_prefixes(prefixes: Iterable[str], occupation_map: dict[str, str]) -> list[str]:
    """Pathway occupation prefixes (synthetic) -> real prefixes covering exactly the units the
    synthetic prefixes covered: a real group is named when all its units are covered, else
    its covered units one by one."""
    covered = sorted(
        {
            occupation_map[code]
            for code in occupation_map
            for prefix in prefixes
            if code.startswith(prefix)
        }
    )
    units = set(occupation_map.values())
    out: list[str] = []
    taken: set[str] = set()
    for digits in (1, 2, 3):
        for prefix in sorted({c[:digits] for c in covered}):
            members = {u for u in units if u.startswith(prefix)}
            if members <= set(covered) and not any(prefix.startswith(t) for t in taken):
                out.append(prefix)
                taken.add(prefix)
    out += [c for c in covered if not any(c.startswith(t) for t in taken)]
    return out


def skill_id(synthetic: str) -> str:
    """'S00042' -> 'bench-s00042'; groups 'G017' -> 'bench-g017'."""
    return f"bench-{synthetic.lower()}"


def regions_of(country: str) -> list[str]:
    """Top-level subdivisions of a country (pycountry), at most 30; numbered regions when it
    has none."""
    subs = sorted(
        (s for s in pycountry.subdivisions.get(country_code=country) or () if not s.parent_code),
        key=lambda s: s.code,
    )
    names: dict[str, str] = {}
    for s in subs:  # one name per region as the identity compares them ("Toshkent" is two)
        names.setdefault(normalise_region(s.name[:80]), s.name[:80])
    return list(names.values())[:30] or [f"Region {i}" for i in range(1, 6)]


# ---- the build ---------------------------------------------------------------------------------


@dataclass
class Keys:
    officer: str
    employer: str
    ministry: str
    employer_id: uuid.UUID
    ministry_id: uuid.UUID


@dataclass
class BuildReport:
    name: str
    url: str
    pools: int
    vacancies: int
    keys: Keys | None = None
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())


class _Clock:
    def __init__(self, report: BuildReport, log: Callable[[str], None]) -> None:
        self.report, self.log = report, log

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        yield
        seconds = time.perf_counter() - t0
        self.report.seconds[name] = self.report.seconds.get(name, 0.0) + seconds
        self.log(f"  {name}: {seconds:.1f} s")


def _any_of(p: Pathway) -> dict[str, int]:
    """A pathway's languages, one level per language: the generator gives English-speaking
    destinations "en" twice (destination language and English), which the API refuses; the
    requirement is any-of, so the lower level is the one that admits."""
    out: dict[str, int] = {}
    for x in p.languages:
        out[x.language] = min(out.get(x.language, x.min_level), x.min_level)
    return out


def _pathway_json(p: Pathway, occupation_map: dict[str, str]) -> dict[str, Any]:
    wage = p.wage_threshold
    return {
        "code": p.code,
        "name": p.name,
        "destination_country": p.destination,
        "kind": p.kind.value,
        "origin_countries": sorted(p.origins),
        "occupations": map_prefixes(p.occupations, occupation_map) if p.occupations else [],
        "excluded_occupations": map_prefixes(p.excluded_occupations, occupation_map)
        if p.excluded_occupations
        else [],
        "sectors": sorted(p.sectors),
        "min_isced": p.min_isced,
        "languages": [
            {"language": lang, "min_level": CEFR_LEVELS[level]}
            for lang, level in _any_of(p).items()
        ],
        "min_experience_years": p.min_experience_years,
        "wage_threshold": {
            "amount": round(wage.amount, 2),
            "currency": wage.currency,
            "period": wage.period.value,
        }
        if wage
        else None,
        "contract_types": sorted(t.value for t in p.contract_types),
        "max_contract_months": p.max_contract_months,
        "annual_quota": p.annual_quota,
        "government_to_government": p.government_to_government,
        "requires_employer_pays": p.requires_employer_pays,
        "valid_from": p.valid_from.isoformat() if p.valid_from else None,
        "valid_to": p.valid_to.isoformat() if p.valid_to else None,
        "source": "synthetic (bench/synthetic.py)",
    }


def _reference_rows(session: Any, world: World, occupation_map: dict[str, str]) -> None:
    """Exchange rates and legal pathways of the synthetic world (a few dozen rows, ORM)."""
    today = date.today()
    for currency, rate in sorted(RATES.items()):
        session.add(
            ExchangeRate(currency=currency, as_of=today, rate=Decimal(str(rate)), base="EUR")
        )
    for p in world.ctx.pathways:
        session.add(LegalPathway(**pathway_values(_pathway_json(p, occupation_map))))
    session.flush()


def _organisations(
    session: Any, world: World, seed: int
) -> tuple[dict[str, uuid.UUID], dict[str, list[uuid.UUID]], Keys]:
    """Ministries (one per origin), employers (in the destinations), the three bench users."""
    rng = np.random.default_rng([seed, 11])
    ministries: dict[str, uuid.UUID] = {}
    for country in sorted(set(world.origins) | {BENCH_MINISTRY_COUNTRY}):
        org = Organisation(
            slug=f"bench-ministry-{country.lower()}",
            name=f"Ministry of labour ({country}, synthetic)",
            kind="ministry",
            country=country,
        )
        session.add(org)
        session.flush()
        ministries[country] = org.id
    employers: dict[str, list[uuid.UUID]] = {d: [] for d in DESTINATIONS}
    dests = list(DESTINATIONS)
    for i in range(N_EMPLOYERS):
        # Every destination has employers; the rest spread at random.
        country = dests[i] if i < len(dests) else dests[int(rng.integers(0, len(dests)))]
        org = Organisation(
            slug=f"bench-employer-{i:04d}",
            name=f"Employer {i} ({country}, synthetic)",
            kind="employer",
            country=country,
        )
        session.add(org)
        session.flush()
        employers[country].append(org.id)
    agency = Organisation(
        slug="bench-facilitation",
        name="Facilitation agency (synthetic)",
        kind="agency",
        country="CH",
    )
    session.add(agency)
    session.flush()
    employer_id = employers[BENCH_EMPLOYER_COUNTRY][0]
    keys = {}
    for role, org_id in (
        (Role.OFFICER, agency.id),
        (Role.EMPLOYER, employer_id),
        (Role.MINISTRY, ministries[BENCH_MINISTRY_COUNTRY]),
    ):
        user = User(
            email=f"bench-{role.value}@bench.example.org",
            name=f"bench {role.value}",
            role=role.value,
            organisation_id=org_id,
        )
        session.add(user)
        session.flush()
        keys[role] = issue_key(session, user)
    return (
        ministries,
        employers,
        Keys(
            officer=keys[Role.OFFICER],
            employer=keys[Role.EMPLOYER],
            ministry=keys[Role.MINISTRY],
            employer_id=employer_id,
            ministry_id=ministries[BENCH_MINISTRY_COUNTRY],
        ),
    )


def issue_key(session: Any, user: User) -> str:
    """A new API key for a bench user (stored as the service stores keys: a digest)."""
    key = generate_api_key()
    session.add(
        ApiKey(
            user_id=user.id, name="bench", prefix=display_prefix(key), key_hash=hash_api_key(key)
        )
    )
    session.flush()
    return key


def bench_keys(url: str) -> Keys:
    """Fresh API keys for the bench users of an existing bench database (--reuse)."""
    db = Database(url)
    try:
        with db.transaction() as session:
            users = {
                u.role: u
                for u in session.scalars(select(User).where(User.email.like("bench-%@bench.%")))
            }
            missing = {r.value for r in (Role.OFFICER, Role.EMPLOYER, Role.MINISTRY)} - set(users)
            if missing:
                raise SystemExit(f"not a bench database: no bench user for {sorted(missing)}")
            keys = {role: issue_key(session, user) for role, user in users.items()}
            employer_id = users[Role.EMPLOYER.value].organisation_id
            ministry_id = users[Role.MINISTRY.value].organisation_id
    finally:
        db.dispose()
    return Keys(
        officer=keys[Role.OFFICER.value],
        employer=keys[Role.EMPLOYER.value],
        ministry=keys[Role.MINISTRY.value],
        employer_id=employer_id,
        ministry_id=ministry_id,
    )


def _skills(cur: psycopg.Cursor, world: World) -> int:
    table = Base.metadata.tables["skills"]
    groups = sorted({g for g in world.taxonomy.skill_group.values() if g})
    copy_rows(
        cur,
        table,
        len(groups),
        {
            "id": [skill_id(g) for g in groups],
            "label": [f"Synthetic skill group {g}" for g in groups],
            "is_group": Const(True),
        },
    )
    skills = world.skills
    parents = [world.taxonomy.skill_group[s] for s in skills]
    copy_rows(
        cur,
        table,
        len(skills),
        {
            "id": [skill_id(s) for s in skills],
            "label": [f"Synthetic skill {s}" for s in skills],
            "is_group": Const(False),
            "parent_id": [skill_id(p) if p else None for p in parents],
        },
    )
    return len(groups) + len(skills)


def _vacancies(
    cur: psycopg.Cursor,
    vacancies: Sequence[Vacancy],
    employers: dict[str, list[uuid.UUID]],
    occupation_map: dict[str, str],
    titles: dict[str, str],
    seed: int,
) -> dict[str, int]:
    rng = np.random.default_rng([seed, 12])
    n = len(vacancies)
    ids = sorted_ids(n, seed + 1).tolist()
    choice = rng.integers(0, 1 << 30, size=n).tolist()
    names = (
        "employer_id",
        "external_ref",
        "title",
        "destination_country",
        "occupation_code",
        "sector_code",
        "min_isced",
        "min_experience_years",
        "openings",
        "wage_amount",
        "wage_currency",
        "wage_period",
        "contract_type",
        "contract_months",
        "start_date",
        "employer_pays_fees",
        "pathway_codes",
    )
    rows: list[tuple[Any, ...]] = []
    skills: list[tuple[Any, ...]] = []
    langs: list[tuple[Any, ...]] = []
    for i, v in enumerate(vacancies):
        vid = ids[i]
        owners = employers[v.destination]
        occupation = occupation_map[v.occupation]
        wage = v.wage
        rows.append(
            (
                owners[choice[i] % len(owners)],
                v.id,
                titles[occupation][:200],
                v.destination,
                occupation,
                v.sector,
                v.min_isced,
                v.min_experience_years,
                v.openings,
                Decimal(f"{wage.amount:.2f}") if wage else None,
                wage.currency if wage else None,
                wage.period.value if wage else None,
                v.contract_type.value,
                v.contract_months,
                v.start_date,
                v.employer_pays_fees,
                list(v.pathways),
            )
        )
        for pos, s in enumerate(v.skills):
            skills.append((vid, skill_id(s.skill), s.importance.value, s.derived, pos))
        for lang in v.languages:
            langs.append((vid, lang.language, CEFR_LEVELS[lang.min_level], lang.required))
    tables = Base.metadata.tables
    by_column = dict(zip(names, zip(*rows, strict=True), strict=True))
    skill_cols = ("vacancy_id", "skill_id", "importance", "derived", "position")
    lang_cols = ("vacancy_id", "language", "min_level", "required")
    return {
        "vacancies": copy_rows(
            cur,
            tables["vacancies"],
            n,
            {"id": ids, "status": Const("open"), **by_column},
            freeze=True,
        ),
        "vacancy_skills": copy_rows(
            cur,
            tables["vacancy_skills"],
            len(skills),
            dict(zip(skill_cols, zip(*skills, strict=True), strict=True)),
            freeze=True,
        ),
        "vacancy_languages": copy_rows(
            cur,
            tables["vacancy_languages"],
            len(langs),
            dict(zip(lang_cols, zip(*langs, strict=True), strict=True)),
            freeze=True,
        ),
    }


def sorted_ids(n: int, seed: int) -> np.ndarray:
    """n random version-4 UUIDs (seeded) in increasing order: rows arrive in key order, so the
    primary-key indexes built after the load are built from presorted input, and the bulk
    tables are stored in key order."""
    data = np.random.default_rng([seed, 14]).bytes(16 * n)
    ids = sorted(uuid.UUID(bytes=data[i : i + 16], version=4) for i in range(0, 16 * n, 16))
    out = np.empty(n, dtype=object)
    out[:] = ids
    return out


def pool_regions(columns: PoolColumns, seed: int) -> list[str]:
    """A region per pool such that (origin, region, occupation, sector) is unique: a random
    subdivision of the origin country, numbered as a district when that subdivision already
    holds a pool of the same occupation and sector."""
    rng = np.random.default_rng([seed, 13])
    names = [regions_of(c) for c in columns.origin_vocab]
    sizes = np.array([len(x) for x in names])
    origin = columns.origin.astype(np.int64)
    r0 = (rng.random(len(origin)) * sizes[origin]).astype(np.int64)
    n_occ = len(columns.occupation_vocab)
    n_sec = len(columns.sector_vocab) + 1
    key = ((origin * n_occ + columns.occupation) * n_sec + (columns.sector + 1)) * 64 + r0
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    start = np.r_[0, np.flatnonzero(sorted_key[1:] != sorted_key[:-1]) + 1]
    group_start = np.repeat(start, np.diff(np.r_[start, len(key)]))
    rank = np.empty(len(key), np.int64)
    rank[order] = np.arange(len(key)) - group_start
    out = []
    for o, r, k in zip(origin.tolist(), r0.tolist(), rank.tolist(), strict=True):
        name = names[o][r]
        out.append(name if k == 0 else f"{name}, district {k + 1}")
    return out


def _pools(
    cur: psycopg.Cursor,
    columns: PoolColumns,
    ministries: dict[str, uuid.UUID],
    occupation_map: dict[str, str],
    seed: int,
    log: Callable[[str], None],
    clock: _Clock,
) -> dict[str, int]:
    tables = Base.metadata.tables
    n = len(columns.ids)
    with clock.step("pools: identities"):
        regions = pool_regions(columns, seed)
        occ_vocab = [occupation_map[c] for c in columns.occupation_vocab]
        sec_vocab = list(columns.sector_vocab)
        ministry_of = [ministries[c] for c in columns.origin_vocab]
        skill_vocab = np.array([skill_id(s) for s in columns.skill_vocab], dtype=object)
        level_text = np.array(CEFR_LEVELS, dtype=object)
        lang_vocab = np.array(columns.lang_vocab, dtype=object)
        pool_ids = sorted_ids(n, seed)
    rows = {"pools": 0, "pool_skills": 0, "pool_languages": 0}
    for lo in range(0, n, POOL_BATCH):
        hi = min(n, lo + POOL_BATCH)
        with clock.step("pools: rows"):
            ids = pool_ids[lo:hi]
            origin_idx = columns.origin[lo:hi].tolist()
            origin = [columns.origin_vocab[o] for o in origin_idx]
            occ = [occ_vocab[o] for o in columns.occupation[lo:hi].tolist()]
            sec = [sec_vocab[s] if s >= 0 else None for s in columns.sector[lo:hi].tolist()]
            reg = regions[lo:hi]
            pool_cols: dict[str, Column] = {
                "id": ids.tolist(),
                "ministry_id": [ministry_of[o] for o in origin_idx],
                "external_ref": [str(x) for x in columns.ids[lo:hi]],
                "origin_country": origin,
                "region": reg,
                "occupation_code": occ,
                "sector_code": sec,
                "identity_key": [
                    identity_key(o, r, c, s)
                    for o, r, c, s in zip(origin, reg, occ, sec, strict=True)
                ],
                "headcount": columns.headcount[lo:hi].tolist(),
                "isced_level": columns.isced[lo:hi].tolist(),
                "experience_years": columns.experience[lo:hi].tolist(),
                "available_from": [
                    None if a == NO_DATE else date.fromordinal(a)
                    for a in columns.available_from[lo:hi].tolist()
                ],
                "status": Const("active"),
            }
            sp = columns.skill_ptr
            s_lo, s_hi = int(sp[lo]), int(sp[hi])
            skill_cols: dict[str, Column] = {
                "pool_id": np.repeat(ids, np.diff(sp[lo : hi + 1])).tolist(),
                "skill_id": skill_vocab[columns.skill[s_lo:s_hi]].tolist(),
                "share": columns.skill_share[s_lo:s_hi].tolist(),
            }
            lp = columns.lang_ptr
            l_lo, l_hi = int(lp[lo]), int(lp[hi])
            l_pool = np.repeat(ids, np.diff(lp[lo : hi + 1])).tolist()
            l_lang = lang_vocab[columns.lang[l_lo:l_hi]].tolist()
            l_level = level_text[columns.lang_level[l_lo:l_hi].astype(np.int64)].tolist()
            l_share = columns.lang_share[l_lo:l_hi].tolist()
            # A language at the same level twice (English native and learnt) is one entry.
            seen: set[tuple[Any, str, str]] = set()
            lang_rows = []
            for row in zip(l_pool, l_lang, l_level, l_share, strict=True):
                if row[:3] not in seen:
                    seen.add(row[:3])
                    lang_rows.append(row)
            lang_cols = dict(
                zip(
                    ("pool_id", "language", "level", "share"),
                    zip(*lang_rows, strict=True),
                    strict=True,
                )
            )
        with clock.step("pools: COPY"):
            rows["pools"] += copy_rows(cur, tables["pools"], hi - lo, pool_cols, freeze=True)
            rows["pool_skills"] += copy_rows(
                cur, tables["pool_skills"], s_hi - s_lo, skill_cols, freeze=True
            )
            rows["pool_languages"] += copy_rows(
                cur, tables["pool_languages"], len(lang_rows), lang_cols, freeze=True
            )
        log(f"  pools {hi:,} / {n:,}")
    return rows


def build(
    n_pools: int,
    n_vacancies: int,
    *,
    seed: int = 0,
    admin: str = PG_ADMIN,
    log: Callable[[str], None] = print,
) -> BuildReport:
    """Create and fill a bench database; the caller drops it (drop_database) when done."""
    name = create_database(admin)
    url = database_url(name, admin)
    report = BuildReport(name=name, url=url, pools=n_pools, vacancies=n_vacancies)
    clock = _Clock(report, log)
    log(f"building {name}: {n_pools:,} pools, {n_vacancies:,} vacancies")
    try:
        _fill(report, clock, url, n_pools, n_vacancies, seed, log)
    except BaseException:
        drop_database(name, admin)
        raise
    return report


def _fill(
    report: BuildReport,
    clock: _Clock,
    url: str,
    n_pools: int,
    n_vacancies: int,
    seed: int,
    log: Callable[[str], None],
) -> None:
    with clock.step("schema (migrations)"):
        upgrade(url)
    db = Database(url, settings=Settings(environment="development", database_url=url))
    try:
        with clock.step("taxonomy (seed, no demo)"), db.transaction() as session:
            seed_taxonomy(session, demo=False)
        with db.session() as session:
            real_units = list(session.scalars(select(Occupation.code).where(Occupation.level == 4)))
            titles = dict(session.execute(select(Occupation.code, Occupation.title)).all())
            divisions = set(session.scalars(select(Sector.code).where(Sector.level == "division")))
        with clock.step("generate world"):
            world = make_world(seed)
            occupation_map = map_occupations(world.occupations, real_units)
            if not set(world.divisions) <= divisions:
                raise ValueError(f"ISIC divisions missing: {set(world.divisions) - divisions}")
        with (
            clock.step("reference rows (rates, pathways, organisations, users)"),
            db.transaction() as session,
        ):
            _reference_rows(session, world, occupation_map)
            ministries, employers, keys = _organisations(session, world, seed)
        report.keys = keys
        report.rows["organisations"] = len(ministries) + N_EMPLOYERS + 1
        report.rows["legal_pathways"] = len(world.ctx.pathways)
    finally:
        db.dispose()

    with clock.step("generate vacancies"):
        vacancies = make_vacancies(world, n_vacancies, seed)
    with clock.step("generate pools"):
        columns = make_pool_columns(world, n_pools, seed)
    with psycopg.connect(libpq_url(url)) as conn, conn.cursor() as cur:
        cur.execute("SET synchronous_commit = off")
        # Index builds sort in memory instead of on disk (this session only).
        cur.execute("SET maintenance_work_mem = '1GB'")
        with clock.step("drop constraints"):
            saved = drop_constraints(cur, BULK_TABLES)
            # Empty already; truncated in this transaction so that COPY may write rows frozen.
            cur.execute("TRUNCATE " + ", ".join(BULK_TABLES))
        with clock.step("skills COPY"):
            report.rows["skills (synthetic)"] = _skills(cur, world)
        with clock.step("vacancies COPY"):
            report.rows.update(_vacancies(cur, vacancies, employers, occupation_map, titles, seed))
        del vacancies
        report.rows.update(_pools(cur, columns, ministries, occupation_map, seed, log, clock))
        with clock.step("re-create constraints and indexes"):
            restore_constraints(cur, saved, log)
        with clock.step("commit"):
            conn.commit()
    with clock.step("analyze"), psycopg.connect(libpq_url(url), autocommit=True) as conn:
        conn.execute("ANALYZE")
    log(
        f"built in {report.total_seconds:.0f} s: "
        + ", ".join(f"{k} {v:,}" for k, v in report.rows.items())
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pools", type=int, default=20_000)
    ap.add_argument("--vacancies", type=int, default=2_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", action="store_true", help="keep the database (prints its URL)")
    args = ap.parse_args()
    report = build(args.pools, args.vacancies, seed=args.seed)
    if args.keep:
        print(f"kept: {report.url}")
    else:
        drop_database(report.name)


if __name__ == "__main__":
    main()
