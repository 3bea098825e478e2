"""Import of the official ESCO CSV download (https://esco.ec.europa.eu/en/use-esco/download).

ESCO, the European Skills, Competences, Qualifications and Occupations classification, is
(c) European Union, reusable with attribution (the README and GET /api/v1/taxonomy say so).

What is loaded, and where:
- ISCO-08 groups (ISCOGroups): their ESCO URI in occupations.esco_uri; titles stay the project's.
- occupations -> esco_occupations (URI, preferred and alternative labels, ISCO unit group, code,
  description, release), and their labels as job titles (occupation_titles, source 'esco') that
  the job-title coder learns from: its fingerprint changes, so every process rebuilds its model.
- skills and skill groups (skills, skillGroups, plus groups named only in skillsHierarchy) ->
  skills (id = URI, source 'esco', skill type, reuse level, group code).
- broader relations (broaderRelationsSkillPillar, skillsHierarchy) -> skill_broader_relations,
  and, because the engine wants ONE group per skill, skills.parent_id = the nearest group:
  the skill groups reachable in the fewest broader steps, the first of them by URI.
- occupation-skill relations -> esco_occupation_skills (essential | optional).

Two layouts: v1.1.x ships the relations in a second zip without a language
("ESCO dataset - v1.1.1 - classification -  - csv.zip": occupationSkillRelations.csv,
broaderRelationsSkillPillar.csv); v1.2.x names them occupationSkillRelations_en.csv (with label
columns) and so on. Files are found by name in any mix of zips and folders, columns by header.

Idempotent: rows are compared with what is stored and only the differences are written, so a
second import changes nothing. A newer release updates rows in place; rows it no longer has are
deleted unless vacancies, pools or occupation profiles name them (then they stay as they were:
existing vacancies and pools keep working).
"""

from __future__ import annotations

import csv
import io
import re
import sys
import time
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TextIO

from sqlalchemy import Connection, Table, and_, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from app.matches import feed
from app.pools.models import Pool, PoolSkill
from app.taxonomy.models import (
    EscoOccupation,
    EscoOccupationSkill,
    Occupation,
    OccupationSkill,
    OccupationTitle,
    Skill,
    SkillBroader,
)
from app.vacancies.models import Vacancy, VacancySkill

#: Files the import needs (keys: lower-case name without ".csv" and without "_en").
REQUIRED = (
    "iscogroups",
    "occupations",
    "skills",
    "skillgroups",
    "broaderrelationsskillpillar",
    "occupationskillrelations",
)
#: Used when present: codes of the skill groups, and groups the other files do not list.
OPTIONAL = ("skillshierarchy",)

_VERSION = re.compile(r"\bv(\d+\.\d+(?:\.\d+)?)\b")
_BATCH = 5_000
#: Column lengths of the tables written (values longer than these are refused per row).
_LABEL_MAX = 300
_TITLE_MAX = 300


class EscoError(Exception):
    """The download is incomplete or not ESCO: the message says what is missing."""


# ---- progress ------------------------------------------------------------------------------


class Progress:
    """A small progress printer for stderr: a redrawn bar on a terminal, one line per stage
    otherwise (so that logs stay readable). Stages have a total in whatever unit they count."""

    def __init__(self, stream: TextIO | None = None, width: int = 28) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.label = ""
        self.total = 0
        self.done_units = 0
        self._shown = -1
        self._started = 0.0

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.done_units, self._shown = label, max(total, 0), 0, -1
        self._started = time.perf_counter()
        if not self.tty:
            print(f"{label} ...", file=self.stream, flush=True)
        self._draw()

    def advance(self, n: int = 1) -> None:
        self.done_units += n
        self._draw()

    def finish(self, note: str = "") -> None:
        self.done_units = self.total
        seconds = time.perf_counter() - self._started
        suffix = f" {note}" if note else ""
        if self.tty:
            self._draw(force=True)
            print(f" {seconds:.1f}s{suffix}", file=self.stream, flush=True)
        else:
            print(f"{self.label}: done in {seconds:.1f}s{suffix}", file=self.stream, flush=True)

    def _draw(self, *, force: bool = False) -> None:
        if not self.tty:
            return
        share = 1.0 if self.total == 0 else min(1.0, self.done_units / self.total)
        percent = int(share * 100)
        if percent == self._shown and not force:
            return  # redraw only when the figure moves: a terminal write per row is slow
        self._shown = percent
        filled = int(share * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r{self.label:<40.40} [{bar}] {percent:3d}%")
        self.stream.flush()


class _Silent(Progress):
    def __init__(self) -> None:
        super().__init__(stream=io.StringIO())

    def start(self, label: str, total: int) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def finish(self, note: str = "") -> None:
        pass


# ---- finding the files ---------------------------------------------------------------------


@dataclass(frozen=True)
class CsvFile:
    name: str  # as published, e.g. "occupationSkillRelations_en.csv"
    where: str  # the zip or folder it is in, for messages
    size: int  # uncompressed bytes, for the progress bar
    opener: Callable[[], IO[bytes]]


@dataclass
class EscoFiles:
    files: dict[str, CsvFile]
    #: "v1.1.x" (relations without a language suffix) or "v1.2.x" (occupationSkillRelations_en).
    layout: str
    #: The release, from the file names (e.g. "v1.1.1"), or "unknown".
    version: str


def _key(name: str) -> str | None:
    """Lookup key of a file name: "skills_en.csv" -> "skills"; None for other files."""
    base = name.rsplit("/", 1)[-1]
    if not base.lower().endswith(".csv"):
        return None
    stem = base[:-4].lower()
    stem = stem.removesuffix("_en")
    if re.search(r"_[a-z]{2}$", stem):  # another language's file: this import reads English
        return None
    return stem


def _zip_members(path: Path) -> Iterator[CsvFile]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise EscoError(f"{path} cannot be read as a zip file: {exc}") from exc
    with archive:
        infos = archive.infolist()
    for info in infos:
        if info.is_dir():
            continue

        def opener(p: Path = path, member: str = info.filename) -> IO[bytes]:
            # A fresh ZipFile per read: the file handle is closed with the member stream.
            zf = zipfile.ZipFile(p)
            stream = zf.open(member)
            return _Closing(stream, zf)

        yield CsvFile(info.filename.rsplit("/", 1)[-1], str(path), info.file_size, opener)


class _Closing(io.RawIOBase):
    """A zip member stream that also closes its archive."""

    def __init__(self, stream: IO[bytes], archive: zipfile.ZipFile) -> None:
        self._stream = stream
        self._archive = archive

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self._stream.close()
            self._archive.close()
        finally:
            super().close()


def _candidates(path: Path) -> Iterator[CsvFile]:
    if not path.exists():
        raise EscoError(f"{path} does not exist")
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.suffix.lower() == ".zip":
                yield from _zip_members(child)
            elif child.suffix.lower() == ".csv" and child.is_file():
                yield CsvFile(
                    child.name,
                    str(child.parent),
                    child.stat().st_size,
                    lambda c=child: c.open("rb"),
                )
    elif path.suffix.lower() == ".zip":
        yield from _zip_members(path)
    elif path.suffix.lower() == ".csv" and path.is_file():
        yield CsvFile(path.name, str(path.parent), path.stat().st_size, lambda: path.open("rb"))
    else:
        raise EscoError(f"{path} is not a zip file, a CSV file or a folder")


def find_files(paths: Sequence[str | Path], version: str | None = None) -> EscoFiles:
    """The ESCO files among `paths` (zips, folders of CSVs or zips, or CSV files)."""
    if not paths:
        raise EscoError("name the ESCO download: its zip files or the folder they unzip to")
    found: dict[str, CsvFile] = {}
    for raw in paths:
        for f in _candidates(Path(raw)):
            key = _key(f.name)
            if key is None or key not in (*REQUIRED, *OPTIONAL):
                continue
            if key in found:
                raise EscoError(
                    f"{f.name} is there twice ({found[key].where} and {f.where}): "
                    "name one ESCO download"
                )
            found[key] = f
    missing = [k for k in REQUIRED if k not in found]
    if missing:
        hint = ""
        if "occupationskillrelations" in missing and len(missing) <= 2:
            hint = (
                " (ESCO v1.1.x ships the relations in a second zip, "
                "'ESCO dataset - vX - classification -  - csv.zip': name both zips)"
            )
        raise EscoError(
            "not a complete ESCO CSV download: missing "
            + ", ".join(f"{k}.csv" for k in missing)
            + hint
        )
    relations = found["occupationskillrelations"].name
    layout = "v1.2.x" if relations.lower().endswith("_en.csv") else "v1.1.x"
    if version is None:
        for raw in [*(str(p) for p in paths), *(f.where for f in found.values())]:
            m = _VERSION.search(raw)
            if m:
                version = f"v{m.group(1)}"
                break
    return EscoFiles(found, layout, (version or "unknown")[:20])


# ---- reading -------------------------------------------------------------------------------


class _Counting(io.RawIOBase):
    """Counts the bytes read, for the progress bar."""

    def __init__(self, raw: IO[bytes], progress: Progress) -> None:
        self._raw = raw
        self._progress = progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        buffer[: len(data)] = data
        self._progress.advance(len(data))
        return len(data)

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


def _rows(f: CsvFile, progress: Progress) -> Iterator[dict[str, str]]:
    # Fields such as altLabels and descriptions hold newlines: the csv module reads them whole.
    # Some descriptions are longer than the csv module's default field limit (128 KiB).
    csv.field_size_limit(max(csv.field_size_limit(), 16 * 1024 * 1024))
    raw = _Counting(f.opener(), progress)
    with io.TextIOWrapper(io.BufferedReader(raw), encoding="utf-8-sig", newline="") as text:
        reader = csv.DictReader(text)
        for row in reader:
            yield {k: (v or "") for k, v in row.items() if k is not None}


def _need(f: CsvFile, row: Mapping[str, str], *columns: str) -> None:
    missing = [c for c in columns if c not in row]
    if missing:
        raise EscoError(f"{f.name} ({f.where}) has no column {', '.join(missing)}")


def _labels(value: str, preferred: str = "") -> list[str]:
    """ESCO's newline-separated labels, trimmed, without repeats or the preferred label."""
    out: list[str] = []
    seen = {preferred}
    for line in value.replace("\r", "\n").split("\n"):
        label = " ".join(line.split())
        if label and label not in seen:
            seen.add(label)
            out.append(label)
    return out


def _clean(value: str) -> str:
    return " ".join(value.split())


@dataclass
class EscoData:
    """One ESCO release, read from its files, checked, not yet stored."""

    version: str
    layout: str
    #: ISCO code -> ESCO URI of the ISCO group.
    isco_groups: dict[str, str] = field(default_factory=dict)
    occupations: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Skills and groups by URI: the values of skills rows, parent_id filled in by link().
    concepts: dict[str, dict[str, Any]] = field(default_factory=dict)
    broader: set[tuple[str, str]] = field(default_factory=set)
    relations: dict[tuple[str, str], str] = field(default_factory=dict)
    #: Rows left out, with why (shown by the command; none in ESCO v1.1.1 except as noted there).
    issues: list[str] = field(default_factory=list)
    #: Occupation-skill relations naming an occupation the occupations file lacks (kept).
    orphan_relations: int = 0


def read(files: EscoFiles, progress: Progress | None = None) -> EscoData:
    progress = progress or _Silent()
    data = EscoData(version=files.version, layout=files.layout)
    f = files.files

    def each(key: str, *columns: str) -> Iterator[dict[str, str]]:
        csv_file = f[key]
        progress.start(f"reading {csv_file.name}", csv_file.size)
        first = True
        for row in _rows(csv_file, progress):
            if first:
                _need(csv_file, row, *columns)
                first = False
            yield row
        progress.finish()

    for row in each("iscogroups", "conceptUri", "code"):
        data.isco_groups[row["code"].strip()] = row["conceptUri"].strip()

    for row in each("occupations", "conceptUri", "iscoGroup", "preferredLabel", "altLabels"):
        uri = row["conceptUri"].strip()
        label = _clean(row["preferredLabel"])
        if not uri or not label or len(label) > _LABEL_MAX:
            data.issues.append(f"occupation {uri or '?'}: no usable preferred label, left out")
            continue
        data.occupations[uri] = {
            "uri": uri,
            "label": label,
            "alt_labels": _labels(row["altLabels"], label),
            "isco_code": row["iscoGroup"].strip(),
            "code": row.get("code", "").strip()[:30] or None,
            "description": (row.get("description") or row.get("definition") or "").strip(),
            "version": data.version,
        }

    for row in each("skillgroups", "conceptUri", "preferredLabel"):
        _add_concept(data, row, is_group=True)
    for row in each("skills", "conceptUri", "preferredLabel", "skillType", "reuseLevel"):
        _add_concept(data, row, is_group=False)

    if "skillshierarchy" in f:
        _read_hierarchy(data, each("skillshierarchy", "Level 0 URI"))

    for row in each("broaderrelationsskillpillar", "conceptUri", "broaderUri"):
        narrower, broader = row["conceptUri"].strip(), row["broaderUri"].strip()
        if narrower in data.concepts and broader in data.concepts and narrower != broader:
            data.broader.add((narrower, broader))
        else:
            data.issues.append(
                f"broader relation {narrower} -> {broader}: names a concept the skill files "
                "lack, left out"
            )

    for row in each("occupationskillrelations", "occupationUri", "relationType", "skillUri"):
        occupation, skill = row["occupationUri"].strip(), row["skillUri"].strip()
        relation = row["relationType"].strip().lower()
        if relation not in ("essential", "optional") or skill not in data.concepts:
            data.issues.append(
                f"relation {occupation} -> {skill} ({relation or 'no type'}): left out"
            )
            continue
        if data.concepts[skill]["is_group"]:
            data.issues.append(f"relation {occupation} -> {skill}: a skill group, left out")
            continue
        if occupation not in data.occupations:
            data.orphan_relations += 1
        # A relation listed twice keeps the stronger type.
        if data.relations.get((occupation, skill)) != "essential":
            data.relations[(occupation, skill)] = relation

    link(data)
    return data


def _add_concept(data: EscoData, row: Mapping[str, str], *, is_group: bool) -> None:
    uri = row["conceptUri"].strip()
    label = _clean(row["preferredLabel"])
    if not uri or not label or len(label) > _LABEL_MAX or len(uri) > 255:
        data.issues.append(f"skill {uri or '?'}: no usable preferred label, left out")
        return
    if uri in data.concepts:
        data.issues.append(f"skill {uri}: listed twice, the first kept")
        return
    data.concepts[uri] = {
        "id": uri,
        "label": label,
        "alt_labels": _labels(row.get("altLabels", ""), label),
        "description": (row.get("description") or row.get("definition") or "").strip(),
        "is_group": is_group,
        "parent_id": None,
        "source": "esco",
        "skill_type": None if is_group else (row.get("skillType", "").strip()[:30] or None),
        "reuse_level": None if is_group else (row.get("reuseLevel", "").strip()[:30] or None),
        "code": (row.get("code", "").strip()[:30] or None) if is_group else None,
    }


def _read_hierarchy(data: EscoData, rows: Iterable[dict[str, str]]) -> None:
    """Group codes, groups the skillGroups file lacks, and the group tree's edges."""
    for row in rows:
        chain: list[str] = []
        for level in range(4):
            uri = row.get(f"Level {level} URI", "").strip()
            if not uri:
                break
            code = row.get(f"Level {level} code", "").strip()[:30] or None
            if uri not in data.concepts:
                label = _clean(row.get(f"Level {level} preferred term", ""))
                if not label or len(label) > _LABEL_MAX:
                    break
                data.concepts[uri] = {
                    "id": uri,
                    "label": label,
                    "alt_labels": [],
                    "description": row.get("Description", "").strip(),
                    "is_group": True,
                    "parent_id": None,
                    "source": "esco",
                    "skill_type": None,
                    "reuse_level": None,
                    "code": code,
                }
            concept = data.concepts[uri]
            if concept["is_group"] and concept["code"] is None and code:
                concept["code"] = code
            chain.append(uri)
        for narrower, broader in zip(chain[1:], chain[:-1], strict=True):
            data.broader.add((narrower, broader))


def link(data: EscoData) -> None:
    """skills.parent_id: for each concept, the skill groups reachable in the fewest broader
    steps, and of those the first by URI, so that the choice is the same on every import."""
    up: dict[str, list[str]] = defaultdict(list)
    for narrower, broader in data.broader:
        up[narrower].append(broader)
    groups = {uri for uri, c in data.concepts.items() if c["is_group"]}
    for uri, concept in data.concepts.items():
        seen = {uri}
        frontier = [uri]
        parent = None
        while frontier and parent is None:
            step = {b for node in frontier for b in up.get(node, ()) if b not in seen}
            reached = sorted(step & groups)
            if reached:
                parent = reached[0]
            seen |= step
            frontier = sorted(step)
        concept["parent_id"] = parent
    # Groups point up the group tree; a cycle there (not in any ESCO release so far) would loop
    # the engine's walk up, so it is cut where it closes.
    for uri in sorted(groups):
        path: list[str] = []
        node: str | None = uri
        while node is not None and node not in path:
            path.append(node)
            node = data.concepts[node]["parent_id"]
        if node is not None:
            data.issues.append(f"skill group {path[-1]}: its broader groups form a cycle, cut")
            data.concepts[path[-1]]["parent_id"] = None


# ---- storing -------------------------------------------------------------------------------


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
    progress = progress or _Silent()
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
    table = Occupation.__table__
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
    table = Skill.__table__
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
    table = SkillBroader.__table__
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
    table = EscoOccupation.__table__
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
        for chunk in _chunks(vanished):
            for model in (Vacancy, Pool):
                named.update(
                    conn.execute(
                        select(model.esco_occupation_uri).where(
                            model.esco_occupation_uri.in_(list(chunk))
                        )
                    ).scalars()
                )
        gone = [u for u in vanished if u not in named]
        _delete_keys(conn, table, ["uri"], [(u,) for u in gone])
        report.count("deleted", "ESCO occupations", len(gone))
        report.count("kept", "ESCO occupations", len(vanished) - len(gone))


def _store_relations(conn: Connection, data: EscoData, report: EscoReport, p: Progress) -> None:
    table = EscoOccupationSkill.__table__
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
    table = OccupationTitle.__table__
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
    table = Skill.__table__
    named: set[str] = set()
    ids = sorted(vanished)
    for chunk in _chunks(ids):
        for column in (VacancySkill.skill_id, PoolSkill.skill_id, OccupationSkill.skill_id):
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


# ---- the whole import ----------------------------------------------------------------------


def esco_uses(session: Session) -> bool:
    """Whether open vacancies or pools name ESCO skills or occupations (their stored matches
    depend on ESCO's hierarchy and relations)."""
    esco_skill = select(Skill.id).where(Skill.source == "esco")
    checks = (
        select(func.count()).select_from(VacancySkill).where(VacancySkill.skill_id.in_(esco_skill)),
        select(func.count()).select_from(PoolSkill).where(PoolSkill.skill_id.in_(esco_skill)),
    )
    return any((session.scalar(q) or 0) > 0 for q in checks)


def import_esco(
    session: Session,
    paths: Sequence[str | Path],
    *,
    version: str | None = None,
    progress: Progress | None = None,
    recompute: Callable[[Session], None] | None = None,
) -> EscoReport:
    """Find, read and store an ESCO download in the session's transaction. `recompute` re-ranks
    stored matches; it is called when the import changed something that vacancies or pools
    already use (a first import changes nothing they use)."""
    files = find_files(paths, version)
    data = read(files, progress)
    report = store(session, data, progress)
    if report.changed:
        # Every change reaches the live markets (each holds a copy of the taxonomy): they
        # rebuild at their next read. `recompute` is the caller's own hook, if any.
        feed.record(session, taxonomy=True)
        if recompute is not None:
            recompute(session)
        report.recomputed = esco_uses(session)
    return report
