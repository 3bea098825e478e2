"""Checks shared by vacancy and pool intake: taxonomy codes (batched, one query per kind of
code) and job titles coded to ISCO-08. Field paths are relative to one item ("skills[2].skill");
callers prefix them ("body." for one object, "[7]." for an item of a bulk request)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.auth.models import Organisation
from app.auth.principal import Principal, Role
from app.errors import ProblemError, invalid
from app.taxonomy import coding, lookup
from app.taxonomy.models import EscoOccupationSkill, OccupationSkill

FieldError = dict[str, Any]
Errors = dict[int, list[FieldError]]

_UNIT_GROUP = re.compile(r"^\d{4}$")
_DIGITS = re.compile(r"^\d+$")
_CACHE_KEY = "imdi.title_codings"
_CANDIDATES = 5


def field_error(field: str, message: str, type_: str, **extra: Any) -> FieldError:
    return {"field": field, "message": message, "type": type_, **extra}


def join_path(prefix: str, rel: str) -> str:
    """ "body" + "skills[0].skill" -> "body.skills[0].skill"; "[3]" + "sector" -> "[3].sector"."""
    if not rel:
        return prefix
    if not prefix or rel.startswith("["):
        return prefix + rel
    return f"{prefix}.{rel}"


def prefixed(errors: Iterable[FieldError], prefix: str) -> list[FieldError]:
    """Put item-relative paths under `prefix`."""
    return [{**e, "field": join_path(prefix, e["field"])} for e in errors]


def add(errors: Errors, index: int, *new: FieldError) -> None:
    errors.setdefault(index, []).extend(new)


def merge(*parts: Errors) -> Errors:
    out: Errors = {}
    for part in parts:
        for index, errs in part.items():
            add(out, index, *errs)
    return dict(sorted(out.items()))


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
        from app.config import get_settings

        min_confidence = get_settings().skill_resolve_min_confidence
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


# ---- owners ------------------------------------------------------------------------------------


def resolve_owner(
    session: Session, principal: Principal, requested: uuid.UUID | None, *, kind: str, param: str
) -> uuid.UUID:
    """The organisation a new object belongs to: the caller's own, or for an admin the one named
    by the `param` query parameter (which must exist and be of `kind`)."""
    if principal.role != Role.ADMIN:
        if requested is not None and requested != principal.organisation_id:
            raise ProblemError(403, "You can only create objects for your own organisation.")
        return principal.organisation_id
    if requested is None:
        raise invalid(
            [
                field_error(
                    f"query.{param}",
                    f"an admin must name the {kind} organisation with ?{param}=",
                    "missing",
                )
            ]
        )
    org = session.get(Organisation, requested)
    if org is None or org.kind != kind:
        raise invalid(
            [
                field_error(
                    f"query.{param}",
                    f"{requested} is not an organisation of kind {kind}",
                    "unknown_organisation",
                )
            ]
        )
    return org.id
