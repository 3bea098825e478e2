"""Row errors of an upload report, and the file-level problems that stop reading a file.

A value from the file is only ever echoed cut short (`truncate`, `shown`), and every message and
problem detail is capped as well: a report quotes the file, it never copies it.
"""

from __future__ import annotations

from typing import Any

from app.errors import ProblemError

#: Values are echoed back in reports cut to this length: enough to recognise, never a dump.
VALUE_MAX = 100
#: A row error's message, and a file problem's detail, at most this long (each quotes values
#: through `shown`, so only a message listing many of them comes near it).
MESSAGE_MAX = 500
DETAIL_MAX = 2000
#: A file problem lists at most this many errors (a header with a thousand unknown columns).
FILE_ERRORS_MAX = 100


def truncate(value: object, limit: int = VALUE_MAX) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def shown(value: object) -> str:
    """A value from the file as messages quote it: cut to VALUE_MAX, in quotes ('x')."""
    return repr(truncate(value))


def row_error(row: int, column: str, value: object, message: str) -> dict[str, Any]:
    """One entry of the report: row as a spreadsheet numbers it (header = row 1)."""
    return {
        "row": row,
        "column": truncate(column),
        "value": truncate(value),
        "message": truncate(message, MESSAGE_MAX),
    }


class FileProblem(ProblemError):
    """The file as a whole cannot be read (format, encoding, header, limits): nothing is stored,
    not even an upload record, because there is no row-level report to keep."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        errors: list[dict[str, Any]] | None = None,
        **extra: Any,
    ) -> None:
        if errors is not None and len(errors) > FILE_ERRORS_MAX:
            extra.setdefault("errors_total", len(errors))
            errors = errors[:FILE_ERRORS_MAX]
        super().__init__(status, truncate(detail, DETAIL_MAX), errors=errors, **extra)
