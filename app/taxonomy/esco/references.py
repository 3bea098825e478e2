"""What names the taxonomy's rows from outside it, found in the schema rather than imported.

The import keeps a vanished skill or ESCO occupation that something still names, and tells when
vacancies or pools use ESCO skills. The taxonomy knows no domain: the naming columns are read from
the database's own schema (SQLAlchemy's inspector), so whatever table points at the taxonomy is
seen, whichever models the running process imported:
- skills: every foreign key to skills.id (vacancy_skills, pool_skills, occupation_skills), except
  those of the tables the import itself rewrites (skills, their broader relations, ESCO's
  occupation-skill relations);
- ESCO occupations: every column named `esco_occupation_uri` outside the taxonomy (vacancies and
  pools name them so, without a foreign key, so that a vanished one can stay), and any foreign key
  to esco_occupations.uri.
"""

from __future__ import annotations

from sqlalchemy import ColumnClause, Connection, column, func, inspect, select, table
from sqlalchemy.orm import Session

from app.db import Base, table_of
from app.taxonomy.models import EscoOccupation, EscoOccupationSkill, Skill, SkillBroader

#: The column name by which other tables name an ESCO occupation (no foreign key).
ESCO_OCCUPATION_COLUMN = "esco_occupation_uri"

#: Tables the import writes itself: their rows naming a vanished row are gone by then.
_REWRITTEN = frozenset(
    table_of(model).name for model in (Skill, SkillBroader, EscoOccupationSkill, EscoOccupation)
)


def _taxonomy_tables() -> frozenset[str]:
    """The tables of the taxonomy's own models (app.taxonomy.models)."""
    return frozenset(
        table_of(mapper.class_).name
        for mapper in Base.registry.mappers
        if mapper.class_.__module__.startswith("app.taxonomy.")
    )


def _foreign_keys_to(conn: Connection, target: str, target_column: str) -> set[tuple[str, str]]:
    """(table, column) of every single-column foreign key to `target`.`target_column`."""
    found: set[tuple[str, str]] = set()
    for (_schema, name), keys in inspect(conn).get_multi_foreign_keys().items():
        for key in keys:
            if (
                key["referred_table"] == target
                and list(key["referred_columns"]) == [target_column]
                and len(key["constrained_columns"]) == 1
            ):
                found.add((name, key["constrained_columns"][0]))
    return found


def _columns(pairs: set[tuple[str, str]]) -> list[ColumnClause[str]]:
    return [table(name, column(col)).c[col] for name, col in sorted(pairs)]


def skill_columns(conn: Connection, *, outside_taxonomy: bool = False) -> list[ColumnClause[str]]:
    """The columns outside the import's own tables that name skills (by id); with
    `outside_taxonomy`, only those of tables outside the taxonomy (vacancies, pools)."""
    skills = table_of(Skill)
    skip = _REWRITTEN | (_taxonomy_tables() if outside_taxonomy else frozenset())
    pairs = {p for p in _foreign_keys_to(conn, skills.name, "id") if p[0] not in skip}
    return _columns(pairs)


def esco_occupation_columns(conn: Connection) -> list[ColumnClause[str]]:
    """The columns that name ESCO occupations (by URI), outside the taxonomy's own tables."""
    skip = _REWRITTEN | _taxonomy_tables()
    pairs = {
        p for p in _foreign_keys_to(conn, table_of(EscoOccupation).name, "uri") if p[0] not in skip
    }
    for (_schema, name), columns in inspect(conn).get_multi_columns().items():
        if name not in skip:
            pairs.update((name, c["name"]) for c in columns if c["name"] == ESCO_OCCUPATION_COLUMN)
    return _columns(pairs)


def esco_uses(session: Session) -> bool:
    """Whether open vacancies or pools name ESCO skills or occupations (their stored matches
    depend on ESCO's hierarchy and relations)."""
    esco_skill = select(Skill.id).where(Skill.source == "esco")
    checks = (
        select(func.count()).select_from(t).where(c.in_(esco_skill))
        for c in skill_columns(session.connection(), outside_taxonomy=True)
        if (t := c.table) is not None  # always: _columns makes each on its table
    )
    return any((session.scalar(q) or 0) > 0 for q in checks)
