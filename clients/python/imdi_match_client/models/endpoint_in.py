from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.event_type import EventType
from ..types import UNSET, Unset

T = TypeVar("T", bound="EndpointIn")


@_attrs_define
class EndpointIn:
    """A webhook endpoint to register. Its signing secret is in the answer, and only there.

    Attributes:
        events (list[EventType]): the event types this endpoint is sent (webhook.ping is always sent on request)
        url (str): where deliveries are POSTed: an https:// URL (http:// is accepted only on a development or test
            service)
        description (str | Unset): what the endpoint is for Default: ''.
    """

    events: list[EventType]
    url: str
    description: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)

        url = self.url

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "events": events,
                "url": url,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = EventType(events_item_data)

            events.append(events_item)

        url = d.pop("url")

        description = d.pop("description", UNSET)

        endpoint_in = cls(
            events=events,
            url=url,
            description=description,
        )

        return endpoint_in
