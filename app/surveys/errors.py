"""Row errors of an upload report, and the file-level problems that stop reading a file."""

from __future__ import annotations

from typing import Any

from app.errors import ProblemError

#: Values are echoed back in reports cut to this length: enough to recognise, never a dump.
VALUE_MAX = 100


def truncate(value: object) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= VALUE_MAX else text[: VALUE_MAX - 1] + "\u2026"


def row_error(row: int, column: str, value: object, message: str) -> dict[str, Any]:
    """One entry of the report: row as a spreadsheet numbers it (header = row 1)."""
    return {"row": row, "column": column, "value": truncate(value), "message": message}


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
        super().__init__(status, detail, errors=errors, **extra)
