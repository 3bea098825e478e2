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

from app.common.schemas import control_character, visible
from app.surveys.csv_reader import read_csv
from app.surveys.errors import FileProblem, row_error, shown
from app.surveys.limits import ReadLimits
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
            415, f"Only .csv and .xlsx files are accepted; {shown(filename)} is neither."
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
    (they count in the numbering, not in the row limit).

    The limits every format shares are applied here, on the cells as read: the number of rows,
    the characters of a cell (a longer cell makes its row a bad row, reported with the value cut
    short) and of all cells together (a file over it is refused). A cell with a control
    character makes its row a bad row too (the databases must never receive one: PostgreSQL
    refuses NUL)."""

    def __init__(
        self,
        fmt: str,
        columns: list[str],
        raw_rows: Iterator[tuple[int, list[str]]],
        limits: ReadLimits,
    ) -> None:
        self.format = fmt
        self.columns = columns
        self._raw = raw_rows
        self._limits = limits
        self.rows_read = 0
        #: Rows that cannot be split into the header's columns, or with a cell over the limit
        #: or holding a control character (reported like any bad row, not parsed further).
        self.shape_errors: list[dict[str, Any]] = []
        self._rejected: set[int] = set()
        self._text_chars = 0

    @property
    def shape_bad_rows(self) -> int:
        """Rows that the shape errors are about (a row may have several)."""
        return len(self._rejected)

    def __iter__(self) -> Iterator[Row]:
        names = self.columns
        for number, cells in self._checked():
            yield Row(number, {name: cells[i].strip() for i, name in enumerate(names)})

    def select(self, *names: str) -> Iterator[tuple[int, list[str]]]:
        """The rows that iterating yields, as (row number, the trimmed cells of `names`): for a
        pass over a few columns (app/surveys/distributed.py), with every check of a row."""
        index = [self.columns.index(name) for name in names]
        for number, cells in self._checked():
            yield number, [cells[i].strip() for i in index]

    def _checked(self) -> Iterator[tuple[int, list[str]]]:
        """The data rows that pass the checks above, padded to the header's width."""
        width = len(self.columns)
        max_rows = self._limits.max_rows
        max_cell = self._limits.max_cell_chars
        max_text = self._limits.max_text_chars
        for number, cells in self._raw:
            size = sum(map(len, cells))
            self._text_chars += size
            if self._text_chars > max_text:
                raise FileProblem(
                    413,
                    f"The cells of the file hold more than {max_text} characters together, the "
                    "most one upload may hold; split it into smaller files.",
                    max_text_chars=max_text,
                )
            if not any(c.strip() for c in cells):
                continue
            self.rows_read += 1
            if self.rows_read > max_rows:
                raise FileProblem(
                    413,
                    f"The file has more than {max_rows} data rows, the most one upload may "
                    "have; split it into smaller files.",
                    max_rows=max_rows,
                )
            # One check of the whole row finds the rows with a bad cell; only those are
            # looked at cell by cell.
            too_long = size > max_cell and max(map(len, cells)) > max_cell
            if too_long or control_character("".join(cells), multiline=True) is not None:
                self._reject_cells(number, cells, max_cell)
                continue
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                self._reject(
                    number,
                    "",
                    "",
                    f"the row has {len(cells)} cells but the header "
                    f"has {width} columns (is a value missing its quotes?)",
                )
                continue
            if len(cells) < width:
                cells = cells + [""] * (width - len(cells))
            yield number, cells

    def _reject(self, number: int, column: str, value: str, message: str) -> None:
        self._rejected.add(number)
        self.shape_errors.append(row_error(number, column, value, message))

    def _reject_cells(self, number: int, cells: list[str], max_cell: int) -> None:
        """A row error per cell over the character limit or holding a control character (a
        line break is a spreadsheet's, allowed); the value is echoed cut short and with the
        control characters written as escapes, never stored as they are."""
        for index, cell in enumerate(cells):
            column = self.columns[index] if index < len(self.columns) else ""
            if len(cell) > max_cell:
                self._reject(
                    number,
                    column,
                    visible(cell[: max_cell + 1]),
                    f"the cell holds {len(cell)} characters, more than the {max_cell} a cell "
                    "may hold",
                )
            elif (problem := control_character(cell, multiline=True)) is not None:
                self._reject(number, column, visible(cell), f"{column or 'the cell'} {problem}")


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
            errors.append(row_error(1, name, raw, f"column {shown(name)} appears more than once"))
        elif name not in spec.known:
            errors.append(
                row_error(
                    1,
                    name,
                    raw,
                    f"unknown column {shown(name)}; the columns of this mode are: "
                    + ", ".join(sorted(spec.known)),
                )
            )
        seen.add(name)
    for name in sorted(spec.required - seen):
        errors.append(row_error(1, name, "", f"required column {shown(name)} is missing"))
    if errors:
        raise FileProblem(
            422,
            "The header row does not fit this mode: "
            + "; ".join(e["message"] for e in errors)
            + ".",
            errors=errors,
        )
    return names


def table_of(
    fmt: str,
    header: list[str],
    raw_rows: Iterator[tuple[int, list[str]]],
    spec: ColumnSpec,
    limits: ReadLimits,
) -> Table:
    """A table of rows read elsewhere (a block of a large CSV file, a Parquet row group:
    app/surveys/distributed.py), with the header checks and row limits of an upload."""
    return Table(fmt, _check_header(header, spec), raw_rows, limits)


def open_table(
    fh: BinaryIO, filename: str, spec: ColumnSpec, *, limits: ReadLimits | None = None
) -> Table:
    limits = limits or ReadLimits()
    head = fh.read(8)
    fmt = detect_format(filename, head)
    fh.seek(0)
    header, raw_rows = read_xlsx(fh, limits) if fmt == "xlsx" else read_csv(fh, limits)
    return Table(fmt, _check_header(header, spec), raw_rows, limits)
