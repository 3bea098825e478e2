"""`imdi aggregate-microdata`: survey or registry microdata too large to upload, aggregated into
pools on a Dask cluster by the upload's own rules, and stored as one survey wave.

The input is a CSV file, a Parquet file, or a partitioned dataset of part files (a directory or
a glob; all one format). Its rows are validated as an upload validates them (the same reader,
the same error report, the upload's row numbers) and aggregated by the same two steps
(app/surveys/microdata.py), so a file small enough to upload gives the same pools, report and
codings either way. The upload's max_rows / max_text / file-size limits do not apply here (this
is the path for files too large to upload); the per-cell and per-row limits do.

How the work is cut (no process ever holds the whole file; the driver holds per-block summaries):
- Blocks. The driver streams each file once to take its sha256 (the upload's checksum). A CSV
  file is cut into byte blocks (~64 MB) at record ends: a newline outside quotes, found with
  numpy by quote parity in the same pass. Each block is read by the upload's csv_reader with the
  file's header lines first and the file's line and row numbers (csv_reader.Resume); its worker
  checks that the block ends where the csv module ends a record and holds as many records as
  the parity counted (a stray quote inside an unquoted cell fools parity): if not, the file is
  cut again by the csv module itself (slower, exact). A Parquet row group is a block; its rows
  are numbered as a CSV file's would be (record index + 2), its cells read as text.
- Pass A, per block: keyed hashes (blake2b, 16 bytes, a key drawn for this run) of the
  respondent ids with their positions, bucketed by hash, and the job titles (occupation cells
  that are not codes) with their first rows. A reduce per hash bucket finds the duplicates
  (each occurrence after the first, in row order, as the in-process reader reports them).
  Ids never leave a worker in clear, and no hash outlives the run.
- The driver codes each distinct title once (TitleCoder, the database), in the spelling of its
  first row that the in-process reader would code (an unwilling respondent's row codes its
  title only when the row is bad, e.g. a duplicate), and loads the taxonomy's codes.
- Pass B, per block: the reader validates and tallies with those answers; the tallies are cut
  into buckets by a hash of the cell. A reduce per bucket merges its cells' tallies and makes
  the pools; the driver merges the errors (in row order; the first that a report keeps), the
  counts and the codings, and stores the wave through the upload's own finish_upload.
Several files order as their sorted relative paths, rows within a file by number; an error
then names its file ("file"); for one file the report is exactly the upload's.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import glob
import hashlib
import io
import itertools
import math
import os
import secrets
import uuid
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.models import Organisation
from app.auth.service import organisation_by_slug
from app.common.cluster import TASK_RETRIES, worker_count
from app.config import Settings
from app.errors import ProblemError
from app.surveys import cells
from app.surveys.cells import CellError
from app.surveys.csv_reader import BlockMisaligned, Resume, detect_delimiter, read_csv
from app.surveys.errors import FileProblem
from app.surveys.limits import MB, ReadLimits
from app.surveys.microdata import (
    COLUMNS,
    CellTallies,
    CodingTally,
    DuplicateRows,
    KnownCodes,
    LabelTally,
    MicrodataReader,
    PoolPart,
    assemble,
    merge_codings,
    merge_firsts,
    merge_tallies,
    pools_of,
    title_key,
)
from app.surveys.occupations import Coding, TitleCoder
from app.surveys.schemas import UploadMode, UploadOptions
from app.surveys.service import (
    MAX_REPORTED_ERRORS,
    ReadResult,
    UploadResult,
    error_order,
    find_replay,
    finish_upload,
    require_rows,
)
from app.surveys.tables import Table, open_table, table_of
from app.taxonomy.models import Occupation, Sector, Skill

if TYPE_CHECKING:
    from distributed import Client, Future

DEFAULT_BLOCK_BYTES = 64 * MB
FORMATS = {".csv": "csv", ".parquet": "parquet"}
#: The position of row r of file i, where row order decides: i * ORDER_STRIDE + r.
ORDER_STRIDE = 1 << 40
#: The driver reads files this much at a time (hashing, finding record ends).
_CHUNK = 4 * MB
#: Parquet rows are turned into text this many at a time (a row group can be large).
_PARQUET_BATCH = 65_536
#: Buckets: at least this many per worker, and one per this many bytes of input.
_BUCKETS_PER_WORKER = 2
_BYTES_PER_BUCKET = 128 * MB
_MAX_BUCKETS = 512
#: Tallies merged per task (a bucket's tallies of many blocks are merged in a tree).
_MERGE_FAN_IN = 8
_QUOTE, _NEWLINE = ord('"'), ord("\n")


# ---- the input -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: str
    #: Relative to the dataset's root, "/"-separated: the errors' "file", the checksum's.
    name: str
    fmt: str
    size: int


@dataclass(frozen=True, slots=True)
class Dataset:
    files: list[SourceFile]
    #: The upload record's filename: the input's name.
    name: str

    @property
    def fmt(self) -> str:
        return self.files[0].fmt


def _format_of(path: Path) -> str | None:
    return FORMATS.get(path.suffix.lower())


def find_files(paths: Sequence[str]) -> Dataset:
    """The data files that `paths` name: files, directories (their CSV or Parquet files, at any
    depth, without hidden or "_" marker files) and globs; all of one format."""
    found: dict[str, Path] = {}
    for text in paths:
        if glob.has_magic(text):
            matches = [Path(m) for m in sorted(glob.glob(text, recursive=True))]
            files = [m for m in matches if m.is_file() and _format_of(m)]
            if not files:
                raise FileProblem(404, f"No CSV or Parquet file matches {text!r}.")
        elif os.path.isdir(text):
            files = [
                p
                for p in sorted(Path(text).rglob("*"))
                if p.is_file()
                and _format_of(p)
                and not any(part.startswith((".", "_")) for part in p.relative_to(text).parts)
            ]
            if not files:
                raise FileProblem(404, f"The directory {text!r} holds no CSV or Parquet file.")
        elif os.path.isfile(text):
            if _format_of(Path(text)) is None:
                raise FileProblem(
                    415, f"{text!r} is neither a .csv nor a .parquet file: those are read."
                )
            files = [Path(text)]
        else:
            raise FileProblem(404, f"No such file or directory: {text!r}.")
        for f in files:
            found.setdefault(str(f.resolve()), f)
    formats = {_format_of(p) for p in found.values()}
    if len(formats) > 1:
        raise FileProblem(
            422, "A dataset is all one format: the paths name both CSV and Parquet files."
        )
    resolved = sorted(found)
    root = os.path.commonpath([os.path.dirname(p) for p in resolved])
    sources = sorted(
        (
            SourceFile(
                path=p,
                name=Path(os.path.relpath(p, root)).as_posix(),
                fmt=str(_format_of(Path(p))),
                size=os.path.getsize(p),
            )
            for p in resolved
        ),
        key=lambda f: f.name,
    )
    if len(paths) == 1:
        name = Path(paths[0].rstrip("/\\")).name or Path(root).name
    else:
        name = Path(root).name
    return Dataset(files=sources, name=(name or "dataset")[:255])


# ---- blocks ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Block:
    """One task's share of a file: a byte range of a CSV file or a Parquet row group."""

    file: int
    path: str
    fmt: str
    #: The errors' "file" (datasets of several files only).
    file_name: str | None
    # CSV: the byte range, where it resumes, and the records the parity scan counted in it
    # (None: cut by the csv module, nothing to check).
    start: int = 0
    end: int = 0
    resume: Resume | None = None
    expected_records: int | None = None
    # Parquet: the row group and the record index of its first row.
    row_group: int = -1
    first_record: int = 0

    @property
    def order_base(self) -> int:
        return self.file * ORDER_STRIDE


@dataclass(slots=True)
class _FileLayout:
    sha256: str
    columns: list[str]
    blocks: list[Block]


class _FileSlice(io.RawIOBase):
    """Bytes [start, end) of a file, read as a file of their own (bounded memory)."""

    def __init__(self, path: str, start: int, end: int) -> None:
        super().__init__()
        self._fh = open(path, "rb", buffering=0)  # noqa: SIM115 - closed by close()
        self._fh.seek(start)
        self._left = end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._left <= 0:
            return 0
        view = memoryview(buffer)
        n = self._fh.readinto(view[: min(len(view), self._left)]) or 0
        self._left -= n
        return n

    def close(self) -> None:
        self._fh.close()
        super().close()


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(slots=True)
class _Cut:
    """A record end (a block boundary) and the lines and records before it."""

    offset: int
    lines: int
    records: int


def _cut_at(
    ends: np.ndarray, i: int, newline: np.ndarray, base: int, lines: int, records: int
) -> _Cut:
    """The cut after the i-th record end of a chunk (at `base`, after `lines` and `records`)."""
    at = int(ends[i])
    return _Cut(base + at + 1, lines + int(np.count_nonzero(newline[: at + 1])), records + i + 1)


def _parity_scan(path: str, block_bytes: int, digest: Any) -> tuple[_Cut | None, list[_Cut], int]:
    """One pass over the file: its sha256 (into `digest`), the header's end, block ends every
    `block_bytes` at newlines outside quotes (by quote parity, with numpy), and the records in
    all (a last line without a newline counts)."""
    parity = 0
    base = lines = records = 0
    last_end = 0
    header: _Cut | None = None
    cuts: list[_Cut] = []
    target = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
            data = np.frombuffer(chunk, dtype=np.uint8)
            newline = data == _NEWLINE
            quote = data == _QUOTE
            quotes = int(np.count_nonzero(quote))
            if not quotes:  # the common chunk: all inside or all outside quotes
                ends = np.flatnonzero(newline) if not parity else np.zeros(0, np.int64)
            else:
                # Quotes so far, mod 2 (uint8 wraps, parity survives): inside where odd.
                inside = (np.cumsum(quote, dtype=np.uint8) & 1).astype(bool)
                if parity:
                    inside = ~inside
                ends = np.flatnonzero(newline & ~inside)
            if header is None and len(ends):
                header = _cut_at(ends, 0, newline, base, lines, records)
                target = header.offset + block_bytes
            while header is not None:
                i = int(np.searchsorted(ends, target - 1 - base))
                if i >= len(ends):
                    break
                cuts.append(_cut_at(ends, i, newline, base, lines, records))
                target = cuts[-1].offset + block_bytes
            if len(ends):
                last_end = base + int(ends[-1]) + 1
            lines += int(np.count_nonzero(newline))
            records += len(ends)
            parity ^= quotes & 1
            base += len(chunk)
    if base > last_end:
        records += 1  # the last line has no newline: still a record
    return header, [c for c in cuts if c.offset < base], records


def _header_checked(path: str, header: bytes, limits: ReadLimits) -> bool:
    """The bytes before the parity's first record end hold the file's header record, all of
    it and nothing more (else parity is fooled: the csv module cuts the file instead)."""
    try:
        with open(path, "rb") as fh:
            whole, _ = read_csv(fh, limits)
        alone, rest = read_csv(io.BytesIO(header), limits)
        return alone == whole and next(rest, None) is None
    except FileProblem:
        return False


def _exact_cuts(path: str, block_bytes: int, limits: ReadLimits) -> tuple[_Cut | None, list[_Cut]]:
    """Block ends at the records' ends as the csv module finds them (a pass of the csv module
    over the file, on the driver: only for a file whose quotes fool the parity scan). Where the
    file cannot be read as CSV, the rest is one block, whose reading reports the problem."""
    max_row = limits.max_row_bytes
    state = {"offset": 0, "lines": 0, "stopped": False}
    with open(path, "rb") as fh:

        def lines() -> Iterator[str]:
            while raw := fh.readline(max_row + 1):
                if len(raw) > max_row:
                    state["stopped"] = True
                    return
                state["offset"] += len(raw)
                state["lines"] += 1
                # Only the structure matters here: a bad byte is the block reader's to report.
                yield raw.decode("utf-8", "surrogateescape")

        source = lines()
        first = next(source, "")
        reader = csv.reader(
            itertools.chain([first], source), delimiter=detect_delimiter(first), strict=False
        )
        try:
            next(reader)
        except (csv.Error, StopIteration):
            return None, []
        header = _Cut(int(state["offset"]), int(state["lines"]), 1)
        cuts: list[_Cut] = []
        records = 1
        start = header.offset
        try:
            for _record in reader:
                if state["stopped"]:
                    break
                records += 1
                if state["offset"] - start >= block_bytes:
                    cuts.append(_Cut(int(state["offset"]), int(state["lines"]), records))
                    start = cuts[-1].offset
        except csv.Error:
            pass
    size = os.path.getsize(path)
    return header, [c for c in cuts if c.offset < size]


def _csv_blocks(
    index: int,
    source: SourceFile,
    file_name: str | None,
    header: _Cut,
    cuts: list[_Cut],
    total_records: int | None,
) -> list[Block]:
    with open(source.path, "rb") as fh:
        header_bytes = fh.read(header.offset)
    starts = [header, *cuts]
    out = []
    for k, start in enumerate(starts):
        last = k == len(starts) - 1
        end = source.size if last else cuts[k].offset
        if end <= start.offset:
            continue
        expected = None
        if total_records is not None:
            expected = (total_records if last else cuts[k].records) - start.records
        out.append(
            Block(
                file=index,
                path=source.path,
                fmt="csv",
                file_name=file_name,
                start=start.offset,
                end=end,
                resume=Resume(
                    header=header_bytes,
                    offset=start.offset,
                    line=start.lines + 1,
                    row=start.records,
                    check_end=not last,
                ),
                expected_records=expected,
            )
        )
    return out


def _layout_csv(
    index: int, source: SourceFile, file_name: str | None, block_bytes: int, limits: ReadLimits
) -> _FileLayout:
    with open(source.path, "rb") as fh:
        # The header as an upload checks it: format, encoding, blank first line, columns.
        table = open_table(fh, Path(source.path).name, COLUMNS, limits=limits)
        columns = table.columns
    digest = hashlib.sha256()
    header, cuts, records = _parity_scan(source.path, block_bytes, digest)
    header_bytes = b""
    if header is not None:
        with open(source.path, "rb") as fh:
            header_bytes = fh.read(header.offset)
    if header is None or not _header_checked(source.path, header_bytes, limits):
        # Parity found no header end, or another one than the csv module's.
        return _FileLayout(
            digest.hexdigest(), columns, _recut(index, source, file_name, block_bytes, limits)
        )
    blocks = _csv_blocks(index, source, file_name, header, cuts, records)
    return _FileLayout(digest.hexdigest(), columns, blocks)


def _recut(
    index: int, source: SourceFile, file_name: str | None, block_bytes: int, limits: ReadLimits
) -> list[Block]:
    header, cuts = _exact_cuts(source.path, block_bytes, limits)
    if header is None:
        return []
    return _csv_blocks(index, source, file_name, header, cuts, None)


def _layout_parquet(index: int, source: SourceFile, file_name: str | None) -> _FileLayout:
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(source.path).metadata
        names = list(pq.read_schema(source.path).names)
    except Exception as exc:  # pyarrow raises several kinds for a file that is not Parquet
        raise FileProblem(
            422, f"{source.name!r} cannot be read as a Parquet file: {exc}."
        ) from None
    columns = table_of("parquet", names, iter(()), COLUMNS, ReadLimits()).columns
    blocks = []
    first = 0
    for group in range(meta.num_row_groups):
        rows = meta.row_group(group).num_rows
        if rows:
            blocks.append(
                Block(
                    file=index,
                    path=source.path,
                    fmt="parquet",
                    file_name=file_name,
                    row_group=group,
                    first_record=first,
                )
            )
        first += rows
    return _FileLayout(_sha256(source.path), columns, blocks)


def _text_cells(column: Any) -> list[str]:
    """A Parquet column as the text cells a CSV file would have (null: empty)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        column = pc.cast(column, pa.string())
    return ["" if v is None else v for v in column.to_pylist()]


def _parquet_rows(block: Block) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(block.path)
    header = list(parquet.schema_arrow.names)

    def rows() -> Iterator[tuple[int, list[str]]]:
        number = block.first_record + 2  # as if a CSV file: the header is row 1
        batches = parquet.iter_batches(batch_size=_PARQUET_BATCH, row_groups=[block.row_group])
        for batch in batches:
            try:
                columns = [_text_cells(batch.column(i)) for i in range(batch.num_columns)]
            except Exception as exc:  # a type with no text form (a list, a struct)
                raise FileProblem(
                    422, f"A column of the Parquet file cannot be read as text: {exc}."
                ) from None
            for values in zip(*columns, strict=True):
                yield number, list(values)
                number += 1

    return header, rows()


class _Last:
    """Passes rows on and remembers the last row number (the records a block holds)."""

    def __init__(self, rows: Iterator[tuple[int, list[str]]], before: int) -> None:
        self._rows = rows
        self.number = before

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        for number, values in self._rows:
            self.number = number
            yield number, values


def _open_block(block: Block, limits: ReadLimits) -> tuple[Table, _Last, BinaryIO | None]:
    fh: BinaryIO | None = None
    if block.fmt == "csv":
        assert block.resume is not None
        fh = io.BufferedReader(_FileSlice(block.path, block.start, block.end), 1 * MB)
        header, raw = read_csv(fh, limits, resume=block.resume)
        last = _Last(raw, block.resume.row)
    else:
        header, raw = _parquet_rows(block)
        last = _Last(raw, block.first_record + 1)
    return table_of(block.fmt, header, iter(last), COLUMNS, limits), last, fh


# ---- pass A: duplicates and job titles -------------------------------------------------------


@dataclass(slots=True)
class _Problem:
    """A FileProblem, as data (the exception does not pickle)."""

    status: int
    detail: str
    errors: list[dict[str, Any]] | None
    extra: dict[str, Any]

    @classmethod
    def of(cls, exc: FileProblem) -> _Problem:
        return cls(exc.status, exc.detail, exc.errors, dict(exc.extra))

    def raise_for(self, file_name: str | None) -> None:
        detail = self.detail if file_name is None else f"{file_name}: {self.detail}"
        extra = self.extra if file_name is None else {**self.extra, "file": file_name}
        raise FileProblem(self.status, detail, errors=self.errors, **extra)


@dataclass(slots=True)
class _Scan:
    """Pass A's result for a block (kept on its worker; the driver gets `_ScanStatus`)."""

    status: str  # ok | problem | misaligned
    problem: _Problem | None = None
    row_before: int = 0
    row_last: int = 0
    rows_read: int = 0
    #: Per hash bucket: the ids' keyed hashes (n x 2 uint64) and positions.
    hashes: list[tuple[np.ndarray, np.ndarray]] = field(default_factory=list)
    #: Title key -> (position, spelling) of its first row that codes it for certain ...
    titles: dict[str, tuple[int, str]] = field(default_factory=dict)
    #: ... and the unwilling rows before that one, which code it only if their id is a
    #: duplicate (in row order).
    maybe_titles: dict[str, list[tuple[int, str]]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _ScanStatus:
    status: str
    problem: _Problem | None
    row_before: int
    row_last: int
    rows_read: int


def _scan_block(block: Block, key: bytes, n_buckets: int, limits: ReadLimits) -> _Scan:
    blake2b = hashlib.blake2b
    digests = bytearray()
    rows = array("q")
    titles: dict[str, tuple[int, str]] = {}
    maybe: dict[str, list[tuple[int, str]]] = {}
    title_of: dict[str, str | None] = {}  # occupation cell -> its title key (None: no title)
    unwilling: dict[str, bool] = {}  # willing cell -> reads as "no"
    base = block.order_base
    fh = None
    try:
        table, last, fh = _open_block(block, limits)
        wanted = table.select("respondent_id", "occupation", "willing_to_work_abroad")
        for number, (rid, occupation, willing) in wanted:
            position = base + number
            if rid:
                digests += blake2b(rid.encode(), digest_size=16, key=key).digest()
                rows.append(position)
            if not occupation:
                continue
            tkey = title_of.get(occupation, "")
            if tkey == "":
                try:
                    kind = cells.occupation_kind(occupation)
                except CellError:
                    kind = "error"
                tkey = title_key(occupation) if kind == "title" else None
                if len(title_of) < 200_000:
                    title_of[occupation] = tkey
            if tkey is None or tkey in titles:
                continue
            # As the reader: a clean "no" row returns before its occupation is read.
            no = unwilling.get(willing)
            if no is None:
                try:
                    no = cells.parse_bool(willing) is False
                except CellError:
                    no = False
                if len(unwilling) < 1_000:
                    unwilling[willing] = no
            if rid and no:
                maybe.setdefault(tkey, []).append((position, occupation))
            else:
                titles[tkey] = (position, occupation)
    except BlockMisaligned:
        return _Scan("misaligned")
    except FileProblem as exc:
        return _Scan("problem", _Problem.of(exc))
    finally:
        if fh is not None:
            fh.close()
    if block.expected_records is not None and (
        last.number - (block.resume.row if block.resume else 0) != block.expected_records
    ):
        return _Scan("misaligned")  # parity counted other records than the csv module
    hashed = np.frombuffer(bytes(digests), dtype=np.uint64).reshape(-1, 2)
    positions = np.frombuffer(rows, dtype=np.int64)
    bucket = (hashed[:, 0] % np.uint64(n_buckets)).astype(np.int64)
    order = np.argsort(bucket, kind="stable")
    bounds = np.searchsorted(bucket[order], np.arange(n_buckets + 1))
    return _Scan(
        "ok",
        row_before=block.resume.row if block.resume else block.first_record + 1,
        row_last=last.number,
        rows_read=table.rows_read,
        hashes=[
            (hashed[order[a:b]], positions[order[a:b]])
            for a, b in itertools.pairwise(bounds.tolist())
        ],
        titles=titles,
        maybe_titles=maybe,
    )


def _scan_status(scan: _Scan) -> _ScanStatus:
    return _ScanStatus(scan.status, scan.problem, scan.row_before, scan.row_last, scan.rows_read)


def _hash_bucket(scan: _Scan, j: int) -> tuple[np.ndarray, np.ndarray]:
    return scan.hashes[j]


def _duplicates(*pieces: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """The positions of the ids of one hash bucket seen on an earlier row (sorted)."""
    hashed = np.concatenate([h for h, _ in pieces]) if pieces else np.zeros((0, 2), np.uint64)
    positions = np.concatenate([p for _, p in pieces]) if pieces else np.zeros(0, np.int64)
    if not len(positions):
        return positions
    order = np.lexsort((positions, hashed[:, 1], hashed[:, 0]))
    h = hashed[order]
    again = np.zeros(len(order), dtype=bool)
    again[1:] = (h[1:, 0] == h[:-1, 0]) & (h[1:, 1] == h[:-1, 1])
    return np.sort(positions[order][again])


def _block_titles(scan: _Scan, duplicates: np.ndarray) -> dict[str, tuple[int, str]]:
    """Each title's first row that codes it: a certain one, or an earlier duplicate's."""
    out = dict(scan.titles)
    if scan.maybe_titles and len(duplicates):
        again = set(duplicates.tolist())
        for tkey, entries in scan.maybe_titles.items():
            for position, spelling in entries:
                if position in again:
                    if tkey not in out or position < out[tkey][0]:
                        out[tkey] = (position, spelling)
                    break
    return out


# ---- pass B: validation and tallies ----------------------------------------------------------


class PrecodedTitles:
    """The title coder of a worker: each title's coding (or its CellError), coded once on the
    driver in the spelling the in-process reader would have coded first."""

    def __init__(self, coded: dict[str, Coding | CellError]) -> None:
        self._coded = coded

    def code(self, title: str) -> Coding:
        hit = self._coded.get(title_key(title))
        if hit is None:  # pass A saw every title that a row codes
            raise RuntimeError("a job title that pass A did not see")
        if isinstance(hit, CellError):
            raise hit
        return hit


@dataclass(slots=True)
class _Counted:
    """Pass B's result for a block, less its tallies and labels: what the driver gathers."""

    errors: list[dict[str, Any]]
    errors_total: int
    codings: CodingTally
    respondents: int
    unwilling: int
    bad_rows: int  # the reader's (the report's respondents_rejected)
    shape_bad_rows: int
    rows_read: int


@dataclass(slots=True)
class _Read:
    counted: _Counted
    labels: LabelTally
    parts: list[CellTallies]


def _read_block(
    block: Block,
    duplicates: np.ndarray,
    codes: KnownCodes,
    titles: PrecodedTitles,
    n_buckets: int,
    limits: ReadLimits,
) -> _Read:
    table, _last, fh = _open_block(block, limits)
    try:
        rows = (duplicates - block.order_base).tolist()
        reader = MicrodataReader(titles, DuplicateRows(rows), order_base=block.order_base)
        reader.read(table)
    finally:
        if fh is not None:
            fh.close()
    valid = reader.check_codes(codes)
    tallies = reader.tallies(valid)
    errors = sorted([*reader.errors, *table.shape_errors], key=error_order(table.columns))
    total = len(errors)
    errors = errors[:MAX_REPORTED_ERRORS]  # the report keeps no more than these
    if block.file_name is not None:
        errors = [{**e, "file": block.file_name} for e in errors]
    return _Read(
        counted=_Counted(
            errors=errors,
            errors_total=total,
            codings=reader.title_codings,
            respondents=reader.respondents,
            unwilling=reader.unwilling,
            bad_rows=reader.bad_rows,
            shape_bad_rows=table.shape_bad_rows,
            rows_read=table.rows_read,
        ),
        labels=reader.labels(),
        parts=tallies.split(n_buckets),
    )


def _counted(read: _Read) -> _Counted:
    return read.counted


def _labels_of(read: _Read) -> LabelTally:
    return read.labels


def _cells_bucket(read: _Read, j: int) -> CellTallies:
    return read.parts[j]


def _merge_labels(*parts: LabelTally) -> dict[str, str]:
    return {key: label for key, (_first, label) in merge_firsts(parts).items()}


def _merge_parts(*parts: CellTallies) -> CellTallies:
    return merge_tallies(parts)


def _pools_of_bucket(labels: dict[str, str], origin: str, *parts: CellTallies) -> PoolPart:
    return pools_of(merge_tallies(parts), labels, origin)


# ---- the driver ------------------------------------------------------------------------------


def load_known_codes(session: Session) -> KnownCodes:
    """Every unit group, division and skill (not group) of the taxonomy: what lookup.* ask."""
    return KnownCodes(
        occupations=frozenset(
            session.scalars(select(Occupation.code).where(Occupation.level == 4))
        ),
        sectors=frozenset(session.scalars(select(Sector.code).where(Sector.level == "division"))),
        skill_ids=frozenset(session.scalars(select(Skill.id).where(Skill.is_group.is_(False)))),
    )


def read_limits(settings: Settings) -> ReadLimits:
    """The upload's cell and row limits; no limit on the rows or characters of a file."""
    return dataclasses.replace(
        ReadLimits.from_settings(settings), max_rows=1 << 62, max_text_chars=1 << 62
    )


def dataset_checksum(files: Sequence[tuple[str, str]]) -> str:
    """sha256 of one file; of a dataset, sha256 over its sorted (relative path, sha256) list."""
    if len(files) == 1:
        return files[0][1]
    text = "".join(f"{name}\t{sha}\n" for name, sha in sorted(files))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Job:
    """One run: the client, the options of its tasks and the progress bar."""

    def __init__(self, client: Client, progress: bool) -> None:
        self.client = client
        self.show_progress = progress

    def submit(self, fn: Any, *args: Any) -> Future:
        return self.client.submit(fn, *args, retries=TASK_RETRIES, pure=False)

    def gather(self, futures: list[Future], stage: str) -> list[Any]:
        if self.show_progress and futures:
            from distributed import progress

            print(f"\n{stage}", flush=True)
            progress(futures, notebook=False)
        return list(self.client.gather(futures))


def _buckets(client: Client, total_bytes: int) -> int:
    by_size = math.ceil(total_bytes / _BYTES_PER_BUCKET)
    return max(1, min(_MAX_BUCKETS, max(_BUCKETS_PER_WORKER * worker_count(client), by_size)))


@dataclass(slots=True)
class Plan:
    """A dataset cut into blocks, with its checksum: what the driver knows before the passes."""

    dataset: Dataset
    layouts: list[_FileLayout]
    checksum: str
    limits: ReadLimits
    block_bytes: int

    @property
    def blocks(self) -> list[Block]:
        return [b for lay in self.layouts for b in lay.blocks]


def plan_dataset(
    paths: Sequence[str], settings: Settings, *, block_bytes: int = DEFAULT_BLOCK_BYTES
) -> Plan:
    """Find the files, check their headers as an upload does, hash them and cut them into
    blocks (one pass over each file)."""
    dataset = find_files(paths)
    limits = read_limits(settings)
    several = len(dataset.files) > 1
    layouts: list[_FileLayout] = []
    for index, source in enumerate(dataset.files):
        name = source.name if several else None
        try:
            if source.fmt == "csv":
                layouts.append(_layout_csv(index, source, name, block_bytes, limits))
            else:
                layouts.append(_layout_parquet(index, source, name))
        except FileProblem as exc:
            if not several:
                raise
            _Problem.of(exc).raise_for(source.name)
    checksum = dataset_checksum(
        [(f.name, lay.sha256) for f, lay in zip(dataset.files, layouts, strict=True)]
    )
    return Plan(dataset, layouts, checksum, limits, block_bytes)


@dataclass(slots=True)
class JobResult:
    upload: UploadResult
    #: The report's first row errors as stored: with "file" for a dataset of several files
    #: (the API's RowError has no such field).
    errors: list[dict[str, Any]]


def aggregate_microdata(
    client: Client,
    session: Session,
    settings: Settings,
    paths: Sequence[str],
    *,
    org: Organisation,
    options: UploadOptions,
    block_bytes: int = DEFAULT_BLOCK_BYTES,
    buckets: int | None = None,
    progress: bool = False,
) -> JobResult:
    """Read the microdata at `paths` on the cluster of `client` and record it as the upload
    of one wave of `org` (the pools' owner, whose country is their origin), by the upload's
    rules (`options`: dry_run, on_error, replace; the mode is microdata). The caller commits
    (a rejected file's record too, as an upload's)."""
    if options.mode != UploadMode.MICRODATA:
        raise ValueError("aggregate_microdata reads microdata")
    plan = plan_dataset(paths, settings, block_bytes=block_bytes)
    replay = find_replay(session, org, plan.checksum, options)
    if replay is not None:
        return JobResult(replay, [e.model_dump() for e in replay.upload.errors])
    read = read_planned(
        client, session, settings, plan, origin=org.country, buckets=buckets, progress=progress
    )
    return JobResult(finish_upload(session, None, settings, org, options, read), read.errors)


def read_planned(
    client: Client,
    session: Session,
    settings: Settings,
    plan: Plan,
    *,
    origin: str,
    buckets: int | None = None,
    progress: bool = False,
) -> ReadResult:
    """Passes A and B over the blocks of `plan`: what the upload's reading would find."""
    job = _Job(client, progress)
    dataset, limits, block_bytes = plan.dataset, plan.limits, plan.block_bytes
    n_buckets = buckets or _buckets(client, sum(f.size for f in dataset.files))
    key = secrets.token_bytes(32)  # this run's: no hash can be compared with another run's

    # Pass A, and a file cut again where parity was fooled, until every block reads cleanly.
    blocks = plan.blocks
    scans = [job.submit(_scan_block, b, key, n_buckets, limits) for b in blocks]
    while True:
        statuses: list[_ScanStatus] = job.gather(
            [job.submit(_scan_status, s) for s in scans], "pass A: respondent ids and job titles"
        )
        bad = next((i for i, s in enumerate(statuses) if s.status != "ok"), None)
        if bad is None:
            break
        status, block = statuses[bad], blocks[bad]
        if status.status == "problem":
            assert status.problem is not None
            status.problem.raise_for(block.file_name)
        if block.expected_records is None:  # cut by the csv module already
            raise RuntimeError(f"block {bad} of {block.path} does not end at a record's end")
        again = _recut(block.file, dataset.files[block.file], block.file_name, block_bytes, limits)
        first = next(i for i, b in enumerate(blocks) if b.file == block.file)
        before = [i for i, b in enumerate(blocks) if b.file < block.file]
        after = [i for i, b in enumerate(blocks) if b.file > block.file]
        assert before == list(range(first))
        blocks = [*(blocks[i] for i in before), *again, *(blocks[i] for i in after)]
        scans = [
            *(scans[i] for i in before),
            *(job.submit(_scan_block, b, key, n_buckets, limits) for b in again),
            *(scans[i] for i in after),
        ]
    require_rows(sum(s.rows_read for s in statuses))

    found = job.gather(
        [
            job.submit(_duplicates, *(job.submit(_hash_bucket, s, j) for s in scans))
            for j in range(n_buckets)
        ],
        "duplicate respondents",
    )
    duplicates = np.sort(np.concatenate([np.zeros(0, np.int64), *found]))
    of_block = []
    for block, status in zip(blocks, statuses, strict=True):
        low = block.order_base + status.row_before
        high = block.order_base + status.row_last
        a, b = np.searchsorted(duplicates, [low, high], side="right")
        of_block.append(duplicates[a:b])
    firsts = job.gather(
        [job.submit(_block_titles, s, d) for s, d in zip(scans, of_block, strict=True)],
        "job titles",
    )
    del scans  # the hashes are dropped on the workers

    first_title: dict[str, tuple[int, str]] = {}
    for part in firsts:
        for tkey, (position, spelling) in part.items():
            if tkey not in first_title or position < first_title[tkey][0]:
                first_title[tkey] = (position, spelling)
    coder = TitleCoder(session, settings.coding_min_confidence)
    coded: dict[str, Coding | CellError] = {}
    for tkey, (_position, spelling) in sorted(first_title.items(), key=lambda kv: kv[1][0]):
        try:
            coded[tkey] = coder.code(spelling)
        except CellError as exc:
            coded[tkey] = exc
    titles = client.scatter(PrecodedTitles(coded), broadcast=True)
    codes = client.scatter(load_known_codes(session), broadcast=True)

    # Pass B, and the reduce per bucket.
    reads = [
        job.submit(_read_block, b, d, codes, titles, n_buckets, limits)
        for b, d in zip(blocks, of_block, strict=True)
    ]
    labels = job.submit(_merge_labels, *(job.submit(_labels_of, r) for r in reads))
    pools = []
    for j in range(n_buckets):
        pieces = [job.submit(_cells_bucket, r, j) for r in reads]
        # A tree of merges: a block's tallies are let go as soon as they are merged.
        while len(pieces) > _MERGE_FAN_IN:
            pieces = [
                job.submit(_merge_parts, *pieces[i : i + _MERGE_FAN_IN])
                for i in range(0, len(pieces), _MERGE_FAN_IN)
            ]
        pools.append(job.submit(_pools_of_bucket, labels, origin, *pieces))
    counts = [job.submit(_counted, r) for r in reads]
    del reads, pieces  # held by the tasks that need them, no longer by the driver
    counted: list[_Counted] = job.gather(counts, "pass B: validation and tallies")
    parts: list[PoolPart] = job.gather(pools, "pools per bucket")
    del pools, labels

    errors: list[dict[str, Any]] = []
    for c in counted:  # blocks in row order, each one's errors sorted: all in report order
        errors.extend(c.errors[: MAX_REPORTED_ERRORS - len(errors)])
    agg = assemble(
        parts,
        errors=errors,
        bad_rows=sum(c.bad_rows for c in counted),
        respondents=sum(c.respondents for c in counted),
        unwilling=sum(c.unwilling for c in counted),
        codings=merge_codings(c.codings for c in counted),
        errors_total=sum(c.errors_total for c in counted),
    )
    return ReadResult(
        filename=dataset.name,
        file_format=dataset.fmt,
        checksum=plan.checksum,
        size_bytes=sum(f.size for f in dataset.files),
        rows_read=sum(c.rows_read for c in counted),
        columns=plan.layouts[0].columns,
        items=agg.items,
        rows=[None] * len(agg.items),
        errors=agg.errors,
        errors_total=agg.errors_total if agg.errors_total is not None else len(agg.errors),
        bad_rows=agg.bad_rows + sum(c.shape_bad_rows for c in counted),
        good_rows=agg.pooled,
        details={**agg.report(), "codings": agg.codings},
    )


def find_ministry(session: Session, ref: str) -> Organisation:
    """The ministry named by slug or id (the pools' owner)."""
    org: Organisation | None = None
    with contextlib.suppress(ValueError):  # not an id: a slug
        org = session.get(Organisation, uuid.UUID(ref))
    if org is None:
        org = organisation_by_slug(session, ref)
    if org is None:
        raise ProblemError(404, f"No organisation has the slug or id {ref!r}.")
    if org.kind != "ministry":
        raise ProblemError(
            422, f"{org.slug} is a {org.kind}, not a ministry: pools are a ministry's."
        )
    return org
