"""API schemas of officers' decisions."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from app.common.schemas import MultiLine, Strict, UtcDatetime


class DecisionKind(StrEnum):
    SHORTLISTED = "shortlisted"
    APPROVED = "approved"
    REJECTED = "rejected"
    NEEDS_INFORMATION = "needs_information"
    #: Takes back what is approved on a match (note required); releases what it consumed.
    WITHDRAWN = "withdrawn"


class DecisionIn(Strict):
    decision: DecisionKind
    # Validated when omitted too: a withdrawal without a note is a 422 on `note`.
    note: Annotated[MultiLine, Field(max_length=5000, validate_default=True)] = ""
    headcount: Annotated[
        int | None, Field(ge=1, le=1_000_000, description="workers approved (approvals only)")
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


class DecisionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    match_id: uuid.UUID
    vacancy_id: uuid.UUID
    pool_id: uuid.UUID
    officer_id: uuid.UUID
    decision: str
    note: str
    headcount: int = Field(
        description="workers approved (an approval) or released (a withdrawal); 0 otherwise"
    )
    pathway_code: str | None
    quota_year: int | None
    created_at: UtcDatetime


class DecisionPage(BaseModel):
    items: list[DecisionOut]
    total: int
    limit: int
    offset: int
