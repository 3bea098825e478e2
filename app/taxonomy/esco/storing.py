"""Storing an `EscoData`: the database brought in line with it, writing only what differs.

A newer release updates rows in place; rows it no longer has are deleted unless something names
them (vacancies, pools, occupation profiles: see references.py), and then they stay as they were.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, and_, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from app.db import table_of
from app.taxonomy.esco import references
from app.taxonomy.esco.progress import Progress, Silent
from app.taxonomy.esco.reading import EscoData
from app.taxonomy.models import (
    EscoOccupation,
    EscoOccupationSkill,
    Occupation,
    OccupationTitle,
    Skill,
    SkillBroader,
)

_BATCH = 5_000
#: Column length of the job titles written (longer ones are left out).
_TITLE_MAX = 300


@dataclass
class EscoReport:
    version: str = ""
    layout: str = ""
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    #: Rows the release no longer has that stay because vacancies, pools or profiles name them.
    kept: dict[str, int] = field(default_factory=dict)
    issues: list[str] = field(default_factory=list)
    orphan_relations: int = 0
    recomputed: bool = False

    def count(self, bucket: str, what: str, n: int) -> None:
        if n:
            target: dict[str, int] = getattr(self, bucket)
            target[what] = target.get(what, 0) + n

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


def _chunks(items: Sequence[Any], size: int = _BATCH) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _write(conn: Connection, stmt: Any, rows: Sequence[dict[str, Any]], progress: Progress) -> None:
    # executemany in batches: SQLAlchemy turns inserts into multi-row VALUES on PostgreSQL.
    for chunk in _chunks(rows):
        conn.execute(stmt, list(chunk))
        progress.advance(len(chunk))


def _update_stmt(table: Table, keys: Sequence[str], columns: Sequence[str]) -> Any:
    where = and_(*(table.c[k] == bindparam(f"k_{k}", type_=table.c[k].type) for k in keys))
    values = {c: bindparam(f"v_{c}", type_=table.c[c].type) for c in columns}
    return update(table).where(where).values(values)


def _update_rows(
    keys: Sequence[str], columns: Sequence[str], rows: Iterable[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    return [{**{f"k_{k}": r[k] for k in keys}, **{f"v_{c}": r[c] for c in columns}} for r in rows]


def _delete_keys(
    conn: Connection, table: Table, keys: Sequence[str], values: Sequence[tuple[Any, ...]]
) -> None:
    if not values:
        return
    if len(keys) == 1:
        column = table.c[keys[0]]
        for chunk in _chunks(sorted(v[0] for v in values)):
            conn.execute(delete(table).where(column.in_(list(chunk))))
        return
    where = and_(*(table.c[k] == bindparam(f"k_{k}", type_=table.c[k].type) for k in keys))
    conn.execute(
        delete(table).where(where), [{f"k_{k}": v[i] for i, k in enumerate(keys)} for v in values]
    )


_SKILL_COLUMNS = (
    "label",
    "alt_labels",
    "description",
    "is_group",
    "parent_id",
    "source",
    "skill_type",
    "reuse_level",
    "code",
)
_OCCUPATION_COLUMNS = ("label", "alt_labels", "isco_code", "code", "description", "version")


def store(session: Session, data: EscoData, progress: Progress | None = None) -> EscoReport:
    """Bring the database in line with `data`, writing only what differs. Flushes the session
    first and writes through its connection: the caller's transaction commits or rolls back."""
    progress = progress or Silent()
    report = EscoReport(
        version=data.version,
        layout=data.layout,
        issues=list(data.issues),
        orphan_relations=data.orphan_relations,
    )
    session.flush()
    conn = session.connection()

    # ISCO groups: their ESCO URIs.
    occupations = dict(conn.execute(select(Occupation.code, Occupation.esco_uri)).all())
    changes = []
    for code, uri in sorted(data.isco_groups.items()):
        if code not in occupations:
            report.issues.append(f"ISCO group {code} ({uri}): not in the ISCO-08 table, left out")
        elif occupations[code] != uri:
            changes.append({"k_code": code, "v_esco_uri": uri})
    table = table_of(Occupation)
    if changes:
        # Clear first: two groups swapping URIs must not meet the unique constraint midway.
        conn.execute(
            update(table).where(table.c.code == bindparam("k_code")).values(esco_uri=None),
            [{"k_code": c["k_code"]} for c in changes],
        )
        conn.execute(_update_stmt(table, ["code"], ["esco_uri"]), changes)
    report.count("updated", "ISCO groups (ESCO URI)", len(changes))

    unit_groups = set(conn.execute(select(Occupation.code).where(Occupation.level == 4)).scalars())
    wanted_occupations = {}
    for uri, occ in data.occupations.items():
        if occ["isco_code"] in unit_groups:
            wanted_occupations[uri] = occ
        else:
            report.issues.append(
                f"occupation {uri} ({occ['label']}): ISCO group {occ['isco_code']!r} is not an "
                "ISCO-08 unit group, left out"
            )

    vanished_skills = _store_skills(conn, data, report, progress)
    _store_broader(conn, data, report, progress)
    _store_occupations(conn, wanted_occupations, report, progress)
    _store_relations(conn, data, report, progress)
    _store_titles(conn, wanted_occupations, report, progress)
    _delete_vanished_skills(conn, vanished_skills, report)
    # Core writes bypass the session's identity map: forget what it had loaded.
    session.expire_all()
    return report


def _store_skills(
    conn: Connection, data: EscoData, report: EscoReport, progress: Progress
) -> set[str]:
    """Insert and update ESCO skills and groups; return the ESCO ones the release lacks."""
    table = table_of(Skill)
    existing = {
        row.id: row
        for row in conn.execute(select(table.c.id, *(table.c[c] for c in _SKILL_COLUMNS)))
    }
    # Parents before children: each row's parent is in the table when the row arrives.
    depth: dict[str, int] = {}

    def level(uri: str) -> int:
        chain = []
        node: str | None = uri
        while node is not None and node not in depth and node in data.concepts:
            chain.append(node)
            node = data.concepts[node]["parent_id"]
        base = depth.get(node, -1) if node is not None else -1
        for n in reversed(chain):
            base += 1
            depth[n] = base
        return depth[uri]

    new = sorted(
        (c for uri, c in data.concepts.items() if uri not in existing),
        key=lambda c: (level(c["id"]), c["id"]),
    )
    changed = [
        c
        for uri, c in sorted(data.concepts.items())
        if uri in existing and any(getattr(existing[uri], col) != c[col] for col in _SKILL_COLUMNS)
    ]
    progress.start("writing skills and skill groups", len(new) + len(changed))
    _write(
        conn,
        insert(table),
        [{"id": c["id"], **{k: c[k] for k in _SKILL_COLUMNS}} for c in new],
        progress,
    )
    _write(
        conn,
        _update_stmt(table, ["id"], _SKILL_COLUMNS),
        _update_rows(["id"], _SKILL_COLUMNS, changed),
        progress,
    )
    progress.finish()
    report.count("created", "skill groups", sum(c["is_group"] for c in new))
    report.count("created", "skills", sum(not c["is_group"] for c in new))
    report.count("updated", "skill groups", sum(c["is_group"] for c in changed))
    report.count("updated", "skills", sum(not c["is_group"] for c in changed))
    return {
        uri for uri, row in existing.items() if row.source == "esco" and uri not in data.concepts
    }


def _store_broader(conn: Connection, data: EscoData, report: EscoReport, p: Progress) -> None:
    table = table_of(SkillBroader)
    existing = set(conn.execute(select(table.c.skill_id, table.c.broader_id)))
    new = sorted(data.broader - existing)
    gone = sorted(existing - data.broader)
    p.start("writing broader relations", len(new))
    _write(conn, insert(table), [{"skill_id": a, "broader_id": b} for a, b in new], p)
    _delete_keys(conn, table, ["skill_id", "broader_id"], gone)
    p.finish()
    report.count("created", "broader relations", len(new))
    report.count("deleted", "broader relations", len(gone))


def _store_occupations(
    conn: Connection, wanted: Mapping[str, dict[str, Any]], report: EscoReport, p: Progress
) -> None:
    table = table_of(EscoOccupation)
    existing = {
        row.uri: row
        for row in conn.execute(select(table.c.uri, *(table.c[c] for c in _OCCUPATION_COLUMNS)))
    }
    new = [o for uri, o in sorted(wanted.items()) if uri not in existing]
    changed = [
        o
        for uri, o in sorted(wanted.items())
        if uri in existing and any(getattr(existing[uri], c) != o[c] for c in _OCCUPATION_COLUMNS)
    ]
    p.start("writing ESCO occupations", len(new) + len(changed))
    _write(conn, insert(table), new, p)
    _write(
        conn,
        _update_stmt(table, ["uri"], _OCCUPATION_COLUMNS),
        _update_rows(["uri"], _OCCUPATION_COLUMNS, changed),
        p,
    )
    p.finish()
    report.count("created", "ESCO occupations", len(new))
    report.count("updated", "ESCO occupations", len(changed))

    vanished = sorted(set(existing) - set(wanted))
    if vanished:
        # Vacancies and pools name ESCO occupations by URI: those stay as they were.
        named: set[str] = set()
        columns = references.esco_occupation_columns(conn)
        for chunk in _chunks(vanished):
            for column in columns:
                named.update(conn.execute(select(column).where(column.in_(list(chunk)))).scalars())
        gone = [u for u in vanished if u not in named]
        _delete_keys(conn, table, ["uri"], [(u,) for u in gone])
        report.count("deleted", "ESCO occupations", len(gone))
        report.count("kept", "ESCO occupations", len(vanished) - len(gone))


def _store_relations(conn: Connection, data: EscoData, report: EscoReport, p: Progress) -> None:
    table = table_of(EscoOccupationSkill)
    existing = {
        (o, s): r
        for o, s, r in conn.execute(
            select(table.c.occupation_uri, table.c.skill_id, table.c.relation)
        )
    }
    new = [
        {"occupation_uri": o, "skill_id": s, "relation": r}
        for (o, s), r in sorted(data.relations.items())
        if (o, s) not in existing
    ]
    changed = [
        {"k_occupation_uri": o, "k_skill_id": s, "v_relation": r}
        for (o, s), r in sorted(data.relations.items())
        if (o, s) in existing and existing[(o, s)] != r
    ]
    gone = sorted(set(existing) - set(data.relations))
    p.start("writing occupation-skill relations", len(new) + len(changed))
    _write(conn, insert(table), new, p)
    _write(conn, _update_stmt(table, ["occupation_uri", "skill_id"], ["relation"]), changed, p)
    _delete_keys(conn, table, ["occupation_uri", "skill_id"], gone)
    p.finish()
    report.count("created", "occupation-skill relations", len(new))
    report.count("updated", "occupation-skill relations", len(changed))
    report.count("deleted", "occupation-skill relations", len(gone))


def _store_titles(
    conn: Connection, wanted: Mapping[str, dict[str, Any]], report: EscoReport, p: Progress
) -> None:
    """ESCO's occupation labels as job titles of their unit groups (what the coder learns)."""
    table = table_of(OccupationTitle)
    titles: set[tuple[str, str]] = set()
    for occ in wanted.values():
        for text in (occ["label"], *occ["alt_labels"]):
            if len(text) <= _TITLE_MAX:
                titles.add((occ["isco_code"], text))
    existing = {
        (code, title): source
        for code, title, source in conn.execute(
            select(table.c.occupation_code, table.c.title, table.c.source)
        )
    }
    # A title the project lists already (source builtin) stays the project's.
    new = sorted(titles - set(existing))
    gone = sorted(k for k, source in existing.items() if source == "esco" and k not in titles)
    p.start("writing job titles for the coder", len(new))
    # New rows before deletions: ids only grow, which the coder's fingerprint relies on.
    _write(
        conn,
        insert(table),
        [{"occupation_code": c, "title": t, "source": "esco"} for c, t in new],
        p,
    )
    if gone:
        where = and_(
            table.c.occupation_code == bindparam("k_code"),
            table.c.title == bindparam("k_title"),
            table.c.source == "esco",
        )
        conn.execute(delete(table).where(where), [{"k_code": c, "k_title": t} for c, t in gone])
    p.finish()
    report.count("created", "job titles", len(new))
    report.count("deleted", "job titles", len(gone))


def _delete_vanished_skills(conn: Connection, vanished: set[str], report: EscoReport) -> None:
    """Delete ESCO skills the release no longer has, unless something names them."""
    if not vanished:
        return
    table = table_of(Skill)
    named: set[str] = set()
    ids = sorted(vanished)
    columns = references.skill_columns(conn)
    for chunk in _chunks(ids):
        for column in columns:
            named.update(
                conn.execute(select(column).distinct().where(column.in_(list(chunk)))).scalars()
            )
    # A kept skill keeps its chain of groups, so that its hierarchy credit still works.
    parents = dict(
        conn.execute(select(table.c.id, table.c.parent_id).where(table.c.source == "esco")).all()
    )
    keep = set()
    for uri in named:
        node: str | None = uri
        while node is not None and node not in keep:
            keep.add(node)
            node = parents.get(node)
    # Built-in rows pointing at a vanished group (none normally) keep it too.
    for parent in conn.execute(
        select(table.c.parent_id).where(table.c.source != "esco", table.c.parent_id.is_not(None))
    ).scalars():
        if parent in vanished:
            keep.add(parent)
    gone = [u for u in ids if u not in keep]
    # Unlink before deleting: a vanished group may be the parent of other vanished rows, and
    # deleting in chunks must not meet the foreign key halfway.
    for chunk in _chunks(gone):
        conn.execute(update(table).where(table.c.id.in_(list(chunk))).values(parent_id=None))
    _delete_keys(conn, table, ["id"], [(u,) for u in gone])
    report.count("deleted", "skills and skill groups", len(gone))
    report.count("kept", "skills and skill groups", len([u for u in ids if u in keep]))
