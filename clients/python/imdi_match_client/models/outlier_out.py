from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.measure import Measure

T = TypeVar("T", bound="OutlierOut")


@_attrs_define
class OutlierOut:
    """A group whose visa refusal or early-leaving rate is far above the programme's (see
    OutlierRule).

        Attributes:
            at_risk (int): visas decided, or workers who departed
            events (int): refused visas, or workers who left early abroad
            key (str): the group's key, as in `groups`
            label (str): the group's name
            measure (Measure): The rates outliers are sought in: visa_refusal (refused visas of the visas decided) and
                early_leaving (workers who left early of those who departed).
            p_value (float): one-sided exact binomial test against programme_rate
            programme_rate (float): the same rate over the whole programme, 0..1
            rate (float): events / at_risk, 0..1
            ratio (float): rate / programme_rate
    """

    at_risk: int
    events: int
    key: str
    label: str
    measure: Measure
    p_value: float
    programme_rate: float
    rate: float
    ratio: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at_risk = self.at_risk

        events = self.events

        key = self.key

        label = self.label

        measure = self.measure.value

        p_value = self.p_value

        programme_rate = self.programme_rate

        rate = self.rate

        ratio = self.ratio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at_risk": at_risk,
                "events": events,
                "key": key,
                "label": label,
                "measure": measure,
                "p_value": p_value,
                "programme_rate": programme_rate,
                "rate": rate,
                "ratio": ratio,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at_risk = d.pop("at_risk")

        events = d.pop("events")

        key = d.pop("key")

        label = d.pop("label")

        measure = Measure(d.pop("measure"))

        p_value = d.pop("p_value")

        programme_rate = d.pop("programme_rate")

        rate = d.pop("rate")

        ratio = d.pop("ratio")

        outlier_out = cls(
            at_risk=at_risk,
            events=events,
            key=key,
            label=label,
            measure=measure,
            p_value=p_value,
            programme_rate=programme_rate,
            rate=rate,
            ratio=ratio,
        )

        outlier_out.additional_properties = d
        return outlier_out

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
