from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_out_solver_status import PlanOutSolverStatus
from ..models.plan_out_source_type_0 import PlanOutSourceType0
from ..models.plan_out_status import PlanOutStatus

if TYPE_CHECKING:
    from ..models.assignment_out import AssignmentOut
    from ..models.greedy_summary import GreedySummary
    from ..models.plan_out_scope import PlanOutScope


T = TypeVar("T", bound="PlanOut")


@_attrs_define
class PlanOut:
    """An allocation plan with its assignments and the solver's report.

    Attributes:
        adopted_at (datetime.datetime | None): when it was adopted; null: not yet
        adopted_by_id (None | UUID): the officer who adopted it; null: not
        assignment_count (int): how many assignments the plan has
        assignments (list[AssignmentOut]): the assignments, by vacancy id then pool id
        batch_run_as_of (datetime.datetime | None): when that batch run finished: what its pairs are as of (RFC 3339,
            UTC); null: the live ranking
        batch_run_id (None | UUID): the batch run whose stored pairs the plan was built from; null: the live ranking
            when it was solved
        created_at (datetime.datetime): when it was solved (RFC 3339, UTC)
        created_by_id (UUID): the officer who created it
        dual_bound (float | None): upper bound on the best objective proven by the solver; null: none
        gap (float | None): relative optimality gap, (bound - objective) / objective; 0 when proven optimal; null when
            undefined
        greedy (GreedySummary | None): the greedy baseline, for comparison
        greedy_objective (float): the greedy baseline's objective
        headcount (int): how many workers it assigns in all
        id (UUID): the plan's id
        improvement (float): objective minus greedy_objective
        min_score (float): the minimum score asked for, 0..1
        objective (float): the plan's sum of score times headcount
        origin_cap (float | None): the cap asked for on any one origin country's (ISO 3166-1 alpha-2) share of a
            destination's placements; null: none
        pairs_considered (int | None): eligible (vacancy, pool) pairs the problem had
        scope (PlanOutScope): the scope as asked (destination, origin, occupation_prefix, pathway; those not given are
            left out)
        solve_seconds (float | None): seconds the solve took
        solver_message (None | str): the solver's own words on the solve
        solver_status (PlanOutSolverStatus): how the solve ended: optimal (proven), feasible (a plan with a proven gap),
            time_limit (the best found in time), infeasible, or error (the greedy plan is reported)
        source (None | PlanOutSourceType0): which computation gave the plan: milp (the integer programme), lp (the
            rounded LP relaxation) or greedy
        status (PlanOutStatus): proposed (solved, for an officer to read) or adopted (its assignments recorded as
            approvals)
        time_limit_seconds (float): the solver's time limit, in seconds
    """

    adopted_at: datetime.datetime | None
    adopted_by_id: None | UUID
    assignment_count: int
    assignments: list[AssignmentOut]
    batch_run_as_of: datetime.datetime | None
    batch_run_id: None | UUID
    created_at: datetime.datetime
    created_by_id: UUID
    dual_bound: float | None
    gap: float | None
    greedy: GreedySummary | None
    greedy_objective: float
    headcount: int
    id: UUID
    improvement: float
    min_score: float
    objective: float
    origin_cap: float | None
    pairs_considered: int | None
    scope: PlanOutScope
    solve_seconds: float | None
    solver_message: None | str
    solver_status: PlanOutSolverStatus
    source: None | PlanOutSourceType0
    status: PlanOutStatus
    time_limit_seconds: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.greedy_summary import GreedySummary  # noqa: PLC0415

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

        assignments = []
        for assignments_item_data in self.assignments:
            assignments_item = assignments_item_data.to_dict()
            assignments.append(assignments_item)

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

        dual_bound: float | None
        dual_bound = self.dual_bound

        gap: float | None
        gap = self.gap

        greedy: dict[str, Any] | None
        if isinstance(self.greedy, GreedySummary):
            greedy = self.greedy.to_dict()
        else:
            greedy = self.greedy

        greedy_objective = self.greedy_objective

        headcount = self.headcount

        id = str(self.id)

        improvement = self.improvement

        min_score = self.min_score

        objective = self.objective

        origin_cap: float | None
        origin_cap = self.origin_cap

        pairs_considered: int | None
        pairs_considered = self.pairs_considered

        scope = self.scope.to_dict()

        solve_seconds: float | None
        solve_seconds = self.solve_seconds

        solver_message: None | str
        solver_message = self.solver_message

        solver_status = self.solver_status.value

        source: None | str
        if isinstance(self.source, PlanOutSourceType0):
            source = self.source.value
        else:
            source = self.source

        status = self.status.value

        time_limit_seconds = self.time_limit_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adopted_at": adopted_at,
                "adopted_by_id": adopted_by_id,
                "assignment_count": assignment_count,
                "assignments": assignments,
                "batch_run_as_of": batch_run_as_of,
                "batch_run_id": batch_run_id,
                "created_at": created_at,
                "created_by_id": created_by_id,
                "dual_bound": dual_bound,
                "gap": gap,
                "greedy": greedy,
                "greedy_objective": greedy_objective,
                "headcount": headcount,
                "id": id,
                "improvement": improvement,
                "min_score": min_score,
                "objective": objective,
                "origin_cap": origin_cap,
                "pairs_considered": pairs_considered,
                "scope": scope,
                "solve_seconds": solve_seconds,
                "solver_message": solver_message,
                "solver_status": solver_status,
                "source": source,
                "status": status,
                "time_limit_seconds": time_limit_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assignment_out import AssignmentOut  # noqa: PLC0415
        from ..models.greedy_summary import GreedySummary  # noqa: PLC0415
        from ..models.plan_out_scope import PlanOutScope  # noqa: PLC0415

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

        assignments = []
        _assignments = d.pop("assignments")
        for assignments_item_data in _assignments:
            assignments_item = AssignmentOut.from_dict(assignments_item_data)

            assignments.append(assignments_item)

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

        def _parse_dual_bound(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        dual_bound = _parse_dual_bound(d.pop("dual_bound"))

        def _parse_gap(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        gap = _parse_gap(d.pop("gap"))

        def _parse_greedy(data: object) -> GreedySummary | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                greedy_type_0 = GreedySummary.from_dict(data)

                return greedy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GreedySummary | None, data)

        greedy = _parse_greedy(d.pop("greedy"))

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

        def _parse_pairs_considered(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        pairs_considered = _parse_pairs_considered(d.pop("pairs_considered"))

        scope = PlanOutScope.from_dict(d.pop("scope"))

        def _parse_solve_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        solve_seconds = _parse_solve_seconds(d.pop("solve_seconds"))

        def _parse_solver_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        solver_message = _parse_solver_message(d.pop("solver_message"))

        solver_status = PlanOutSolverStatus(d.pop("solver_status"))

        def _parse_source(data: object) -> None | PlanOutSourceType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_type_0 = PlanOutSourceType0(data)

                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlanOutSourceType0, data)

        source = _parse_source(d.pop("source"))

        status = PlanOutStatus(d.pop("status"))

        time_limit_seconds = d.pop("time_limit_seconds")

        plan_out = cls(
            adopted_at=adopted_at,
            adopted_by_id=adopted_by_id,
            assignment_count=assignment_count,
            assignments=assignments,
            batch_run_as_of=batch_run_as_of,
            batch_run_id=batch_run_id,
            created_at=created_at,
            created_by_id=created_by_id,
            dual_bound=dual_bound,
            gap=gap,
            greedy=greedy,
            greedy_objective=greedy_objective,
            headcount=headcount,
            id=id,
            improvement=improvement,
            min_score=min_score,
            objective=objective,
            origin_cap=origin_cap,
            pairs_considered=pairs_considered,
            scope=scope,
            solve_seconds=solve_seconds,
            solver_message=solver_message,
            solver_status=solver_status,
            source=source,
            status=status,
            time_limit_seconds=time_limit_seconds,
        )

        plan_out.additional_properties = d
        return plan_out

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
