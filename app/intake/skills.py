"""Skills of intake: skill ids, or free texts resolved to taxonomy skills by label similarity."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from app.db import settings_of
from app.intake.errors import Errors, add, field_error
from app.taxonomy import lookup

#: Resolved skills of one item, in order: (skill id, the free text it came from, or None).
ResolvedSkills = list[tuple[str, str | None]]


def resolve_skills(
    session: Session, inputs: Mapping[int, Sequence[str]], *, min_confidence: float | None = None
) -> tuple[dict[int, ResolvedSkills], Errors]:
    """Skill ids, or free texts resolved to taxonomy skills by label similarity (kept as the
    original text) when the best match reaches `min_confidence` (default: the setting
    skill_resolve_min_confidence). Unknown URIs and skill groups are errors, as are two
    entries of one item that come to the same skill."""
    if min_confidence is None:
        min_confidence = settings_of(session).skill_resolve_min_confidence
    values = {v for ids in inputs.values() for v in ids}
    kinds = lookup.skill_kinds(session, values)
    texts = sorted(
        v for v in values if v not in kinds and not v.startswith(("http://", "https://"))
    )
    found: dict[str, list[Any]] = {}
    if texts:
        from app.taxonomy import resolve  # scikit-learn: loaded when a text needs it

        found = dict(zip(texts, resolve.resolve(session, texts, k=3), strict=True))
    out: dict[int, ResolvedSkills] = {}
    errors: Errors = {}
    for i, ids in inputs.items():
        rows: ResolvedSkills = []
        first: dict[str, int] = {}
        for j, value in enumerate(ids):
            field = f"skills[{j}].skill"
            if kinds.get(value) is False:
                skill, text = value, None
            elif value in kinds or value not in found:
                add(
                    errors,
                    i,
                    field_error(
                        field,
                        f"{value!r} is not a skill of the taxonomy "
                        "(skill groups cannot be required)",
                        "unknown_code",
                    ),
                )
                continue
            else:
                candidates = found[value]
                if not candidates or candidates[0].confidence < min_confidence:
                    shown = "; ".join(f"{c.skill} {c.label} ({c.confidence})" for c in candidates)
                    add(
                        errors,
                        i,
                        field_error(
                            field,
                            f"{value!r} is not a skill of the taxonomy, and no skill's label is "
                            f"close enough (at least {min_confidence} needed); send a skill id"
                            + (f". Closest: {shown}" if shown else ""),
                            "unknown_code",
                            candidates=[
                                {"skill": c.skill, "label": c.label, "confidence": c.confidence}
                                for c in candidates
                            ],
                        ),
                    )
                    continue
                skill, text = candidates[0].skill, value
            if skill in first:
                add(
                    errors,
                    i,
                    field_error(
                        field,
                        f"{value!r} is the skill {skill!r}, which skills[{first[skill]}] "
                        "names already",
                        "duplicate",
                    ),
                )
                continue
            first[skill] = j
            rows.append((skill, text))
        out[i] = rows
    return out, errors
