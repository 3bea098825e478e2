"""Microdata mode: one row per survey respondent, aggregated into labour pools.

Only respondents willing to work abroad count. They are grouped by (origin, region, occupation);
a group with fewer than K respondents is suppressed (counted in the report, never stored) so that
no pool can point at a person, and respondent ids are used only to find duplicates: they are
never stored, logged or echoed in the report.

A group is a pool of identity (ministry, origin, region, occupation) with no sector experience:
respondents' sectors are checked against the taxonomy but not aggregated, so that a later wave
names the same identity and updates the pool (app/pools/service.py) instead of adding a second
one when the most common sector moves.

Rows are read once into compact integer arrays (codes interned), the distinct codes are checked
against the taxonomy in a few batched queries, and the aggregation runs on numpy arrays: 100,000
respondents take seconds and tens of megabytes.

Aggregation is two steps, so that a file read in blocks on many machines
(app/surveys/distributed.py) and a file read here in one go follow one rule set:
1. `MicrodataReader.tallies`: per cell (region, occupation), mergeable counts: respondents,
   experience values, ISCED levels, skills, (language, level) pairs. `merge_tallies` adds up
   the tallies of blocks (vectorised: no per-cell Python); `CellTallies.split` cuts them into
   buckets by a hash of the cell, so that buckets can be merged apart.
2. `pools_of`: tallies -> PoolIn items (k suppression, exact medians from the value counts as
   np.median takes them, shares, the caps), and `assemble` puts the parts into an `Aggregated`.
The reader's outside dependencies are pluggable for the same reason: the title coder, the
duplicate-respondent check and the taxonomy code check (in-process: the database and an
in-memory set of ids; distributed: answers computed once on the driver).
"""

from __future__ import annotations

import math
import zlib
from array import array
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
from sqlalchemy.orm import Session

from app.pools.schemas import PoolIn
from app.surveys import cells
from app.surveys.cells import CellError
from app.surveys.errors import row_error, shown
from app.surveys.occupations import Coding
from app.surveys.tables import ColumnSpec, Row
from app.taxonomy import lookup

#: Disclosure threshold: groups with fewer respondents than this are never stored.
K_ANONYMITY = 5
#: PoolIn limits: a pool lists at most this many skills and languages (the most common kept).
MAX_POOL_SKILLS = 200
MAX_POOL_LANGUAGES = 30
#: ISCED levels are 0..8.
_ISCED_LEVELS = 9

COLUMNS = ColumnSpec(
    required=frozenset(
        {"respondent_id", "occupation", "isced_level", "experience_years", "willing_to_work_abroad"}
    ),
    optional=frozenset({"region", "sector", "languages", "skills"}),
)


_PARSERS: dict[str, Callable[[str], Any]] = {
    "region": cells.region,
    "sector": cells.sector_code,
    "isced_level": lambda t: cells.parse_int(t, low=0, high=8),
    "experience_years": lambda t: cells.parse_float(t, low=0, high=60),
    "skills": lambda t: tuple(cells.parse_skills(t, allow_shares=False)),
    "languages": lambda t: tuple(cells.parse_languages(t, with_shares=False)),
}
_MISSING = object()
#: Bound on the parse cache: distinct cells beyond it are parsed each time (memory stays flat).
_MEMO_MAX = 200_000


def _unknown_occupation(code: str) -> str:
    return f"{shown(code)} is not an ISCO-08 unit group (see /api/v1/taxonomy/occupations)"


def _unknown_sector(code: str) -> str:
    return f"{shown(code)} is not an ISIC Rev.4 division (see /api/v1/taxonomy/sectors)"


def _unknown_skill(skill: str) -> str:
    return f"{shown(skill)} is not a skill id of the skills taxonomy (see /api/v1/taxonomy/skills)"


def title_key(title: str) -> str:
    """The key a job title is coded under (TitleCoder's): spelling variants share a coding."""
    return " ".join(title.casefold().split())


# ---- the reader's outside dependencies ---------------------------------------------------------


class TitleCoding(Protocol):
    """Codes a job title; raises CellError when it cannot (TitleCoder is one)."""

    def code(self, title: str) -> Coding: ...


class DuplicateCheck(Protocol):
    """True when the respondent id of file row `row` appeared on an earlier row."""

    def __call__(self, respondent_id: str, row: int) -> bool: ...


class SeenIds:
    """The in-process duplicate check: the ids seen so far, in memory only."""

    __slots__ = ("_seen",)

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def __call__(self, respondent_id: str, row: int) -> bool:
        if respondent_id in self._seen:
            return True
        self._seen.add(respondent_id)
        return False


class DuplicateRows:
    """The duplicates found beforehand (by keyed hashes, app/surveys/distributed.py): the rows
    of a block whose id appeared on an earlier row."""

    __slots__ = ("_rows",)

    def __init__(self, rows: Iterable[int]) -> None:
        self._rows = frozenset(rows)

    def __call__(self, respondent_id: str, row: int) -> bool:
        return row in self._rows


class CodeCheck(Protocol):
    """Which of the given codes the taxonomy knows (a container to test membership in)."""

    def unit_groups(self, codes: set[str]) -> Container[str]: ...

    def divisions(self, codes: set[str]) -> Container[str]: ...

    def skills(self, ids: set[str]) -> Container[str]: ...


class SessionCodes:
    """The in-process code check: the codes asked about, queried in the database."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def unit_groups(self, codes: set[str]) -> Container[str]:
        return lookup.unit_groups(self._session, codes)

    def divisions(self, codes: set[str]) -> Container[str]:
        return lookup.divisions(self._session, codes)

    def skills(self, ids: set[str]) -> Container[str]:
        return lookup.skills(self._session, ids)


@dataclass(frozen=True, slots=True)
class KnownCodes:
    """Every unit group, division and skill of the taxonomy, loaded once and shipped to the
    workers (a few tens of thousands of strings): no worker needs the database."""

    occupations: frozenset[str]
    sectors: frozenset[str]
    skill_ids: frozenset[str]

    def unit_groups(self, codes: set[str]) -> Container[str]:
        return self.occupations

    def divisions(self, codes: set[str]) -> Container[str]:
        return self.sectors

    def skills(self, ids: set[str]) -> Container[str]:
        return self.skill_ids


class _Interner:
    """Values -> small ints, so that per-respondent data are arrays of ints."""

    def __init__(self) -> None:
        self.ids: dict[Any, int] = {}
        self.values: list[Any] = []

    def __call__(self, value: Any) -> int:
        found = self.ids.get(value)
        if found is None:
            found = self.ids[value] = len(self.values)
            self.values.append(value)
        return found

    def __len__(self) -> int:
        return len(self.values)


# ---- step 1: per-cell tallies ------------------------------------------------------------------


def _group(
    cell: np.ndarray, value: np.ndarray, weight: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(cell, value) pairs -> the distinct pairs sorted by cell then value, with their counts
    (or summed weights)."""
    if not len(cell):
        return cell.astype(np.int64), value, np.zeros(0, dtype=np.int64)
    order = np.lexsort((value, cell))
    c, v = cell[order], value[order]
    first = np.ones(len(c), dtype=bool)
    first[1:] = (c[1:] != c[:-1]) | (v[1:] != v[:-1])
    starts = np.flatnonzero(first)
    if weight is None:
        counts = np.diff(np.append(starts, len(c))).astype(np.int64)
    else:
        counts = np.add.reduceat(weight[order], starts).astype(np.int64)
    return c[starts].astype(np.int64), v[starts], counts


@dataclass(slots=True)
class Counts:
    """(cell, value) -> count, one entry per pair, sorted by cell then value. The value is an
    experience (float), an ISCED level, or an index into the tallies' skills or languages."""

    cell: np.ndarray
    value: np.ndarray
    count: np.ndarray

    @classmethod
    def of(cls, cell: np.ndarray, value: np.ndarray, weight: np.ndarray | None = None) -> Counts:
        return cls(*_group(cell, value, weight))

    @classmethod
    def empty(cls, dtype: Any) -> Counts:
        return cls(np.zeros(0, np.int64), np.zeros(0, dtype), np.zeros(0, np.int64))

    def __len__(self) -> int:
        return len(self.cell)

    def take(self, index: np.ndarray) -> Counts:
        return Counts(self.cell[index], self.value[index], self.count[index])


@dataclass(slots=True)
class CellTallies:
    """Respondents per cell (region key, occupation) and the counts the pools are made of.
    Cells and pair counts refer to the name lists by index; tallies of any rows (a block, a
    bucket of a block) merge by adding up (`merge_tallies`)."""

    regions: list[str]  # region keys (casefolded)
    occupations: list[str]
    skills: list[str]
    languages: list[tuple[str, str]]
    cell_region: np.ndarray  # per cell: index into regions
    cell_occupation: np.ndarray  # ... into occupations
    size: np.ndarray  # respondents
    experience: Counts
    isced: Counts
    skill_counts: Counts  # value: index into skills
    language_counts: Counts  # value: index into languages

    @property
    def respondents(self) -> int:
        return int(self.size.sum())

    def buckets(self, n_buckets: int) -> np.ndarray:
        """Each cell's bucket: a hash of its names (the same in every process), so that one
        cell of many blocks lands in one bucket."""
        region_hash = np.array(
            [zlib.crc32(r.encode("utf-8", "surrogatepass")) for r in self.regions], np.uint64
        )
        occupation_hash = np.array(
            [zlib.crc32(o.encode("utf-8", "surrogatepass")) for o in self.occupations],
            np.uint64,
        )
        if not len(self.size):
            return np.zeros(0, np.int64)
        mixed = (
            region_hash[self.cell_region] * np.uint64(0x9E3779B1)
            + (occupation_hash[self.cell_occupation])
        )
        return (mixed % np.uint64(n_buckets)).astype(np.int64)

    def split(self, n_buckets: int) -> list[CellTallies]:
        """The tallies cut into `n_buckets` parts by `buckets`, each with only its names."""
        bucket = self.buckets(n_buckets)
        cell_order = np.argsort(bucket, kind="stable")
        cell_bounds = np.searchsorted(bucket[cell_order], np.arange(n_buckets + 1))
        # The new index of each cell within its bucket.
        position = np.empty(len(bucket), np.int64)
        position[cell_order] = np.arange(len(bucket)) - cell_bounds[bucket[cell_order]]

        def parts_of(counts: Counts) -> list[Counts]:
            of_pair = bucket[counts.cell]
            order = np.argsort(of_pair, kind="stable")  # keeps (cell, value) order
            bounds = np.searchsorted(of_pair[order], np.arange(n_buckets + 1))
            out = []
            for j in range(n_buckets):
                taken = counts.take(order[bounds[j] : bounds[j + 1]])
                taken.cell = position[taken.cell]
                out.append(taken)
            return out

        experience = parts_of(self.experience)
        isced = parts_of(self.isced)
        skills = parts_of(self.skill_counts)
        languages = parts_of(self.language_counts)
        out = []
        for j in range(n_buckets):
            cells_j = cell_order[cell_bounds[j] : cell_bounds[j + 1]]
            regions, region_index = _compact(self.regions, self.cell_region[cells_j])
            occupations, occupation_index = _compact(
                self.occupations, self.cell_occupation[cells_j]
            )
            skill_names, skill_index = _compact(self.skills, skills[j].value)
            language_names, language_index = _compact(self.languages, languages[j].value)
            out.append(
                CellTallies(
                    regions=regions,
                    occupations=occupations,
                    skills=skill_names,
                    languages=language_names,
                    cell_region=region_index,
                    cell_occupation=occupation_index,
                    size=self.size[cells_j],
                    experience=experience[j],
                    isced=isced[j],
                    skill_counts=Counts(skills[j].cell, skill_index, skills[j].count),
                    language_counts=Counts(languages[j].cell, language_index, languages[j].count),
                )
            )
        return out


def _compact(names: list[Any], used: np.ndarray) -> tuple[list[Any], np.ndarray]:
    """The names that `used` refers to, and `used` renumbered into that shorter list."""
    if not len(used):
        return [], used.astype(np.int64)
    kept, index = np.unique(used, return_inverse=True)
    return [names[i] for i in kept.tolist()], index.astype(np.int64)


def _union(lists: Sequence[list[Any]]) -> tuple[list[Any], list[np.ndarray]]:
    """One list of the names of many (first seen first) and, per list, its names' new index.
    Per name, never per cell: a block has a few hundred regions and occupations."""
    ids: dict[Any, int] = {}
    maps = []
    for names in lists:
        maps.append(np.array([ids.setdefault(n, len(ids)) for n in names], dtype=np.int64))
    return list(ids), maps


def empty_tallies() -> CellTallies:
    none = np.zeros(0, np.int64)
    return CellTallies(
        regions=[],
        occupations=[],
        skills=[],
        languages=[],
        cell_region=none,
        cell_occupation=none,
        size=none,
        experience=Counts.empty(np.float64),
        isced=Counts.empty(np.int64),
        skill_counts=Counts.empty(np.int64),
        language_counts=Counts.empty(np.int64),
    )


def merge_tallies(parts: Sequence[CellTallies]) -> CellTallies:
    """The tallies of all `parts` added up (the cells of many blocks, vectorised)."""
    parts = [p for p in parts if len(p.size)]
    if not parts:
        return empty_tallies()
    if len(parts) == 1:
        return parts[0]
    regions, region_maps = _union([p.regions for p in parts])
    occupations, occupation_maps = _union([p.occupations for p in parts])
    skills, skill_maps = _union([p.skills for p in parts])
    languages, language_maps = _union([p.languages for p in parts])
    n_occupations = max(1, len(occupations))
    codes = np.concatenate(
        [
            region_maps[i][p.cell_region] * n_occupations + occupation_maps[i][p.cell_occupation]
            for i, p in enumerate(parts)
        ]
    )
    merged, inverse = np.unique(codes, return_inverse=True)
    size = np.bincount(
        inverse, weights=np.concatenate([p.size for p in parts]), minlength=len(merged)
    ).astype(np.int64)
    bounds = np.cumsum([0, *(len(p.size) for p in parts)])
    new_cell = [inverse[bounds[i] : bounds[i + 1]] for i in range(len(parts))]

    def merged_counts(
        pick: Callable[[CellTallies], Counts], maps: list[np.ndarray] | None
    ) -> Counts:
        cell = np.concatenate([new_cell[i][pick(p).cell] for i, p in enumerate(parts)])
        value = np.concatenate(
            [pick(p).value if maps is None else maps[i][pick(p).value] for i, p in enumerate(parts)]
        )
        count = np.concatenate([pick(p).count for p in parts])
        return Counts.of(cell, value, count)

    return CellTallies(
        regions=regions,
        occupations=occupations,
        skills=skills,
        languages=languages,
        cell_region=(merged // n_occupations).astype(np.int64),
        cell_occupation=(merged % n_occupations).astype(np.int64),
        size=size,
        experience=merged_counts(lambda p: p.experience, None),
        isced=merged_counts(lambda p: p.isced, None),
        skill_counts=merged_counts(lambda p: p.skill_counts, skill_maps),
        language_counts=merged_counts(lambda p: p.language_counts, language_maps),
    )


# ---- step 2: tallies -> pools ------------------------------------------------------------------


@dataclass(slots=True)
class PoolPart:
    """The pools of some cells (all of a file's, or one bucket's), sorted by their key."""

    keys: list[tuple[str, str]] = field(default_factory=list)  # (region key, occupation)
    items: list[PoolIn] = field(default_factory=list)
    cells: int = 0
    cells_suppressed: int = 0
    respondents_suppressed: int = 0
    pooled: int = 0
    pools_with_skills_cut: int = 0


def _middles(counts: Counts, start: np.ndarray, size: np.ndarray) -> np.ndarray:
    """Per cell, the median of its values as np.median takes it: the middle value, or the
    mean of the two middle values ((a + b) / 2 in float64), from the sorted value counts."""
    ends = np.cumsum(counts.count)
    low = counts.value[np.searchsorted(ends, start + (size - 1) // 2, side="right")]
    high = counts.value[np.searchsorted(ends, start + size // 2, side="right")]
    return (low.astype(np.float64) + high.astype(np.float64)) / 2


def _ranked(
    counts: Counts, names: list[Any], n_cells: int, cells_wanted: np.ndarray
) -> tuple[list[int], list[int], list[int]]:
    """The pairs of the wanted cells, most common first, then by name: (cells, names, counts)
    as lists, grouped by cell."""
    wanted = np.zeros(n_cells, dtype=bool)
    wanted[cells_wanted] = True
    taken = counts.take(np.flatnonzero(wanted[counts.cell]))
    rank = np.empty(len(names), np.int64)
    rank[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names))
    order = np.lexsort((rank[taken.value], -taken.count, taken.cell))
    return (
        taken.cell[order].tolist(),
        taken.value[order].tolist(),
        taken.count[order].tolist(),
    )


def pools_of(tallies: CellTallies, labels: Mapping[str, str], origin: str) -> PoolPart:
    """The pools of the cells of `tallies` with at least K respondents, sorted by (region key,
    occupation); `labels` gives each region key its spelling (the first row's)."""
    size = tallies.size
    kept = size >= K_ANONYMITY
    out = PoolPart(
        cells=len(size),
        cells_suppressed=int((~kept).sum()),
        respondents_suppressed=int(size[~kept].sum()),
        pooled=int(size[kept].sum()),
    )
    kept_cells = np.flatnonzero(kept)
    if not len(kept_cells):
        return out
    start = np.cumsum(size) - size  # where each cell's values begin in its counts
    experience = _middles(tallies.experience, start[kept_cells], size[kept_cells]).tolist()
    isced = _middles(tallies.isced, start[kept_cells], size[kept_cells]).tolist()
    skill_cell, skill_id, skill_count = _ranked(
        tallies.skill_counts, tallies.skills, len(size), kept_cells
    )
    lang_cell, lang_id, lang_count = _ranked(
        tallies.language_counts, tallies.languages, len(size), kept_cells
    )

    regions, occupations = tallies.regions, tallies.occupations
    cell_region = tallies.cell_region.tolist()
    cell_occupation = tallies.cell_occupation.tolist()
    sizes = size.tolist()
    # Each kept cell's slice of the ranked skills and languages (both grouped by cell).
    skill_at = dict(zip(*_runs(skill_cell), strict=True))
    lang_at = dict(zip(*_runs(lang_cell), strict=True))
    figures = {c: (e, i) for c, e, i in zip(kept_cells.tolist(), experience, isced, strict=True)}
    keyed = sorted(((regions[cell_region[c]], occupations[cell_occupation[c]]), c) for c in figures)
    for key, c in keyed:
        region_key, occupation = key
        n = sizes[c]
        median_exp, median_isced = figures[c]
        lo, hi = skill_at.get(c, (0, 0))
        skills = [
            {"skill": tallies.skills[s], "share": k / n}
            for s, k in zip(skill_id[lo:hi], skill_count[lo:hi], strict=True)
        ]
        if len(skills) > MAX_POOL_SKILLS:
            out.pools_with_skills_cut += 1
            skills = skills[:MAX_POOL_SKILLS]
        lo, hi = lang_at.get(c, (0, 0))
        hi = min(hi, lo + MAX_POOL_LANGUAGES)
        languages = [
            {"language": tallies.languages[v][0], "level": tallies.languages[v][1], "share": k / n}
            for v, k in zip(lang_id[lo:hi], lang_count[lo:hi], strict=True)
        ]
        out.keys.append(key)
        out.items.append(
            PoolIn.model_validate(
                {
                    "origin_country": origin,
                    "region": labels[region_key] or None,
                    "occupation": occupation,
                    # The cell is (origin, region, occupation): that is the pool's identity,
                    # with no sector, so that the next wave finds this pool again.
                    "sector": None,
                    "headcount": n,
                    "skills": skills,
                    "languages": languages,
                    # Typical ISCED: the median level, rounded down (a level is a category).
                    "isced_level": math.floor(median_isced),
                    "experience_years": round(median_exp, 2),
                }
            )
        )
    return out


def _runs(grouped: list[int]) -> tuple[list[int], list[tuple[int, int]]]:
    """The values of a list grouped by value, and each one's (start, end) in it."""
    values: list[int] = []
    spans: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(grouped) + 1):
        if i == len(grouped) or grouped[i] != grouped[start]:
            values.append(grouped[start])
            spans.append((start, i))
            start = i
    return values, spans


# ---- the result --------------------------------------------------------------------------------


@dataclass(slots=True)
class Aggregated:
    items: list[PoolIn] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    bad_rows: int = 0
    respondents: int = 0
    unwilling: int = 0
    pooled: int = 0
    cells: int = 0
    cells_suppressed: int = 0
    respondents_suppressed: int = 0
    pools_with_skills_cut: int = 0
    codings: list[dict[str, Any]] = field(default_factory=list)
    #: All row errors; `errors` may list only the first of them (a distributed job's driver
    #: keeps no more than a report shows). None: `errors` is complete.
    errors_total: int | None = None

    def report(self) -> dict[str, Any]:
        return {
            "respondents": self.respondents,
            "respondents_unwilling": self.unwilling,
            "respondents_rejected": self.bad_rows,
            "respondents_pooled": self.pooled,
            "k_threshold": K_ANONYMITY,
            "cells": self.cells,
            "cells_suppressed": self.cells_suppressed,
            "respondents_suppressed": self.respondents_suppressed,
            "pools_with_skills_cut_to_200": self.pools_with_skills_cut,
        }


#: A title coding as tallied: key -> (position of its first row, report, respondents).
CodingTally = dict[str, tuple[int, dict[str, Any], int]]
#: A region's spelling as tallied: region key -> (position of its first row, label).
LabelTally = dict[str, tuple[int, str]]


def merge_firsts(parts: Iterable[Mapping[str, tuple[int, str]]]) -> LabelTally:
    """Region labels of many blocks: each key keeps the label of its first row."""
    out: LabelTally = {}
    for part in parts:
        for key, (position, label) in part.items():
            if key not in out or position < out[key][0]:
                out[key] = (position, label)
    return out


def merge_codings(parts: Iterable[CodingTally]) -> CodingTally:
    """Title codings of many blocks: respondents added up, the first row kept."""
    out: CodingTally = {}
    for part in parts:
        for key, (position, report, count) in part.items():
            if key in out:
                first, kept, total = out[key]
                out[key] = (min(first, position), kept, total + count)
            else:
                out[key] = (position, report, count)
    return out


def assemble(
    parts: Sequence[PoolPart],
    *,
    errors: list[dict[str, Any]],
    bad_rows: int,
    respondents: int,
    unwilling: int,
    codings: CodingTally,
    errors_total: int | None = None,
) -> Aggregated:
    """The pools of all parts (in key order) and the counts, as the upload reports them."""
    out = Aggregated(
        errors=errors,
        bad_rows=bad_rows,
        respondents=respondents,
        unwilling=unwilling,
        errors_total=errors_total,
    )
    out.cells = sum(p.cells for p in parts)
    if out.cells == 0:  # no row was valid: nothing pooled, no coding reported
        return out
    out.cells_suppressed = sum(p.cells_suppressed for p in parts)
    out.respondents_suppressed = sum(p.respondents_suppressed for p in parts)
    out.pooled = sum(p.pooled for p in parts)
    out.pools_with_skills_cut = sum(p.pools_with_skills_cut for p in parts)
    if len(parts) == 1:
        out.items = list(parts[0].items)
    else:
        keyed = sorted(
            ((key, i, j) for i, p in enumerate(parts) for j, key in enumerate(p.keys)),
        )
        out.items = [parts[i].items[j] for _key, i, j in keyed]
    out.codings = [
        {**report, "respondents": count}
        for _first, report, count in sorted(codings.values(), key=lambda c: c[0])
    ]
    return out


# ---- reading -----------------------------------------------------------------------------------


class MicrodataReader:
    """Reads respondents one row at a time into arrays; `check_codes` then marks the rows with
    unknown codes, `tallies` counts the valid rows per cell, and `aggregate` builds the pools.

    `coder` codes job titles; `duplicates` says whether a respondent id appeared on an earlier
    row (default: the ids seen so far, in memory); `order_base` is added to row numbers where
    "first row" decides (a region's spelling, a coding's place), so that the blocks of several
    files order as the files do."""

    def __init__(
        self,
        coder: TitleCoding,
        duplicates: DuplicateCheck | None = None,
        *,
        order_base: int = 0,
    ) -> None:
        self.coder = coder
        self._duplicate: DuplicateCheck = duplicates if duplicates is not None else SeenIds()
        self.order_base = order_base
        self.errors: list[dict[str, Any]] = []
        self.bad_rows = 0
        self.respondents = 0
        self.unwilling = 0
        self.region = _Interner()  # region keys (casefolded)
        self.region_labels: list[str] = []  # ... as the first row spells it
        self.region_first: list[int] = []  # ... and that row
        self.occupation = _Interner()
        self.sector = _Interner()
        self.skill = _Interner()
        self.language = _Interner()  # (language, level)
        #: coding key -> (first row, report, respondents)
        self.title_codings: dict[str, tuple[int, dict[str, Any], int]] = {}
        self._memo: dict[tuple[str, str], Any] = {}
        #: (row, occupation code, sector, skills) of rows already bad for another reason.
        self.unchecked: list[tuple[int, str | None, str | None, list[str]]] = []
        self.row = array("i")
        self.resp_region = array("i")
        self.resp_occupation = array("i")
        self.resp_sector = array("i")
        self.resp_isced = array("b")
        self.resp_exp = array("d")
        self.skill_owner = array("i")
        self.skill_id = array("i")
        self.lang_owner = array("i")
        self.lang_id = array("i")

    def read(self, rows: Iterable[Row]) -> None:
        for row in rows:
            self._read_row(row)

    def _read_row(self, row: Row) -> None:
        v = row.values
        n = row.number
        self.respondents += 1
        errors: list[dict[str, Any]] = []

        rid = v["respondent_id"]
        if not rid:
            errors.append(row_error(n, "respondent_id", "", "respondent_id is required"))
        elif self._duplicate(rid, n):
            # The value is left out on purpose: respondent ids never appear in a report.
            errors.append(
                row_error(
                    n, "respondent_id", "", "the same respondent_id appears on an earlier row"
                )
            )

        try:
            willing = cells.parse_bool(v["willing_to_work_abroad"])
        except CellError as exc:
            errors.append(
                row_error(n, "willing_to_work_abroad", v["willing_to_work_abroad"], str(exc))
            )
            willing = None
        if willing is False and not errors:
            # Respondents not willing to work abroad are not part of any pool; their other
            # answers are not used, so they are not checked either.
            self.unwilling += 1
            return

        parse = self._parse
        region = parse(v, n, errors, "region", optional=True)
        sector = parse(v, n, errors, "sector", optional=True)
        isced = parse(v, n, errors, "isced_level")
        exp = parse(v, n, errors, "experience_years")
        skills = parse(v, n, errors, "skills", optional=True)
        langs = parse(v, n, errors, "languages", optional=True)
        occupation = self._occupation(n, v["occupation"], errors)

        if errors:
            self.errors.extend(errors)
            self.bad_rows += 1
            # Its codes are still checked, so that the report shows every mistake of the row.
            reported = {e["column"] for e in errors}
            self.unchecked.append(
                (
                    n,
                    occupation if occupation and "occupation" not in reported else None,
                    sector if "sector" not in reported else None,
                    [s for s, _ in skills or ()] if "skills" not in reported else [],
                )
            )
            return
        index = len(self.row)
        self.row.append(n)
        region_key = region.casefold() if region else ""
        region_id = self.region.ids.get(region_key)
        if region_id is None:
            region_id = self.region(region_key)
            self.region_labels.append(region or "")
            self.region_first.append(n)
        self.resp_region.append(region_id)
        self.resp_occupation.append(self.occupation(occupation))
        self.resp_sector.append(self.sector(sector) if sector else -1)
        self.resp_isced.append(isced)
        self.resp_exp.append(exp)
        for skill, _share in skills or ():
            self.skill_owner.append(index)
            self.skill_id.append(self.skill(skill))
        for language, level, _share in langs or ():
            self.lang_owner.append(index)
            self.lang_id.append(self.language((language, level)))

    def _parse(
        self,
        v: dict[str, str],
        n: int,
        errors: list[dict[str, Any]],
        column: str,
        *,
        optional: bool = False,
    ) -> Any:
        text = v.get(column, "")
        if not text:
            if not optional:
                errors.append(row_error(n, column, "", f"{column} is required"))
            return None
        # Survey answers repeat (a few hundred distinct language lists in 100,000 rows): each
        # distinct cell is parsed once.
        key = (column, text)
        value = self._memo.get(key, _MISSING)
        if value is _MISSING:
            try:
                value = _PARSERS[column](text)
            except CellError as exc:
                value = exc
            if len(self._memo) < _MEMO_MAX:
                self._memo[key] = value
        if isinstance(value, CellError):
            errors.append(row_error(n, column, text, str(value)))
            return None
        return value

    def _occupation(self, n: int, text: str, errors: list[dict[str, Any]]) -> str:
        try:
            if not text:
                raise CellError("occupation is required (a 4-digit ISCO-08 code or a job title)")
            if cells.occupation_kind(text) == "code":
                return text
            coding = self.coder.code(text)
        except CellError as exc:
            errors.append(row_error(n, "occupation", text, str(exc)))
            return ""
        key = coding.input.casefold()
        entry = self.title_codings.get(key)
        if entry is None:
            self.title_codings[key] = (self.order_base + n, coding.as_report(), 1)
        else:
            self.title_codings[key] = (entry[0], entry[1], entry[2] + 1)
        return coding.code

    # -- after reading

    def check_codes(self, codes: CodeCheck | Session) -> np.ndarray:
        """Report respondents whose codes are not in the taxonomy; returns the valid mask."""
        known = SessionCodes(codes) if isinstance(codes, Session) else codes
        count = len(self.row)
        valid = np.ones(count, dtype=bool)
        occupations = self.occupation.values
        known_occ = known.unit_groups({*occupations, *(o for _, o, _, _ in self.unchecked if o)})
        known_sectors = known.divisions(
            {*self.sector.values, *(s for _, _, s, _ in self.unchecked if s)}
        )
        known_skills = known.skills(
            {*self.skill.values, *(k for _, _, _, ks in self.unchecked for k in ks)}
        )
        for number, occ, sector, skills in self.unchecked:
            if occ and occ not in known_occ:
                self.errors.append(row_error(number, "occupation", occ, _unknown_occupation(occ)))
            if sector and sector not in known_sectors:
                self.errors.append(row_error(number, "sector", sector, _unknown_sector(sector)))
            for skill in skills:
                if skill not in known_skills:
                    self.errors.append(row_error(number, "skills", skill, _unknown_skill(skill)))
        self.unchecked = []
        if count == 0:
            return valid

        resp_occ = np.frombuffer(self.resp_occupation, dtype=np.int32)
        resp_sector = np.frombuffer(self.resp_sector, dtype=np.int32)
        found: dict[int, list[dict[str, Any]]] = {}
        rows = np.frombuffer(self.row, dtype=np.int32)

        bad_occ = [i for i, occ in enumerate(occupations) if occ not in known_occ]
        for hit in np.nonzero(np.isin(resp_occ, bad_occ))[0]:
            occ = occupations[resp_occ[hit]]
            found.setdefault(int(hit), []).append(
                row_error(int(rows[hit]), "occupation", occ, _unknown_occupation(occ))
            )
        bad_sectors = [i for i, s in enumerate(self.sector.values) if s not in known_sectors]
        for hit in np.nonzero(np.isin(resp_sector, bad_sectors))[0]:
            sector = self.sector.values[resp_sector[hit]]
            found.setdefault(int(hit), []).append(
                row_error(int(rows[hit]), "sector", sector, _unknown_sector(sector))
            )
        bad_skills = [i for i, s in enumerate(self.skill.values) if s not in known_skills]
        if bad_skills:
            skill_id = np.frombuffer(self.skill_id, dtype=np.int32)
            owners = np.frombuffer(self.skill_owner, dtype=np.int32)
            for entry in np.nonzero(np.isin(skill_id, bad_skills))[0]:
                idx = int(owners[entry])
                skill = self.skill.values[skill_id[entry]]
                found.setdefault(idx, []).append(
                    row_error(int(rows[idx]), "skills", skill, _unknown_skill(skill))
                )
        for idx, errs in found.items():
            valid[idx] = False
            self.errors.extend(errs)
        self.bad_rows += len(found)
        return valid

    def tallies(self, valid: np.ndarray) -> CellTallies:
        """Step 1: the valid respondents' counts per cell."""
        if not valid.any():
            return empty_tallies()
        n_occupations = max(1, len(self.occupation))
        region_v = np.frombuffer(self.resp_region, dtype=np.int32)[valid].astype(np.int64)
        occupation_v = np.frombuffer(self.resp_occupation, dtype=np.int32)[valid]
        cells_of, cell_v = np.unique(region_v * n_occupations + occupation_v, return_inverse=True)
        cell_v = cell_v.astype(np.int64)
        # The cell of each respondent (valid or not: -1), for the skill and language entries.
        cell_of_row = np.full(len(valid), -1, dtype=np.int64)
        cell_of_row[valid] = cell_v
        # + 0.0: a "-0" answer counts as 0 (one value, one spelling).
        exp_v = np.frombuffer(self.resp_exp, dtype=np.float64)[valid] + 0.0
        isced_v = np.frombuffer(self.resp_isced, dtype=np.int8)[valid].astype(np.int64)
        return CellTallies(
            regions=list(self.region.values),
            occupations=list(self.occupation.values),
            skills=list(self.skill.values),
            languages=list(self.language.values),
            cell_region=cells_of // n_occupations,
            cell_occupation=cells_of % n_occupations,
            size=np.bincount(cell_v, minlength=len(cells_of)).astype(np.int64),
            experience=Counts.of(cell_v, exp_v),
            isced=Counts.of(cell_v, isced_v),
            skill_counts=self._entry_counts(cell_of_row, self.skill_owner, self.skill_id),
            language_counts=self._entry_counts(cell_of_row, self.lang_owner, self.lang_id),
        )

    @staticmethod
    def _entry_counts(cell_of_row: np.ndarray, owner_arr: array, id_arr: array) -> Counts:
        if not len(owner_arr):
            return Counts.empty(np.int64)
        cell = cell_of_row[np.frombuffer(owner_arr, dtype=np.int32)]
        ids = np.frombuffer(id_arr, dtype=np.int32).astype(np.int64)
        mask = cell >= 0
        return Counts.of(cell[mask], ids[mask])

    def labels(self) -> LabelTally:
        """Each region key's spelling on its first row (valid or later rejected for a code)."""
        base = self.order_base
        return {
            key: (base + first, label)
            for key, label, first in zip(
                self.region.values, self.region_labels, self.region_first, strict=True
            )
        }

    def aggregate(self, valid: np.ndarray, origin: str) -> Aggregated:
        labels = {key: label for key, (_first, label) in self.labels().items()}
        return assemble(
            [pools_of(self.tallies(valid), labels, origin)],
            errors=sorted(self.errors, key=lambda e: e["row"]),
            bad_rows=self.bad_rows,
            respondents=self.respondents,
            unwilling=self.unwilling,
            codings=self.title_codings,
        )
