from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_status import DeliveryStatus
from ..models.event_type import EventType

if TYPE_CHECKING:
    from ..models.attempt_out import AttemptOut
    from ..models.delivery_detail_body import DeliveryDetailBody


T = TypeVar("T", bound="DeliveryDetail")


@_attrs_define
class DeliveryDetail:
    """A delivery with the body it sends and every attempt.

    Attributes:
        attempt_log (list[AttemptOut]): every attempt, oldest first
        attempts (int): how many POSTs were made
        body (DeliveryDetailBody): the JSON POSTed: id, type, occurred_at and the event's data
        created_at (datetime.datetime): when the delivery was made
        endpoint_id (UUID): the endpoint it goes to
        event_id (UUID): the event's id: the webhook-id header receivers see
        event_type (EventType): What a webhook can be told of.
        id (UUID): the delivery's id (replay it by this id)
        last_attempt_at (datetime.datetime | None): when the last attempt was made
        last_error (None | str): why the last attempt failed
        last_latency_ms (int | None): the last attempt's milliseconds
        last_status_code (int | None): the last answer's HTTP status
        next_attempt_at (datetime.datetime | None): when the next attempt is due (pending only)
        replay_of_id (None | UUID): the delivery this one replays
        status (DeliveryStatus): Where a delivery stands: waiting for its (next) attempt, delivered, or given up.
    """

    attempt_log: list[AttemptOut]
    attempts: int
    body: DeliveryDetailBody
    created_at: datetime.datetime
    endpoint_id: UUID
    event_id: UUID
    event_type: EventType
    id: UUID
    last_attempt_at: datetime.datetime | None
    last_error: None | str
    last_latency_ms: int | None
    last_status_code: int | None
    next_attempt_at: datetime.datetime | None
    replay_of_id: None | UUID
    status: DeliveryStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempt_log = []
        for attempt_log_item_data in self.attempt_log:
            attempt_log_item = attempt_log_item_data.to_dict()
            attempt_log.append(attempt_log_item)

        attempts = self.attempts

        body = self.body.to_dict()

        created_at = self.created_at.isoformat()

        endpoint_id = str(self.endpoint_id)

        event_id = str(self.event_id)

        event_type = self.event_type.value

        id = str(self.id)

        last_attempt_at: None | str
        if isinstance(self.last_attempt_at, datetime.datetime):
            last_attempt_at = self.last_attempt_at.isoformat()
        else:
            last_attempt_at = self.last_attempt_at

        last_error: None | str
        last_error = self.last_error

        last_latency_ms: int | None
        last_latency_ms = self.last_latency_ms

        last_status_code: int | None
        last_status_code = self.last_status_code

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        replay_of_id: None | str
        if isinstance(self.replay_of_id, UUID):
            replay_of_id = str(self.replay_of_id)
        else:
            replay_of_id = self.replay_of_id

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempt_log": attempt_log,
                "attempts": attempts,
                "body": body,
                "created_at": created_at,
                "endpoint_id": endpoint_id,
                "event_id": event_id,
                "event_type": event_type,
                "id": id,
                "last_attempt_at": last_attempt_at,
                "last_error": last_error,
                "last_latency_ms": last_latency_ms,
                "last_status_code": last_status_code,
                "next_attempt_at": next_attempt_at,
                "replay_of_id": replay_of_id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attempt_out import AttemptOut  # noqa: PLC0415
        from ..models.delivery_detail_body import DeliveryDetailBody  # noqa: PLC0415

        d = dict(src_dict)
        attempt_log = []
        _attempt_log = d.pop("attempt_log")
        for attempt_log_item_data in _attempt_log:
            attempt_log_item = AttemptOut.from_dict(attempt_log_item_data)

            attempt_log.append(attempt_log_item)

        attempts = d.pop("attempts")

        body = DeliveryDetailBody.from_dict(d.pop("body"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        endpoint_id = UUID(d.pop("endpoint_id"))

        event_id = UUID(d.pop("event_id"))

        event_type = EventType(d.pop("event_type"))

        id = UUID(d.pop("id"))

        def _parse_last_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_attempt_at = _parse_last_attempt_at(d.pop("last_attempt_at"))

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        def _parse_last_latency_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_latency_ms = _parse_last_latency_ms(d.pop("last_latency_ms"))

        def _parse_last_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_status_code = _parse_last_status_code(d.pop("last_status_code"))

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        def _parse_replay_of_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replay_of_id_type_0 = UUID(data)

                return replay_of_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        replay_of_id = _parse_replay_of_id(d.pop("replay_of_id"))

        status = DeliveryStatus(d.pop("status"))

        delivery_detail = cls(
            attempt_log=attempt_log,
            attempts=attempts,
            body=body,
            created_at=created_at,
            endpoint_id=endpoint_id,
            event_id=event_id,
            event_type=event_type,
            id=id,
            last_attempt_at=last_attempt_at,
            last_error=last_error,
            last_latency_ms=last_latency_ms,
            last_status_code=last_status_code,
            next_attempt_at=next_attempt_at,
            replay_of_id=replay_of_id,
            status=status,
        )

        delivery_detail.additional_properties = d
        return delivery_detail

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
