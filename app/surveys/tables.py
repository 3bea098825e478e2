"""An uploaded file as a table: format detection, header checks, and data rows as dicts.

Format is decided by the file name's extension and confirmed by the first bytes, so a workbook
renamed to .csv (or the reverse) gets a message that says what happened instead of garbage rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, BinaryIO

from app.surveys.csv_reader import read_csv
from app.surveys.errors import FileProblem, row_error, truncate
from app.surveys.xlsx_reader import read_xlsx

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary Office format (.xls)
FORMATS = {".csv": "csv", ".xlsx": "xlsx"}


def detect_format(filename: str, head: bytes) -> str:
    """'csv' or 'xlsx'; 415 for other kinds of file, 422 when name and content disagree."""
    suffix = PurePath(filename).suffix.lower()
    if suffix == ".xls" or (suffix not in FORMATS and head.startswith(OLE_MAGIC)):
        raise FileProblem(
            415,
            "The old Excel format (.xls) is not accepted: save the sheet as 'Excel Workbook "
            "(.xlsx)' or 'CSV UTF-8 (.csv)'.",
        )
    if suffix not in FORMATS:
        raise FileProblem(
            415, f"Only .csv and .xlsx files are accepted; {truncate(filename)!r} is neither."
        )
    if not head:
        raise FileProblem(422, "The file is empty: it needs a header row and at least one row.")
    fmt = FORMATS[suffix]
    if fmt == "xlsx" and not head.startswith(ZIP_MAGIC):
        raise FileProblem(
            422,
            "The file is named .xlsx but is not an XLSX workbook (an XLSX file is a zip "
            "archive); if it is a CSV file, name it .csv.",
        )
    if fmt == "csv" and (head.startswith(ZIP_MAGIC) or head.startswith(OLE_MAGIC)):
        raise FileProblem(
            422,
            "The file is named .csv but is a spreadsheet workbook; name it .xlsx, or save it "
            "from the spreadsheet as 'CSV UTF-8'.",
        )
    return fmt


_SEPARATORS = re.compile(r"[\s\-]+")


def normalise_column(name: str) -> str:
    """'  Origin Country ' -> 'origin_country': names are case-insensitive and trimmed."""
    return _SEPARATORS.sub("_", name.replace("\ufeff", "").strip().lower())


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    required: frozenset[str]
    optional: frozenset[str]

    @property
    def known(self) -> frozenset[str]:
        return self.required | self.optional


@dataclass(slots=True)
class Row:
    number: int
    values: dict[str, str]


class Table:
    """Data rows of one upload, each with its spreadsheet row number; blank rows are skipped
    (they count in the numbering, not in the row limit)."""

    def __init__(
        self,
        fmt: str,
        columns: list[str],
        raw_rows: Iterator[tuple[int, list[str]]],
        max_rows: int,
    ) -> None:
        self.format = fmt
        self.columns = columns
        self._raw = raw_rows
        self._max_rows = max_rows
        self.rows_read = 0
        #: Rows that cannot be split into the header's columns (reported like any bad row).
        self.shape_errors: list[dict[str, Any]] = []

    def __iter__(self) -> Iterator[Row]:
        width = len(self.columns)
        names = self.columns
        for number, cells in self._raw:
            if not any(c.strip() for c in cells):
                continue
            self.rows_read += 1
            if self.rows_read > self._max_rows:
                raise FileProblem(
                    413,
                    f"The file has more than {self._max_rows} data rows, the most one upload may "
                    "have; split it into smaller files.",
                    max_rows=self._max_rows,
                )
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                self.shape_errors.append(
                    row_error(
                        number,
                        "",
                        "",
                        f"the row has {len(cells)} cells but the header "
                        f"has {width} columns (is a value missing its quotes?)",
                    )
                )
                continue
            if len(cells) < width:
                cells = cells + [""] * (width - len(cells))
            yield Row(number, {name: cells[i].strip() for i, name in enumerate(names)})


def _check_header(header: list[str], spec: ColumnSpec) -> list[str]:
    # Spreadsheets often carry empty cells after the last column; those are not columns.
    while header and not header[-1].strip():
        header = header[:-1]
    errors: list[dict[str, Any]] = []
    names = [normalise_column(h) for h in header]
    seen: set[str] = set()
    for position, (raw, name) in enumerate(zip(header, names, strict=True), start=1):
        if not name:
            errors.append(row_error(1, "", raw, f"column {position} has no name"))
        elif name in seen:
            errors.append(row_error(1, name, raw, f"column {name!r} appears more than once"))
        elif name not in spec.known:
            errors.append(
                row_error(
                    1,
                    name,
                    raw,
                    f"unknown column {name!r}; the columns of this mode are: "
                    + ", ".join(sorted(spec.known)),
                )
            )
        seen.add(name)
    for name in sorted(spec.required - seen):
        errors.append(row_error(1, name, "", f"required column {name!r} is missing"))
    if errors:
        raise FileProblem(
            422,
            "The header row does not fit this mode: "
            + "; ".join(e["message"] for e in errors)
            + ".",
            errors=errors,
        )
    return names


def open_table(fh: BinaryIO, filename: str, spec: ColumnSpec, *, max_rows: int) -> Table:
    head = fh.read(8)
    fmt = detect_format(filename, head)
    fh.seek(0)
    header, raw_rows = read_xlsx(fh) if fmt == "xlsx" else read_csv(fh)
    return Table(fmt, _check_header(header, spec), raw_rows, max_rows)
