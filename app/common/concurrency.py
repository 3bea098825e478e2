"""Optimistic concurrency over HTTP: versions travel as ETags and come back in If-Match."""

from __future__ import annotations

import re

from app.errors import ProblemError

ANY_VERSION = -1  # If-Match: * (RFC 9110: any current representation)

_TAG = re.compile(r'^(?:W/)?"?(\d{1,9})"?$')


def etag(version: int) -> str:
    return f'"{version}"'


def parse_if_match(value: str | None, *, required: bool) -> int | None:
    """The version named by an If-Match header: `"3"`, `W/"3"` or a bare `3`.

    Missing and required is a 428 so that a client cannot overwrite blindly by forgetting it.
    """
    if value is None or not value.strip():
        if required:
            raise ProblemError(
                428,
                "This update needs an If-Match header with the version (ETag) you last read.",
            )
        return None
    text = value.strip()
    if text == "*":
        return ANY_VERSION
    match = _TAG.match(text)
    if match is None:
        raise ProblemError(
            422,
            f'If-Match {value!r} is not a version; send the ETag, e.g. "3".',
            errors=[{"field": "header.If-Match", "message": "not a version", "type": "if_match"}],
        )
    return int(match.group(1))


def check_version(what: str, current: int, expected: int | None) -> None:
    """409 with the current version when the client's copy is stale; nothing is written."""
    if expected is None or expected in (ANY_VERSION, current):
        return
    raise ProblemError(
        409,
        f"The {what} was changed since you read it: you sent version {expected}, the current "
        f"version is {current}. Fetch it again and re-apply your change.",
        headers={"ETag": etag(current)},
        current_version=current,
    )
