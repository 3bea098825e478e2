"""The coded fields of vacancies and pools (occupation, ESCO occupation, sector, skills),
checked together: the items of a POST or a bulk submission, and a PATCH."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.orm import Session

from app.errors import invalid
from app.intake.codes import check_sectors
from app.intake.errors import Errors, FieldError, field_error, merge, prefixed
from app.intake.occupations import EscoRef, ResolvedOccupation, resolve_occupation_fields
from app.intake.skills import ResolvedSkills, resolve_skills


class _NamedSkill(Protocol):
    @property
    def skill(self) -> str: ...


# ---- items -----------------------------------------------------------------------------------


class _Coded(Protocol):
    """Coded fields of a vacancy or a pool (pydantic models). Read-only members, so that a
    model's narrower field types (a list of its own skill class) fit."""

    @property
    def occupation(self) -> str | None: ...
    @property
    def esco_occupation(self) -> str | None: ...
    @property
    def sector(self) -> str | None: ...


class CodedItem(_Coded, Protocol):
    """A vacancy or a pool sent whole."""

    @property
    def skills(self) -> Sequence[_NamedSkill]: ...


@dataclass(frozen=True, slots=True)
class ItemCodes:
    """What checking items resolved, by item index: occupations, ESCO occupations, skills
    (free texts too)."""

    occupations: dict[int, ResolvedOccupation]
    esco: dict[int, EscoRef]
    skills: dict[int, ResolvedSkills]


def check_item_codes(
    session: Session,
    items: Mapping[int, CodedItem],
    *,
    min_confidence: float,
    more_errors: Errors | None = None,
) -> tuple[ItemCodes, Errors]:
    """Every code of every item, one query per kind of code; errors by item index (item-relative
    paths), the caller's own `more_errors` after them."""
    occupations, esco, occupation_errors = resolve_occupation_fields(
        session,
        {i: item.occupation for i, item in items.items()},
        {i: item.esco_occupation for i, item in items.items()},
        min_confidence=min_confidence,
    )
    skills, skill_errors = resolve_skills(
        session, {i: [s.skill for s in item.skills] for i, item in items.items()}
    )
    errors = merge(
        occupation_errors,
        check_sectors(session, {i: item.sector for i, item in items.items()}),
        skill_errors,
        more_errors or {},
    )
    return ItemCodes(occupations, esco, skills), errors


# ---- PATCH -----------------------------------------------------------------------------------


class CodedPatch(_Coded, Protocol):
    """A PATCH of a vacancy or a pool: only the fields sent (`model_fields_set`) change."""

    @property
    def model_fields_set(self) -> set[str]: ...
    @property
    def skills(self) -> Sequence[_NamedSkill] | None: ...


def refuse_nulls(patch: CodedPatch, not_null: Sequence[str]) -> None:
    """A 422 for each of `not_null` the PATCH sends as null (fields required on create)."""
    sent = patch.model_fields_set
    nulls = [f for f in not_null if f in sent and getattr(patch, f) is None]
    if nulls:
        raise invalid([field_error(f"body.{f}", "may not be null", "null") for f in nulls])


def check_patch_codes(
    session: Session,
    patch: CodedPatch,
    stored_esco: str | None,
    *,
    min_confidence: float,
    more_errors: Sequence[FieldError] = (),
) -> tuple[ResolvedOccupation | None, ResolvedSkills]:
    """Check the occupation, ESCO occupation, sector and skills a PATCH sends. The occupation
    and the ESCO occupation (sent, or `stored_esco`) must agree; an ESCO occupation sent alone
    sets the occupation to its unit group. Any error, with the caller's own `more_errors`
    (item-relative) after them, is one 422 with paths under "body". Returns the new occupation
    (None when it does not change) and the named skills (empty when none are sent)."""
    sent = patch.model_fields_set
    errors: list[FieldError] = []
    occupation: ResolvedOccupation | None = None
    esco_sent = "esco_occupation" in sent
    esco = patch.esco_occupation if esco_sent else stored_esco
    if "occupation" in sent or (esco_sent and esco is not None):
        resolved, _, errs = resolve_occupation_fields(
            session,
            {0: patch.occupation if "occupation" in sent else None},
            {0: esco},
            min_confidence=min_confidence,
        )
        occupation = resolved.get(0)
        errors += errs.get(0, [])
    if patch.sector is not None:
        errors += check_sectors(session, {0: patch.sector}).get(0, [])
    named_skills: ResolvedSkills = []
    if patch.skills is not None:
        resolved_skills, skill_errors = resolve_skills(
            session, {0: [s.skill for s in patch.skills]}
        )
        named_skills = resolved_skills.get(0, [])
        errors += skill_errors.get(0, [])
    errors += more_errors
    if errors:
        raise invalid(prefixed(errors, "body"))
    return occupation, named_skills
