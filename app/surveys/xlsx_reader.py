"""Reading an uploaded XLSX workbook row by row with openpyxl's read-only (streaming) mode.

read_only=True parses the sheet XML as it goes, so a workbook is never loaded whole; data_only=True
gives the values a spreadsheet last computed, never formula text.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Any, BinaryIO

from openpyxl import load_workbook

from app.surveys.errors import FileProblem


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


def read_xlsx(fh: BinaryIO) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header cells of the first worksheet and an iterator of (row number, cells)."""
    try:
        workbook = load_workbook(fh, read_only=True, data_only=True)
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
    values = sheet.iter_rows(values_only=True)

    try:
        first = next(values, None)
    except Exception:
        workbook.close()
        raise FileProblem(422, "The first worksheet of the workbook cannot be read.") from None
    if first is None or all(cell_text(v).strip() == "" for v in first):
        workbook.close()
        raise FileProblem(
            422, "The file is empty: the first row of the first worksheet must be the header."
        )
    header = [cell_text(v) for v in first]

    def rows() -> Iterator[tuple[int, list[str]]]:
        number = 1
        try:
            # openpyxl yields empty tuples for rows missing from the XML, so counting from 2
            # gives the row numbers the spreadsheet shows.
            for number, row in enumerate(values, start=2):
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
