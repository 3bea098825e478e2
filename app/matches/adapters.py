"""The only bridge between the service and the engine: ORM rows <-> engine records.

Nothing else in app/ builds matching.records objects or reads the engine's outputs' internals.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, replace
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy import String, cast, func, select, text
from sqlalchemy.orm import Session

from app.config import Settings
from app.db import in_chunks
from app.decisions.models import Decision
from app.decisions.totals import approved_totals
from app.pathways.models import ExchangeRate, LegalPathway
from app.pools.models import Pool as PoolRow
from app.pools.models import PoolLanguage, PoolSkill, PoolStatus
from app.taxonomy.models import SafeguardCountry, Sector, Skill
from app.vacancies.models import Vacancy as VacancyRow
from app.vacancies.models import VacancyLanguage, VacancySkill, VacancyStatus
from matching import ENGINE_VERSION as ENGINE_VERSION  # re-exported
from matching.allocation import AllocationOptions as AllocationOptions  # re-exported
from matching.allocation import AllocationPair, AllocationProblem
from matching.allocation import AllocationResult as AllocationResult  # re-exported
from matching.allocation import allocate as allocate  # re-exported
from matching.blocks import BlockTop as BlockTop  # re-exported
from matching.blocks import explain_missing as _explain_missing
from matching.blocks import merge_blocks as _merge_blocks
from matching.blocks import rank_block as _rank_block
from matching.columns_file import read_columns as read_columns  # re-exported
from matching.columns_file import write_columns as write_columns  # re-exported
from matching.eligibility import ALL_REASON_CODES as ALL_REASON_CODES  # re-exported
from matching.eligibility import CHECK_NAMES as CHECK_NAMES  # re-exported
from matching.eligibility import CHECK_OF_CODE
from matching.money import annualise, convert
from matching.ranker import NO_DATE, PoolColumns, PoolIndex
from matching.records import (
    CEFR_LEVELS,
    DEFAULT_WEIGHTS,
    Context,
    ContractType,
    Eligibility,
    ExchangeRates,
    Explanation,
    Importance,
    LanguageRequirement,
    Match,
    Money,
    Pathway,
    PathwayKind,
    Pool,
    SkillRequirement,
    Taxonomy,
    Vacancy,
    WagePeriod,
    cefr_index,
)
from matching.records import COMPONENTS as COMPONENTS  # re-exported
from matching.records import (
    PoolLanguage as EnginePoolLanguage,
)
from matching.records import (
    PoolSkill as EnginePoolSkill,
)
from matching.reference import rank_reference
from matching.segments import PoolSegments, VacancySegments
from matching.weights import validate_weights as validate_weights  # re-exported
from matching.weights import weights_hash

# ---- taxonomy and context ----------------------------------------------------------------------


def taxonomy_view(session: Session) -> Taxonomy:
    # Result objects have keys() (column names), so dict(result) would misread them. A
    # division without a section is left out: to the engine that is the same (it uses .get).
    sections = {
        code: section
        for code, section in session.execute(
            select(Sector.code, Sector.section_code).where(Sector.level == "division")
        )
        if section is not None
    }
    groups = set(session.scalars(select(Skill.id).where(Skill.is_group.is_(True))))
    # The nearest group of a skill is its parent when the parent is a group.
    skill_group = {
        sid: (parent if parent in groups else None)
        for sid, parent in session.execute(
            select(Skill.id, Skill.parent_id).where(Skill.is_group.is_(False))
        )
    }
    who = frozenset(session.scalars(select(SafeguardCountry.country)))
    return Taxonomy(sector_section=sections, skill_group=skill_group, who_safeguard=who)


def pathway_record(row: LegalPathway) -> Pathway:
    wage = None
    if row.wage_amount is not None and row.wage_currency and row.wage_period:
        wage = Money(float(row.wage_amount), row.wage_currency, WagePeriod(row.wage_period))
    return Pathway(
        code=row.code,
        name=row.name,
        destination=row.destination_country,
        kind=PathwayKind(row.kind),
        origins=frozenset(row.origin_countries or ()),
        occupations=tuple(row.occupations or ()),
        excluded_occupations=tuple(row.excluded_occupations or ()),
        sectors=frozenset(row.sectors or ()),
        min_isced=row.min_isced,
        languages=tuple(
            LanguageRequirement(x["language"], cefr_index(x["min_level"]))
            for x in row.languages or ()
        ),
        min_experience_years=row.min_experience_years,
        wage_threshold=wage,
        contract_types=frozenset(ContractType(t) for t in row.contract_types or ()),
        max_contract_months=row.max_contract_months,
        annual_quota=row.annual_quota,
        government_to_government=row.government_to_government,
        requires_employer_pays=row.requires_employer_pays,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
    )


def per_year(period: str, hours_per_year: float, months_per_year: float) -> float:
    """What one unit of a wage per `period` is a year, by the engine's rule."""
    return annualise(Money(1.0, "", WagePeriod(period)), hours_per_year, months_per_year)


def convert_money(amount: float, source: str, target: str, rates: ExchangeRates) -> float | None:
    """An amount in another currency, through the base, by the engine's rule (None: no rate)."""
    return convert(amount, source, target, rates)


def exchange_rates(session: Session, base: str) -> ExchangeRates:
    """The latest rate of each currency."""
    latest = (
        select(ExchangeRate.currency, func.max(ExchangeRate.as_of).label("as_of"))
        .group_by(ExchangeRate.currency)
        .subquery()
    )
    rows = session.execute(
        select(ExchangeRate.currency, ExchangeRate.rate).join(
            latest,
            (latest.c.currency == ExchangeRate.currency) & (latest.c.as_of == ExchangeRate.as_of),
        )
    )
    return ExchangeRates(base=base, rates={c: float(r) for c, r in rows})


def quota_used(
    session: Session, pathways: Iterable[str] | None = None
) -> dict[tuple[str, int], int]:
    """Approved headcount per (pathway, calendar year of the vacancy start), of these
    pathways only when given."""
    where = [Decision.pathway_code.is_not(None)]
    if pathways is not None:
        where.append(Decision.pathway_code.in_(sorted(set(pathways))))
    totals = approved_totals(session, Decision.pathway_code, Decision.quota_year, where=where)
    return {(code, int(year)): used for (code, year), used in totals.items() if year is not None}


def approved_pairs(
    session: Session, pools: Sequence[uuid.UUID] | None = None
) -> dict[tuple[str, str], int]:
    """Headcount currently approved per (vacancy id, pool id), as the engine takes it (on
    these pools only, when given)."""
    if pools is None:
        totals = approved_totals(session, Decision.vacancy_id, Decision.pool_id)
    else:
        totals = {}
        for chunk in in_chunks(sorted(set(pools))):
            totals.update(
                approved_totals(
                    session,
                    Decision.vacancy_id,
                    Decision.pool_id,
                    where=(Decision.pool_id.in_(chunk),),
                )
            )
    return {(str(v), str(p)): used for (v, p), used in totals.items() if used > 0}


def load_context(
    session: Session,
    settings: Settings,
    weights: Mapping[str, float] | None = None,
    *,
    destinations: Iterable[str] | None = None,
) -> Context:
    stmt = select(LegalPathway).order_by(LegalPathway.code)
    if destinations is not None:
        stmt = stmt.where(LegalPathway.destination_country.in_(sorted(set(destinations))))
    pathways = tuple(pathway_record(p) for p in session.scalars(stmt))
    return Context(
        taxonomy=taxonomy_view(session),
        pathways=pathways,
        rates=exchange_rates(session, settings.base_currency),
        quota_used=quota_used(session),
        approved=approved_pairs(session),
        weights=dict(weights or DEFAULT_WEIGHTS),
        hours_per_year=settings.hours_per_year,
        months_per_year=settings.months_per_year,
    )


# ---- vacancies and pools ---------------------------------------------------------------------


def vacancy_records(session: Session, rows: Sequence[VacancyRow]) -> list[Vacancy]:
    ids = [v.id for v in rows]
    skills: dict[uuid.UUID, list[VacancySkill]] = defaultdict(list)
    langs: dict[uuid.UUID, list[VacancyLanguage]] = defaultdict(list)
    for chunk in in_chunks(ids):
        for s in session.scalars(
            select(VacancySkill)
            .where(VacancySkill.vacancy_id.in_(chunk))
            .order_by(VacancySkill.vacancy_id, VacancySkill.position, VacancySkill.skill_id)
        ):
            skills[s.vacancy_id].append(s)
        for lang in session.scalars(
            select(VacancyLanguage)
            .where(VacancyLanguage.vacancy_id.in_(chunk))
            .order_by(VacancyLanguage.vacancy_id, VacancyLanguage.language)
        ):
            langs[lang.vacancy_id].append(lang)
    return [_vacancy(v, skills[v.id], langs[v.id]) for v in rows]


def _vacancy(v: VacancyRow, skills: list[VacancySkill], langs: list[VacancyLanguage]) -> Vacancy:
    wage = None
    if v.wage_amount is not None and v.wage_currency and v.wage_period:
        wage = Money(float(v.wage_amount), v.wage_currency, WagePeriod(v.wage_period))
    return Vacancy(
        id=str(v.id),
        destination=v.destination_country,
        occupation=v.occupation_code,
        start_date=v.start_date,
        openings=v.openings,
        sector=v.sector_code,
        skills=tuple(
            SkillRequirement(s.skill_id, Importance(s.importance), s.derived) for s in skills
        ),
        languages=tuple(
            LanguageRequirement(lang.language, cefr_index(lang.min_level), lang.required)
            for lang in langs
        ),
        min_isced=v.min_isced,
        min_experience_years=v.min_experience_years,
        wage=wage,
        contract_type=ContractType(v.contract_type),
        contract_months=v.contract_months,
        employer_pays_fees=v.employer_pays_fees,
        pathways=tuple(v.pathway_codes or ()),
    )


def pool_records(session: Session, rows: Sequence[PoolRow]) -> list[Pool]:
    ids = [p.id for p in rows]
    skills: dict[uuid.UUID, list[PoolSkill]] = defaultdict(list)
    langs: dict[uuid.UUID, list[PoolLanguage]] = defaultdict(list)
    for chunk in in_chunks(ids):
        for s in session.scalars(
            select(PoolSkill)
            .where(PoolSkill.pool_id.in_(chunk))
            .order_by(PoolSkill.pool_id, PoolSkill.skill_id)
        ):
            skills[s.pool_id].append(s)
        for lang in session.scalars(
            select(PoolLanguage)
            .where(PoolLanguage.pool_id.in_(chunk))
            .order_by(PoolLanguage.pool_id, PoolLanguage.language, PoolLanguage.level)
        ):
            langs[lang.pool_id].append(lang)
    return [_pool(p, skills[p.id], langs[p.id]) for p in rows]


def _pool(p: PoolRow, skills: list[PoolSkill], langs: list[PoolLanguage]) -> Pool:
    return Pool(
        id=str(p.id),
        origin=p.origin_country,
        occupation=p.occupation_code,
        headcount=p.headcount,
        isced_level=p.isced_level,
        experience_years=p.experience_years,
        sector=p.sector_code,
        skills=tuple(EnginePoolSkill(s.skill_id, s.share) for s in skills),
        languages=tuple(
            EnginePoolLanguage(lang.language, cefr_index(lang.level), lang.share) for lang in langs
        ),
        available_from=p.available_from,
    )


def pool_columns(
    session: Session, ids: Sequence[uuid.UUID] | None = None
) -> tuple[PoolColumns, list[uuid.UUID]]:
    """The active pools (all, or those among `ids`) as engine columns, and each one's ministry,
    from three plain queries (no ORM objects: a national registry's million pools load from
    rows, not from a million records). All of them on PostgreSQL: as binary arrays."""
    if ids is not None and not ids:
        return PoolColumns.from_entries([], [], []), []
    if ids is None and session.get_bind().dialect.name == "postgresql":
        return _pg_pool_columns(session)
    chunks = [None] if ids is None else list(in_chunks(sorted(set(ids))))
    pools: list[Any] = []
    skills: list[tuple[str, str, float]] = []
    languages: list[tuple[str, str, str, float]] = []
    # Core rows keyed by the id as the database's text (as open_vacancies): no ORM rows and
    # no UUID object per skill row.
    conn = session.connection()
    key = String()
    for chunk in chunks:
        active = PoolRow.status == PoolStatus.ACTIVE
        if chunk is not None:
            active = active & PoolRow.id.in_(chunk)
        pools.extend(
            conn.execute(
                select(
                    cast(PoolRow.id, key),
                    PoolRow.origin_country,
                    PoolRow.occupation_code,
                    PoolRow.sector_code,
                    PoolRow.headcount,
                    PoolRow.isced_level,
                    PoolRow.experience_years,
                    PoolRow.available_from,
                    PoolRow.ministry_id,
                    PoolRow.id,
                )
                .where(active)
                .order_by(PoolRow.id)
            ).all()
        )
        skills.extend(
            conn.execute(
                select(cast(PoolSkill.pool_id, key), PoolSkill.skill_id, PoolSkill.share)
                .join(PoolRow, PoolRow.id == PoolSkill.pool_id)
                .where(active)
                .order_by(PoolSkill.pool_id, PoolSkill.skill_id)
            ).all()
        )
        languages.extend(
            conn.execute(
                select(
                    cast(PoolLanguage.pool_id, key),
                    PoolLanguage.language,
                    PoolLanguage.level,
                    PoolLanguage.share,
                )
                .join(PoolRow, PoolRow.id == PoolLanguage.pool_id)
                .where(active)
                .order_by(PoolLanguage.pool_id, PoolLanguage.language, PoolLanguage.level)
            ).all()
        )
    row_of = {p[0]: i for i, p in enumerate(pools)}
    levels = {level: cefr_index(level) for level in CEFR_LEVELS}
    # A pool activated between these statements has entries but no row: it is left out here
    # (its change batch brings it in at the next catch-up).
    columns = PoolColumns.from_entries(
        [(str(p[9]), p[1], p[2], p[3], p[4], p[5], p[6], p[7]) for p in pools],
        [(row_of[pid], skill, share) for pid, skill, share in skills if pid in row_of],
        [
            (row_of[pid], lang, levels[level], share)
            for pid, lang, level, share in languages
            if pid in row_of
        ],
    )
    return columns, [p[8] for p in pools]


# -- every active pool from PostgreSQL, as arrays ----------------------------------------------
#
# A million pools carry some 15 million skill shares: as Python tuples that is gigabytes and
# a minute. Instead each table comes as one binary COPY of fixed-width columns (text mapped to
# integer codes by the server), read straight into numpy: a few seconds, a few hundred MB.

_COPY_HEADER = 19  # "PGCOPY\n\377\r\n\0", flags, header extension length


def _copy_array(session: Session, query: str, params: Sequence[Any], fields: list[tuple]) -> Any:
    """Rows of `query` (fixed-width, non-null columns only) as a numpy structured array."""
    dtype = [("_n", ">i2")]
    for name, kind in fields:
        dtype += [(f"_{name}", ">i4"), (name, kind)]
    raw = bytearray()
    cursor = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f"COPY ({query}) TO STDOUT (FORMAT BINARY)", params) as copy:
            for chunk in copy:
                raw += chunk
    finally:
        cursor.close()
    body = memoryview(raw)[_COPY_HEADER : len(raw) - 2]  # the trailer: int16 -1
    return np.frombuffer(body, dtype=np.dtype(dtype))


def _uuid_strings(raw: Any) -> list[str]:
    """16-byte UUIDs (a numpy V16 array) as canonical strings, formatted by numpy (a million
    uuid.UUID objects take seconds)."""
    n = len(raw)
    digits = np.frombuffer(raw.tobytes().hex().encode(), "S1").reshape(n, 32)
    out = np.full((n, 36), b"-", "S1")
    for a, b in ((0, 8), (8, 12), (12, 16), (16, 20), (20, 32)):
        at = a + (a > 0) + (a > 8) + (a > 12) + (a > 16)  # dashes before this group
        out[:, at : at + b - a] = digits[:, a:b]
    return out.view("S36").ravel().astype(str).tolist()


def _pg_pool_columns(session: Session) -> tuple[PoolColumns, list[uuid.UUID]]:
    def vocab(sql: str) -> list[Any]:
        return [r[0] for r in session.execute(text(sql))]

    # Two hash tables of a million rows each fit in memory; JIT compiling would cost seconds.
    session.execute(text("SET LOCAL work_mem = '256MB'"))
    session.execute(text("SET LOCAL jit = off"))
    active = "FROM pools WHERE status = 'active'"
    origins = vocab(f"SELECT DISTINCT origin_country {active} ORDER BY 1")
    occupations = vocab(f"SELECT DISTINCT occupation_code {active} ORDER BY 1")
    sectors = vocab(f"SELECT DISTINCT sector_code {active} AND sector_code IS NOT NULL ORDER BY 1")
    ministries = vocab(f"SELECT DISTINCT ministry_id {active} ORDER BY 1")
    skills = vocab("SELECT id FROM skills ORDER BY id")
    languages = vocab("SELECT DISTINCT language FROM pool_languages ORDER BY 1")

    def vocab_join(name: str, column: str, *, left: bool = False) -> str:
        # The 1-based position of the row's value in the vocabulary passed as the next
        # parameter (a hash join, not a search per row); NULL where the value is NULL.
        kind = "LEFT JOIN" if left else "JOIN"
        return (
            f" {kind} unnest(%s::text[]) WITH ORDINALITY {name}(v, c) ON {name}.v = {column}::text"
        )

    pools = _copy_array(
        session,
        "SELECT p.id, o.c::int4 - 1, occ.c::int4 - 1, coalesce(sec.c::int4, 0) - 1, "
        "m.c::int4 - 1, p.headcount::int8, p.isced_level::int8, p.experience_years::float8, "
        f"coalesce(p.available_from - DATE '0001-01-01' + 1, {NO_DATE})::int8 FROM pools p"
        + vocab_join("o", "p.origin_country")
        + vocab_join("occ", "p.occupation_code")
        + vocab_join("sec", "p.sector_code", left=True)
        + vocab_join("m", "p.ministry_id")
        + " WHERE p.status = 'active' ORDER BY p.id",
        [origins, occupations, sectors, [str(m) for m in ministries]],
        [
            ("id", "V16"),
            ("origin", ">i4"),
            ("occupation", ">i4"),
            ("sector", ">i4"),
            ("ministry", ">i4"),
            ("headcount", ">i8"),
            ("isced", ">i8"),
            ("experience", ">f8"),
            ("available", ">i8"),
        ],
    )
    n = len(pools)
    ranked = (
        "SELECT id, (row_number() OVER (ORDER BY id) - 1)::int4 AS r "
        "FROM pools WHERE status = 'active'"
    )
    entries = _copy_array(
        session,
        f"SELECT p.r, v.code::int4 - 1, s.share::float8 FROM pool_skills s "
        f"JOIN ({ranked}) p ON p.id = s.pool_id "
        # A subquery the planner can count (an unnest it guesses at 10 rows, and then sorts
        # 15 million entries on disk to merge them).
        "JOIN (SELECT id, row_number() OVER (ORDER BY id) AS code FROM skills) v "
        "ON v.id = s.skill_id",
        [],
        [("row", ">i4"), ("skill", ">i4"), ("share", ">f8")],
    )
    langs = _copy_array(
        session,
        "SELECT p.r, lv.c::int4 - 1, cv.c::int4 - 1, l.share::float8 FROM pool_languages l "
        f"JOIN ({ranked}) p ON p.id = l.pool_id"
        + vocab_join("lv", "l.language")
        + vocab_join("cv", "l.level"),
        [languages, list(CEFR_LEVELS)],
        [("row", ">i4"), ("lang", ">i4"), ("level", ">i4"), ("share", ">f8")],
    )

    def csr(rows: Any, order: Any) -> Any:
        ptr = np.zeros(n + 1, np.int64)
        np.cumsum(np.bincount(rows[order], minlength=n), out=ptr[1:])
        return ptr

    # Entries in the order the row-by-row loader gives them: by pool, then skill id (the
    # vocabulary is in id order) or language and level.
    # (pool, skill) is the table's key, so one sort of a combined integer key orders them
    # (twice as fast as lexsort over 15 million entries).
    s_order = np.argsort(
        entries["row"].astype(np.int64) * max(len(skills), 1) + entries["skill"].astype(np.int64)
    )
    l_order = np.lexsort((langs["level"], langs["lang"], langs["row"]))
    ids = np.empty(n, dtype=object)
    ids[:] = _uuid_strings(pools["id"])
    columns = PoolColumns(
        ids=ids,
        origin=pools["origin"].astype(np.int32),
        origin_vocab=tuple(origins),
        occupation=pools["occupation"].astype(np.int32),
        occupation_vocab=tuple(occupations),
        sector=pools["sector"].astype(np.int32),
        sector_vocab=tuple(sectors),
        headcount=pools["headcount"].astype(np.int64),
        isced=pools["isced"].astype(np.int64),
        experience=pools["experience"].astype(np.float64),
        available_from=pools["available"].astype(np.int64),
        skill_ptr=csr(entries["row"], s_order),
        skill=entries["skill"][s_order].astype(np.int32),
        skill_share=entries["share"][s_order].astype(np.float64),
        skill_vocab=tuple(skills),
        lang_ptr=csr(langs["row"], l_order),
        lang=langs["lang"][l_order].astype(np.int32),
        lang_level=langs["level"][l_order].astype(np.int8),
        lang_share=langs["share"][l_order].astype(np.float64),
        lang_vocab=tuple(languages),
    )
    owners = [ministries[i] for i in pools["ministry"].tolist()]
    return columns, owners


def weights_of(settings: Settings) -> dict[str, float]:
    """The scoring weights the settings name (IMDI_MATCH_WEIGHTS), checked; else the default."""
    return validate_weights(settings.match_weights or DEFAULT_WEIGHTS)


def weights_digest(weights: Mapping[str, float] | None) -> str:
    """The hash engine outputs carry for these weights."""
    return weights_hash(dict(weights or DEFAULT_WEIGHTS))


def open_vacancies(
    session: Session, ids: Sequence[uuid.UUID] | None = None
) -> tuple[list[Vacancy], list[uuid.UUID]]:
    """The open vacancies (all, or those among `ids`) as engine records, and each one's
    employer, from three plain queries."""
    if ids is not None and not ids:
        return [], []
    chunks = [None] if ids is None else list(in_chunks(sorted(set(ids))))
    out: list[Vacancy] = []
    employers: list[uuid.UUID] = []
    # Looked up once each: a hundred thousand vacancies carry over a million skills.
    importances = {i.value: i for i in Importance}
    levels = {level: cefr_index(level) for level in CEFR_LEVELS}
    contracts = {c.value: c for c in ContractType}
    periods = {p.value: p for p in WagePeriod}
    # Core rows keyed by the id as the database's text (the same cast in all three queries):
    # no ORM row processing and no UUID object per skill row, which cost most of the time.
    conn = session.connection()
    # Requirements are immutable and repeat across vacancies (a million skill rows, a few
    # thousand distinct ones): one object each saves seconds and memory.
    shared: dict[tuple[str, str, bool], SkillRequirement] = {}
    key = String()
    for chunk in chunks:
        live = VacancyRow.status == VacancyStatus.OPEN
        if chunk is not None:
            live = live & VacancyRow.id.in_(chunk)
        skills: dict[str, list[SkillRequirement]] = defaultdict(list)
        for vid, skill, importance, derived in conn.execute(
            select(
                cast(VacancySkill.vacancy_id, key),
                VacancySkill.skill_id,
                VacancySkill.importance,
                VacancySkill.derived,
            )
            .join(VacancyRow, VacancyRow.id == VacancySkill.vacancy_id)
            .where(live)
            .order_by(VacancySkill.vacancy_id, VacancySkill.position, VacancySkill.skill_id)
        ).all():
            req = (skill, importance, derived)
            found = shared.get(req)
            if found is None:
                found = shared[req] = SkillRequirement(skill, importances[importance], derived)
            skills[vid].append(found)
        langs: dict[str, list[LanguageRequirement]] = defaultdict(list)
        for vid, language, level, required in conn.execute(
            select(
                cast(VacancyLanguage.vacancy_id, key),
                VacancyLanguage.language,
                VacancyLanguage.min_level,
                VacancyLanguage.required,
            )
            .join(VacancyRow, VacancyRow.id == VacancyLanguage.vacancy_id)
            .where(live)
            .order_by(VacancyLanguage.vacancy_id, VacancyLanguage.language)
        ).all():
            langs[vid].append(LanguageRequirement(language, levels[level], required))
        for v in conn.execute(
            select(
                VacancyRow.id,
                cast(VacancyRow.id, key).label("key"),
                VacancyRow.destination_country,
                VacancyRow.occupation_code,
                VacancyRow.start_date,
                VacancyRow.openings,
                VacancyRow.sector_code,
                VacancyRow.min_isced,
                VacancyRow.min_experience_years,
                VacancyRow.wage_amount,
                VacancyRow.wage_currency,
                VacancyRow.wage_period,
                VacancyRow.contract_type,
                VacancyRow.contract_months,
                VacancyRow.employer_pays_fees,
                VacancyRow.pathway_codes,
                VacancyRow.employer_id,
            )
            .where(live)
            .order_by(VacancyRow.id)
        ).all():
            wage = None
            if v.wage_amount is not None and v.wage_currency and v.wage_period:
                wage = Money(float(v.wage_amount), v.wage_currency, periods[v.wage_period])
            out.append(
                Vacancy(
                    id=str(v.id),
                    destination=v.destination_country,
                    occupation=v.occupation_code,
                    start_date=v.start_date,
                    openings=v.openings,
                    sector=v.sector_code,
                    skills=tuple(skills.get(v.key, ())),
                    languages=tuple(langs.get(v.key, ())),
                    min_isced=v.min_isced,
                    min_experience_years=v.min_experience_years,
                    wage=wage,
                    contract_type=contracts[v.contract_type],
                    contract_months=v.contract_months,
                    employer_pays_fees=v.employer_pays_fees,
                    pathways=tuple(v.pathway_codes or ()),
                )
            )
            employers.append(v.employer_id)
    return out, employers


def pool_segments(columns: PoolColumns, taxonomy: Taxonomy, labels: Sequence[int]) -> PoolSegments:
    return PoolSegments.of_index(PoolIndex.from_columns(columns, taxonomy), taxonomy, labels)


def vacancy_segments(
    vacancies: Sequence[Vacancy], taxonomy: Taxonomy, labels: Sequence[int]
) -> VacancySegments:
    return VacancySegments.build(vacancies, taxonomy, labels)


def engine_context(
    taxonomy: Taxonomy,
    pathways: tuple[Pathway, ...],
    rates: ExchangeRates,
    quota: Mapping[tuple[str, int], int],
    approved: Mapping[tuple[str, str], int],
    settings: Settings,
) -> Context:
    return Context(
        taxonomy=taxonomy,
        pathways=pathways,
        rates=rates,
        quota_used=quota,
        approved=approved,
        weights=weights_of(settings),
        hours_per_year=settings.hours_per_year,
        months_per_year=settings.months_per_year,
    )


def pathway_records(
    session: Session, destinations: Iterable[str] | None = None
) -> tuple[Pathway, ...]:
    stmt = select(LegalPathway).order_by(LegalPathway.code)
    if destinations is not None:
        stmt = stmt.where(LegalPathway.destination_country.in_(sorted(set(destinations))))
    return tuple(pathway_record(p) for p in session.scalars(stmt))


def score_pairs(vacancy: Vacancy, pools: Sequence[Pool], ctx: Context) -> dict[str, Match]:
    """The vacancy's pairs with these pools that are matches (relevant), with explanations,
    by the reference scorer: the specification in code, for the few pairs a decision needs."""
    return {
        m.pool_id: m for m in rank_reference(vacancy, pools, ctx, k=None, include_ineligible=True)
    }


# ---- engine outputs -> stored JSON -------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "value") and isinstance(value.value, str):  # StrEnum
        return value.value
    return value


def eligibility_json(e: Eligibility) -> dict[str, Any]:
    return {
        "eligible": e.eligible,
        "pathway": e.pathway,
        "eligible_headcount": e.eligible_headcount,
        "checks_passed": list(e.checks_passed),
        "reasons": [{"code": r.code, "message": r.message} for r in e.reasons],
    }


def explanation_json(x: Explanation) -> dict[str, Any]:
    return {
        "components": [
            {
                "name": c.name,
                "score": c.score,
                "weight": c.weight,
                "contribution": c.contribution,
                "evidence": {k: v for k, v in c.evidence},
            }
            for c in x.components
        ],
        "skills": [_jsonable(asdict(s)) for s in x.skills],
        "missing_essential": list(x.missing_essential),
        "eligibility": eligibility_json(x.eligibility),
        "headcount": [{"kind": f.kind, "value": f.value, "text": f.text} for f in x.headcount],
    }


# ---- stored explanations of older engines -> today's shape -------------------------------------

#: Evidence keys whose values are counts (or ISCED levels): ints.
_INT_EVIDENCE = frozenset(
    {
        "vacancy_skills",
        "matched",
        "exact",
        "group",
        "missing_essential",
        "common_prefix",
        "required_isced",
        "pool_isced",
        "days_late",
    }
)
#: Evidence keys (or key endings, per language) whose values are shares or years: floats.
_FLOAT_EVIDENCE = frozenset({"required_years", "pool_years"})
_FLOAT_ENDINGS = ("_share_at_or_above", "_share_one_below", "_share_below")  # 1.x: _share_below


def _typed_evidence(key: str, value: Any) -> Any:
    """One evidence value as engine 2.1 gives it, from the text engines before it stored:
    "none" (and an empty sector, a pool available "now") is None, counts are ints, shares and
    years floats, yes/no a bool; anything else (codes, dates, CEFR levels) stays text. Values
    that are typed already pass through, so converting twice changes nothing."""
    if not isinstance(value, str):
        return value
    if value in ("none", "") or (key == "available_from" and value == "now"):
        return None
    try:
        if key in _INT_EVIDENCE:
            return int(value)
        if key in _FLOAT_EVIDENCE or key.endswith(_FLOAT_ENDINGS):
            return float(value)
    except ValueError:
        return value
    if key.endswith("_required_at_start") and value in ("yes", "no"):
        return value == "yes"
    return value


def _headcount_factors(factors: Any) -> list[dict[str, Any]]:
    """The well-formed headcount factors (engines before 2.0 stored none)."""
    out = []
    for f in factors or []:
        if isinstance(f, dict) and isinstance(f.get("value"), int | float):
            out.append({"kind": f.get("kind"), "value": float(f["value"]), "text": f.get("text")})
    return out


def stored_explanation(
    explanation: Mapping[str, Any] | None,
    *,
    eligible: bool,
    pathway: str | None,
    eligible_headcount: int,
    reasons: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """A stored match's explanation in the shape engine 2.1 gives (what the API documents).

    Stored rows are history (the pair as scored when last decided) and are never recomputed,
    so rows of older engines are converted on read: `checks_passed` held the failure codes of
    the passed checks (2.0), now the checks' names; evidence values were text, now typed. A
    row kept without an explanation (rows migrated from engine 1.0) gets its eligibility from
    the row's own columns and empty lists for the rest."""
    found = dict(explanation or {})
    eligibility = found.get("eligibility")
    if not isinstance(eligibility, dict):
        eligibility = {
            "eligible": eligible,
            "pathway": pathway,
            "eligible_headcount": eligible_headcount,
            "checks_passed": [],
            "reasons": [dict(r) for r in reasons],
        }
    return {
        "components": [
            {
                **c,
                "evidence": {
                    str(k): _typed_evidence(str(k), v) for k, v in (c.get("evidence") or {}).items()
                },
            }
            for c in found.get("components") or []
        ],
        "skills": list(found.get("skills") or []),
        "missing_essential": list(found.get("missing_essential") or []),
        "eligibility": {
            **eligibility,
            "checks_passed": [
                CHECK_OF_CODE.get(c, c) for c in eligibility.get("checks_passed") or []
            ],
            "reasons": list(eligibility.get("reasons") or []),
        },
        "headcount": _headcount_factors(found.get("headcount")),
    }


def pair_figures(vacancy_id: uuid.UUID, m: Match, make: Callable[..., Any]) -> Any:
    """The figures of a ranked pair, as `make(vacancy_id, pool_id, score, eligible,
    eligible_headcount, pathway_code)` builds them."""
    e = m.eligibility
    return make(
        vacancy_id, uuid.UUID(m.pool_id), m.score, e.eligible, e.eligible_headcount, e.pathway
    )


def match_values(m: Match) -> dict[str, Any]:
    """Column values of a stored match for an engine Match (an empty explanation when the
    match was ranked without one: batch readers that need only scores and headcounts)."""
    return {
        "vacancy_id": uuid.UUID(m.vacancy_id),
        "pool_id": uuid.UUID(m.pool_id),
        "score": float(m.score),
        "components": {k: float(v) for k, v in m.components.items()},
        "eligible": m.eligibility.eligible,
        "pathway_code": m.eligibility.pathway,
        "eligible_headcount": m.eligibility.eligible_headcount,
        "reasons": [{"code": r.code, "message": r.message} for r in m.eligibility.reasons],
        "explanation": {} if m.explanation is None else explanation_json(m.explanation),
        "engine_version": m.engine_version,
        "weights_hash": m.weights_hash,
    }


# ---- allocation ------------------------------------------------------------------------------


def allocation_pair(
    vacancy_id: uuid.UUID,
    pool_id: uuid.UUID,
    pathway: str,
    score: float,
    max_headcount: int,
    origin: str,
    destination: str,
    year: int,
) -> AllocationPair:
    """One stored eligible match as the allocation engine takes it (ids as strings; the
    quota year is the vacancy's start year, as approvals count it)."""
    return AllocationPair(
        vacancy_id=str(vacancy_id),
        pool_id=str(pool_id),
        pathway=pathway,
        score=float(score),
        max_headcount=int(max_headcount),
        origin=origin,
        destination=destination,
        year=int(year),
    )


def allocation_problem(
    pairs: Sequence[AllocationPair],
    openings: Mapping[uuid.UUID, int],
    pool_headcount: Mapping[uuid.UUID, int],
    quotas: Mapping[tuple[str, int], int],
) -> AllocationProblem:
    return AllocationProblem(
        pairs=tuple(pairs),
        openings={str(k): int(v) for k, v in openings.items()},
        pool_headcount={str(k): int(v) for k, v in pool_headcount.items()},
        quotas=dict(quotas),
    )


# ---- ranking in blocks (imdi batch-rank) -----------------------------------------------------


def pool_index(columns: PoolColumns, taxonomy: Taxonomy) -> PoolIndex:
    return PoolIndex.from_columns(columns, taxonomy)


def rank_block(
    index: PoolIndex, vacancies: Sequence[Vacancy], ctx: Context, k: int | None, keep: int
) -> BlockTop:
    return _rank_block(index, vacancies, ctx, k, keep=keep)


def merge_blocks(
    parts: Sequence[BlockTop], vacancies: Sequence[Vacancy], ctx: Context, k: int | None, keep: int
) -> BlockTop:
    """The pieces of one vacancy block merged into its ranking, the first `keep` pairs of each
    vacancy with their missing essential skills (and no pool records left to send)."""
    merged = _merge_blocks(parts, k, keep=keep)
    if keep:
        merged = _explain_missing(merged, vacancies, ctx)
    return replace(merged, pools=())
