from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pool_version_out_change_type_0 import PoolVersionOutChangeType0

if TYPE_CHECKING:
    from ..models.pool_version_out_figures import PoolVersionOutFigures


T = TypeVar("T", bound="PoolVersionOut")


@_attrs_define
class PoolVersionOut:
    """One version of a pool: its figures, and who or what made them.

    Attributes:
        change (None | PoolVersionOutChangeType0): the write that made this version (null: made before history was kept)
        current (bool): true for the pool's figures now
        figures (PoolVersionOutFigures): identity, headcount, skills, languages, ISCED level, experience, availability,
            source upload and status, as the audit log records them (the fields of PoolIn, plus occupation_coding, upload_id
            and status)
        made_at (datetime.datetime | None): when this version was made (RFC 3339)
        made_by_id (None | UUID): the user who made it (null: the system)
        made_by_upload_id (None | UUID): the survey upload that made it (null: an API write or the system)
        replaced_at (datetime.datetime | None): when the next version replaced it (null: the current version)
        version (int): the version number (1 = as first published)
    """

    change: None | PoolVersionOutChangeType0
    current: bool
    figures: PoolVersionOutFigures
    made_at: datetime.datetime | None
    made_by_id: None | UUID
    made_by_upload_id: None | UUID
    replaced_at: datetime.datetime | None
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        change: None | str
        if isinstance(self.change, PoolVersionOutChangeType0):
            change = self.change.value
        else:
            change = self.change

        current = self.current

        figures = self.figures.to_dict()

        made_at: None | str
        if isinstance(self.made_at, datetime.datetime):
            made_at = self.made_at.isoformat()
        else:
            made_at = self.made_at

        made_by_id: None | str
        if isinstance(self.made_by_id, UUID):
            made_by_id = str(self.made_by_id)
        else:
            made_by_id = self.made_by_id

        made_by_upload_id: None | str
        if isinstance(self.made_by_upload_id, UUID):
            made_by_upload_id = str(self.made_by_upload_id)
        else:
            made_by_upload_id = self.made_by_upload_id

        replaced_at: None | str
        if isinstance(self.replaced_at, datetime.datetime):
            replaced_at = self.replaced_at.isoformat()
        else:
            replaced_at = self.replaced_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "change": change,
                "current": current,
                "figures": figures,
                "made_at": made_at,
                "made_by_id": made_by_id,
                "made_by_upload_id": made_by_upload_id,
                "replaced_at": replaced_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pool_version_out_figures import PoolVersionOutFigures  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_change(data: object) -> None | PoolVersionOutChangeType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                change_type_0 = PoolVersionOutChangeType0(data)

                return change_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PoolVersionOutChangeType0, data)

        change = _parse_change(d.pop("change"))

        current = d.pop("current")

        figures = PoolVersionOutFigures.from_dict(d.pop("figures"))

        def _parse_made_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                made_at_type_0 = datetime.datetime.fromisoformat(data)

                return made_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        made_at = _parse_made_at(d.pop("made_at"))

        def _parse_made_by_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                made_by_id_type_0 = UUID(data)

                return made_by_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        made_by_id = _parse_made_by_id(d.pop("made_by_id"))

        def _parse_made_by_upload_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                made_by_upload_id_type_0 = UUID(data)

                return made_by_upload_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        made_by_upload_id = _parse_made_by_upload_id(d.pop("made_by_upload_id"))

        def _parse_replaced_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replaced_at_type_0 = datetime.datetime.fromisoformat(data)

                return replaced_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        replaced_at = _parse_replaced_at(d.pop("replaced_at"))

        version = d.pop("version")

        pool_version_out = cls(
            change=change,
            current=current,
            figures=figures,
            made_at=made_at,
            made_by_id=made_by_id,
            made_by_upload_id=made_by_upload_id,
            replaced_at=replaced_at,
            version=version,
        )

        pool_version_out.additional_properties = d
        return pool_version_out

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
