"""Finding the ESCO files in a download: by name, in any mix of zips, folders and CSV files.

Two layouts: v1.1.x ships the relations in a second zip without a language
("ESCO dataset - v1.1.1 - classification -  - csv.zip": occupationSkillRelations.csv,
broaderRelationsSkillPillar.csv); v1.2.x names them occupationSkillRelations_en.csv (with label
columns) and so on.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from app.taxonomy.esco.errors import EscoError

#: Files the import needs (keys: lower-case name without ".csv" and without "_en").
REQUIRED = (
    "iscogroups",
    "occupations",
    "skills",
    "skillgroups",
    "broaderrelationsskillpillar",
    "occupationskillrelations",
)
#: Used when present: codes of the skill groups, and groups the other files do not list.
OPTIONAL = ("skillshierarchy",)

_VERSION = re.compile(r"\bv(\d+\.\d+(?:\.\d+)?)\b")


@dataclass(frozen=True)
class CsvFile:
    name: str  # as published, e.g. "occupationSkillRelations_en.csv"
    where: str  # the zip or folder it is in, for messages
    size: int  # uncompressed bytes, for the progress bar
    opener: Callable[[], IO[bytes]]


@dataclass
class EscoFiles:
    files: dict[str, CsvFile]
    #: "v1.1.x" (relations without a language suffix) or "v1.2.x" (occupationSkillRelations_en).
    layout: str
    #: The release, from the file names (e.g. "v1.1.1"), or "unknown".
    version: str


def _key(name: str) -> str | None:
    """Lookup key of a file name: "skills_en.csv" -> "skills"; None for other files."""
    base = name.rsplit("/", 1)[-1]
    if not base.lower().endswith(".csv"):
        return None
    stem = base[:-4].lower()
    stem = stem.removesuffix("_en")
    if re.search(r"_[a-z]{2}$", stem):  # another language's file: this import reads English
        return None
    return stem


def _zip_members(path: Path) -> Iterator[CsvFile]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise EscoError(f"{path} cannot be read as a zip file: {exc}") from exc
    with archive:
        infos = archive.infolist()
    for info in infos:
        if info.is_dir():
            continue

        def opener(p: Path = path, member: str = info.filename) -> IO[bytes]:
            # A fresh ZipFile per read: the file handle is closed with the member stream.
            zf = zipfile.ZipFile(p)
            stream = zf.open(member)
            # Buffered: a binary file object, as callers take it (a raw stream is not IO[bytes]).
            return io.BufferedReader(_Closing(stream, zf))

        yield CsvFile(info.filename.rsplit("/", 1)[-1], str(path), info.file_size, opener)


class _Closing(io.RawIOBase):
    """A zip member stream that also closes its archive."""

    def __init__(self, stream: IO[bytes], archive: zipfile.ZipFile) -> None:
        self._stream = stream
        self._archive = archive

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self._stream.close()
            self._archive.close()
        finally:
            super().close()


def _file_opener(path: Path) -> Callable[[], IO[bytes]]:
    return lambda: path.open("rb")


def _candidates(path: Path) -> Iterator[CsvFile]:
    if not path.exists():
        raise EscoError(f"{path} does not exist")
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.suffix.lower() == ".zip":
                yield from _zip_members(child)
            elif child.suffix.lower() == ".csv" and child.is_file():
                yield CsvFile(
                    child.name, str(child.parent), child.stat().st_size, _file_opener(child)
                )
    elif path.suffix.lower() == ".zip":
        yield from _zip_members(path)
    elif path.suffix.lower() == ".csv" and path.is_file():
        yield CsvFile(path.name, str(path.parent), path.stat().st_size, _file_opener(path))
    else:
        raise EscoError(f"{path} is not a zip file, a CSV file or a folder")


def find_files(paths: Sequence[str | Path], version: str | None = None) -> EscoFiles:
    """The ESCO files among `paths` (zips, folders of CSVs or zips, or CSV files)."""
    if not paths:
        raise EscoError("name the ESCO download: its zip files or the folder they unzip to")
    found: dict[str, CsvFile] = {}
    for raw in paths:
        for f in _candidates(Path(raw)):
            key = _key(f.name)
            if key is None or key not in (*REQUIRED, *OPTIONAL):
                continue
            if key in found:
                raise EscoError(
                    f"{f.name} is there twice ({found[key].where} and {f.where}): "
                    "name one ESCO download"
                )
            found[key] = f
    missing = [k for k in REQUIRED if k not in found]
    if missing:
        hint = ""
        if "occupationskillrelations" in missing and len(missing) <= 2:
            hint = (
                " (ESCO v1.1.x ships the relations in a second zip, "
                "'ESCO dataset - vX - classification -  - csv.zip': name both zips)"
            )
        raise EscoError(
            "not a complete ESCO CSV download: missing "
            + ", ".join(f"{k}.csv" for k in missing)
            + hint
        )
    relations = found["occupationskillrelations"].name
    layout = "v1.2.x" if relations.lower().endswith("_en.csv") else "v1.1.x"
    if version is None:
        for raw in [*(str(p) for p in paths), *(f.where for f in found.values())]:
            m = _VERSION.search(raw)
            if m:
                version = f"v{m.group(1)}"
                break
    return EscoFiles(found, layout, (version or "unknown")[:20])
