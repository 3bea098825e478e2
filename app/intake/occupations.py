"""Occupations of intake: job titles coded to ISCO-08, ESCO occupations and their skill profiles."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.intake.errors import Errors, add, field_error, merge
from app.taxonomy import coding, lookup
from app.taxonomy.models import EscoOccupationSkill

_UNIT_GROUP = re.compile(r"^\d{4}$")
_DIGITS = re.compile(r"^\d+$")
_CACHE_KEY = "imdi.title_codings"
_CANDIDATES = 5


# ---- occupations --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ResolvedOccupation:
    code: str
    title: str
    #: Set when the input was a job title: {input, code, title, confidence}.
    coding: dict[str, Any] | None = None


def _suggestions(session: Session, title: str) -> Sequence[Any]:
    """Ranked ISCO suggestions for a job title, cached for the session (the survey upload
    checks, then creates, the same rows)."""
    cache: dict[str, Sequence[Any]] = session.info.setdefault(_CACHE_KEY, {})
    key = title.casefold()
    if key not in cache:
        cache[key] = list(coding.suggest(session, title, description=None, k=_CANDIDATES))
    return cache[key]


def resolve_occupations(
    session: Session, inputs: Mapping[int, str], *, min_confidence: float, field: str = "occupation"
) -> tuple[dict[int, ResolvedOccupation], Errors]:
    """ISCO-08 unit groups for `inputs` (index -> 4-digit code or job title)."""
    codes = {i: v for i, v in inputs.items() if _UNIT_GROUP.match(v)}
    known = lookup.unit_groups(session, codes.values())
    resolved: dict[int, ResolvedOccupation] = {}
    errors: Errors = {}
    for i, code in codes.items():
        if code in known:
            resolved[i] = ResolvedOccupation(code, known[code])
        else:
            add(
                errors,
                i,
                field_error(field, f"{code!r} is not an ISCO-08 unit group", "unknown_code"),
            )

    titles = {i: v for i, v in inputs.items() if i not in codes}
    coded: dict[int, Any] = {}
    for i, text in titles.items():
        if _DIGITS.match(text):
            # A number that is not four digits is a mistyped code, not a job title.
            add(
                errors,
                i,
                field_error(
                    field, f"{text!r} is not an ISCO-08 unit group (four digits)", "unknown_code"
                ),
            )
            continue
        suggestions = _suggestions(session, text)
        best = suggestions[0] if suggestions else None
        if best is None or best.confidence < min_confidence:
            candidates = [
                {"code": s.code, "title": s.title, "confidence": round(float(s.confidence), 3)}
                for s in suggestions
            ]
            shown = "; ".join(f"{c['code']} {c['title']} ({c['confidence']})" for c in candidates)
            add(
                errors,
                i,
                field_error(
                    field,
                    f"the job title {text!r} could not be coded to ISCO-08 with enough confidence "
                    f"(at least {min_confidence} needed); send a four-digit code"
                    + (f". Best candidates: {shown}" if shown else ""),
                    "low_confidence",
                    candidates=candidates,
                ),
            )
            continue
        coded[i] = best

    titles_known = lookup.unit_groups(session, (s.code for s in coded.values()))
    for i, best in coded.items():
        if best.code not in titles_known:  # a coder must not invent codes; refuse rather than store
            add(
                errors,
                i,
                field_error(
                    field,
                    f"the job title {inputs[i]!r} was coded to {best.code!r}, which is not an "
                    "ISCO-08 unit group; send a four-digit code",
                    "unknown_code",
                ),
            )
            continue
        title = titles_known[best.code]
        coding = {
            "input": inputs[i],
            "code": best.code,
            "title": title,
            "confidence": round(float(best.confidence), 4),
        }
        resolved[i] = ResolvedOccupation(best.code, title, coding)
    return resolved, errors


# ---- ESCO occupations and free-text skills (ESCO import) --------------------------------------


@dataclass(frozen=True, slots=True)
class EscoRef:
    """An ESCO occupation named by an item: its URI, ISCO-08 unit group and label."""

    uri: str
    isco_code: str
    label: str


def resolve_occupation_fields(
    session: Session,
    occupations: Mapping[int, str | None],
    esco: Mapping[int, str | None],
    *,
    min_confidence: float,
) -> tuple[dict[int, ResolvedOccupation], dict[int, EscoRef], Errors]:
    """`occupation` and `esco_occupation` of each item together. An ESCO occupation must exist
    (after `imdi import-esco`) and fixes the ISCO-08 unit group: an omitted occupation takes it,
    a four-digit code must equal it (else 422), and a job title is not coded (the ESCO
    occupation says more than a guess from the title). One of the two is required."""
    named = {i: uri for i, uri in esco.items() if uri is not None}
    known = lookup.esco_occupations(session, named.values())
    refs: dict[int, EscoRef] = {}
    errors: Errors = {}
    for i, uri in named.items():
        if uri in known:
            refs[i] = EscoRef(uri, *known[uri])
        else:
            add(
                errors,
                i,
                field_error(
                    "esco_occupation",
                    f"{uri!r} is not an ESCO occupation of this server's taxonomy "
                    "(see GET /api/v1/taxonomy/esco/occupations)",
                    "unknown_code",
                ),
            )
    for i, value in occupations.items():
        if value is None and esco.get(i) is None:
            add(
                errors,
                i,
                field_error(
                    "occupation",
                    "an ISCO-08 unit group, a job title, or an esco_occupation is required",
                    "missing",
                ),
            )
    to_resolve = {
        i: v
        for i, v in occupations.items()
        if v is not None and (i not in refs or _UNIT_GROUP.match(v))
    }
    resolved, occupation_errors = resolve_occupations(
        session, to_resolve, min_confidence=min_confidence
    )
    titles = lookup.unit_groups(session, (r.isco_code for r in refs.values()))
    for i, ref in refs.items():
        own = resolved.get(i)
        if own is not None and own.code != ref.isco_code:
            del resolved[i]
            add(
                errors,
                i,
                field_error(
                    "occupation",
                    f"{own.code!r} contradicts esco_occupation {ref.label!r}, which belongs to "
                    f"ISCO-08 unit group {ref.isco_code} ({titles.get(ref.isco_code, '?')}); "
                    "send that code or leave occupation out",
                    "inconsistent",
                ),
            )
        elif own is None and i not in to_resolve and ref.isco_code in titles:
            resolved[i] = ResolvedOccupation(ref.isco_code, titles[ref.isco_code])
    return resolved, refs, merge(errors, occupation_errors)


def esco_profiles(session: Session, uris: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """ESCO occupation URI -> [(skill id, essential|optional)], essential first, then by id."""
    wanted = sorted(set(uris))
    out: dict[str, list[tuple[str, str]]] = {}
    for k in range(0, len(wanted), 1000):
        rows = session.execute(
            select(
                EscoOccupationSkill.occupation_uri,
                EscoOccupationSkill.skill_id,
                EscoOccupationSkill.relation,
            )
            .where(EscoOccupationSkill.occupation_uri.in_(wanted[k : k + 1000]))
            .order_by(
                EscoOccupationSkill.occupation_uri,
                EscoOccupationSkill.relation,
                EscoOccupationSkill.skill_id,
            )
        )
        for uri, skill, relation in rows:
            out.setdefault(uri, []).append((skill, relation))
    return out
