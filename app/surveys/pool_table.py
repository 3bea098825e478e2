"""Pool-table mode: one row per labour pool, each row validated into a PoolIn.

Each row names a pool identity (origin_country, region, occupation, sector; the region compared
case- and whitespace-insensitively, a job title by the ISCO code it is coded to). Two rows of one
file with the same identity are both errors: the file says two things about one pool."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from app.pools.schemas import PoolIn
from app.pools.service import describe_identity, same_identity
from app.surveys import cells
from app.surveys.cells import CellError
from app.surveys.errors import row_error, shown
from app.surveys.occupations import TitleCoder
from app.surveys.tables import ColumnSpec, Row
from app.taxonomy import lookup

COLUMNS = ColumnSpec(
    required=frozenset(
        {"origin_country", "occupation", "headcount", "isced_level", "experience_years"}
    ),
    optional=frozenset({"region", "sector", "skills", "languages", "available_from"}),
)


@dataclass(slots=True)
class ParsedPools:
    items: list[PoolIn] = field(default_factory=list)
    #: The spreadsheet row of each item, index for index.
    rows: list[int] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    codings: list[dict[str, Any]] = field(default_factory=list)
    bad_rows: set[int] = field(default_factory=set)
    #: Codes of rows already bad for other reasons, still checked so that one pass over the
    #: report shows every mistake of a row: (row, occupation code, sector, skill ids).
    unchecked: list[tuple[int, str | None, str | None, list[str]]] = field(default_factory=list)


def _column_of(loc: tuple[int | str, ...]) -> str:
    # PoolIn's field names are the column names, so the first part of the path is the column.
    head = loc[0] if loc else ""
    return head if isinstance(head, str) and head in COLUMNS.known else ""


def parse_row(row: Row, coder: TitleCoder, out: ParsedPools) -> None:
    v = row.values
    errors: list[dict[str, Any]] = []
    data: dict[str, Any] = {"origin_country": v.get("origin_country", "")}

    def cell(column: str, parse: Callable[[str], Any], *, optional: bool) -> Any:
        text = v.get(column, "")
        if optional and not text:
            return None
        if not text:
            errors.append(row_error(row.number, column, text, f"{column} is required"))
            return None
        try:
            return parse(text)
        except CellError as exc:
            errors.append(row_error(row.number, column, text, str(exc)))
            return None

    data["region"] = cell("region", cells.region, optional=True)
    data["headcount"] = cell("headcount", lambda t: _headcount(t), optional=False)
    data["isced_level"] = cell(
        "isced_level", lambda t: cells.parse_int(t, low=0, high=8), optional=False
    )
    data["experience_years"] = cell(
        "experience_years", lambda t: cells.parse_float(t, low=0, high=60), optional=False
    )
    data["sector"] = cell("sector", cells.sector_code, optional=True)
    data["available_from"] = cell("available_from", cells.parse_date, optional=True)
    skills = cell("skills", lambda t: cells.parse_skills(t, allow_shares=True), optional=True)
    data["skills"] = [{"skill": s, "share": share} for s, share in skills or []]
    languages = cell(
        "languages", lambda t: cells.parse_languages(t, with_shares=True), optional=True
    )
    data["languages"] = [
        {"language": lang, "level": level, "share": share} for lang, level, share in languages or []
    ]

    occupation = v.get("occupation", "")
    coding = None
    try:
        if not occupation:
            raise CellError("occupation is required (a 4-digit ISCO-08 code or a job title)")
        if cells.occupation_kind(occupation) == "code":
            data["occupation"] = occupation
        else:
            coding = coder.code(occupation)
            # The title itself goes on: store_pools codes it again (cached) and keeps the
            # coding with the pool, where the pool's readers see it.
            data["occupation"] = occupation
    except CellError as exc:
        errors.append(row_error(row.number, "occupation", occupation, str(exc)))
        data["occupation"] = "0000"  # a placeholder so the other columns are still checked

    for key in [k for k, value in data.items() if value is None]:
        del data[key]  # let PoolIn's defaults (and required-field errors) speak
    item: PoolIn | None = None
    try:
        item = PoolIn.model_validate(data)
    except ValidationError as exc:
        reported = {e["column"] for e in errors}
        for err in exc.errors():
            column = _column_of(tuple(err.get("loc", ())))
            if column in reported:
                continue  # already reported from our own parsing, more precisely
            message = str(err.get("msg", "invalid")).removeprefix("Value error, ")
            errors.append(row_error(row.number, column, v.get(column, ""), message))
    if errors or item is None:
        out.errors.extend(errors)
        out.bad_rows.add(row.number)
        reported = {e["column"] for e in errors}
        out.unchecked.append(
            (
                row.number,
                occupation if "occupation" not in reported else None,
                data.get("sector") if "sector" not in reported else None,
                [s["skill"] for s in data["skills"]] if "skills" not in reported else [],
            )
        )
        return
    if coding is not None:
        out.codings.append({"row": row.number, **coding.as_report()})
    out.items.append(item)
    out.rows.append(row.number)


def _headcount(text: str) -> int:
    try:
        return cells.parse_int(text, low=1, high=10_000_000)
    except CellError as exc:
        if "must be between" in str(exc):
            raise CellError(
                f"headcount {shown(text.strip())} must be a whole number from 1 to 10000000: a "
                "pool is at least one available worker"
            ) from None
        raise


def parse_rows(rows: Iterable[Row], coder: TitleCoder) -> ParsedPools:
    out = ParsedPools()
    for row in rows:
        parse_row(row, coder, out)
    return out


def apply_code_errors(parsed: ParsedPools, code_errors: dict[int, list[dict[str, Any]]]) -> None:
    """Move the items with unknown taxonomy codes (from check_pool_codes) to the errors."""
    if not code_errors:
        return
    keep_items: list[PoolIn] = []
    keep_rows: list[int] = []
    for index, (item, number) in enumerate(zip(parsed.items, parsed.rows, strict=True)):
        problems = code_errors.get(index)
        if not problems:
            keep_items.append(item)
            keep_rows.append(number)
            continue
        parsed.bad_rows.add(number)
        for problem in problems:
            column, value = code_error_column(item, problem)
            parsed.errors.append(
                row_error(number, column, value, str(problem.get("message", "unknown code")))
            )
    parsed.items, parsed.rows = keep_items, keep_rows
    parsed.codings = [c for c in parsed.codings if c["row"] not in parsed.bad_rows]


def apply_identity_errors(parsed: ParsedPools, keys: dict[int, str]) -> None:
    """Move the items that share an identity key (from identity_keys) with another item to the
    errors, each naming the other rows."""
    twins = same_identity(keys)
    if not twins:
        return
    for index, others in sorted(twins.items()):
        item, number = parsed.items[index], parsed.rows[index]
        # The key ends with occupation and sector, which hold no "|": the code is the last but one.
        occupation = keys[index].rsplit("|", 2)[1]
        label = describe_identity(item.origin_country, item.region, occupation, item.sector)
        also = ", ".join(str(parsed.rows[o]) for o in others)
        parsed.bad_rows.add(number)
        parsed.errors.append(
            row_error(
                number,
                "",
                label,
                f"the same pool ({label}) is on {'row' if len(others) == 1 else 'rows'} "
                f"{also} too: a file lists each pool (origin_country, region, occupation, "
                "sector) once",
            )
        )
    keep = [i for i in range(len(parsed.items)) if i not in twins]
    parsed.items = [parsed.items[i] for i in keep]
    parsed.rows = [parsed.rows[i] for i in keep]
    parsed.codings = [c for c in parsed.codings if c["row"] not in parsed.bad_rows]


def check_bad_rows(session: Session, parsed: ParsedPools) -> None:
    """Unknown codes of rows that are already bad, found with one query per kind of code."""
    if not parsed.unchecked:
        return
    occupations = {o for _, o, _, _ in parsed.unchecked if o and cells.is_isco_code(o)}
    known_occ = lookup.unit_groups(session, occupations)
    known_sectors = lookup.divisions(session, {s for _, _, s, _ in parsed.unchecked if s})
    known_skills = lookup.skills(session, {k for _, _, _, ks in parsed.unchecked for k in ks})
    for number, occupation, sector, skills in parsed.unchecked:
        if occupation in occupations and occupation not in known_occ:
            parsed.errors.append(
                row_error(
                    number,
                    "occupation",
                    occupation,
                    f"{shown(occupation)} is not an ISCO-08 unit group",
                )
            )
        if sector and sector not in known_sectors:
            parsed.errors.append(
                row_error(
                    number, "sector", sector, f"{shown(sector)} is not an ISIC Rev.4 division"
                )
            )
        for skill in skills:
            if skill not in known_skills:
                parsed.errors.append(
                    row_error(
                        number, "skills", skill, f"{shown(skill)} is not a skill of the taxonomy"
                    )
                )
    parsed.unchecked = []


def code_error_column(item: PoolIn, problem: dict[str, Any]) -> tuple[str, str]:
    """The column and offending value of one check_pool_codes error ('skills[2].skill' ...)."""
    path = str(problem.get("field") or problem.get("loc") or "")
    path = path.removeprefix("body.")
    head = path.split(".", 1)[0].split("[", 1)[0]
    if head == "skills" and "[" in path:
        index = int(path.split("[", 1)[1].split("]", 1)[0])
        value = item.skills[index].skill if index < len(item.skills) else ""
        return "skills", value
    if head in ("occupation", "sector", "origin_country"):
        return head, str(getattr(item, head) or "")
    return (head if head in COLUMNS.known else ""), ""
