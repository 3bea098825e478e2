from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pool_outcome_out_outcome import PoolOutcomeOutOutcome

T = TypeVar("T", bound="PoolOutcomeOut")


@_attrs_define
class PoolOutcomeOut:
    """What one row (pool table) or one aggregated pool (microdata) did, or a pool withdrawn
    because the wave no longer lists it (replace=true).

        Attributes:
            outcome (PoolOutcomeOutOutcome): created: a new pool; updated: the ministry's pool of this identity took the
                figures (version + 1); withdrawn: left out of a wave sent with replace=true
            pool (str): its identity: origin country, region, occupation, sector
            pool_id (None | UUID): null for a pool a dry run would create
            row (int | None): the file's row (pool table); null for microdata pools and withdrawals
            version (int): the pool's version after the upload
    """

    outcome: PoolOutcomeOutOutcome
    pool: str
    pool_id: None | UUID
    row: int | None
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome.value

        pool = self.pool

        pool_id: None | str
        if isinstance(self.pool_id, UUID):
            pool_id = str(self.pool_id)
        else:
            pool_id = self.pool_id

        row: int | None
        row = self.row

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outcome": outcome,
                "pool": pool,
                "pool_id": pool_id,
                "row": row,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = PoolOutcomeOutOutcome(d.pop("outcome"))

        pool = d.pop("pool")

        def _parse_pool_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pool_id_type_0 = UUID(data)

                return pool_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        pool_id = _parse_pool_id(d.pop("pool_id"))

        def _parse_row(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        row = _parse_row(d.pop("row"))

        version = d.pop("version")

        pool_outcome_out = cls(
            outcome=outcome,
            pool=pool,
            pool_id=pool_id,
            row=row,
            version=version,
        )

        pool_outcome_out.additional_properties = d
        return pool_outcome_out

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
