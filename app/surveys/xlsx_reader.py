"""Reading an uploaded XLSX workbook row by row with openpyxl's read-only (streaming) mode.

read_only=True parses the sheet XML as it goes, so a workbook is never loaded whole; data_only=True
gives the values a spreadsheet last computed, never formula text. openpyxl reads the zip through
xlsx_guard, which bounds what is decompressed and parsed before it is (app/surveys/limits.py);
the sheet's declared dimension is not trusted (a sheet claiming A1:XFD1048576 would be padded to
it), and rows are bounded in number and width.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Any, BinaryIO

from openpyxl.reader.excel import ExcelReader
from openpyxl.workbook import Workbook

from app.surveys import xlsx_guard
from app.surveys.errors import FileProblem
from app.surveys.limits import MAX_COLUMNS, SHEET_MAX_ROWS, ReadLimits


def cell_text(value: Any) -> str:
    """A cell as the text a CSV export of it would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: bool is an int
        return "true" if value else "false"
    if isinstance(value, float):
        # Spreadsheets store every number as a float: 2221.0 is the ISCO code 2221.
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _load(fh: BinaryIO, limits: ReadLimits) -> Workbook:
    """openpyxl's load_workbook(fh, read_only=True, data_only=True), reading the zip through
    the guard (the reader's own archive is swapped for it before any part is read)."""
    archive = xlsx_guard.open_archive(fh, limits)
    try:
        reader = ExcelReader(fh, read_only=True, data_only=True)
        reader.archive.close()
        reader.archive = archive
        reader.valid_files = archive.namelist()
        reader.read_manifest()
        xlsx_guard.find_shared_strings(archive, reader.package)
        reader.read()
    except BaseException:
        archive.close()
        raise
    return reader.wb


def read_xlsx(
    fh: BinaryIO, limits: ReadLimits | None = None
) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header cells of the first worksheet and an iterator of (row number, cells)."""
    limits = limits or ReadLimits()
    try:
        workbook = _load(fh, limits)
    except FileProblem:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise FileProblem(
            422,
            f"The file is not a readable XLSX workbook ({type(exc).__name__}): save it from "
            "the spreadsheet as 'Excel Workbook (.xlsx)' or as 'CSV UTF-8'.",
        ) from None
    except Exception:  # openpyxl raises many kinds for damaged workbooks; none is a server error
        raise FileProblem(422, "The file is not a readable XLSX workbook.") from None
    if not workbook.worksheets:
        workbook.close()
        raise FileProblem(422, "The workbook has no worksheet.")
    sheet = workbook.worksheets[0]
    # The declared dimension is the writer's claim: openpyxl would pad every row to its width
    # and add empty rows up to its height. Without it, a row is as wide as its last cell.
    sheet.reset_dimensions()
    values = sheet.iter_rows(values_only=True)

    try:
        first = next(values, None)
    except FileProblem:
        workbook.close()
        raise
    except Exception:
        workbook.close()
        raise FileProblem(422, "The first worksheet of the workbook cannot be read.") from None
    if first is None or all(cell_text(v).strip() == "" for v in first):
        workbook.close()
        raise FileProblem(
            422, "The file is empty: the first row of the first worksheet must be the header."
        )
    if len(first) > MAX_COLUMNS:
        workbook.close()
        raise _too_wide(1)
    header = [cell_text(v) for v in first]
    width = len(header)

    def rows() -> Iterator[tuple[int, list[str]]]:
        number = 1
        try:
            # openpyxl yields empty tuples for rows missing from the XML, so counting from 2
            # gives the row numbers the spreadsheet shows.
            for number, row in enumerate(values, start=2):
                if number > SHEET_MAX_ROWS:
                    raise FileProblem(
                        413, f"The worksheet has more than {SHEET_MAX_ROWS} rows.", row=number
                    )
                if len(row) > width:
                    if len(row) > MAX_COLUMNS:
                        raise _too_wide(number)
                    extra = row[width:]
                    if extra.count(None) == len(extra):  # empty cells a format stretched
                        row = row[:width]
                yield number, [cell_text(v) for v in row]
        except FileProblem:
            raise
        except Exception as exc:
            raise FileProblem(
                422, f"The worksheet cannot be read past row {number}: {type(exc).__name__}."
            ) from None
        finally:
            workbook.close()

    return header, rows()


def _too_wide(row: int) -> FileProblem:
    return FileProblem(
        413,
        f"Row {row} of the worksheet has cells beyond column {MAX_COLUMNS}, the most a survey "
        "sheet may have: delete the columns to the right of the table.",
        row=row,
        max_columns=MAX_COLUMNS,
    )
