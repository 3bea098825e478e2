from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BalanceRowOut")


@_attrs_define
class BalanceRowOut:
    """Demand and eligible supply of one group (an occupation, a destination or an origin
    country): open vacancies against active pools, paired by the live ranking or a batch
    run's.

        Attributes:
            active_headcount (int | None): the whole remaining headcount of the group's active pools, eligible or not
                (context: much of it with little supply points at a rule, not at missing workers); null by destination (pools
                have no destination)
            balance (int): supply - demand: negative a shortage, positive a surplus
            demand (int): workers wanted: openings of the open vacancies less the headcount already approved for them
                (by=origin: of the vacancies the origin's pools are eligible for)
            key (str): the group: an ISCO-08 unit group (4 digits, by=occupation), the vacancies' destination country
                (by=destination) or the pools' origin country (by=origin), both ISO 3166-1 alpha-2
            label (str): the unit group's ISCO-08 title, or the country's name
            pools (int): active pools counted in the supply
            shortage (int): demand - supply when positive, else 0
            supply (int): eligible workers: the distinct active pools with an eligible match in a related occupation (same
                ISCO-08 minor group), each counted once with its largest eligible headcount, capped by what is left of the pool.
                From a batch run with a `source.top_k`, only the pairs in each vacancy's top k count: a pool eligible for a
                vacancy but below its top k is not its supply
            surplus (int): supply - demand when positive, else 0
            vacancies (int): open vacancies counted in the demand
    """

    active_headcount: int | None
    balance: int
    demand: int
    key: str
    label: str
    pools: int
    shortage: int
    supply: int
    surplus: int
    vacancies: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_headcount: int | None
        active_headcount = self.active_headcount

        balance = self.balance

        demand = self.demand

        key = self.key

        label = self.label

        pools = self.pools

        shortage = self.shortage

        supply = self.supply

        surplus = self.surplus

        vacancies = self.vacancies

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active_headcount": active_headcount,
                "balance": balance,
                "demand": demand,
                "key": key,
                "label": label,
                "pools": pools,
                "shortage": shortage,
                "supply": supply,
                "surplus": surplus,
                "vacancies": vacancies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_active_headcount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        active_headcount = _parse_active_headcount(d.pop("active_headcount"))

        balance = d.pop("balance")

        demand = d.pop("demand")

        key = d.pop("key")

        label = d.pop("label")

        pools = d.pop("pools")

        shortage = d.pop("shortage")

        supply = d.pop("supply")

        surplus = d.pop("surplus")

        vacancies = d.pop("vacancies")

        balance_row_out = cls(
            active_headcount=active_headcount,
            balance=balance,
            demand=demand,
            key=key,
            label=label,
            pools=pools,
            shortage=shortage,
            supply=supply,
            surplus=surplus,
            vacancies=vacancies,
        )

        balance_row_out.additional_properties = d
        return balance_row_out

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
