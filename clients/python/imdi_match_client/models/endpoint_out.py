from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_type import EventType

T = TypeVar("T", bound="EndpointOut")


@_attrs_define
class EndpointOut:
    """A registered webhook endpoint (never its secret).

    Attributes:
        active (bool): false: nothing is sent to it
        created_at (datetime.datetime): when it was registered
        description (str): what the endpoint is for
        events (list[EventType]): the event types it is sent
        id (UUID): the endpoint's id
        organisation_id (UUID): the organisation it belongs to
        previous_secret_until (datetime.datetime | None): after a rotation: until when deliveries are signed with the
            old secret too
        programme (bool): true for an officer's or admin's endpoint: it hears of every organisation's events; otherwise
            only of its own organisation's
        updated_at (datetime.datetime): when it last changed
        url (str): where deliveries are POSTed
        version (int): for If-Match on a change
    """

    active: bool
    created_at: datetime.datetime
    description: str
    events: list[EventType]
    id: UUID
    organisation_id: UUID
    previous_secret_until: datetime.datetime | None
    programme: bool
    updated_at: datetime.datetime
    url: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        created_at = self.created_at.isoformat()

        description = self.description

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)

        id = str(self.id)

        organisation_id = str(self.organisation_id)

        previous_secret_until: None | str
        if isinstance(self.previous_secret_until, datetime.datetime):
            previous_secret_until = self.previous_secret_until.isoformat()
        else:
            previous_secret_until = self.previous_secret_until

        programme = self.programme

        updated_at = self.updated_at.isoformat()

        url = self.url

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "created_at": created_at,
                "description": description,
                "events": events,
                "id": id,
                "organisation_id": organisation_id,
                "previous_secret_until": previous_secret_until,
                "programme": programme,
                "updated_at": updated_at,
                "url": url,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = EventType(events_item_data)

            events.append(events_item)

        id = UUID(d.pop("id"))

        organisation_id = UUID(d.pop("organisation_id"))

        def _parse_previous_secret_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_secret_until_type_0 = datetime.datetime.fromisoformat(data)

                return previous_secret_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        previous_secret_until = _parse_previous_secret_until(d.pop("previous_secret_until"))

        programme = d.pop("programme")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        url = d.pop("url")

        version = d.pop("version")

        endpoint_out = cls(
            active=active,
            created_at=created_at,
            description=description,
            events=events,
            id=id,
            organisation_id=organisation_id,
            previous_secret_until=previous_secret_until,
            programme=programme,
            updated_at=updated_at,
            url=url,
            version=version,
        )

        endpoint_out.additional_properties = d
        return endpoint_out

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
