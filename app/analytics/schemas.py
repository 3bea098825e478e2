"""API schemas of the outcome analytics and the decisions dataset (the shortage and skills-gap
answers are plain JSON objects, see router.py)."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, Field

from app.analytics.outcomes import DatasetRow, Measure, OutcomeBy

Rate = float | None


class OutcomeOut(BaseModel):
    """One group's figures. Stage counts are workers who reached the stage (moves into it),
    not those there now."""

    key: str = Field(
        description="pathway code, origin country, ISCO unit group or employer id; '' for the "
        "programme's totals"
    )
    label: str
    placements: int = Field(description="approvals not withdrawn")
    approved: int = Field(description="workers approved on them")
    selected: int
    contract_signed: int
    visa_applied: int
    visa_granted: int
    visa_refused: int
    departed: int
    arrived: int
    started_work: int
    completed_contract: int
    dropped_out: int = Field(description="left before departure (released)")
    left_early_abroad: int = Field(description="left early after departure")
    released: int = Field(description="workers given back to quota and openings")
    placement_rate: Rate = Field(description="started_work / approved; null: no worker approved")
    visa_refusal_rate: Rate = Field(description="visa_refused / (visa_granted + visa_refused)")
    early_leaving_rate: Rate = Field(description="left_early_abroad / departed")
    median_days_to_start: float | None = Field(
        description="median over the workers who started work of the days from the approval "
        "(UTC date) to the start"
    )
    flags: list[Measure] = Field(description="the measures in which the group is an outlier")


class OutlierOut(BaseModel):
    key: str
    label: str
    measure: Measure
    events: int = Field(description="refused visas, or workers who left early abroad")
    at_risk: int = Field(description="visas decided, or workers who departed")
    rate: float
    programme_rate: float
    ratio: float = Field(description="rate / programme_rate")
    p_value: float = Field(description="one-sided exact binomial test against programme_rate")


class OutlierRule(BaseModel):
    min_at_risk: int
    min_ratio: float
    alpha: float


class OutcomesOut(BaseModel):
    by: OutcomeBy
    groups: list[OutcomeOut] = Field(description="most approved workers first, then key")
    totals: OutcomeOut
    outliers: list[OutlierOut] = Field(description="most significant first")
    rule: OutlierRule


class DatasetPageOut(BaseModel):
    #: The service's rows as they are (docs/datasets.md has every column).
    items: list[DatasetRow]
    total: int = Field(description="rows in the whole dataset")
    limit: int
    next_after: uuid.UUID | None = Field(
        description="pass as `after` for the next page; null on the last page"
    )
