from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.source_kind import SourceKind

if TYPE_CHECKING:
    from ..models.pair_scope_out import PairScopeOut


T = TypeVar("T", bound="PairSourceOut")


@_attrs_define
class PairSourceOut:
    """Where an analysis's ranked pairs come from, and what they are as of: the live ranking
    (ranked for this request), or a batch run's stored pairs (`imdi batch-rank`). A batch run's
    figures cover its scope only (the demand of vacancies outside it is not counted), and its
    vacancies still open and pools still active; demand and capacities are read now.

        Attributes:
            as_of (datetime.datetime): when the pairs were ranked: now (live) or when the run finished (RFC 3339, UTC)
            change_seq (int): the change feed's position the pairs were ranked at (every write up to it is in them)
            engine_version (str): the matching engine's version that ranked them
            explain_top (int | None): a batch run's first pairs per vacancy whose missing essential skills it kept: the
                skills gap's `top` can be at most this (and at most top_k); null: live
            kind (SourceKind): live: ranked in the request from the live market; batch_run: a batch run's stored
                pairs.
            run_id (None | UUID): the batch run; null: live
            scope (PairScopeOut): What the pairs cover: each field narrows it (null: everything).
            top_k (int | None): pairs a batch run kept per vacancy (its best k); null: every eligible pair (always so live)
            weights_hash (str): the hash of the scoring weights they were ranked with
    """

    as_of: datetime.datetime
    change_seq: int
    engine_version: str
    explain_top: int | None
    kind: SourceKind
    run_id: None | UUID
    scope: PairScopeOut
    top_k: int | None
    weights_hash: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        change_seq = self.change_seq

        engine_version = self.engine_version

        explain_top: int | None
        explain_top = self.explain_top

        kind = self.kind.value

        run_id: None | str
        if isinstance(self.run_id, UUID):
            run_id = str(self.run_id)
        else:
            run_id = self.run_id

        scope = self.scope.to_dict()

        top_k: int | None
        top_k = self.top_k

        weights_hash = self.weights_hash

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "change_seq": change_seq,
                "engine_version": engine_version,
                "explain_top": explain_top,
                "kind": kind,
                "run_id": run_id,
                "scope": scope,
                "top_k": top_k,
                "weights_hash": weights_hash,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pair_scope_out import PairScopeOut  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))

        change_seq = d.pop("change_seq")

        engine_version = d.pop("engine_version")

        def _parse_explain_top(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        explain_top = _parse_explain_top(d.pop("explain_top"))

        kind = SourceKind(d.pop("kind"))

        def _parse_run_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                run_id_type_0 = UUID(data)

                return run_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        run_id = _parse_run_id(d.pop("run_id"))

        scope = PairScopeOut.from_dict(d.pop("scope"))

        def _parse_top_k(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        top_k = _parse_top_k(d.pop("top_k"))

        weights_hash = d.pop("weights_hash")

        pair_source_out = cls(
            as_of=as_of,
            change_seq=change_seq,
            engine_version=engine_version,
            explain_top=explain_top,
            kind=kind,
            run_id=run_id,
            scope=scope,
            top_k=top_k,
            weights_hash=weights_hash,
        )

        pair_source_out.additional_properties = d
        return pair_source_out

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
