"""API schemas of officers' decisions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Literal

from fastapi import Query
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic.json_schema import JsonDict

from app.common.schemas import MultiLine, SingleLine, Strict, UtcDatetime

# Ids the examples share (the demo's story: Rhein-Ruhr Kliniken's medical-ward nurses and the
# Philippine Department of Migrant Workers' Western Visayas pool, under the Triple Win programme).
EXAMPLE_DECISION_ID = "d1f6a3b8-7c25-4e09-96b2-4a8e3d0c5f17"
EXAMPLE_MATCH_ID = "c47e2a91-5b08-4d3f-8e6a-93f1b0d27c55"
EXAMPLE_VACANCY_ID = "3f2b8c1e-6d4a-4e7b-9a51-2c8e0f7d9b34"
EXAMPLE_POOL_ID = "8a1d5e62-0b3c-4f98-a7e4-51c9d2b6f803"
EXAMPLE_OFFICER_ID = "5e9c0b7a-2f14-4a86-b3d9-07a6e8c1f249"


class DecisionKind(StrEnum):
    """What an officer decides on a match: `shortlisted`, `approved` (workers approved under
    the pair's legal pathway: takes its quota, the vacancy's openings and the pool's headcount),
    `rejected`, `needs_information`, or `withdrawn` (takes back what is approved on the match,
    with a note saying why, and releases what it consumed)."""

    SHORTLISTED = "shortlisted"
    APPROVED = "approved"
    REJECTED = "rejected"
    NEEDS_INFORMATION = "needs_information"
    #: Takes back what is approved on a match (note required); releases what it consumed.
    WITHDRAWN = "withdrawn"


class RecordedDecision(StrEnum):
    """A row of a match's decision history: an officer's decision (see DecisionKind), or
    `released`, written by a placement's move that gives workers back (refused visas, dropouts
    before departure) to the quota, the vacancy and the pool."""

    SHORTLISTED = "shortlisted"
    APPROVED = "approved"
    REJECTED = "rejected"
    NEEDS_INFORMATION = "needs_information"
    WITHDRAWN = "withdrawn"
    RELEASED = "released"


class DecisionIn(Strict):
    """An officer's decision on a match. An approval names how many workers it approves; a
    withdrawal needs a note saying why."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "decision": "approved",
                    "note": "Triple Win cohort 2026/1: 12 nurses with German B1 certificates; "
                    "recognition of qualifications started with the Bezirksregierung Düsseldorf.",
                    "headcount": 12,
                },
                {
                    "decision": "needs_information",
                    "note": "Please send the CEFR certificates of the candidates (Goethe-Institut "
                    "or telc).",
                },
                {
                    "decision": "withdrawn",
                    "note": "The employer postponed the ward opening to 2027.",
                },
            ]
        }
    )

    decision: DecisionKind = Field(description="what is decided")
    # Validated when omitted too: a withdrawal without a note is a 422 on `note`.
    note: Annotated[
        MultiLine,
        Field(
            max_length=5000,
            validate_default=True,
            description="why, for the history (at most 5,000 characters; required for a "
            "withdrawal)",
        ),
    ] = ""
    headcount: Annotated[
        int | None,
        Field(
            ge=1,
            le=1_000_000,
            description="workers approved: required for an approval, refused for any other "
            "decision",
        ),
    ] = None

    @field_validator("note")
    @classmethod
    def _note_for_withdrawals(cls, note: str, info: ValidationInfo) -> str:
        # A field validator (not the model one below) so that the 422 names the field `note`.
        if info.data.get("decision") is DecisionKind.WITHDRAWN and not note:
            raise ValueError("a withdrawal needs a note saying why")
        return note

    @model_validator(mode="after")
    def _headcount_for_approvals(self) -> DecisionIn:
        if self.decision is DecisionKind.APPROVED and self.headcount is None:
            raise ValueError("an approval needs a headcount")
        if self.decision is not DecisionKind.APPROVED and self.headcount is not None:
            raise ValueError("only an approval takes a headcount")
        return self


_DECISION_OUT_EXAMPLE: JsonDict = {
    "id": EXAMPLE_DECISION_ID,
    "match_id": EXAMPLE_MATCH_ID,
    "vacancy_id": EXAMPLE_VACANCY_ID,
    "pool_id": EXAMPLE_POOL_ID,
    "officer_id": EXAMPLE_OFFICER_ID,
    "decision": "approved",
    "note": "Triple Win cohort 2026/1: 12 nurses with German B1 certificates.",
    "headcount": 12,
    "pathway_code": "DE-TRIPLE-WIN",
    "quota_year": 2026,
    "created_at": "2025-11-12T09:41:27.518204Z",
}


class DecisionOut(BaseModel):
    """One recorded decision on a match (decisions are append-only history: a withdrawal or a
    release is a row of its own, never a change of an earlier one)."""

    model_config = ConfigDict(
        from_attributes=True, json_schema_extra={"examples": [_DECISION_OUT_EXAMPLE]}
    )

    id: uuid.UUID = Field(description="the decision's id")
    match_id: uuid.UUID = Field(description="the match (vacancy and pool pair) decided on")
    vacancy_id: uuid.UUID = Field(description="the match's vacancy")
    pool_id: uuid.UUID = Field(description="the match's pool")
    officer_id: uuid.UUID = Field(
        description="the user who recorded it (for a `released` row, the user who recorded the "
        "placement's move)"
    )
    decision: RecordedDecision = Field(description="what was decided")
    note: str = Field(description="why, as the officer wrote it (may be empty)")
    headcount: int = Field(
        description="workers approved (an approval) or given back (a withdrawal, a release); 0 "
        "otherwise"
    )
    pathway_code: str | None = Field(
        description="the legal pathway the pair was eligible under when decided (the approval's "
        "quota is this pathway's); null when it was eligible under none"
    )
    quota_year: int | None = Field(
        description="the calendar year whose quota an approval uses (the vacancy's start year)"
    )
    created_at: UtcDatetime = Field(description="when it was recorded (RFC 3339, UTC)")


class DecisionPage(BaseModel):
    """One page of decisions, newest first: offset pagination (ask for the next page with
    offset = offset + limit while offset + limit < total)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"items": [_DECISION_OUT_EXAMPLE], "total": 1, "limit": 50, "offset": 0}]
        }
    )

    items: list[DecisionOut] = Field(description="the decisions of this page, newest first")
    total: int = Field(description="how many decisions match the filters in all")
    limit: int = Field(description="the page size asked for (1..200)")
    offset: int = Field(description="how many matching decisions come before this page")


@dataclass(frozen=True, slots=True, kw_only=True)
class DecisionFilters:
    """The query parameters of GET /api/v1/decisions (and of its CSV export)."""

    vacancy_id: Annotated[
        uuid.UUID | None, Query(description="only decisions on matches of this vacancy")
    ] = None
    pool_id: Annotated[
        uuid.UUID | None, Query(description="only decisions on matches of this pool")
    ] = None
    decision: Annotated[DecisionKind | None, Query(description="only decisions of this kind")] = (
        None
    )
    q: Annotated[
        SingleLine | None,
        Query(
            max_length=200,
            description="text search: every word must be found in the vacancy's title or "
            "employer, the pool's origin country (name or code), region, occupation (ISCO-08 "
            "title or code) or sector, or the note, case-insensitively",
        ),
    ] = None


DecisionSort = Literal["when", "-when", "decision", "-decision", "pathway", "-pathway"]
DecisionSortParam = Annotated[
    DecisionSort | None,
    Query(
        description="order of the list: when (recorded), decision (kind, then when) or pathway "
        "(code, quota year, kind); a leading - sorts descending; ties by id. Default -when: "
        "newest first"
    ),
]
