"""Receiving a multipart upload: the file part is streamed to a SpooledTemporaryFile while its
bytes are counted and hashed, so a file over the limit is refused as soon as it crosses it (413)
and memory stays bounded whatever is sent.

This runs as an async dependency (network I/O on the event loop); the route itself is sync, so the
CPU-heavy parsing runs in the thread pool. Authentication runs first: an unauthenticated client
cannot make the server spool anything.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import PureWindowsPath
from tempfile import SpooledTemporaryFile
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Request
from python_multipart.multipart import MultipartParser, parse_options_header

from app.auth.deps import require_roles
from app.common.principal import Principal, Role
from app.common.schemas import CONTROL_CHARACTER, control_character
from app.config import Settings
from app.deps import get_settings_dep
from app.errors import ProblemError

if TYPE_CHECKING:  # the library defines it for type checkers only
    from python_multipart.multipart import MultipartCallbacks

#: Ministries upload their own surveys, admins a ministry's (named by ?ministry_id=): the pools
#: belong to that ministry and, for microdata, take its country as their origin.
uploader = require_roles(Role.MINISTRY, Role.ADMIN)

FILE_FIELD = "file"
#: In memory up to this size, then on disk.
SPOOL_IN_MEMORY = 4 * 1024 * 1024
#: Room for boundaries, part headers and the option fields around the file.
ENVELOPE_BYTES = 64 * 1024
MAX_FIELDS = 10
MAX_FIELD_BYTES = 1024


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def too_large(limit: int) -> ProblemError:
    return ProblemError(
        413,
        f"The file is larger than the upload limit of {limit} bytes ({_mb(limit)}); split it "
        "into smaller files.",
        max_bytes=limit,
    )


@dataclass
class ReceivedFile:
    filename: str
    file: Any  # SpooledTemporaryFile[bytes]
    size: int
    sha256: str
    fields: dict[str, str] = field(default_factory=dict)


class _Collector:
    """python-multipart callbacks: the file part to the spool, small fields to a dict."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.spool: Any = SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY, mode="w+b")  # noqa: SIM115
        self.digest = hashlib.sha256()
        self.size = 0
        self.filename: str | None = None
        self.fields: dict[str, str] = {}
        self._headers: dict[bytes, bytes] = {}
        self._hname = b""
        self._hvalue = b""
        self._kind = ""  # file | field
        self._name = ""
        self._buf = bytearray()

    def callbacks(self) -> MultipartCallbacks:
        return {
            "on_part_begin": self.part_begin,
            "on_header_field": self.header_field,
            "on_header_value": self.header_value,
            "on_header_end": self.header_end,
            "on_headers_finished": self.headers_finished,
            "on_part_data": self.part_data,
            "on_part_end": self.part_end,
        }

    def part_begin(self) -> None:
        self._headers = {}
        self._buf = bytearray()

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self._hname += data[start:end]

    def header_value(self, data: bytes, start: int, end: int) -> None:
        self._hvalue += data[start:end]

    def header_end(self) -> None:
        self._headers[self._hname.lower()] = self._hvalue
        self._hname, self._hvalue = b"", b""

    def headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        self._name = options.get(b"name", b"").decode("utf-8", "replace")
        filename = options.get(b"filename")
        if filename is not None:
            if self._name != FILE_FIELD:
                raise ProblemError(
                    422, f"Send the file in the form field {FILE_FIELD!r}, not {self._name!r}."
                )
            if self.filename is not None:
                raise ProblemError(422, "Send one file per upload.")
            # Some browsers send the full client path; only the last part is the name.
            name = PureWindowsPath(filename.decode("utf-8", "replace")).name.strip()
            # The name is stored with the upload: the text rule of every other field.
            if (problem := control_character(name)) is not None:
                raise ProblemError(
                    422,
                    f"The file's name {problem}.",
                    errors=[{"field": FILE_FIELD, "message": problem, "type": CONTROL_CHARACTER}],
                )
            self.filename = (name or "upload")[:255]
            self._kind = "file"
        else:
            if len(self.fields) >= MAX_FIELDS:
                raise ProblemError(422, "Too many form fields.")
            self._kind = "field"

    def part_data(self, data: bytes, start: int, end: int) -> None:
        chunk = data[start:end]
        if self._kind == "file":
            self.size += len(chunk)
            if self.size > self.max_bytes:
                raise too_large(self.max_bytes)
            self.digest.update(chunk)
            self.spool.write(chunk)
        else:
            self._buf += chunk
            if len(self._buf) > MAX_FIELD_BYTES:
                raise ProblemError(422, f"The form field {self._name!r} is too long.")

    def part_end(self) -> None:
        if self._kind == "field":
            self.fields[self._name] = self._buf.decode("utf-8", "replace").strip()


async def receive_upload(
    request: Request,
    _principal: Annotated[Principal, Depends(uploader)],
    settings: Annotated[Settings, Depends(get_settings_dep)],
) -> AsyncIterator[ReceivedFile]:
    content_type, params = parse_options_header(request.headers.get("content-type"))
    boundary = params.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        raise ProblemError(
            415,
            "Send the file as multipart/form-data with the file in the field 'file' "
            "(curl -F file=@survey.csv -F mode=pool_table ...).",
        )
    limit = settings.upload_max_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit + ENVELOPE_BYTES:
        raise too_large(limit)  # refused before a byte is read

    collector = _Collector(limit)
    try:
        parser = MultipartParser(boundary, collector.callbacks())
        try:
            async for chunk in request.stream():
                parser.write(chunk)
            parser.finalize()
        except ProblemError:
            raise
        except Exception as exc:  # malformed multipart is the client's error, never a 500
            raise ProblemError(400, f"The multipart body cannot be read: {exc}") from None
        if collector.filename is None:
            raise ProblemError(
                422,
                f"No file was sent: put it in the multipart field {FILE_FIELD!r}.",
                errors=[{"field": FILE_FIELD, "message": "required", "type": "missing"}],
            )
        collector.spool.seek(0)
        yield ReceivedFile(
            filename=collector.filename,
            file=collector.spool,
            size=collector.size,
            sha256=collector.digest.hexdigest(),
            fields=collector.fields,
        )
    finally:
        collector.spool.close()


ReceivedDep = Annotated[ReceivedFile, Depends(receive_upload)]
