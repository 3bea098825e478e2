"""Outcome analytics of placements, and the decisions dataset.

Outcomes: what became of approvals, per group (pathway, origin country of the pool, ISCO unit
group of the vacancy, or employer), from the placements' recorded moves.

- Cohort: placements whose approval is not withdrawn. A withdrawn approval never became a
  placement: it leaves every figure (its moves too), so that every rate has one population.
- `approved`: the approvals' headcount. Stage counts are *reached* counts: the workers moved
  into the stage, ever (sums of PlacementMove.count by the move's target), not the workers
  there now (the placement's columns): a worker who started work and completed the contract
  counts in `started_work` and in `completed_contract`.
- Leaving early: a move into `left_early` from a stage before departure is a dropout
  (`dropped_out`; it gave the worker's quota, opening and pool place back); one from departed,
  arrived or started work is leaving early abroad (`left_early_abroad`).
- `released`: workers given back to quota, openings and pools (refused visas and dropouts).
- placement rate = started_work / approved;
- visa refusal rate = visa_refused / (visa_granted + visa_refused): of the visas decided;
- early-leaving rate = left_early_abroad / departed;
- median days to start: over the workers who started work, the days from the approval's date
  (UTC) to the move's date (weighted by the move's count; the mean of the two middle workers
  for an even count).
A rate whose denominator is 0 is None (no figure, rather than a 0 that reads as good news).
The programme's totals are the same figures over every placement.

Outliers: a group whose early-leaving or visa refusal rate is far above the programme's. For
each of the two rates, a group is flagged when all of these hold:
- at least MIN_AT_RISK workers at risk (departed; visas decided), so a single leaver is no alarm;
- its rate is at least MIN_RATIO times the programme's rate (a difference large enough to act
  on, however many workers it has);
- a one-sided exact binomial test rejects "the group's workers leave (are refused) at the
  programme's rate": P(X >= events) < ALPHA for X ~ Binomial(at risk, programme rate).
The programme rate includes the group itself, which makes the test conservative (a big group
pulls the reference towards its own rate). With many groups some are flagged by chance: a flag
says "look here", not "proven".

Queries are set-based: one GROUP BY per figure family (placements, moves, days to start), never
one query per placement; the work is proportional to the rows, with at most a few rows per
group and stage coming back.

The decisions dataset: one row per officer decision on a pair (shortlisted, approved, rejected,
needs_information; a withdrawal is the outcome of the approval it takes back), with the score
the decision was taken on and the approval's reached stages: JSON pages by keyset (decided_at,
decision id), the CSV as one query streamed a page of rows at a time. docs/datasets.md
documents its columns.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Date,
    Integer,
    Select,
    and_,
    case,
    cast,
    exists,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from app.analytics.service import country_name
from app.auth.models import Organisation
from app.common.csv_safe import neutralise, to_csv
from app.db import as_utc, in_chunks
from app.decisions.models import Decision, Placement, PlacementMove, PlacementStatus
from app.decisions.models import PlacementStage as Stage
from app.decisions.totals import RELEASED, WITHDRAWN
from app.errors import invalid
from app.intake.errors import field_error
from app.matches.models import Match
from app.pathways.models import LegalPathway
from app.pools.models import Pool
from app.taxonomy import lookup
from app.vacancies.models import Vacancy

#: The stages after departure from which a worker may leave early: leaving from one of them is
#: leaving early abroad, from any other a dropout. (app/placements/stages.py has the pipeline;
#: analytics sits beside placements and may not import it: tests hold the two together.)
ABROAD: frozenset[str] = frozenset({Stage.DEPARTED, Stage.ARRIVED, Stage.STARTED_WORK})

#: The outlier rule (see the module's docstring).
MIN_AT_RISK = 10
MIN_RATIO = 1.5
ALPHA = 0.01


class OutcomeBy(StrEnum):
    """How outcomes are grouped: by legal pathway, by the pools' origin country (ISO 3166-1),
    by the vacancies' occupation (ISCO-08 unit group) or by employer organisation."""

    PATHWAY = "pathway"
    ORIGIN = "origin"
    OCCUPATION = "occupation"
    EMPLOYER = "employer"


class Measure(StrEnum):
    """The rates outliers are sought in: visa_refusal (refused visas of the visas decided) and
    early_leaving (workers who left early of those who departed)."""

    VISA_REFUSAL = "visa_refusal"
    EARLY_LEAVING = "early_leaving"


#: Reached counts, in pipeline order (the stages, with leaving early split in two).
REACHED = (
    *(stage.value for stage in Stage if stage is not Stage.LEFT_EARLY),
    "dropped_out",
    "left_early_abroad",
)


@dataclass(slots=True)
class Outcome:
    """The figures of one group (or of the programme)."""

    key: str
    label: str
    placements: int = 0
    approved: int = 0
    selected: int = 0
    contract_signed: int = 0
    visa_applied: int = 0
    visa_granted: int = 0
    visa_refused: int = 0
    departed: int = 0
    arrived: int = 0
    started_work: int = 0
    completed_contract: int = 0
    dropped_out: int = 0
    left_early_abroad: int = 0
    released: int = 0
    #: days from approval to start of work -> workers (the median's input)
    days_to_start: dict[int, int] = field(default_factory=dict, repr=False)
    flags: list[str] = field(default_factory=list)

    @property
    def visas_decided(self) -> int:
        return self.visa_granted + self.visa_refused

    @property
    def placement_rate(self) -> float | None:
        return _rate(self.started_work, self.approved)

    @property
    def visa_refusal_rate(self) -> float | None:
        return _rate(self.visa_refused, self.visas_decided)

    @property
    def early_leaving_rate(self) -> float | None:
        return _rate(self.left_early_abroad, self.departed)

    @property
    def median_days_to_start(self) -> float | None:
        return weighted_median(self.days_to_start)

    def at_risk(self, measure: Measure) -> tuple[int, int]:
        """(events, workers at risk) of a measure."""
        if measure is Measure.VISA_REFUSAL:
            return self.visa_refused, self.visas_decided
        return self.left_early_abroad, self.departed

    def add(self, other: Outcome) -> None:
        for name in ("placements", "approved", "released", *REACHED):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for days, n in other.days_to_start.items():
            self.days_to_start[days] = self.days_to_start.get(days, 0) + n

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "placements": self.placements,
            "approved": self.approved,
            **{name: getattr(self, name) for name in REACHED},
            "released": self.released,
            "placement_rate": self.placement_rate,
            "visa_refusal_rate": self.visa_refusal_rate,
            "early_leaving_rate": self.early_leaving_rate,
            "median_days_to_start": self.median_days_to_start,
            "flags": list(self.flags),
        }


@dataclass(frozen=True, slots=True)
class Outlier:
    key: str
    label: str
    measure: Measure
    events: int
    at_risk: int
    rate: float
    programme_rate: float
    ratio: float
    p_value: float

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "measure": self.measure.value}


@dataclass(frozen=True, slots=True)
class Outcomes:
    by: OutcomeBy
    groups: list[Outcome]
    totals: Outcome
    outliers: list[Outlier]

    def as_dict(self) -> dict[str, Any]:
        return {
            "by": self.by.value,
            "groups": [g.as_dict() for g in self.groups],
            "totals": self.totals.as_dict(),
            "outliers": [o.as_dict() for o in self.outliers],
            "rule": {"min_at_risk": MIN_AT_RISK, "min_ratio": MIN_RATIO, "alpha": ALPHA},
        }


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def weighted_median(counts: dict[int, int]) -> float | None:
    """The median of a multiset given as value -> multiplicity (None when empty)."""
    total = sum(n for n in counts.values() if n > 0)
    if not total:
        return None
    # The 1-based positions of the middle element(s): one for an odd total, two for an even.
    wanted = sorted({(total + 1) // 2, total // 2 + 1})
    found: list[int] = []
    seen = 0
    for value in sorted(counts):
        seen += max(counts[value], 0)
        while len(found) < len(wanted) and seen >= wanted[len(found)]:
            found.append(value)
    return sum(found) / len(found)


# ---- the figures -----------------------------------------------------------------------------


def _key_column(by: OutcomeBy) -> Any:
    return {
        OutcomeBy.PATHWAY: Placement.pathway_code,
        OutcomeBy.ORIGIN: Pool.origin_country,
        OutcomeBy.OCCUPATION: Vacancy.occupation_code,
        OutcomeBy.EMPLOYER: Vacancy.employer_id,
    }[by]


def _joined(stmt: Select[Any], by: OutcomeBy) -> Select[Any]:
    """`stmt` over placements (not withdrawn) with the table the group's key is in."""
    if by is OutcomeBy.ORIGIN:
        stmt = stmt.join(Pool, Pool.id == Placement.pool_id)
    elif by in (OutcomeBy.OCCUPATION, OutcomeBy.EMPLOYER):
        stmt = stmt.join(Vacancy, Vacancy.id == Placement.vacancy_id)
    return stmt.where(Placement.status != PlacementStatus.WITHDRAWN)


def _days_to_start(session: Session) -> Any:
    """Days from the approval's UTC date to the move's date, in SQL (grouped on, so that the
    median's input comes back as a histogram, not one row per move)."""
    if session.get_bind().dialect.name == "postgresql":
        # 'UTC' a literal, not a bound parameter: GROUP BY must repeat the selected expression,
        # and to PostgreSQL two parameters make two different expressions.
        utc_date = cast(func.timezone(literal_column("'UTC'"), Placement.approved_at), Date)
        return PlacementMove.moved_on - utc_date
    # SQLite keeps UTC times as text; julianday differences of two dates are whole days.
    return cast(
        func.julianday(PlacementMove.moved_on) - func.julianday(func.date(Placement.approved_at)),
        Integer,
    )


def _reached_sums() -> list[Any]:
    """The reached counts (REACHED) and releases as sums over placement moves, labelled with
    their names: one definition for the outcomes, the dataset's pages and its stream."""
    left = PlacementMove.to_stage == Stage.LEFT_EARLY
    abroad = PlacementMove.from_stage.in_(sorted(ABROAD))
    sums = []
    for name in REACHED:
        if name == "left_early_abroad":
            moved_in = and_(left, abroad)
        elif name == "dropped_out":
            moved_in = and_(left, or_(PlacementMove.from_stage.is_(None), ~abroad))
        else:
            moved_in = PlacementMove.to_stage == name
        sums.append(
            func.coalesce(func.sum(case((moved_in, PlacementMove.count), else_=0)), 0).label(name)
        )
    sums.append(func.coalesce(func.sum(PlacementMove.released), 0).label("released"))
    return sums


def _add_reached(target: Outcome, row: Any) -> None:
    for name in (*REACHED, "released"):
        setattr(target, name, getattr(target, name) + int(getattr(row, name) or 0))


def outcomes(session: Session, by: OutcomeBy) -> Outcomes:
    """The figures per group (most approved workers first, then key), the programme's totals
    and the outliers (see the module's docstring)."""
    key = _key_column(by)
    groups: dict[str, Outcome] = {}

    def group(value: Any) -> Outcome:
        k = str(value)
        return groups.setdefault(k, Outcome(key=k, label=k))

    placed = _joined(
        select(key, func.count(Placement.id), func.sum(Placement.approved)).select_from(Placement),
        by,
    ).group_by(key)
    for value, n, approved in session.execute(placed):
        g = group(value)
        g.placements, g.approved = int(n), int(approved or 0)

    moved = _joined(
        select(key.label("key"), *_reached_sums())
        .select_from(PlacementMove)
        .join(Placement, Placement.id == PlacementMove.placement_id),
        by,
    ).group_by(key)
    for row in session.execute(moved):
        _add_reached(group(row.key), row)

    days = _days_to_start(session)
    started = (
        _joined(
            select(key, days, func.sum(PlacementMove.count))
            .select_from(PlacementMove)
            .join(Placement, Placement.id == PlacementMove.placement_id),
            by,
        )
        .where(PlacementMove.to_stage == Stage.STARTED_WORK)
        .group_by(key, days)
    )
    for value, d, n in session.execute(started):
        g = group(value)
        g.days_to_start[int(d)] = g.days_to_start.get(int(d), 0) + int(n or 0)

    labels = _labels(session, by, groups)
    for k, g in groups.items():
        g.label = labels.get(k, k)
    totals = Outcome(key="", label="Programme")
    for g in groups.values():
        totals.add(g)
    ordered = sorted(groups.values(), key=lambda g: (-g.approved, g.key))
    found = find_outliers(ordered, totals)
    for o in found:
        groups[o.key].flags.append(o.measure.value)
    return Outcomes(by=by, groups=ordered, totals=totals, outliers=found)


def _labels(session: Session, by: OutcomeBy, keys: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    if by is OutcomeBy.PATHWAY:
        rows = session.execute(
            select(LegalPathway.code, LegalPathway.name).where(LegalPathway.code.in_(wanted))
        )
        return {code: name for code, name in rows}
    if by is OutcomeBy.OCCUPATION:
        return lookup.unit_groups(session, wanted)
    if by is OutcomeBy.EMPLOYER:
        names: dict[str, str] = {}
        for ids in in_chunks([uuid.UUID(k) for k in wanted]):  # a programme of many employers
            rows = session.execute(
                select(Organisation.id, Organisation.name).where(Organisation.id.in_(ids))
            )
            names.update((str(i), name) for i, name in rows)
        return names
    return {k: country_name(k) for k in wanted}


# ---- outliers --------------------------------------------------------------------------------


def binomial_tail(events: int, trials: int, rate: float) -> float:
    """P(X >= events) for X ~ Binomial(trials, rate): the one-sided p-value of `events`."""
    if events <= 0:
        return 1.0
    if events > trials:
        return 0.0
    # scipy's survival function is exact (the regularised incomplete beta) and fast at any n;
    # imported here: nothing else of the service needs scipy.stats, which is slow to import.
    from scipy.stats import binom

    return float(binom.sf(events - 1, trials, rate))


def find_outliers(groups: Sequence[Outcome], totals: Outcome) -> list[Outlier]:
    """Groups whose early-leaving or visa refusal rate is far above the programme's (the rule
    in the module's docstring); most significant first."""
    out: list[Outlier] = []
    for measure in Measure:
        all_events, all_at_risk = totals.at_risk(measure)
        if not all_events:  # nobody refused (left): no group is above the programme
            continue
        reference = all_events / all_at_risk
        for g in groups:
            events, at_risk = g.at_risk(measure)
            if at_risk < MIN_AT_RISK:
                continue
            rate = events / at_risk
            if rate < MIN_RATIO * reference:
                continue
            p_value = binomial_tail(events, at_risk, reference)
            if p_value < ALPHA:
                out.append(
                    Outlier(
                        key=g.key,
                        label=g.label,
                        measure=measure,
                        events=events,
                        at_risk=at_risk,
                        rate=rate,
                        programme_rate=reference,
                        ratio=rate / reference,
                        p_value=p_value,
                    )
                )
    out.sort(key=lambda o: (o.p_value, o.measure.value, o.key))
    return out


# ---- CSV -------------------------------------------------------------------------------------

OUTCOME_COLUMNS = (
    "key",
    "label",
    "placements",
    "approved",
    *REACHED,
    "released",
    "placement_rate",
    "visa_refusal_rate",
    "early_leaving_rate",
    "median_days_to_start",
    "flags",
)


def outcomes_csv(result: Outcomes) -> str:
    """The groups' rows (the programme's totals are the sums of the counts; its rates are in
    the JSON); `flags`: the outlier measures, separated by ';'."""

    def cells(g: Outcome) -> list[object]:
        row = g.as_dict()
        row["flags"] = ";".join(g.flags)
        return [row[c] for c in OUTCOME_COLUMNS]

    return to_csv(OUTCOME_COLUMNS, (cells(g) for g in result.groups))


# ---- the decisions dataset -------------------------------------------------------------------

#: The score components, in the order of design section 5 (matching.COMPONENTS: analytics may
#: not import the engine; tests hold the two together).
SCORE_COMPONENTS = (
    "skills",
    "occupation",
    "sector",
    "language",
    "education",
    "experience",
    "availability",
)


@dataclass(frozen=True, slots=True)
class DatasetRow:
    """One decision on a pair. docs/datasets.md documents each column."""

    decision_id: uuid.UUID
    decided_at: datetime
    decision: str
    match_id: uuid.UUID
    vacancy_id: uuid.UUID
    pool_id: uuid.UUID
    employer_id: uuid.UUID
    pathway_code: str | None
    quota_year: int | None
    occupation: str
    pool_occupation: str
    origin_country: str
    destination_country: str
    sector: str | None
    pool_sector: str | None
    headcount: int
    score: float | None
    score_skills: float | None
    score_occupation: float | None
    score_sector: float | None
    score_language: float | None
    score_education: float | None
    score_experience: float | None
    score_availability: float | None
    eligible: bool | None
    eligible_headcount: int | None
    engine_version: str | None
    weights_hash: str | None
    scored_at: datetime | None
    score_is_of_this_decision: bool
    withdrawn: bool | None
    reached_selected: int | None
    reached_contract_signed: int | None
    reached_visa_applied: int | None
    reached_visa_granted: int | None
    reached_visa_refused: int | None
    reached_departed: int | None
    reached_arrived: int | None
    reached_started_work: int | None
    reached_completed_contract: int | None
    reached_dropped_out: int | None
    reached_left_early_abroad: int | None
    released: int | None


DATASET_COLUMNS = tuple(f.name for f in fields(DatasetRow))
#: What the dataset's rows are: an officer's decision (a withdrawal or a placement's release
#: row is part of an approval's outcome, not a row of its own).
_NOT_ROWS = (WITHDRAWN, RELEASED)
#: A select of many columns.
Rows = Select[*tuple[Any, ...]]
#: Rows of one page of the CSV stream.
STREAM_PAGE = 1000


def _page_statement(after: tuple[datetime, uuid.UUID] | None, limit: int | None) -> Rows:
    later = aliased(Decision)
    # The pair's match row is rewritten by each decision that scores it (every kind but a
    # withdrawal and a release): its score is this decision's when no later one rewrote it.
    superseded = exists().where(
        later.match_id == Decision.match_id,
        later.decision.not_in(_NOT_ROWS),
        or_(
            later.created_at > Decision.created_at,
            and_(later.created_at == Decision.created_at, later.id > Decision.id),
        ),
    )
    stmt: Rows = (
        select(
            Decision.id,
            Decision.created_at,
            Decision.decision,
            Decision.match_id,
            Decision.vacancy_id,
            Decision.pool_id,
            Decision.pathway_code,
            Decision.quota_year,
            Decision.headcount,
            Vacancy.employer_id,
            Vacancy.occupation_code.label("occupation"),
            Vacancy.destination_country,
            Vacancy.sector_code.label("sector"),
            Pool.occupation_code.label("pool_occupation"),
            Pool.origin_country,
            Pool.sector_code.label("pool_sector"),
            Match.score,
            Match.components,
            Match.eligible,
            Match.eligible_headcount,
            Match.engine_version,
            Match.weights_hash,
            Match.computed_at,
            (~superseded).label("current"),
            Placement.id.label("placement_id"),
            Placement.status.label("placement_status"),
        )
        .select_from(Decision)
        .join(Vacancy, Vacancy.id == Decision.vacancy_id)
        .join(Pool, Pool.id == Decision.pool_id)
        .outerjoin(Match, Match.id == Decision.match_id)
        .outerjoin(Placement, Placement.decision_id == Decision.id)
        .where(Decision.decision.not_in(_NOT_ROWS))
    )
    if after is not None:
        at, last = after
        stmt = stmt.where(
            or_(Decision.created_at > at, and_(Decision.created_at == at, Decision.id > last))
        )
    stmt = stmt.order_by(Decision.created_at, Decision.id)
    return stmt if limit is None else stmt.limit(limit)


def _reached_of(session: Session, placement_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Any]:
    """Reached counts and releases of a page's placements: one GROUP BY for the page."""
    if not placement_ids:
        return {}
    rows = session.execute(
        select(PlacementMove.placement_id, *_reached_sums())
        .where(PlacementMove.placement_id.in_(sorted(placement_ids)))
        .group_by(PlacementMove.placement_id)
    )
    return {row.placement_id: row for row in rows}


def _component(components: Any, name: str) -> float | None:
    value = components.get(name) if isinstance(components, dict) else None
    return None if value is None else float(value)


def _dataset_row(r: Any, reached: Any) -> DatasetRow:
    """A row of the dataset from a row of _page_statement and the reached counts of its
    placement (a row with REACHED's names and `released`, null or None: no move yet)."""
    components = r.components if r.components is not None else {}
    placed = r.placement_id is not None

    def count(name: str) -> int | None:
        if not placed:
            return None
        return 0 if reached is None else int(getattr(reached, name) or 0)

    return DatasetRow(
        decision_id=r.id,
        decided_at=as_utc(r.created_at),
        decision=r.decision,
        match_id=r.match_id,
        vacancy_id=r.vacancy_id,
        pool_id=r.pool_id,
        employer_id=r.employer_id,
        pathway_code=r.pathway_code,
        quota_year=r.quota_year,
        occupation=r.occupation,
        pool_occupation=r.pool_occupation,
        origin_country=r.origin_country,
        destination_country=r.destination_country,
        sector=r.sector,
        pool_sector=r.pool_sector,
        headcount=int(r.headcount or 0),
        score=None if r.score is None else float(r.score),
        score_skills=_component(components, "skills"),
        score_occupation=_component(components, "occupation"),
        score_sector=_component(components, "sector"),
        score_language=_component(components, "language"),
        score_education=_component(components, "education"),
        score_experience=_component(components, "experience"),
        score_availability=_component(components, "availability"),
        eligible=None if r.eligible is None else bool(r.eligible),
        eligible_headcount=None if r.eligible_headcount is None else int(r.eligible_headcount),
        engine_version=r.engine_version,
        weights_hash=r.weights_hash,
        scored_at=None if r.computed_at is None else as_utc(r.computed_at),
        score_is_of_this_decision=bool(r.current) and r.score is not None,
        withdrawn=(r.placement_status == PlacementStatus.WITHDRAWN) if placed else None,
        reached_selected=count("selected"),
        reached_contract_signed=count("contract_signed"),
        reached_visa_applied=count("visa_applied"),
        reached_visa_granted=count("visa_granted"),
        reached_visa_refused=count("visa_refused"),
        reached_departed=count("departed"),
        reached_arrived=count("arrived"),
        reached_started_work=count("started_work"),
        reached_completed_contract=count("completed_contract"),
        reached_dropped_out=count("dropped_out"),
        reached_left_early_abroad=count("left_early_abroad"),
        released=count("released"),
    )


def _cursor(session: Session, after: uuid.UUID | None) -> tuple[datetime, uuid.UUID] | None:
    if after is None:
        return None
    at = session.scalar(
        select(Decision.created_at).where(Decision.id == after, Decision.decision.not_in(_NOT_ROWS))
    )
    if at is None:
        raise invalid(
            [
                field_error(
                    "query.after",
                    "is not the id of a row of the dataset (use the page's `next_after`)",
                    "unknown_cursor",
                )
            ]
        )
    return at, after


def dataset_page(
    session: Session, *, after: uuid.UUID | None, limit: int
) -> tuple[list[DatasetRow], uuid.UUID | None]:
    """A page of the dataset, oldest decision first (ties by id), after the row `after`; and
    the cursor of the next page (None on the last)."""
    rows = session.execute(_page_statement(_cursor(session, after), limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    reached = _reached_of(session, [r.placement_id for r in rows if r.placement_id is not None])
    page = [_dataset_row(r, reached.get(r.placement_id)) for r in rows]
    return page, (page[-1].decision_id if more and page else None)


def dataset_total(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(Decision).where(Decision.decision.not_in(_NOT_ROWS))
        )
        or 0
    )


def _cell(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _csv_lines(rows: Iterable[Sequence[object]]) -> str:
    """CSV lines (CRLF), every cell neutralised as app/common/csv_safe.py does: the stream's
    pieces, so that no one piece holds the whole table."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise(_cell(v)) for v in row])
    return buffer.getvalue()


def dataset_csv(session: Session, page_size: int = STREAM_PAGE) -> Iterator[str]:
    """The whole dataset as CSV, in pieces of `page_size` rows: one query, its rows fetched
    a page at a time (a server-side cursor on PostgreSQL), with the reached counts joined in
    as one aggregate of all moves (cheaper, over the whole table, than one per page)."""
    reached = (
        select(PlacementMove.placement_id.label("moved_placement"), *_reached_sums())
        .group_by(PlacementMove.placement_id)
        .subquery()
    )
    stmt = (
        _page_statement(None, None)
        # Under their own names (no column of the page's has them): a row is its own counts.
        .add_columns(*(reached.c[name] for name in (*REACHED, "released")))
        .outerjoin(reached, reached.c.moved_placement == Placement.id)
        .execution_options(yield_per=page_size)
    )
    yield _csv_lines([DATASET_COLUMNS])
    for rows in session.execute(stmt).partitions():
        page = [_dataset_row(r, r) for r in rows]
        yield _csv_lines([getattr(d, c) for c in DATASET_COLUMNS] for d in page)
