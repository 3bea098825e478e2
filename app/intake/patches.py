"""The codes a PATCH may change, checked together (occupation, ESCO occupation, sector, skills)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from sqlalchemy.orm import Session

from app.errors import invalid
from app.intake.codes import check_sectors
from app.intake.errors import FieldError, prefixed
from app.intake.occupations import ResolvedOccupation, resolve_occupation_fields
from app.intake.skills import ResolvedSkills, resolve_skills

_UNIT_GROUP = re.compile(r"^\d{4}$")
_DIGITS = re.compile(r"^\d+$")
_CACHE_KEY = "imdi.title_codings"
_CANDIDATES = 5


# ---- PATCH -----------------------------------------------------------------------------------


class _NamedSkill(Protocol):
    skill: str


class CodedPatch(Protocol):
    """The coded fields a PATCH of a vacancy or a pool may send (pydantic models)."""

    model_fields_set: set[str]
    occupation: str | None
    esco_occupation: str | None
    sector: str | None
    skills: Sequence[_NamedSkill] | None


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
