"""Hostile XLSX workbooks, built in the tests: a minimal valid package whose first sheet holds a
pool table with one oversized cell, written to the zip in chunks so that building a bomb of
hundreds of megabytes takes little memory."""

from __future__ import annotations

import io
import itertools
import struct
import zipfile
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape

from tests.surveys.helpers import GOOD_ROW, POOL_HEADER

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
    '<sheets><sheet name="pools" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)
CHUNK = 1024 * 1024


def _column(index: int) -> str:
    return chr(ord("A") + index)


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def _row(number: int, cells: list[str]) -> str:
    return (
        f'<row r="{number}">'
        + "".join(_inline(f"{_column(i)}{number}", c) for i, c in enumerate(cells))
        + "</row>"
    )


def _repeat(piece: bytes, size: int) -> Iterator[bytes]:
    block = piece * (CHUNK // len(piece))
    while size > 0:
        yield block if size >= len(block) else block[:size]
        size -= len(block)


Chunks = Iterable[bytes]
SHEET_START = (
    f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>'.encode()
)
SHEET_END = b"</sheetData></worksheet>"
STRINGS_START = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}">'.encode()


def package(
    sheet: Chunks,
    strings: Chunks = (),
    *,
    level: int = 9,
    extra: dict[str, bytes] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A workbook of one sheet: `sheet` is the worksheet's XML in chunks, `strings` the shared
    strings' <si> elements (without the <sst> around them)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("xl/workbook.xml", WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
        with zf.open("xl/sharedStrings.xml", "w") as out:
            out.write(STRINGS_START)
            for chunk in strings:
                out.write(chunk)
            out.write(b"</sst>")
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
        info.compress_type = compression
        info._compresslevel = level  # as zipfile sets it for a name
        with zf.open(info, "w") as out:
            for chunk in sheet:
                out.write(chunk)
    return buffer.getvalue()


def table_sheet(rows: Iterable[list[str]], *, start: bytes = SHEET_START) -> Iterator[bytes]:
    """A sheet of the pool table header and `rows`, as inline strings."""
    yield start
    yield _row(1, POOL_HEADER.split(",")).encode()
    for number, cells in enumerate(rows, start=2):
        yield _row(number, cells).encode()
    yield SHEET_END


def good_rows(count: int) -> list[list[str]]:
    """`count` good pool-table rows, each its own pool (the region differs)."""
    header = POOL_HEADER.split(",")
    good = GOOD_ROW.split(",")
    place = header.index("region")
    return [[*good[:place], f"Region {n}", *good[place + 1 :]] for n in range(count)]


def build(
    cell_bytes: int,
    *,
    shared: bool = False,
    piece: bytes = b"A",
    level: int = 9,
    column: str = "sector",
) -> bytes:
    """The bomb: a pool table whose row 2 has a cell of `cell_bytes` bytes of `piece` in
    `column` (an inline string, or with `shared` a shared string). The default column is one
    whose error message quotes the value."""
    header = POOL_HEADER.split(",")
    good = GOOD_ROW.split(",")
    at = header.index(column)
    letter = _column(at)
    huge = _repeat(piece, cell_bytes)

    def sheet() -> Iterator[bytes]:
        yield SHEET_START
        yield _row(1, header).encode()
        before = "".join(_inline(f"{_column(i)}2", c) for i, c in enumerate(good[:at]))
        after = "".join(
            _inline(f"{_column(i)}2", c) for i, c in enumerate(good[at + 1 :], start=at + 1)
        )
        yield f'<row r="2">{before}'.encode()
        if shared:
            yield f'<c r="{letter}2" t="s"><v>0</v></c>'.encode()
        else:
            yield f'<c r="{letter}2" t="inlineStr"><is><t>'.encode()
            yield from huge
            yield b"</t></is></c>"
        yield f"{after}</row>".encode()
        yield SHEET_END

    strings = itertools.chain([b"<si><t>"], huge, [b"</t></si>"]) if shared else ()
    return package(sheet(), strings, level=level)


def with_declared_size(content: bytes, member: str, declared: int) -> bytes:
    """The same zip, except that its headers say `member` decompresses to `declared` bytes: a
    lying header, which a reader trusting it would let decompress much more."""
    data = bytearray(content)
    name = member.encode()
    # Central directory entry: signature, ..., uncompressed size at +24, name length at +28,
    # name at +46. Local header: uncompressed size at +22, name at +30.
    for signature, size_at, name_at in ((b"PK\x01\x02", 24, 46), (b"PK\x03\x04", 22, 30)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            if data[at + name_at : at + name_at + len(name)] == name:
                struct.pack_into("<I", data, at + size_at, declared)
            start = at + 4
    return bytes(data)
