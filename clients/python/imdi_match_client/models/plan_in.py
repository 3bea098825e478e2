from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_scope import PlanScope


T = TypeVar("T", bound="PlanIn")


@_attrs_define
class PlanIn:
    """What to plan: a scope and the solver's options. Solving takes up to
    `time_limit_seconds`; the plan is stored as proposed, for an officer to read and adopt.

        Attributes:
            batch_run_id (None | Unset | UUID): plan from this batch run's stored pairs (`imdi batch-rank`: each vacancy's
                best pairs, as of the run's end) instead of ranking the live market; the run must have succeeded and still be
                its scope's results (else a 422, `unknown_batch_run` or `unusable_batch_run`), and the plan's scope must lie
                within the run's (`outside_batch_run`). Capacities and quotas are read now, as for a live plan. Null: the live
                ranking
            min_score (float | Unset): pairs scoring below this (0..1) are left out (default 0) Default: 0.0.
            origin_cap (float | None | Unset): largest share (0..1) of a destination's placements any one origin country
                (ISO 3166-1 alpha-2, of the pools) may take; null: no cap
            scope (PlanScope | Unset): Which open vacancies and active pools a plan covers; every field narrows it (none:
                the
                whole market).
            time_limit_seconds (float | Unset): the solver's time limit in seconds (at most 120; default 10); when it runs
                out the best plan found is kept (solver_status time_limit) Default: 10.0.
    """

    batch_run_id: None | Unset | UUID = UNSET
    min_score: float | Unset = 0.0
    origin_cap: float | None | Unset = UNSET
    scope: PlanScope | Unset = UNSET
    time_limit_seconds: float | Unset = 10.0

    def to_dict(self) -> dict[str, Any]:
        batch_run_id: None | str | Unset
        if isinstance(self.batch_run_id, Unset):
            batch_run_id = UNSET
        elif isinstance(self.batch_run_id, UUID):
            batch_run_id = str(self.batch_run_id)
        else:
            batch_run_id = self.batch_run_id

        min_score = self.min_score

        origin_cap: float | None | Unset
        if isinstance(self.origin_cap, Unset):
            origin_cap = UNSET
        else:
            origin_cap = self.origin_cap

        scope: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scope, Unset):
            scope = self.scope.to_dict()

        time_limit_seconds = self.time_limit_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if batch_run_id is not UNSET:
            field_dict["batch_run_id"] = batch_run_id
        if min_score is not UNSET:
            field_dict["min_score"] = min_score
        if origin_cap is not UNSET:
            field_dict["origin_cap"] = origin_cap
        if scope is not UNSET:
            field_dict["scope"] = scope
        if time_limit_seconds is not UNSET:
            field_dict["time_limit_seconds"] = time_limit_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_scope import PlanScope  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_batch_run_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                batch_run_id_type_0 = UUID(data)

                return batch_run_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        batch_run_id = _parse_batch_run_id(d.pop("batch_run_id", UNSET))

        min_score = d.pop("min_score", UNSET)

        def _parse_origin_cap(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        origin_cap = _parse_origin_cap(d.pop("origin_cap", UNSET))

        _scope = d.pop("scope", UNSET)
        scope: PlanScope | Unset
        if isinstance(_scope, Unset):
            scope = UNSET
        else:
            scope = PlanScope.from_dict(_scope)

        time_limit_seconds = d.pop("time_limit_seconds", UNSET)

        plan_in = cls(
            batch_run_id=batch_run_id,
            min_score=min_score,
            origin_cap=origin_cap,
            scope=scope,
            time_limit_seconds=time_limit_seconds,
        )

        return plan_in
