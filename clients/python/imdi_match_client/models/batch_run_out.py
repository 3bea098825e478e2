from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_run_out_output import BatchRunOutOutput
from ..models.batch_run_out_status import BatchRunOutStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_inputs_out import BatchInputsOut
    from ..models.batch_progress_out import BatchProgressOut
    from ..models.batch_scope_out import BatchScopeOut


T = TypeVar("T", bound="BatchRunOut")


@_attrs_define
class BatchRunOut:
    """A batch run of `imdi batch-rank`: every open vacancy of a scope ranked against every
    active pool on a Dask cluster, each vacancy's top k pairs stored. Its record says what was
    ranked (the inputs' version, engine version, weights hash), how far it is, and whether its
    pairs are its scope's results now (`current`).

        Attributes:
            cancel_requested (bool): someone asked it to stop (the command stops at its next poll)
            cluster (str): the Dask cluster: "local:N" or the scheduler's address
            current (bool): true when its pairs are its scope's results now: it succeeded and no later run of the scope has
                succeeded since
            engine_version (str): the matching engine's version that ranked
            explain_top (int): the first pairs of each vacancy stored with their missing essential skills
            heartbeat_at (datetime.datetime): the command's last report (it reports every few seconds while running)
            id (UUID): the run's id
            inputs (BatchInputsOut): The inputs' version a run ranked: the change feed's position of its snapshot. Its
                results are "as of" this change; a later write is not in them.
            output (BatchRunOutOutput): where the pairs went: database (readable by the service) or parquet (part files
                under output_path, for very large scopes)
            pairs_ranked (int): eligible (vacancy, pool) pairs found, before top k
            pairs_stored (int): pairs stored (0 for a failed or cancelled run: removed; a superseded run's were removed when
                a later run of its scope succeeded)
            pools (int): active pools of the scope ranked against
            progress (BatchProgressOut): How far a run is: one task per block of vacancies, counted as its pairs are stored.
            scope (BatchScopeOut): What a run ranked: the open vacancies of a destination and occupation, against the
                active pools of an origin; a field left out (or null) is not narrowed.
            stale (bool): running, but its command has not reported for two minutes (a killed process, a lost machine): a
                cancel ends it as failed at once
            started_at (datetime.datetime): when it started (RFC 3339, UTC)
            started_by (str): who started the command
            status (BatchRunOutStatus): running; succeeded (its pairs became its scope's results); failed or cancelled (what
                it wrote was removed: the scope's previous results stay)
            superseded (bool): a later run of its scope succeeded: this one's pairs were removed
            vacancies (int): open vacancies of the scope ranked
            weights_hash (str): digest of the score weights the engine used
            workers (int): the cluster's workers when the run started
            duration_s (float | None | Unset): seconds from start to end; null: still running
            error (None | str | Unset): why a failed run failed; null: none
            finished_at (datetime.datetime | None | Unset): when it ended (RFC 3339, UTC): a succeeded run's results are as
                of the inputs' change, computed at this time; null: still running
            output_path (None | str | Unset): the Parquet directory of a parquet run; null otherwise
            top_k (int | None | Unset): pairs kept per vacancy, best first; null: every eligible pair
    """

    cancel_requested: bool
    cluster: str
    current: bool
    engine_version: str
    explain_top: int
    heartbeat_at: datetime.datetime
    id: UUID
    inputs: BatchInputsOut
    output: BatchRunOutOutput
    pairs_ranked: int
    pairs_stored: int
    pools: int
    progress: BatchProgressOut
    scope: BatchScopeOut
    stale: bool
    started_at: datetime.datetime
    started_by: str
    status: BatchRunOutStatus
    superseded: bool
    vacancies: int
    weights_hash: str
    workers: int
    duration_s: float | None | Unset = UNSET
    error: None | str | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    output_path: None | str | Unset = UNSET
    top_k: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cancel_requested = self.cancel_requested

        cluster = self.cluster

        current = self.current

        engine_version = self.engine_version

        explain_top = self.explain_top

        heartbeat_at = self.heartbeat_at.isoformat()

        id = str(self.id)

        inputs = self.inputs.to_dict()

        output = self.output.value

        pairs_ranked = self.pairs_ranked

        pairs_stored = self.pairs_stored

        pools = self.pools

        progress = self.progress.to_dict()

        scope = self.scope.to_dict()

        stale = self.stale

        started_at = self.started_at.isoformat()

        started_by = self.started_by

        status = self.status.value

        superseded = self.superseded

        vacancies = self.vacancies

        weights_hash = self.weights_hash

        workers = self.workers

        duration_s: float | None | Unset
        if isinstance(self.duration_s, Unset):
            duration_s = UNSET
        else:
            duration_s = self.duration_s

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        output_path: None | str | Unset
        if isinstance(self.output_path, Unset):
            output_path = UNSET
        else:
            output_path = self.output_path

        top_k: int | None | Unset
        if isinstance(self.top_k, Unset):
            top_k = UNSET
        else:
            top_k = self.top_k

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cancel_requested": cancel_requested,
                "cluster": cluster,
                "current": current,
                "engine_version": engine_version,
                "explain_top": explain_top,
                "heartbeat_at": heartbeat_at,
                "id": id,
                "inputs": inputs,
                "output": output,
                "pairs_ranked": pairs_ranked,
                "pairs_stored": pairs_stored,
                "pools": pools,
                "progress": progress,
                "scope": scope,
                "stale": stale,
                "started_at": started_at,
                "started_by": started_by,
                "status": status,
                "superseded": superseded,
                "vacancies": vacancies,
                "weights_hash": weights_hash,
                "workers": workers,
            }
        )
        if duration_s is not UNSET:
            field_dict["duration_s"] = duration_s
        if error is not UNSET:
            field_dict["error"] = error
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if output_path is not UNSET:
            field_dict["output_path"] = output_path
        if top_k is not UNSET:
            field_dict["top_k"] = top_k

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_inputs_out import BatchInputsOut  # noqa: PLC0415
        from ..models.batch_progress_out import BatchProgressOut  # noqa: PLC0415
        from ..models.batch_scope_out import BatchScopeOut  # noqa: PLC0415

        d = dict(src_dict)
        cancel_requested = d.pop("cancel_requested")

        cluster = d.pop("cluster")

        current = d.pop("current")

        engine_version = d.pop("engine_version")

        explain_top = d.pop("explain_top")

        heartbeat_at = datetime.datetime.fromisoformat(d.pop("heartbeat_at"))

        id = UUID(d.pop("id"))

        inputs = BatchInputsOut.from_dict(d.pop("inputs"))

        output = BatchRunOutOutput(d.pop("output"))

        pairs_ranked = d.pop("pairs_ranked")

        pairs_stored = d.pop("pairs_stored")

        pools = d.pop("pools")

        progress = BatchProgressOut.from_dict(d.pop("progress"))

        scope = BatchScopeOut.from_dict(d.pop("scope"))

        stale = d.pop("stale")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        started_by = d.pop("started_by")

        status = BatchRunOutStatus(d.pop("status"))

        superseded = d.pop("superseded")

        vacancies = d.pop("vacancies")

        weights_hash = d.pop("weights_hash")

        workers = d.pop("workers")

        def _parse_duration_s(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        duration_s = _parse_duration_s(d.pop("duration_s", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        def _parse_output_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        output_path = _parse_output_path(d.pop("output_path", UNSET))

        def _parse_top_k(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        top_k = _parse_top_k(d.pop("top_k", UNSET))

        batch_run_out = cls(
            cancel_requested=cancel_requested,
            cluster=cluster,
            current=current,
            engine_version=engine_version,
            explain_top=explain_top,
            heartbeat_at=heartbeat_at,
            id=id,
            inputs=inputs,
            output=output,
            pairs_ranked=pairs_ranked,
            pairs_stored=pairs_stored,
            pools=pools,
            progress=progress,
            scope=scope,
            stale=stale,
            started_at=started_at,
            started_by=started_by,
            status=status,
            superseded=superseded,
            vacancies=vacancies,
            weights_hash=weights_hash,
            workers=workers,
            duration_s=duration_s,
            error=error,
            finished_at=finished_at,
            output_path=output_path,
            top_k=top_k,
        )

        batch_run_out.additional_properties = d
        return batch_run_out

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
