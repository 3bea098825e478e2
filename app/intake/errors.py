"""Field errors of intake: paths relative to one item, prefixed by the caller."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FieldError = dict[str, Any]
Errors = dict[int, list[FieldError]]


def field_error(field: str, message: str, type_: str, **extra: Any) -> FieldError:
    return {"field": field, "message": message, "type": type_, **extra}


def join_path(prefix: str, rel: str) -> str:
    """ "body" + "skills[0].skill" -> "body.skills[0].skill"; "[3]" + "sector" -> "[3].sector"."""
    if not rel:
        return prefix
    if not prefix or rel.startswith("["):
        return prefix + rel
    return f"{prefix}.{rel}"


def prefixed(errors: Iterable[FieldError], prefix: str) -> list[FieldError]:
    """Put item-relative paths under `prefix`."""
    return [{**e, "field": join_path(prefix, e["field"])} for e in errors]


def add(errors: Errors, index: int, *new: FieldError) -> None:
    errors.setdefault(index, []).extend(new)


def merge(*parts: Errors) -> Errors:
    out: Errors = {}
    for part in parts:
        for index, errs in part.items():
            add(out, index, *errs)
    return dict(sorted(out.items()))
