"""Vacancies: create (one or in bulk), read, list, update and close, with the access rules of
design section 8. Services flush; the request boundary commits."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session

from app import changes
from app.audit.service import record
from app.common.concurrency import check_version
from app.common.principal import Principal, Role
from app.common.schemas import Page
from app.db import new_id, settings_of, utcnow
from app.errors import NotFound, ProblemError, field_path, invalid
from app.intake import listing
from app.intake.coded import ItemCodes, check_item_codes, check_patch_codes, refuse_nulls
from app.intake.codes import existing_refs, occupation_profiles
from app.intake.errors import Errors, add, field_error, merge, prefixed
from app.intake.occupations import (
    ResolvedOccupation,
    esco_profiles,
)
from app.intake.owners import resolve_owner
from app.pathways.models import LegalPathway
from app.taxonomy import lookup
from app.vacancies import search, visibility
from app.vacancies.mapper import LanguageRow, to_out, vacancy_children
from app.vacancies.models import Vacancy, VacancyLanguage, VacancySkill, VacancyStatus
from app.vacancies.schemas import (
    VacancyFilters,
    VacancyIn,
    VacancyLanguageIn,
    VacancyOut,
    VacancyUpdate,
)

ENTITY = "vacancy"
_ITEM = TypeAdapter(VacancyIn)
#: PATCH may not clear these (they are required on create).
_NOT_NULL = (
    "title",
    "description",
    "occupation",
    "skills",
    "languages",
    "openings",
    "contract",
    "start_date",
    "employer_pays_fees",
    "pathways",
    "status",
)


# ---- access ----------------------------------------------------------------------------------


def _visible(stmt: Select[Any], principal: Principal) -> Select[Any]:
    """Employers see their own organisation's vacancies, ministries the open ones of all."""
    return visibility.visible(stmt, principal)


def _load(session: Session, principal: Principal, vacancy_id: uuid.UUID, *, write: bool) -> Vacancy:
    if write and principal.role not in (Role.EMPLOYER, Role.ADMIN):
        raise ProblemError(403, "Only employers and admins change vacancies.")
    vacancy = visibility.visible_vacancy(session, principal, vacancy_id)
    if vacancy is None:  # another organisation's vacancy is "not found": ids reveal nothing
        raise NotFound("Vacancy", vacancy_id)
    return vacancy


# ---- checks ----------------------------------------------------------------------------------


def _check_pathways(session: Session, inputs: Mapping[int, tuple[str, Sequence[str]]]) -> Errors:
    """Named pathways must exist and be pathways of the vacancy's destination country."""
    wanted = {code for _, codes in inputs.values() for code in codes}
    known: dict[str, str] = {}
    if wanted:
        rows = session.execute(
            select(LegalPathway.code, LegalPathway.destination_country).where(
                LegalPathway.code.in_(sorted(wanted))
            )
        )
        known = {code: destination for code, destination in rows}
    errors: Errors = {}
    for i, (destination, codes) in inputs.items():
        seen: set[str] = set()
        for j, code in enumerate(codes):
            field = f"pathways[{j}]"
            if code in seen:
                add(errors, i, field_error(field, f"pathway {code!r} is listed twice", "duplicate"))
            elif code not in known:
                add(
                    errors,
                    i,
                    field_error(field, f"{code!r} is not a legal pathway", "unknown_code"),
                )
            elif known[code] != destination:
                add(
                    errors,
                    i,
                    field_error(
                        field,
                        f"legal pathway {code!r} is a pathway to {known[code]}, not to the "
                        f"destination country {destination}",
                        "pathway_destination",
                    ),
                )
            seen.add(code)
    return errors


def _check_items(session: Session, items: Mapping[int, VacancyIn]) -> tuple[ItemCodes, Errors]:
    """Every code of every item, the pathways too; errors by item index."""
    pathways = {i: (v.destination_country, v.pathways) for i, v in items.items()}
    return check_item_codes(
        session,
        items,
        min_confidence=settings_of(session).coding_min_confidence,
        more_errors=_check_pathways(session, pathways),
    )


# ---- building rows ---------------------------------------------------------------------------

SkillRow = tuple[str, str, bool]  # skill id, importance, derived


def _skill_rows(
    named: Sequence[tuple[str, str]], occupation: str, profiles: Mapping[str, list[tuple[str, str]]]
) -> list[SkillRow]:
    """The skills named, or when none are, the occupation's profile (marked derived). The
    profile key is the ESCO occupation URI when the vacancy names one with skills, else the
    ISCO code (see _profile_key)."""
    if named:
        return [(skill, importance, False) for skill, importance in named]
    return [(skill, relation, True) for skill, relation in profiles.get(occupation, [])]


def _profiles(
    session: Session, codes: Sequence[str], uris: Sequence[str]
) -> dict[str, list[tuple[str, str]]]:
    """Skill profiles of ISCO unit groups and of ESCO occupations, in one mapping."""
    return {**occupation_profiles(session, codes), **esco_profiles(session, uris)}


def _profile_key(
    code: str, esco_uri: str | None, profiles: Mapping[str, list[tuple[str, str]]]
) -> str:
    # An ESCO occupation's essential and optional skills are finer than its unit group's.
    return esco_uri if esco_uri is not None and profiles.get(esco_uri) else code


def _replace_children(
    session: Session,
    vacancy_id: uuid.UUID,
    skills: Sequence[SkillRow] | None,
    languages: Sequence[LanguageRow] | None,
    originals: Mapping[str, str] | None = None,
    *,
    fresh: bool = False,
) -> None:
    """`originals`: skill id -> the free text it was resolved from. `fresh`: a vacancy created
    in this transaction, which has no children to delete (saves a DELETE per bulk item)."""
    if skills is not None:
        originals = originals or {}
        if not fresh:
            session.execute(delete(VacancySkill).where(VacancySkill.vacancy_id == vacancy_id))
        session.add_all(
            VacancySkill(
                vacancy_id=vacancy_id,
                skill_id=s,
                importance=imp,
                derived=d,
                position=k,
                original_text=originals.get(s),
            )
            for k, (s, imp, d) in enumerate(skills)
        )
    if languages is not None:
        if not fresh:
            session.execute(delete(VacancyLanguage).where(VacancyLanguage.vacancy_id == vacancy_id))
        session.add_all(
            VacancyLanguage(vacancy_id=vacancy_id, language=lang, min_level=level, required=req)
            for lang, level, req in languages
        )


def _language_rows(languages: Sequence[VacancyLanguageIn]) -> list[LanguageRow]:
    return [(lang.language, lang.min_level, lang.required) for lang in languages]


def _new_vacancy(
    data: VacancyIn, occupation: ResolvedOccupation, employer_id: uuid.UUID, principal: Principal
) -> Vacancy:
    now = utcnow()
    return Vacancy(
        id=new_id(),
        employer_id=employer_id,
        external_ref=data.external_ref,
        title=data.title,
        description=data.description,
        destination_country=data.destination_country,
        region=data.region,
        occupation_code=occupation.code,
        occupation_coding=occupation.coding,
        esco_occupation_uri=data.esco_occupation,
        sector_code=data.sector,
        min_isced=data.min_isced,
        min_experience_years=data.min_experience_years,
        openings=data.openings,
        wage_amount=data.wage.amount if data.wage else None,
        wage_currency=data.wage.currency if data.wage else None,
        wage_period=data.wage.period.value if data.wage else None,
        contract_type=data.contract.type.value,
        contract_months=data.contract.duration_months,
        start_date=data.start_date,
        employer_pays_fees=data.employer_pays_fees,
        pathway_codes=list(data.pathways),
        status=data.status,
        created_by_id=principal.user_id,
        created_at=now,
        updated_at=now,
    )


def state(
    v: Vacancy, skills: Sequence[SkillRow], languages: Sequence[LanguageRow]
) -> dict[str, Any]:
    """A JSON snapshot of what a client can set: audit before/after are diffs of two of these."""
    return {
        "external_ref": v.external_ref,
        "title": v.title,
        "description": v.description,
        "destination_country": v.destination_country,
        "region": v.region,
        "occupation": v.occupation_code,
        "occupation_coding": v.occupation_coding,
        "esco_occupation": v.esco_occupation_uri,
        "sector": v.sector_code,
        "skills": [{"skill": s, "importance": imp, "derived": d} for s, imp, d in skills],
        "languages": [
            {"language": lang, "min_level": level, "required": req}
            for lang, level, req in languages
        ],
        "min_isced": v.min_isced,
        "min_experience_years": v.min_experience_years,
        "openings": v.openings,
        "wage": None
        if v.wage_amount is None
        else {
            "amount": f"{v.wage_amount:.2f}",
            "currency": v.wage_currency,
            "period": v.wage_period,
        },
        "contract": {"type": v.contract_type, "duration_months": v.contract_months},
        "start_date": v.start_date.isoformat(),
        "employer_pays_fees": v.employer_pays_fees,
        "pathways": list(v.pathway_codes or []),
        "status": v.status,
    }


def _diff(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = [k for k in after if after[k] != before.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


# ---- create ----------------------------------------------------------------------------------


def create_vacancy(
    session: Session,
    principal: Principal,
    data: VacancyIn,
    *,
    employer_id: uuid.UUID | None,
) -> VacancyOut:
    owner = resolve_owner(session, principal, employer_id, kind="employer", param="employer_id")
    checked, errors = _check_items(session, {0: data})
    if errors:
        raise invalid(prefixed(errors[0], "body"))
    if data.external_ref is not None:
        existing = existing_refs(
            session, Vacancy, Vacancy.employer_id == owner, [data.external_ref]
        ).get(data.external_ref)
        if existing is not None:
            raise ProblemError(
                409,
                f"A vacancy with external_ref {data.external_ref!r} exists already: {existing}.",
                existing_id=str(existing),
            )
    vacancy = _create_rows(session, principal, {0: data}, checked, owner)[0]
    return to_out(session, [vacancy])[0]


def _create_rows(
    session: Session,
    principal: Principal,
    items: Mapping[int, VacancyIn],
    checked: ItemCodes,
    owner: uuid.UUID,
) -> dict[int, Vacancy]:
    """Insert checked items with their skills and languages, one flush for all, and audit each."""
    unnamed = [i for i, v in items.items() if not v.skills]
    profiles = _profiles(
        session,
        [checked.occupations[i].code for i in unnamed],
        [checked.esco[i].uri for i in unnamed if i in checked.esco],
    )
    created: dict[int, Vacancy] = {}
    snapshots = []
    for i, data in items.items():
        vacancy = _new_vacancy(data, checked.occupations[i], owner, principal)
        resolved = checked.skills.get(i, [])
        named = [
            (skill, s.importance.value) for (skill, _), s in zip(resolved, data.skills, strict=True)
        ]
        key = _profile_key(vacancy.occupation_code, vacancy.esco_occupation_uri, profiles)
        skills = _skill_rows(named, key, profiles)
        originals = {skill: text for skill, text in resolved if text is not None}
        languages = _language_rows(data.languages)
        session.add(vacancy)
        created[i] = vacancy
        snapshots.append((vacancy, skills, languages, originals))
    session.flush()  # parents before children: the foreign keys hold at every statement
    for vacancy, skills, languages, originals in snapshots:
        _replace_children(session, vacancy.id, skills, languages, originals, fresh=True)
        record(
            session,
            principal,
            "create",
            ENTITY,
            vacancy.id,
            None,
            state(vacancy, skills, languages),
        )
    session.flush()
    changes.record(session, vacancies=[v.id for v in created.values()])
    return created


def bulk_create(
    session: Session,
    principal: Principal,
    raw_items: Sequence[Any],
    *,
    employer_id: uuid.UUID | None,
    max_items: int,
) -> tuple[int, dict[str, Any]]:
    """Validate each raw item on its own and create the valid ones. Returns (status, body):
    201 when every item was created, else 200 with the per-item errors."""
    if len(raw_items) > max_items:
        raise ProblemError(
            413,
            f"A bulk request takes at most {max_items} vacancies; this one has {len(raw_items)}. "
            "Split it into smaller requests.",
            limit=max_items,
        )
    owner = resolve_owner(session, principal, employer_id, kind="employer", param="employer_id")
    parsed: dict[int, VacancyIn] = {}
    errors: Errors = {}
    for i, raw in enumerate(raw_items):
        try:
            parsed[i] = _ITEM.validate_python(raw)
        except ValidationError as exc:
            for e in exc.errors():
                message = str(e.get("msg", "invalid")).removeprefix("Value error, ")
                add(errors, i, field_error(field_path(e["loc"]), message, e["type"]))

    checked, code_errors = _check_items(session, parsed)
    errors = merge(errors, code_errors)

    refs = [v.external_ref for i, v in parsed.items() if v.external_ref and i not in errors]
    existing = existing_refs(session, Vacancy, Vacancy.employer_id == owner, refs)
    first_with_ref: dict[str, int] = {}
    for i, v in parsed.items():
        if i in errors or v.external_ref is None:
            continue
        ref = v.external_ref
        if ref in existing:
            add(
                errors,
                i,
                field_error(
                    "external_ref",
                    f"a vacancy with external_ref {ref!r} exists already: {existing[ref]}",
                    "duplicate",
                ),
            )
        elif ref in first_with_ref:
            add(
                errors,
                i,
                field_error(
                    "external_ref",
                    f"external_ref {ref!r} is used by item {first_with_ref[ref]} "
                    "of this request too",
                    "duplicate",
                ),
            )
        else:
            first_with_ref[ref] = i

    valid = {i: v for i, v in parsed.items() if i not in errors}
    created = _create_rows(session, principal, valid, checked, owner) if valid else {}

    results: list[dict[str, Any]] = []
    for i in range(len(raw_items)):
        if i in created:
            results.append({"index": i, "status": "created", "id": str(created[i].id)})
        else:
            item_errors = prefixed(errors.get(i, []), f"[{i}]")
            results.append({"index": i, "status": "error", "errors": item_errors})
    body = {"results": results, "created": len(created), "failed": len(raw_items) - len(created)}
    status = 201 if created and len(created) == len(raw_items) else 200
    return status, body


# ---- read ------------------------------------------------------------------------------------


def get_vacancy(session: Session, principal: Principal, vacancy_id: uuid.UUID) -> VacancyOut:
    return to_out(session, [_load(session, principal, vacancy_id, write=False)])[0]


def _listed(principal: Principal, filters: VacancyFilters) -> Select[Any]:
    """The vacancies the principal may see, narrowed by the filters and the text search."""
    stmt = listing.filtered(_visible(select(Vacancy), principal), Vacancy, filters)
    for condition in search.matching(filters.q):
        stmt = stmt.where(condition)
    return stmt


def list_vacancies(
    session: Session,
    principal: Principal,
    filters: VacancyFilters,
    *,
    limit: int,
    offset: int,
    sort: str | None = None,
) -> Page[VacancyOut]:
    """One page of the list, in the order `sort` names (search.SORTS; default newest first)."""
    stmt = _listed(principal, filters)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    _, order = search.order_by(sort)
    rows = session.scalars(stmt.order_by(*order).limit(limit).offset(offset)).all()
    return Page(items=to_out(session, rows), total=total, limit=limit, offset=offset)


#: The columns of GET /api/v1/vacancies.csv: VacancyOut's fields, nested ones flattened.
CSV_COLUMNS = (
    "id",
    "employer_id",
    "external_ref",
    "title",
    "description",
    "destination_country",
    "region",
    "occupation",
    "occupation_title",
    "occupation_coding_input",
    "occupation_coding_code",
    "occupation_coding_title",
    "occupation_coding_confidence",
    "esco_occupation",
    "sector",
    "skills",
    "languages",
    "min_isced",
    "min_experience_years",
    "openings",
    "wage_amount",
    "wage_currency",
    "wage_period",
    "contract_type",
    "contract_duration_months",
    "start_date",
    "employer_pays_fees",
    "pathways",
    "status",
    "version",
    "created_at",
    "updated_at",
)


def export_vacancies(
    session: Session, principal: Principal, filters: VacancyFilters, sort: str | None = None
) -> list[tuple[Any, ...]]:
    """Every vacancy of the list (same filters, search, access and order), as CSV rows
    of CSV_COLUMNS, read with one query for the vacancies and one each for their skills and
    languages (never an ORM object per row), and materialised: the response streams after the
    request's session is closed."""
    stmt = _listed(principal, filters)
    ids = stmt.with_only_columns(Vacancy.id).scalar_subquery()
    skills: dict[uuid.UUID, list[str]] = {}
    for vacancy_id, skill, importance in session.execute(
        select(VacancySkill.vacancy_id, VacancySkill.skill_id, VacancySkill.importance)
        .where(VacancySkill.vacancy_id.in_(ids))
        .order_by(VacancySkill.vacancy_id, VacancySkill.position, VacancySkill.skill_id)
    ):
        skills.setdefault(vacancy_id, []).append(f"{skill}:{importance}")
    languages: dict[uuid.UUID, list[str]] = {}
    for vacancy_id, lang, level, required in session.execute(
        select(
            VacancyLanguage.vacancy_id,
            VacancyLanguage.language,
            VacancyLanguage.min_level,
            VacancyLanguage.required,
        )
        .where(VacancyLanguage.vacancy_id.in_(ids))
        .order_by(VacancyLanguage.vacancy_id, VacancyLanguage.language)
    ):
        languages.setdefault(vacancy_id, []).append(
            f"{lang}:{level}:required" if required else f"{lang}:{level}"
        )
    v = Vacancy
    rows = session.execute(
        stmt.with_only_columns(
            v.id,
            v.employer_id,
            v.external_ref,
            v.title,
            v.description,
            v.destination_country,
            v.region,
            v.occupation_code,
            v.occupation_coding,
            v.esco_occupation_uri,
            v.sector_code,
            v.min_isced,
            v.min_experience_years,
            v.openings,
            v.wage_amount,
            v.wage_currency,
            v.wage_period,
            v.contract_type,
            v.contract_months,
            v.start_date,
            v.employer_pays_fees,
            v.pathway_codes,
            v.status,
            v.version,
            v.created_at,
            v.updated_at,
        ).order_by(*search.order_by(sort)[1])
    ).all()
    titles = lookup.unit_groups(session, {r.occupation_code for r in rows})
    out: list[tuple[Any, ...]] = []
    for r in rows:
        coding = r.occupation_coding or {}
        out.append(
            (
                r.id,
                r.employer_id,
                r.external_ref,
                r.title,
                r.description,
                r.destination_country,
                r.region,
                r.occupation_code,
                titles.get(r.occupation_code, ""),
                coding.get("input"),
                coding.get("code"),
                coding.get("title"),
                coding.get("confidence"),
                r.esco_occupation_uri,
                r.sector_code,
                ";".join(skills.get(r.id, [])),
                ";".join(languages.get(r.id, [])),
                r.min_isced,
                r.min_experience_years,
                r.openings,
                None if r.wage_amount is None else f"{r.wage_amount:.2f}",
                r.wage_currency,
                r.wage_period,
                r.contract_type,
                r.contract_months,
                r.start_date,
                r.employer_pays_fees,
                ";".join(r.pathway_codes or []),
                r.status,
                r.version,
                r.created_at,
                r.updated_at,
            )
        )
    return out


# ---- update ----------------------------------------------------------------------------------


def update_vacancy(
    session: Session,
    principal: Principal,
    vacancy_id: uuid.UUID,
    patch: VacancyUpdate,
    *,
    expected_version: int | None,
) -> VacancyOut:
    vacancy = _load(session, principal, vacancy_id, write=True)
    check_version(ENTITY, vacancy.version, expected_version)
    refuse_nulls(patch, _NOT_NULL)
    sent = patch.model_fields_set

    pathway_errors = (
        _check_pathways(session, {0: (vacancy.destination_country, patch.pathways)}).get(0, [])
        if patch.pathways is not None
        else []
    )
    occupation, named_skills = check_patch_codes(
        session,
        patch,
        vacancy.esco_occupation_uri,
        min_confidence=settings_of(session).coding_min_confidence,
        more_errors=pathway_errors,
    )

    old_skills, old_languages = vacancy_children(session, vacancy.id)
    before = state(vacancy, old_skills, old_languages)
    _apply(vacancy, patch, sent, occupation)
    if "esco_occupation" in sent:
        vacancy.esco_occupation_uri = patch.esco_occupation

    skills: list[SkillRow] | None = None
    if patch.skills is not None or (
        (
            (occupation is not None and occupation.code != before["occupation"])
            or vacancy.esco_occupation_uri != before["esco_occupation"]
        )
        and all(derived for _, _, derived in old_skills)
    ):
        # Named skills replace the old ones; a new occupation (ISCO or ESCO) re-derives skills
        # that were derived.
        named = [
            (skill, s.importance.value)
            for (skill, _), s in zip(named_skills, patch.skills or [], strict=True)
        ]
        profiles = (
            {}
            if named
            else _profiles(
                session,
                [vacancy.occupation_code],
                [vacancy.esco_occupation_uri] if vacancy.esco_occupation_uri else [],
            )
        )
        key = _profile_key(vacancy.occupation_code, vacancy.esco_occupation_uri, profiles)
        skills = _skill_rows(named, key, profiles)
    # Sent languages replace the old ones, flags included (a language sent without `required`
    # is not required).
    languages = _language_rows(patch.languages) if patch.languages is not None else None
    after = state(
        vacancy,
        old_skills if skills is None else skills,
        old_languages if languages is None else languages,
    )
    before_diff, after_diff = _diff(before, after)
    if not after_diff:
        return to_out(session, [vacancy])[0]  # nothing changed: no new version, no event

    vacancy.updated_at = utcnow()
    session.flush()  # UPDATE ... WHERE version = <read>: a concurrent write fails here (409)
    originals = {skill: text for skill, text in named_skills if text is not None}
    _replace_children(session, vacancy.id, skills, languages, originals)
    record(session, principal, "update", ENTITY, vacancy.id, before_diff, after_diff)
    session.flush()
    changes.record(session, vacancies=[vacancy.id])
    return to_out(session, [vacancy])[0]


def _apply(
    v: Vacancy, patch: VacancyUpdate, sent: set[str], occupation: ResolvedOccupation | None
) -> None:
    simple = {
        "title": "title",
        "description": "description",
        "region": "region",
        "sector": "sector_code",
        "min_isced": "min_isced",
        "min_experience_years": "min_experience_years",
        "openings": "openings",
        "start_date": "start_date",
        "employer_pays_fees": "employer_pays_fees",
        "status": "status",
    }
    for field, column in simple.items():
        if field in sent:
            setattr(v, column, getattr(patch, field))
    if occupation is not None:
        v.occupation_code = occupation.code
        v.occupation_coding = occupation.coding
    if "wage" in sent:
        wage = patch.wage
        v.wage_amount = wage.amount if wage else None
        v.wage_currency = wage.currency if wage else None
        v.wage_period = wage.period.value if wage else None
    if patch.contract is not None:
        v.contract_type = patch.contract.type.value
        v.contract_months = patch.contract.duration_months
    if patch.pathways is not None:
        v.pathway_codes = list(patch.pathways)


def close_vacancy(
    session: Session, principal: Principal, vacancy_id: uuid.UUID, *, expected_version: int | None
) -> VacancyOut:
    vacancy = _load(session, principal, vacancy_id, write=True)
    check_version(ENTITY, vacancy.version, expected_version)
    if (
        vacancy.status != VacancyStatus.CLOSED
    ):  # closing twice is not an error, and not a second event
        before = vacancy.status
        vacancy.status = VacancyStatus.CLOSED
        vacancy.updated_at = utcnow()
        session.flush()
        record(
            session,
            principal,
            "close",
            ENTITY,
            vacancy.id,
            {"status": before},
            {"status": VacancyStatus.CLOSED},
        )
        changes.record(session, vacancies=[vacancy.id])
    return to_out(session, [vacancy])[0]


def reopen_vacancy(
    session: Session, principal: Principal, vacancy_id: uuid.UUID, *, expected_version: int | None
) -> VacancyOut:
    """Put a closed vacancy (or a draft) back on the market: status open. Reopening an open
    vacancy changes nothing; a filled one has no opening left to reopen (409: raise its
    openings instead, which reopens it)."""
    vacancy = _load(session, principal, vacancy_id, write=True)
    check_version(ENTITY, vacancy.version, expected_version)
    if vacancy.status == VacancyStatus.FILLED:
        raise ProblemError(
            409,
            "Approvals took every opening of this vacancy: raise its openings to reopen it.",
            title="Filled",
            code="vacancy_filled",
        )
    if vacancy.status != VacancyStatus.OPEN:
        before = vacancy.status
        vacancy.status = VacancyStatus.OPEN
        vacancy.updated_at = utcnow()
        session.flush()
        record(
            session,
            principal,
            "reopen",
            ENTITY,
            vacancy.id,
            {"status": before},
            {"status": VacancyStatus.OPEN},
        )
        changes.record(session, vacancies=[vacancy.id])
    return to_out(session, [vacancy])[0]


# ---- what a new vacancy's form proposes --------------------------------------------------------


def destination_language(session: Session, country: str | None) -> tuple[str, str] | None:
    """The language (and CEFR level) a vacancy to `country` most likely asks for, as the data
    says: the language the country's legal pathways require most often, at the lowest level
    they require it; else the one its recent vacancies name most often, at their most common
    level (ties: the first in code order); None when neither names one. pycountry has no
    official languages, and no hand-kept list of them is kept here."""
    if not country:
        return None
    counts: dict[str, int] = {}
    levels: dict[str, list[str]] = {}
    for languages in session.scalars(
        select(LegalPathway.languages).where(LegalPathway.destination_country == country)
    ):
        for entry in languages or ():
            if isinstance(entry, dict) and entry.get("language") and entry.get("min_level"):
                counts[entry["language"]] = counts.get(entry["language"], 0) + 1
                levels.setdefault(entry["language"], []).append(entry["min_level"])
    if counts:
        language = min(counts, key=lambda lang: (-counts[lang], lang))
        return language, min(levels[language])  # CEFR levels sort as text: A1 < A2 < B1 ...
    # The destination's recent vacancies (newest first, a bounded sample).
    recent = (
        select(Vacancy.id)
        .where(Vacancy.destination_country == country)
        .order_by(Vacancy.created_at.desc())
        .limit(200)
    )
    found: dict[tuple[str, str], int] = {}
    for code, cefr, n in session.execute(
        select(VacancyLanguage.language, VacancyLanguage.min_level, func.count())
        .where(VacancyLanguage.vacancy_id.in_(recent))
        .group_by(VacancyLanguage.language, VacancyLanguage.min_level)
    ):
        found[(str(code), str(cefr))] = int(n)
    if not found:
        return None
    per_language: dict[str, int] = {}
    for (code, _), n in found.items():
        per_language[code] = per_language.get(code, 0) + n
    best = min(per_language, key=lambda lang: (-per_language[lang], lang))
    _, level = min((k for k in found if k[0] == best), key=lambda k: (-found[k], k[1]))
    return best, level
