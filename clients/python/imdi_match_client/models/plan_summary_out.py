from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_summary_out_solver_status import PlanSummaryOutSolverStatus
from ..models.plan_summary_out_status import PlanSummaryOutStatus

if TYPE_CHECKING:
    from ..models.plan_summary_out_scope import PlanSummaryOutScope


T = TypeVar("T", bound="PlanSummaryOut")


@_attrs_define
class PlanSummaryOut:
    """An allocation plan without its assignments: an optimised assignment of pools to
    vacancies maximising the sum of score times headcount, within every vacancy's openings,
    pool's headcount and pathway's quota left when it was solved.

        Attributes:
            adopted_at (datetime.datetime | None): when it was adopted; null: not yet
            adopted_by_id (None | UUID): the officer who adopted it; null: not
            assignment_count (int): how many assignments the plan has
            batch_run_as_of (datetime.datetime | None): when that batch run finished: what its pairs are as of (RFC 3339,
                UTC); null: the live ranking
            batch_run_id (None | UUID): the batch run whose stored pairs the plan was built from; null: the live ranking
                when it was solved
            created_at (datetime.datetime): when it was solved (RFC 3339, UTC)
            created_by_id (UUID): the officer who created it
            gap (float | None): relative optimality gap, (bound - objective) / objective; 0 when proven optimal; null when
                undefined
            greedy_objective (float): the greedy baseline's objective
            headcount (int): how many workers it assigns in all
            id (UUID): the plan's id
            improvement (float): objective minus greedy_objective
            min_score (float): the minimum score asked for, 0..1
            objective (float): the plan's sum of score times headcount
            origin_cap (float | None): the cap asked for on any one origin country's (ISO 3166-1 alpha-2) share of a
                destination's placements; null: none
            scope (PlanSummaryOutScope): the scope as asked (destination, origin, occupation_prefix, pathway; those not
                given are left out)
            solver_status (PlanSummaryOutSolverStatus): how the solve ended: optimal (proven), feasible (a plan with a
                proven gap), time_limit (the best found in time), infeasible, or error (the greedy plan is reported)
            status (PlanSummaryOutStatus): proposed (solved, for an officer to read) or adopted (its assignments recorded as
                approvals)
            time_limit_seconds (float): the solver's time limit, in seconds
    """

    adopted_at: datetime.datetime | None
    adopted_by_id: None | UUID
    assignment_count: int
    batch_run_as_of: datetime.datetime | None
    batch_run_id: None | UUID
    created_at: datetime.datetime
    created_by_id: UUID
    gap: float | None
    greedy_objective: float
    headcount: int
    id: UUID
    improvement: float
    min_score: float
    objective: float
    origin_cap: float | None
    scope: PlanSummaryOutScope
    solver_status: PlanSummaryOutSolverStatus
    status: PlanSummaryOutStatus
    time_limit_seconds: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adopted_at: None | str
        if isinstance(self.adopted_at, datetime.datetime):
            adopted_at = self.adopted_at.isoformat()
        else:
            adopted_at = self.adopted_at

        adopted_by_id: None | str
        if isinstance(self.adopted_by_id, UUID):
            adopted_by_id = str(self.adopted_by_id)
        else:
            adopted_by_id = self.adopted_by_id

        assignment_count = self.assignment_count

        batch_run_as_of: None | str
        if isinstance(self.batch_run_as_of, datetime.datetime):
            batch_run_as_of = self.batch_run_as_of.isoformat()
        else:
            batch_run_as_of = self.batch_run_as_of

        batch_run_id: None | str
        if isinstance(self.batch_run_id, UUID):
            batch_run_id = str(self.batch_run_id)
        else:
            batch_run_id = self.batch_run_id

        created_at = self.created_at.isoformat()

        created_by_id = str(self.created_by_id)

        gap: float | None
        gap = self.gap

        greedy_objective = self.greedy_objective

        headcount = self.headcount

        id = str(self.id)

        improvement = self.improvement

        min_score = self.min_score

        objective = self.objective

        origin_cap: float | None
        origin_cap = self.origin_cap

        scope = self.scope.to_dict()

        solver_status = self.solver_status.value

        status = self.status.value

        time_limit_seconds = self.time_limit_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adopted_at": adopted_at,
                "adopted_by_id": adopted_by_id,
                "assignment_count": assignment_count,
                "batch_run_as_of": batch_run_as_of,
                "batch_run_id": batch_run_id,
                "created_at": created_at,
                "created_by_id": created_by_id,
                "gap": gap,
                "greedy_objective": greedy_objective,
                "headcount": headcount,
                "id": id,
                "improvement": improvement,
                "min_score": min_score,
                "objective": objective,
                "origin_cap": origin_cap,
                "scope": scope,
                "solver_status": solver_status,
                "status": status,
                "time_limit_seconds": time_limit_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_summary_out_scope import PlanSummaryOutScope  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_adopted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adopted_at_type_0 = datetime.datetime.fromisoformat(data)

                return adopted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        adopted_at = _parse_adopted_at(d.pop("adopted_at"))

        def _parse_adopted_by_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adopted_by_id_type_0 = UUID(data)

                return adopted_by_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        adopted_by_id = _parse_adopted_by_id(d.pop("adopted_by_id"))

        assignment_count = d.pop("assignment_count")

        def _parse_batch_run_as_of(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                batch_run_as_of_type_0 = datetime.datetime.fromisoformat(data)

                return batch_run_as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        batch_run_as_of = _parse_batch_run_as_of(d.pop("batch_run_as_of"))

        def _parse_batch_run_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                batch_run_id_type_0 = UUID(data)

                return batch_run_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        batch_run_id = _parse_batch_run_id(d.pop("batch_run_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by_id = UUID(d.pop("created_by_id"))

        def _parse_gap(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        gap = _parse_gap(d.pop("gap"))

        greedy_objective = d.pop("greedy_objective")

        headcount = d.pop("headcount")

        id = UUID(d.pop("id"))

        improvement = d.pop("improvement")

        min_score = d.pop("min_score")

        objective = d.pop("objective")

        def _parse_origin_cap(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        origin_cap = _parse_origin_cap(d.pop("origin_cap"))

        scope = PlanSummaryOutScope.from_dict(d.pop("scope"))

        solver_status = PlanSummaryOutSolverStatus(d.pop("solver_status"))

        status = PlanSummaryOutStatus(d.pop("status"))

        time_limit_seconds = d.pop("time_limit_seconds")

        plan_summary_out = cls(
            adopted_at=adopted_at,
            adopted_by_id=adopted_by_id,
            assignment_count=assignment_count,
            batch_run_as_of=batch_run_as_of,
            batch_run_id=batch_run_id,
            created_at=created_at,
            created_by_id=created_by_id,
            gap=gap,
            greedy_objective=greedy_objective,
            headcount=headcount,
            id=id,
            improvement=improvement,
            min_score=min_score,
            objective=objective,
            origin_cap=origin_cap,
            scope=scope,
            solver_status=solver_status,
            status=status,
            time_limit_seconds=time_limit_seconds,
        )

        plan_summary_out.additional_properties = d
        return plan_summary_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
