"""Reading an uploaded CSV file row by row: UTF-8 with or without BOM, comma or semicolon.

The file is decoded line by line (a UTF-8 sequence never contains a newline byte) so that a bad
byte is reported with its absolute offset and line, and so that memory stays flat however large
the file is: a line is read at most ReadLimits.max_row_bytes at a time, and a row (which quoted
newlines can spread over many lines) may not hold more than that either, so no line or row of a
50 MB file is ever held whole. The csv module's own field limit (131,072 characters) stays as it
is (it is process-wide); the cell limit is Table's (app/surveys/tables.py).

A block of a large file (app/surveys/distributed.py) is read by the same code: `Resume` says
where it starts (its byte offset, line and row numbers), the file's header lines are read
first, and the block's rows, errors and problems are numbered as the whole file's would be.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class Resume:
    """Where a block of a CSV file starts, to read it alone: right after a record's end."""

    #: The file's header record as it is in the file (BOM included), ending with its newline.
    header: bytes
    #: The block's first byte: its offset in the file, its line number (header = line 1) ...
    offset: int
    line: int
    #: ... and the row number of the record before it (the header is row 1).
    row: int
    #: Check that the block ends where a record ends (every block but a file's last): a line
    #: no file can hold follows the block, and it must come back as a record of its own.
    check_end: bool


class BlockMisaligned(Exception):
    """The block does not end where a record of the file ends: it was cut inside a quoted
    cell. The file is cut again by the csv module itself (app/surveys/distributed.py)."""


#: Follows a block when its end is checked: a lone surrogate never comes out of UTF-8 decoding.
END_OF_BLOCK = "\ud800imdi-end-of-block\ud800"


def _decoded_lines(
    fh: BinaryIO, max_line: int, *, offset: int = 0, number: int = 0
) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line; `offset` and `number` are those before the first."""
    first = number == 0
    while raw := fh.readline(max_line + 1):
        number += 1
        if len(raw) > max_line:
            raise _row_too_long(number, max_line)
        chunk = raw[len(BOM) :] if first and number == 1 and raw.startswith(BOM) else raw
        try:
            yield number, chunk.decode("utf-8")
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
    fh: BinaryIO, limits: ReadLimits | None = None, *, resume: Resume | None = None
) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header cells and an iterator of (spreadsheet row number, cells) for the data rows.

    Row numbers are what a spreadsheet shows: the header is row 1, and blank lines count.
    With `resume`, `fh` holds one block of the file (from its first byte to its end): the
    rows are the block's, numbered as in the whole file; BlockMisaligned when its end is
    checked and is not a record's end.
    """
    max_row = (limits or ReadLimits()).max_row_bytes
    #: The block's end line has been handed to the csv reader.
    at_end = [False]
    #: Lines of the file before the block, less the header's: line_num -> the file's line.
    line_shift = 0
    lines: Iterator[tuple[int, str]]
    if resume is None:
        lines = _decoded_lines(fh, max_row)
    else:
        header_lines = resume.header.count(b"\n")
        line_shift = resume.line - 1 - header_lines

        def end_line() -> Iterator[tuple[int, str]]:
            at_end[0] = True
            yield resume.line + header_lines, END_OF_BLOCK + "\n"

        lines = itertools.chain(
            _decoded_lines(io.BytesIO(resume.header), max_row),
            _decoded_lines(fh, max_row, offset=resume.offset, number=resume.line - 1),
            end_line() if resume.check_end else (),
        )
    first_number, first = next(lines, (1, ""))
    if not first.strip():
        if any(line.strip() for _, line in lines):
            raise FileProblem(422, "The first line of the file is blank: it must be the header.")
        raise FileProblem(422, "The file is empty: it needs a header row and at least one row.")
    delimiter = detect_delimiter(first)

    #: Characters the csv reader has taken for the row it is reading (reset by each row).
    taken = [0]

    def all_lines() -> Iterator[str]:
        for number, line in itertools.chain([(first_number, first)], lines):
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
        number = 1 if resume is None else resume.row
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except (csv.Error, FileProblem) as exc:
                if at_end[0]:
                    raise BlockMisaligned() from None  # only the end line made it fail
                if isinstance(exc, FileProblem):
                    raise
                raise FileProblem(
                    422,
                    f"Row {number + 1} (line {reader.line_num + line_shift}) cannot be read "
                    f"as CSV: {exc}.",
                    row=number + 1,
                ) from None
            if at_end[0]:
                if cells != [END_OF_BLOCK]:
                    raise BlockMisaligned()
                return
            taken[0] = 0
            number += 1
            yield number, cells

    return header, rows()
