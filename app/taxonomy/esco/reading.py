"""Reading the ESCO CSV files into an `EscoData`: rows parsed and checked, nothing stored.

Columns are found by header. `link` chooses each concept's one skill group (skills.parent_id).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any

from app.taxonomy.esco.discovery import CsvFile, EscoFiles
from app.taxonomy.esco.errors import EscoError
from app.taxonomy.esco.progress import Progress, Silent

#: Column length of the labels written (values longer than this are refused per row).
_LABEL_MAX = 300


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
    progress = progress or Silent()
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
