"""CSV downloads that a spreadsheet opens as data: a text cell that would run as a formula
(CSV injection) is prefixed with an apostrophe."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

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
