from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.measure import Measure

T = TypeVar("T", bound="OutcomeOut")


@_attrs_define
class OutcomeOut:
    """One group's figures. Stage counts are workers who reached the stage (moves into it),
    not those there now.

        Attributes:
            approved (int): workers approved on them
            arrived (int): workers who arrived
            completed_contract (int): workers who completed the contract
            contract_signed (int): workers who signed the contract
            departed (int): workers who departed
            dropped_out (int): left before departure (released)
            early_leaving_rate (float | None): left_early_abroad / departed, 0..1; null: nobody departed
            flags (list[Measure]): the measures in which the group is an outlier
            key (str): the group: a legal pathway's code (by=pathway), the pools' origin country ISO 3166-1 alpha-2
                (by=origin), the vacancies' ISCO-08 unit group (by=occupation) or the employer organisation's id (by=employer);
                '' for the programme's totals
            label (str): the pathway's, country's, unit group's or employer's name; 'Programme' for the totals
            left_early_abroad (int): left early after departure
            median_days_to_start (float | None): median over the workers who started work of the days from the approval (UTC
                date) to the start; null: nobody started work
            placement_rate (float | None): started_work / approved, 0..1; null: no worker approved
            placements (int): approvals not withdrawn
            released (int): workers given back to quota and openings
            selected (int): workers who reached the stage selected
            started_work (int): workers who started work
            visa_applied (int): workers who applied for a visa
            visa_granted (int): visas granted
            visa_refusal_rate (float | None): visa_refused / (visa_granted + visa_refused), 0..1; null: no visa decided
            visa_refused (int): visas refused
    """

    approved: int
    arrived: int
    completed_contract: int
    contract_signed: int
    departed: int
    dropped_out: int
    early_leaving_rate: float | None
    flags: list[Measure]
    key: str
    label: str
    left_early_abroad: int
    median_days_to_start: float | None
    placement_rate: float | None
    placements: int
    released: int
    selected: int
    started_work: int
    visa_applied: int
    visa_granted: int
    visa_refusal_rate: float | None
    visa_refused: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved = self.approved

        arrived = self.arrived

        completed_contract = self.completed_contract

        contract_signed = self.contract_signed

        departed = self.departed

        dropped_out = self.dropped_out

        early_leaving_rate: float | None
        early_leaving_rate = self.early_leaving_rate

        flags = []
        for flags_item_data in self.flags:
            flags_item = flags_item_data.value
            flags.append(flags_item)

        key = self.key

        label = self.label

        left_early_abroad = self.left_early_abroad

        median_days_to_start: float | None
        median_days_to_start = self.median_days_to_start

        placement_rate: float | None
        placement_rate = self.placement_rate

        placements = self.placements

        released = self.released

        selected = self.selected

        started_work = self.started_work

        visa_applied = self.visa_applied

        visa_granted = self.visa_granted

        visa_refusal_rate: float | None
        visa_refusal_rate = self.visa_refusal_rate

        visa_refused = self.visa_refused

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved": approved,
                "arrived": arrived,
                "completed_contract": completed_contract,
                "contract_signed": contract_signed,
                "departed": departed,
                "dropped_out": dropped_out,
                "early_leaving_rate": early_leaving_rate,
                "flags": flags,
                "key": key,
                "label": label,
                "left_early_abroad": left_early_abroad,
                "median_days_to_start": median_days_to_start,
                "placement_rate": placement_rate,
                "placements": placements,
                "released": released,
                "selected": selected,
                "started_work": started_work,
                "visa_applied": visa_applied,
                "visa_granted": visa_granted,
                "visa_refusal_rate": visa_refusal_rate,
                "visa_refused": visa_refused,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approved = d.pop("approved")

        arrived = d.pop("arrived")

        completed_contract = d.pop("completed_contract")

        contract_signed = d.pop("contract_signed")

        departed = d.pop("departed")

        dropped_out = d.pop("dropped_out")

        def _parse_early_leaving_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        early_leaving_rate = _parse_early_leaving_rate(d.pop("early_leaving_rate"))

        flags = []
        _flags = d.pop("flags")
        for flags_item_data in _flags:
            flags_item = Measure(flags_item_data)

            flags.append(flags_item)

        key = d.pop("key")

        label = d.pop("label")

        left_early_abroad = d.pop("left_early_abroad")

        def _parse_median_days_to_start(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_days_to_start = _parse_median_days_to_start(d.pop("median_days_to_start"))

        def _parse_placement_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        placement_rate = _parse_placement_rate(d.pop("placement_rate"))

        placements = d.pop("placements")

        released = d.pop("released")

        selected = d.pop("selected")

        started_work = d.pop("started_work")

        visa_applied = d.pop("visa_applied")

        visa_granted = d.pop("visa_granted")

        def _parse_visa_refusal_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        visa_refusal_rate = _parse_visa_refusal_rate(d.pop("visa_refusal_rate"))

        visa_refused = d.pop("visa_refused")

        outcome_out = cls(
            approved=approved,
            arrived=arrived,
            completed_contract=completed_contract,
            contract_signed=contract_signed,
            departed=departed,
            dropped_out=dropped_out,
            early_leaving_rate=early_leaving_rate,
            flags=flags,
            key=key,
            label=label,
            left_early_abroad=left_early_abroad,
            median_days_to_start=median_days_to_start,
            placement_rate=placement_rate,
            placements=placements,
            released=released,
            selected=selected,
            started_work=started_work,
            visa_applied=visa_applied,
            visa_granted=visa_granted,
            visa_refusal_rate=visa_refusal_rate,
            visa_refused=visa_refused,
        )

        outcome_out.additional_properties = d
        return outcome_out

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
