"""Reading an uploaded CSV file row by row: UTF-8 with or without BOM, comma or semicolon.

The file is decoded line by line (a UTF-8 sequence never contains a newline byte) so that a bad
byte is reported with its absolute offset and line, and so that memory stays flat however large
the file is: a line is read at most ReadLimits.max_row_bytes at a time, and a row (which quoted
newlines can spread over many lines) may not hold more than that either, so no line or row of a
50 MB file is ever held whole. The csv module's own field limit (131,072 characters) stays as it
is (it is process-wide); the cell limit is Table's (app/surveys/tables.py).
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from typing import BinaryIO

from app.surveys.errors import FileProblem
from app.surveys.limits import ReadLimits

BOM = b"\xef\xbb\xbf"
DELIMITERS = (",", ";")


def _row_too_long(line: int, limit: int) -> FileProblem:
    return FileProblem(
        413,
        f"At line {line}, the row is longer than {limit} bytes, the most a row of an upload may "
        "hold; this is not a survey table (is a quote left open?).",
        line=line,
        max_row_bytes=limit,
    )


def _decoded_lines(fh: BinaryIO, max_line: int) -> Iterator[str]:
    offset = 0
    number = 0
    while raw := fh.readline(max_line + 1):
        number += 1
        if len(raw) > max_line:
            raise _row_too_long(number, max_line)
        chunk = raw[len(BOM) :] if number == 1 and raw.startswith(BOM) else raw
        try:
            yield chunk.decode("utf-8")
        except UnicodeDecodeError as exc:
            start = offset + (len(raw) - len(chunk)) + exc.start
            bad = chunk[exc.start : exc.start + 1].hex().upper()
            raise FileProblem(
                422,
                f"The file is not valid UTF-8: byte 0x{bad} at byte offset {start} (line "
                f"{number}) cannot be decoded. Save the file as 'CSV UTF-8' and upload it again.",
                byte_offset=start,
                line=number,
            ) from None
        offset += len(raw)


def detect_delimiter(header_line: str) -> str:
    """Comma or semicolon, whichever the header line uses more (outside quoted names)."""
    outside = []
    quoted = False
    for ch in header_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            outside.append(ch)
    text = "".join(outside)
    return ";" if text.count(";") > text.count(",") else ","


def read_csv(
    fh: BinaryIO, limits: ReadLimits | None = None
) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header cells and an iterator of (spreadsheet row number, cells) for the data rows.

    Row numbers are what a spreadsheet shows: the header is row 1, and blank lines count.
    """
    max_row = (limits or ReadLimits()).max_row_bytes
    lines = _decoded_lines(fh, max_row)
    first = next(lines, "")
    if not first.strip():
        if any(line.strip() for line in lines):
            raise FileProblem(422, "The first line of the file is blank: it must be the header.")
        raise FileProblem(422, "The file is empty: it needs a header row and at least one row.")
    delimiter = detect_delimiter(first)

    #: Characters the csv reader has taken for the row it is reading (reset by each row).
    taken = [0]

    def all_lines() -> Iterator[str]:
        for number, line in enumerate(itertools.chain([first], lines), start=1):
            taken[0] += len(line)
            if taken[0] > max_row:
                raise _row_too_long(number, max_row)
            yield line

    reader = csv.reader(all_lines(), delimiter=delimiter, strict=False)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise FileProblem(422, f"The header row cannot be read as CSV: {exc}.") from None
    taken[0] = 0

    def rows() -> Iterator[tuple[int, list[str]]]:
        number = 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise FileProblem(
                    422,
                    f"Row {number + 1} (line {reader.line_num}) cannot be read as CSV: {exc}.",
                    row=number + 1,
                ) from None
            taken[0] = 0
            number += 1
            yield number, cells

    return header, rows()
