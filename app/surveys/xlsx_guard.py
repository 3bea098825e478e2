"""The XLSX zip, opened so that reading it stays within ReadLimits (app/surveys/limits.py).

Before openpyxl sees the file: the central directory is bounded (it is read whole), and the
declared sizes are checked (all parts together, the compression ratio of each large part, only
stored or deflated parts). Then openpyxl reads every part through `GuardedZip.open`, which
passes the decompressed bytes on as the parser asks for them and, on the way:
- never lets a part give more bytes than its header declares (a lying header cannot bypass the
  size checks; zipfile also stops there, this does not rely on it);
- refuses a part read whole (workbook, styles, ...) over PART_MAX_BYTES before decompressing it,
  and the shared strings over SHARED_STRINGS_MAX_BYTES;
- scans the XML: no text longer than a cell may be (so no 400 MB cell is ever built), no row
  (or shared string) of more than ROW_MAX_BYTES or ROW_MAX_TAGS elements, no sheet of more than
  SHEET_MAX_ROWS rows, and no DTD (entities could expand). Text is counted as the parser joins
  it: around CDATA sections, comments and processing instructions, which the scan skips over,
  every "<" starts a tag, so the byte scan bounds what the parser will build. Only UTF-8 (or
  ASCII, Latin-1) XML is read, where "<" is one byte that means nothing else.
The scan runs at C speed (bytes.find and bytes.count; one regex match per row).
"""

from __future__ import annotations

import re
import struct
import zipfile
from typing import IO, Any, BinaryIO, Literal

from app.surveys.errors import FileProblem, shown
from app.surveys.limits import (
    MAX_ZIP_MEMBERS,
    MB,
    PART_MAX_BYTES,
    PART_MAX_TAGS,
    RATIO_MIN_BYTES,
    ROW_MAX_TAGS,
    SHARED_STRINGS_MAX_BYTES,
    SHEET_MAX_ROWS,
    ReadLimits,
)

#: The central directory of MAX_ZIP_MEMBERS parts with long names fits in this.
CENTRAL_DIRECTORY_MAX_BYTES = 4 * MB
_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"
_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_SHARED_STRINGS_TYPE = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
)
#: The start tag of a record: a row of a sheet, a string of the shared strings (any prefix).
_RECORD = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?(row|si)[\s/>]")
_DECLARATION = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']+)[\"']")
_ENCODINGS = frozenset({"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1"})
_BOM = b"\xef\xbb\xbf"


def _mb(n: float) -> str:
    return f"{n / MB:.0f} MB" if n >= MB else f"{n:.0f} bytes"


def _too_large(detail: str, **extra: Any) -> FileProblem:
    return FileProblem(413, detail + " This is not a survey table; check the file.", **extra)


def _unreadable(detail: str) -> FileProblem:
    return FileProblem(
        422,
        f"The file is not a readable XLSX workbook: {detail} Open it in a spreadsheet program "
        "and save it as 'Excel Workbook (.xlsx)' or as 'CSV UTF-8'.",
    )


# ---- the zip's directory ---------------------------------------------------------------------


def _central_directory(fh: BinaryIO) -> tuple[int, int] | None:
    """(entries, bytes) of the central directory as the end record declares them (None when no
    end record is found: zipfile then refuses the file)."""
    fh.seek(0, 2)
    size = fh.tell()
    fh.seek(max(0, size - (22 + 65535)))
    tail = fh.read()
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) < at + 22:
        return None
    entries, cd_size = struct.unpack_from("<HI", tail, at + 10)
    if entries == 0xFFFF or cd_size == 0xFFFFFFFF:  # zip64: the real figures are elsewhere
        locator = at - 20
        if locator < 0 or tail[locator : locator + 4] != _EOCD64_LOCATOR:
            return None
        (offset,) = struct.unpack_from("<Q", tail, locator + 8)
        fh.seek(offset)
        record = fh.read(56)
        if len(record) < 56 or record[:4] != _EOCD64:
            return None
        entries, cd_size = struct.unpack_from("<QQ", record, 32)
    return entries, cd_size


def check_directory(fh: BinaryIO) -> None:
    """Refuse a zip whose central directory would take much memory to read (zipfile reads it
    whole, one object per part, before anything else can be checked)."""
    declared = _central_directory(fh)
    fh.seek(0)
    if declared is None:
        return
    entries, cd_size = declared
    if entries > MAX_ZIP_MEMBERS or cd_size > CENTRAL_DIRECTORY_MAX_BYTES:
        raise _too_large(
            f"The workbook's zip lists {entries} parts in {_mb(cd_size)}; a workbook has at most "
            f"{MAX_ZIP_MEMBERS} parts.",
        )


def check_members(archive: zipfile.ZipFile, limits: ReadLimits) -> None:
    """The declared sizes, before any part is decompressed."""
    total = 0
    for info in archive.infolist():
        if info.flag_bits & 0x1:
            raise _unreadable("it is encrypted.")
        if info.compress_type not in _COMPRESSIONS:
            raise _unreadable(f"its part {shown(info.filename)} uses an unusual compression.")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_MIN_BYTES and ratio > limits.max_zip_ratio:
            raise _too_large(
                f"The workbook's part {shown(info.filename)} decompresses from "
                f"{_mb(info.compress_size)} to {_mb(info.file_size)} (a ratio of {ratio:.0f}, "
                f"more than the {limits.max_zip_ratio:.0f} allowed).",
                max_zip_ratio=limits.max_zip_ratio,
            )
    if total > limits.max_unzipped_bytes:
        raise _too_large(
            f"The workbook decompresses to {_mb(total)}, more than the "
            f"{_mb(limits.max_unzipped_bytes)} allowed.",
            max_unzipped_bytes=limits.max_unzipped_bytes,
        )


# ---- reading a part --------------------------------------------------------------------------


class XmlScanner:
    """Checks the bytes of one XML part as they are read (see the module docstring).

    Text is what lies between two tags: the parser builds each text (and the tail after an
    element) whole, joining the pieces around a CDATA section, a comment or a processing
    instruction, so those count as text here (their "<" is not a tag). Everything else starting
    with "<" is a tag. The last few bytes of a chunk wait for the next one, so that a marker
    split between two reads is seen whole.
    """

    #: Bytes held back at the end of a chunk: the longest marker ("<![CDATA[") less one.
    HOLD = 8
    #: The first bytes, where the encoding shows.
    HEAD = 128

    def __init__(self, name: str, limits: ReadLimits) -> None:
        self.name = name
        self.run_max = limits.max_xml_run_bytes
        self.cell_chars = limits.max_cell_chars
        self.row_bytes = limits.max_row_bytes
        #: Read whole: no records, the part's bounds for all of it.
        self.whole = False
        self._started = False
        self._pending = b""
        #: Inside a CDATA section, comment or processing instruction: the bytes that end it.
        self._until: bytes | None = None
        self._run = 0
        self._segment_bytes = 0
        self._segment_tags = 0
        self._rows = 0

    def feed(self, data: bytes, *, end: bool = False) -> None:
        buf = self._pending + data if self._pending else data
        if not self._started:
            if len(buf) < self.HEAD and not end:  # the encoding is checked on the first bytes
                self._pending = buf
                return
            self._started = True
            buf = self._check_start(buf)
        stop = len(buf) if end else len(buf) - self.HOLD
        pos = 0
        while pos < stop:
            if self._until is not None:
                close = buf.find(self._until, pos)
                if close < 0:  # not closed in what is here: all but the held bytes are text
                    self._text(pos, stop)
                    pos = stop
                    break
                after = close + len(self._until)
                self._text(pos, after)
                pos, self._until = after, None
                continue
            marks = (buf.find(b"<!", pos, stop + 1), buf.find(b"<?", pos, stop + 1))
            special = min((m for m in marks if m >= 0), default=-1)
            self._markup(buf, pos, stop if special < 0 else special)
            if special < 0:
                pos = stop
                break
            if buf.startswith(b"<![CDATA[", special):
                self._until, pos = b"]]>", special + 9
            elif buf.startswith(b"<!--", special):
                self._until, pos = b"-->", special + 4
            elif buf.startswith(b"<?", special):
                self._until, pos = b"?>", special + 2
            else:
                raise _unreadable(
                    f"its part {shown(self.name)} holds a document type declaration (DTD), "
                    "which spreadsheet programs do not write."
                )
            self._text(special, pos)
        self._pending = buf[pos:] if pos < len(buf) else b""

    def _check_start(self, data: bytes) -> bytes:
        body = data[len(_BOM) :] if data.startswith(_BOM) else data
        if b"\x00" in body[:4] or body[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise _unreadable(f"its part {shown(self.name)} is not written in UTF-8.")
        declared = _DECLARATION.match(body)
        if declared and declared.group(1).decode("ascii", "replace").lower() not in _ENCODINGS:
            raise _unreadable(
                f"its part {shown(self.name)} is written in the encoding "
                f"{shown(declared.group(1).decode('ascii', 'replace'))}, not UTF-8."
            )
        return body

    def _text(self, start: int, end: int) -> None:
        """Bytes that join the text being read (a CDATA section, a comment, ...)."""
        self._run += end - start
        self._check_run()
        self._segment_bytes += end - start
        self._check_segment()

    def _markup(self, buf: bytes, start: int, end: int) -> None:
        """Tags and the text between them: every "<" here starts a tag."""
        # In slices no longer than the bound, a run inside one slice cannot exceed it: only the
        # runs that cross slices (and chunks) are counted, with two finds per slice.
        for at in range(start, end, self.run_max):
            until = min(at + self.run_max, end)
            first = buf.find(b"<", at, until)
            self._run += (until - at) if first < 0 else (first - at)
            self._check_run()
            if first >= 0:
                self._run = until - buf.rfind(b"<", at, until) - 1
        if self.whole:
            self._grow(buf, start, end)
            return
        position = start
        for match in _RECORD.finditer(buf, start, end):
            self._grow(buf, position, match.start())
            self._segment_bytes = self._segment_tags = 0
            position = match.start()
            if match.group(1) == b"row":
                self._rows += 1
                if self._rows > SHEET_MAX_ROWS:
                    raise _too_large(
                        f"The worksheet {shown(self.name)} has more than {SHEET_MAX_ROWS} rows, "
                        "the most a spreadsheet has.",
                    )
        self._grow(buf, position, end)

    def _grow(self, buf: bytes, start: int, end: int) -> None:
        self._segment_bytes += end - start
        self._segment_tags += buf.count(b"<", start, end)
        self._check_segment()

    def _check_run(self) -> None:
        if self._run > self.run_max:
            raise _too_large(
                f"A cell of the workbook ({shown(self.name)}) holds more than "
                f"{self.cell_chars} characters, the most a cell may hold.",
                max_cell_chars=self.cell_chars,
            )

    def _check_segment(self) -> None:
        max_bytes, max_tags = (
            (PART_MAX_BYTES, PART_MAX_TAGS) if self.whole else (self.row_bytes, ROW_MAX_TAGS)
        )
        if self._segment_bytes > max_bytes or self._segment_tags > max_tags:
            what = "The workbook's part" if self.whole else "A row of the workbook's part"
            raise _too_large(
                f"{what} {shown(self.name)} holds more than {_mb(max_bytes)} of XML or "
                f"{max_tags} elements.",
            )


class GuardedPart:
    """A part of the zip as a read-only file: the bytes of zipfile's stream, checked."""

    def __init__(self, raw: IO[bytes], info: zipfile.ZipInfo, scanner: XmlScanner) -> None:
        self._raw = raw
        self._info = info
        self._scanner = scanner
        self._seen = 0
        self.name = info.filename
        self.closed = False

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            # Read whole: the parser builds a tree of all of it.
            if self._info.file_size > PART_MAX_BYTES:
                raise _too_large(
                    f"The workbook's part {shown(self.name)} decompresses to "
                    f"{_mb(self._info.file_size)}; parts read whole may be at most "
                    f"{_mb(PART_MAX_BYTES)}.",
                )
            self._scanner.whole = True
            data = self._raw.read()
        else:
            data = self._raw.read(size)
        self._seen += len(data)
        if self._seen > self._info.file_size:
            raise _unreadable(f"its part {shown(self.name)} is longer than its header says.")
        # zipfile gives fewer bytes than asked for only at the end of the part.
        self._scanner.feed(data, end=size is None or size < 0 or len(data) < size)
        return data

    def close(self) -> None:
        self.closed = True
        self._raw.close()

    def __enter__(self) -> GuardedPart:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class GuardedZip(zipfile.ZipFile):
    """zipfile.ZipFile whose parts are read through GuardedPart (openpyxl reads every part,
    whole or streamed, through `open`; `read` calls it too)."""

    def __init__(self, file: BinaryIO, limits: ReadLimits) -> None:
        super().__init__(file, "r")
        self.limits = limits
        self.shared_strings: str | None = None

    def open(
        self,
        name: str | zipfile.ZipInfo,
        mode: Literal["r", "w"] = "r",
        pwd: bytes | None = None,
        **kw: Any,
    ) -> Any:
        raw = super().open(name, mode, pwd, **kw)
        if mode != "r":
            return raw
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        if info.filename == self.shared_strings and info.file_size > SHARED_STRINGS_MAX_BYTES:
            raw.close()
            raise _too_large(
                f"The workbook's shared strings decompress to {_mb(info.file_size)}, more than "
                f"the {_mb(SHARED_STRINGS_MAX_BYTES)} allowed.",
            )
        return GuardedPart(raw, info, XmlScanner(info.filename, self.limits))


def open_archive(fh: BinaryIO, limits: ReadLimits) -> GuardedZip:
    """The workbook's zip, checked as far as its directory can tell; BadZipFile as zipfile."""
    check_directory(fh)
    archive = GuardedZip(fh, limits)
    try:
        check_members(archive, limits)
    except BaseException:
        archive.close()
        raise
    return archive


def find_shared_strings(archive: GuardedZip, content_types: Any) -> None:
    """Note which part openpyxl will read as the shared strings (the manifest names it)."""
    for override in getattr(content_types, "Override", ()):
        if override.ContentType == _SHARED_STRINGS_TYPE:
            archive.shared_strings = str(override.PartName).lstrip("/")
