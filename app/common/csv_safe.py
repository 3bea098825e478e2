"""CSV downloads that a spreadsheet opens as data: a text cell that would run as a formula
(CSV injection) is prefixed with an apostrophe."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any

from starlette.responses import StreamingResponse

from app.db import as_utc

#: A spreadsheet runs a cell starting with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    """The cell's text; None is empty. Negative numbers are data, not formulas: only text is
    neutralised."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not isinstance(value, int | float):
        return "'" + text
    return text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A CSV document (CRLF line ends) of `header` and `rows`, every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    return buffer.getvalue()


def as_json_shows(value: object) -> object:
    """A list export's cell as the list's JSON shows the value: booleans true/false, times RFC
    3339 in UTC ("2026-12-03T09:20:00Z"), dates ISO 8601, enums by value, null empty."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return as_utc(value).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def csv_chunks(
    header: Sequence[str], rows: Iterable[Sequence[object]], rows_per_chunk: int = 1000
) -> Iterator[str]:
    """The CSV document of `header` and `rows` in pieces of `rows_per_chunk` rows (an export of
    a long list streams, never held whole in memory as text), cells as the JSON shows them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for n, row in enumerate(rows, start=1):
        writer.writerow([neutralise(as_json_shows(v)) for v in row])
        if n % rows_per_chunk == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def csv_response(
    header: Sequence[str], rows: Iterable[Sequence[object]], filename: str
) -> StreamingResponse:
    """A CSV download (formula-safe cells, CRLF line ends) named `filename`, streamed."""
    return StreamingResponse(
        csv_chunks(header, rows),
        media_type="text/csv; charset=utf-8",
        # A download holds the reader's data: never kept by a shared cache or the browser's.
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


#: The OpenAPI response of an export route (`responses=CSV_EXPORT` with response_class=Response).
CSV_EXPORT: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "the list as CSV (UTF-8, CRLF, a header row; a text cell that a "
        "spreadsheet would run as a formula is prefixed with an apostrophe)",
        "content": {"text/csv": {"schema": {"type": "string"}}},
    }
}
