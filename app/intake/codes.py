"""Sector codes of intake, and the rows a batch's external references already name."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.intake.errors import Errors, add, field_error
from app.taxonomy import lookup
from app.taxonomy.models import OccupationSkill

# ---- sectors and skills --------------------------------------------------------------------


def check_sectors(session: Session, inputs: Mapping[int, str | None]) -> Errors:
    present = {i: v for i, v in inputs.items() if v is not None}
    known = lookup.divisions(session, present.values())
    errors: Errors = {}
    for i, code in present.items():
        if code not in known:
            add(
                errors,
                i,
                field_error("sector", f"{code!r} is not an ISIC Rev.4 division", "unknown_code"),
            )
    return errors


def occupation_profiles(session: Session, codes: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """Occupation code -> [(skill id, essential|optional)], essential first, then by id."""
    wanted = sorted(set(codes))
    out: dict[str, list[tuple[str, str]]] = {}
    if not wanted:
        return out
    rows = session.execute(
        select(OccupationSkill.occupation_code, OccupationSkill.skill_id, OccupationSkill.relation)
        .where(OccupationSkill.occupation_code.in_(wanted))
        .order_by(
            OccupationSkill.occupation_code, OccupationSkill.relation, OccupationSkill.skill_id
        )
    )
    for code, skill, relation in rows:
        out.setdefault(code, []).append((skill, relation))
    return out


# ---- external references -------------------------------------------------------------------


def existing_refs(
    session: Session, model: Any, owner: ColumnElement[bool], refs: Sequence[str]
) -> dict[str, uuid.UUID]:
    """External reference -> id of the rows of `model` (a vacancy or a pool) that `owner`
    selects and that carry one of `refs`."""
    if not refs:
        return {}
    rows = session.execute(
        select(model.external_ref, model.id).where(owner, model.external_ref.in_(sorted(set(refs))))
    )
    return {ref: ident for ref, ident in rows if ref is not None}
