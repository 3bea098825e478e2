"""Microdata mode: one row per survey respondent, aggregated into labour pools.

Only respondents willing to work abroad count. They are grouped by (origin, region, occupation);
a group with fewer than K respondents is suppressed (counted in the report, never stored) so that
no pool can point at a person, and respondent ids are used only to find duplicates in memory:
they are never stored, logged or echoed in the report.

A group is a pool of identity (ministry, origin, region, occupation) with no sector experience:
respondents' sectors are checked against the taxonomy but not aggregated, so that a later wave
names the same identity and updates the pool (app/pools/service.py) instead of adding a second
one when the most common sector moves.

Rows are read once into compact integer arrays (codes interned), the distinct codes are checked
against the taxonomy in a few batched queries, and the aggregation runs on numpy arrays: 100,000
respondents take seconds and tens of megabytes.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from app.pools.schemas import PoolIn
from app.surveys import cells
from app.surveys.cells import CellError
from app.surveys.errors import row_error, shown
from app.surveys.occupations import TitleCoder
from app.surveys.tables import ColumnSpec, Row
from app.taxonomy import lookup

#: Disclosure threshold: groups with fewer respondents than this are never stored.
K_ANONYMITY = 5
#: PoolIn limits: a pool lists at most this many skills and languages (the most common kept).
MAX_POOL_SKILLS = 200
MAX_POOL_LANGUAGES = 30

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


class MicrodataReader:
    """Reads respondents one row at a time into arrays; `aggregate` then builds the pools."""

    def __init__(self, coder: TitleCoder) -> None:
        self.coder = coder
        self.errors: list[dict[str, Any]] = []
        self.bad_rows = 0
        self.respondents = 0
        self.unwilling = 0
        # Ids only to spot a respondent listed twice; never leaves this object.
        self._seen_ids: set[str] = set()
        self.cell = _Interner()  # (region key, occupation code)
        self.region_label: dict[str, str] = {}
        self.sector = _Interner()
        self.skill = _Interner()
        self.language = _Interner()  # (language, level)
        self.title_codings: dict[str, tuple[dict[str, Any], int]] = {}
        self._memo: dict[tuple[str, str], Any] = {}
        #: (row, occupation code, sector, skills) of rows already bad for another reason.
        self.unchecked: list[tuple[int, str | None, str | None, list[str]]] = []
        self.row = array("i")
        self.resp_cell = array("i")
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
        elif rid in self._seen_ids:
            # The value is left out on purpose: respondent ids never appear in a report.
            errors.append(
                row_error(
                    n, "respondent_id", "", "the same respondent_id appears on an earlier row"
                )
            )
        else:
            self._seen_ids.add(rid)

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
        self.region_label.setdefault(region_key, region or "")
        self.resp_cell.append(self.cell((region_key, occupation)))
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
        report, count = self.title_codings.get(key, (coding.as_report(), 0))
        self.title_codings[key] = (report, count + 1)
        return coding.code

    # -- after reading

    def check_codes(self, session: Session) -> np.ndarray:
        """Report respondents whose codes are not in the taxonomy; returns the valid mask."""
        count = len(self.row)
        valid = np.ones(count, dtype=bool)
        cell_occ = [occ for _region, occ in self.cell.values]
        known_occ = lookup.unit_groups(
            session, {*cell_occ, *(o for _, o, _, _ in self.unchecked if o)}
        )
        known_sectors = lookup.divisions(
            session, {*self.sector.values, *(s for _, _, s, _ in self.unchecked if s)}
        )
        known_skills = lookup.skills(
            session, {*self.skill.values, *(k for _, _, _, ks in self.unchecked for k in ks)}
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

        resp_cell = np.frombuffer(self.resp_cell, dtype=np.int32)
        resp_sector = np.frombuffer(self.resp_sector, dtype=np.int32)
        found: dict[int, list[dict[str, Any]]] = {}
        rows = np.frombuffer(self.row, dtype=np.int32)

        bad_cells = [i for i, occ in enumerate(cell_occ) if occ not in known_occ]
        for hit in np.nonzero(np.isin(resp_cell, bad_cells))[0]:
            occ = cell_occ[resp_cell[hit]]
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

    def aggregate(self, valid: np.ndarray, origin: str) -> Aggregated:
        out = Aggregated(
            errors=sorted(self.errors, key=lambda e: e["row"]),
            bad_rows=self.bad_rows,
            respondents=self.respondents,
            unwilling=self.unwilling,
        )
        n_cells = len(self.cell)
        if not valid.any():
            return out
        resp_cell = np.frombuffer(self.resp_cell, dtype=np.int32)
        cell_v = resp_cell[valid]
        counts = np.bincount(cell_v, minlength=n_cells)
        present = counts > 0
        kept = counts >= K_ANONYMITY
        small = present & ~kept
        out.cells = int(present.sum())
        out.cells_suppressed = int(small.sum())
        out.respondents_suppressed = int(counts[small].sum())
        out.pooled = int(counts[kept].sum())

        # Experience and ISCED per cell: sort respondents by cell, then by value, and read the
        # middle of each cell's run.
        exp_v = np.frombuffer(self.resp_exp, dtype=np.float64)[valid]
        isced_v = np.frombuffer(self.resp_isced, dtype=np.int8)[valid].astype(np.float64)
        by_exp = np.lexsort((exp_v, cell_v))
        by_isced = np.lexsort((isced_v, cell_v))
        starts = np.concatenate(([0], np.cumsum(counts)[:-1]))

        skill_counts = self._entry_counts(valid, self.skill_owner, self.skill_id, len(self.skill))
        lang_counts = self._entry_counts(valid, self.lang_owner, self.lang_id, len(self.language))

        order = sorted(
            np.nonzero(kept)[0].tolist(),
            key=lambda c: (self.cell.values[c][0], self.cell.values[c][1]),
        )
        for c in order:
            region_key, occupation = self.cell.values[c]
            size = int(counts[c])
            lo, hi = int(starts[c]), int(starts[c] + size)
            median_exp = float(np.median(exp_v[by_exp[lo:hi]]))
            # Typical ISCED: the median level, rounded down (a level is a category).
            typical = math.floor(float(np.median(isced_v[by_isced[lo:hi]])))
            skills = sorted(
                ((self.skill.values[s], k / size) for s, k in skill_counts.get(c, {}).items()),
                key=lambda item: (-item[1], item[0]),
            )
            if len(skills) > MAX_POOL_SKILLS:
                out.pools_with_skills_cut += 1
                skills = skills[:MAX_POOL_SKILLS]
            languages = sorted(
                ((*self.language.values[lv], k / size) for lv, k in lang_counts.get(c, {}).items()),
                key=lambda item: (-item[2], item[0], item[1]),
            )[:MAX_POOL_LANGUAGES]
            out.items.append(
                PoolIn.model_validate(
                    {
                        "origin_country": origin,
                        "region": self.region_label[region_key] or None,
                        "occupation": occupation,
                        # The cell is (origin, region, occupation): that is the pool's identity,
                        # with no sector, so that the next wave finds this pool again.
                        "sector": None,
                        "headcount": size,
                        "skills": [{"skill": s, "share": share} for s, share in skills],
                        "languages": [
                            {"language": lang, "level": level, "share": share}
                            for lang, level, share in languages
                        ],
                        "isced_level": typical,
                        "experience_years": round(median_exp, 2),
                    }
                )
            )
        out.codings = [
            {**report, "respondents": count} for report, count in self.title_codings.values()
        ]
        return out

    @staticmethod
    def _pair_counts(
        cell_v: np.ndarray, values: np.ndarray, n_values: int
    ) -> dict[int, dict[int, int]]:
        mask = values >= 0
        if not mask.any() or n_values == 0:
            return {}
        keys = cell_v[mask].astype(np.int64) * n_values + values[mask]
        uniq, cnt = np.unique(keys, return_counts=True)
        out: dict[int, dict[int, int]] = {}
        for key, k in zip(uniq.tolist(), cnt.tolist(), strict=True):
            out.setdefault(key // n_values, {})[key % n_values] = k
        return out

    def _entry_counts(
        self, valid: np.ndarray, owner_arr: array, id_arr: array, n_values: int
    ) -> dict[int, dict[int, int]]:
        if not len(owner_arr):
            return {}
        owners = np.frombuffer(owner_arr, dtype=np.int32)
        ids = np.frombuffer(id_arr, dtype=np.int32)
        mask = valid[owners]
        resp_cell = np.frombuffer(self.resp_cell, dtype=np.int32)
        return self._pair_counts(resp_cell[owners[mask]], ids[mask], n_values)
