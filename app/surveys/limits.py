"""What reading one upload may cost, whatever is in it.

The size of the file is limited when it is received (IMDI_UPLOAD_MAX_BYTES); that does not bound
reading it. An XLSX file is a zip: 400 KB of it can decompress to a 400 MB cell, and a parser
holds a cell, a row and the shared strings whole. One shared string can fill a million cells. So
the readers bound, before anything is parsed: the decompressed size of each part and of all, the
compression ratio, the bytes and elements of one row, and the characters of one cell and of all
cells together. These bounds are far above what a survey table holds, and each refusal names its
limit. Configurable ones come from Settings (IMDI_UPLOAD_MAX_*); the rest are fixed here.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.config import Settings

MB = 1024 * 1024

#: Excel's own limits: a sheet has at most this many rows, a cell this many characters.
SHEET_MAX_ROWS = 1_048_576
EXCEL_CELL_CHARS = 32_767
#: A survey table has a dozen columns; a row with cells beyond this one is refused (the reader
#: would otherwise convert every cell of a row that one stray cell stretches to column XFD).
MAX_COLUMNS = 1024
#: One row of the file: its CSV text, or its XML in a sheet (a shared string likewise). The
#: parser builds a row whole, so this bounds its memory. A table row is a few hundred bytes.
ROW_MAX_BYTES = 4 * MB
#: ... and the XML elements of one row (small elements cost more memory than their bytes).
ROW_MAX_TAGS = 200_000
#: Parts that the XLSX reader parses whole (workbook, styles, relationships, properties).
PART_MAX_BYTES = 16 * MB
PART_MAX_TAGS = 500_000
#: The shared strings are read into one list, so they are bounded as a whole too.
SHARED_STRINGS_MAX_BYTES = 128 * MB
#: The compression ratio is only checked for parts larger than this (small parts cannot
#: amplify much, and short XML compresses well).
RATIO_MIN_BYTES = 1 * MB
#: The zip's central directory is read whole before any limit applies: at most this many parts.
MAX_ZIP_MEMBERS = 10_000


@dataclass(frozen=True, slots=True)
class ReadLimits:
    max_rows: int = 1_000_000
    #: Longest cell in characters: a longer one is a row error (its value cut in the report).
    max_cell_chars: int = EXCEL_CELL_CHARS
    #: All cells of the file together, in characters: a file over it is refused (413).
    max_text_chars: int = 200_000_000
    #: XLSX: all parts of the zip decompressed, in bytes, and the highest compression ratio.
    max_unzipped_bytes: int = 1024 * MB
    max_zip_ratio: float = 200.0

    @classmethod
    def from_settings(cls, settings: Settings) -> ReadLimits:
        return cls(
            max_rows=settings.upload_max_rows,
            max_cell_chars=settings.upload_max_cell_chars,
            max_text_chars=settings.upload_max_text_chars,
            max_unzipped_bytes=settings.upload_max_unzipped_bytes,
            max_zip_ratio=settings.upload_max_zip_ratio,
        )

    @property
    def max_xml_run_bytes(self) -> int:
        """Longest text in the sheet XML between two tags: a cell at the character limit, each
        character written as a character reference (&#x10FFFF;, 10 bytes), and its tag."""
        return self.max_cell_chars * 10 + 1024

    @property
    def max_row_bytes(self) -> int:
        return max(ROW_MAX_BYTES, 2 * self.max_xml_run_bytes)
