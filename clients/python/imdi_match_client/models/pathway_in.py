from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.contract_type import ContractType
from ..models.pathway_kind import PathwayKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.language_requirement_in import LanguageRequirementIn
    from ..models.wage import Wage


T = TypeVar("T", bound="PathwayIn")


@_attrs_define
class PathwayIn:
    """A legal pathway: the rules under which workers of a pool may take a vacancy (a work
    visa, a bilateral labour agreement, a seasonal scheme, a government-to-government
    programme), and its annual quota. Lists left empty admit any value. A pair is eligible
    when one pathway of the vacancy's destination admits it.

        Attributes:
            code (str): a short stable code, e.g. DE-BLUE-CARD (letters, digits, . _ -)
            destination_country (str): the country whose law or agreement it is (ISO 3166-1 alpha-2)
            kind (PathwayKind): The legal basis of a pathway: a national work visa scheme, a bilateral labour
                agreement, a seasonal workers' scheme, or a government-to-government programme (the only
                kind that may recruit health workers from WHO safeguard-list countries).
            name (str): the pathway's name, for people
            annual_quota (int | None | Unset): approvals (workers) per calendar year, counted on the vacancies' start year;
                null = no quota
            contract_types (list[ContractType] | Unset): allowed contract types; empty = any
            excluded_occupations (list[str] | Unset): ISCO-08 occupation groups (code prefixes) excluded even where
                `occupations` covers them
            government_to_government (bool | Unset): recruitment runs through the two governments' agencies Default: False.
            languages (list[LanguageRequirementIn] | Unset): language requirements, any-of (ISO 639-1 language, lowest CEFR
                level): the pool meets one of these; empty = none
            max_contract_months (int | None | Unset): longest contract the pathway allows, in months; null: no limit
            min_experience_years (float | None | Unset): years of experience the pool's workers need at least; null: none
            min_isced (int | None | Unset): the lowest ISCED 2011 education level (0..8) admitted; null: any
            occupations (list[str] | Unset): covered ISCO-08 occupation groups (code prefixes of 1 to 4 digits); empty = any
            origin_countries (list[str] | Unset): origin countries it is open to (ISO 3166-1 alpha-2 codes); empty = any
            requires_employer_pays (bool | Unset): the employer must pay recruitment costs (a vacancy whose employer does
                not is not admitted) Default: False.
            sectors (list[str] | Unset): covered ISIC Rev.4 sections (a letter, all its divisions) or divisions (2 digits);
                empty = any
            source (str | Unset): where the rules come from: the law or agreement, and what is approximated Default: ''.
            valid_from (datetime.date | None | Unset): first day in force (ISO 8601 date); null: since ever
            valid_to (datetime.date | None | Unset): last day in force (ISO 8601 date); null: open-ended
            wage_threshold (None | Unset | Wage): the lowest wage the vacancy must offer (compared per year in EUR through
                the exchange rates); null: none
    """

    code: str
    destination_country: str
    kind: PathwayKind
    name: str
    annual_quota: int | None | Unset = UNSET
    contract_types: list[ContractType] | Unset = UNSET
    excluded_occupations: list[str] | Unset = UNSET
    government_to_government: bool | Unset = False
    languages: list[LanguageRequirementIn] | Unset = UNSET
    max_contract_months: int | None | Unset = UNSET
    min_experience_years: float | None | Unset = UNSET
    min_isced: int | None | Unset = UNSET
    occupations: list[str] | Unset = UNSET
    origin_countries: list[str] | Unset = UNSET
    requires_employer_pays: bool | Unset = False
    sectors: list[str] | Unset = UNSET
    source: str | Unset = ""
    valid_from: datetime.date | None | Unset = UNSET
    valid_to: datetime.date | None | Unset = UNSET
    wage_threshold: None | Unset | Wage = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.wage import Wage  # noqa: PLC0415

        code = self.code

        destination_country = self.destination_country

        kind = self.kind.value

        name = self.name

        annual_quota: int | None | Unset
        if isinstance(self.annual_quota, Unset):
            annual_quota = UNSET
        else:
            annual_quota = self.annual_quota

        contract_types: list[str] | Unset = UNSET
        if not isinstance(self.contract_types, Unset):
            contract_types = []
            for contract_types_item_data in self.contract_types:
                contract_types_item = contract_types_item_data.value
                contract_types.append(contract_types_item)

        excluded_occupations: list[str] | Unset = UNSET
        if not isinstance(self.excluded_occupations, Unset):
            excluded_occupations = self.excluded_occupations

        government_to_government = self.government_to_government

        languages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = []
            for languages_item_data in self.languages:
                languages_item = languages_item_data.to_dict()
                languages.append(languages_item)

        max_contract_months: int | None | Unset
        if isinstance(self.max_contract_months, Unset):
            max_contract_months = UNSET
        else:
            max_contract_months = self.max_contract_months

        min_experience_years: float | None | Unset
        if isinstance(self.min_experience_years, Unset):
            min_experience_years = UNSET
        else:
            min_experience_years = self.min_experience_years

        min_isced: int | None | Unset
        if isinstance(self.min_isced, Unset):
            min_isced = UNSET
        else:
            min_isced = self.min_isced

        occupations: list[str] | Unset = UNSET
        if not isinstance(self.occupations, Unset):
            occupations = self.occupations

        origin_countries: list[str] | Unset = UNSET
        if not isinstance(self.origin_countries, Unset):
            origin_countries = self.origin_countries

        requires_employer_pays = self.requires_employer_pays

        sectors: list[str] | Unset = UNSET
        if not isinstance(self.sectors, Unset):
            sectors = self.sectors

        source = self.source

        valid_from: None | str | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        elif isinstance(self.valid_from, datetime.date):
            valid_from = self.valid_from.isoformat()
        else:
            valid_from = self.valid_from

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        wage_threshold: dict[str, Any] | None | Unset
        if isinstance(self.wage_threshold, Unset):
            wage_threshold = UNSET
        elif isinstance(self.wage_threshold, Wage):
            wage_threshold = self.wage_threshold.to_dict()
        else:
            wage_threshold = self.wage_threshold

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "destination_country": destination_country,
                "kind": kind,
                "name": name,
            }
        )
        if annual_quota is not UNSET:
            field_dict["annual_quota"] = annual_quota
        if contract_types is not UNSET:
            field_dict["contract_types"] = contract_types
        if excluded_occupations is not UNSET:
            field_dict["excluded_occupations"] = excluded_occupations
        if government_to_government is not UNSET:
            field_dict["government_to_government"] = government_to_government
        if languages is not UNSET:
            field_dict["languages"] = languages
        if max_contract_months is not UNSET:
            field_dict["max_contract_months"] = max_contract_months
        if min_experience_years is not UNSET:
            field_dict["min_experience_years"] = min_experience_years
        if min_isced is not UNSET:
            field_dict["min_isced"] = min_isced
        if occupations is not UNSET:
            field_dict["occupations"] = occupations
        if origin_countries is not UNSET:
            field_dict["origin_countries"] = origin_countries
        if requires_employer_pays is not UNSET:
            field_dict["requires_employer_pays"] = requires_employer_pays
        if sectors is not UNSET:
            field_dict["sectors"] = sectors
        if source is not UNSET:
            field_dict["source"] = source
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to
        if wage_threshold is not UNSET:
            field_dict["wage_threshold"] = wage_threshold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.language_requirement_in import LanguageRequirementIn  # noqa: PLC0415
        from ..models.wage import Wage  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        destination_country = d.pop("destination_country")

        kind = PathwayKind(d.pop("kind"))

        name = d.pop("name")

        def _parse_annual_quota(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        annual_quota = _parse_annual_quota(d.pop("annual_quota", UNSET))

        _contract_types = d.pop("contract_types", UNSET)
        contract_types: list[ContractType] | Unset = UNSET
        if _contract_types is not UNSET:
            contract_types = []
            for contract_types_item_data in _contract_types:
                contract_types_item = ContractType(contract_types_item_data)

                contract_types.append(contract_types_item)

        excluded_occupations = cast(list[str], d.pop("excluded_occupations", UNSET))

        government_to_government = d.pop("government_to_government", UNSET)

        _languages = d.pop("languages", UNSET)
        languages: list[LanguageRequirementIn] | Unset = UNSET
        if _languages is not UNSET:
            languages = []
            for languages_item_data in _languages:
                languages_item = LanguageRequirementIn.from_dict(languages_item_data)

                languages.append(languages_item)

        def _parse_max_contract_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_contract_months = _parse_max_contract_months(d.pop("max_contract_months", UNSET))

        def _parse_min_experience_years(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_experience_years = _parse_min_experience_years(d.pop("min_experience_years", UNSET))

        def _parse_min_isced(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_isced = _parse_min_isced(d.pop("min_isced", UNSET))

        occupations = cast(list[str], d.pop("occupations", UNSET))

        origin_countries = cast(list[str], d.pop("origin_countries", UNSET))

        requires_employer_pays = d.pop("requires_employer_pays", UNSET)

        sectors = cast(list[str], d.pop("sectors", UNSET))

        source = d.pop("source", UNSET)

        def _parse_valid_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_from_type_0 = datetime.date.fromisoformat(data)

                return valid_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_from = _parse_valid_from(d.pop("valid_from", UNSET))

        def _parse_valid_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)

                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_to = _parse_valid_to(d.pop("valid_to", UNSET))

        def _parse_wage_threshold(data: object) -> None | Unset | Wage:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                wage_threshold_type_0 = Wage.from_dict(data)

                return wage_threshold_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | Wage, data)

        wage_threshold = _parse_wage_threshold(d.pop("wage_threshold", UNSET))

        pathway_in = cls(
            code=code,
            destination_country=destination_country,
            kind=kind,
            name=name,
            annual_quota=annual_quota,
            contract_types=contract_types,
            excluded_occupations=excluded_occupations,
            government_to_government=government_to_government,
            languages=languages,
            max_contract_months=max_contract_months,
            min_experience_years=min_experience_years,
            min_isced=min_isced,
            occupations=occupations,
            origin_countries=origin_countries,
            requires_employer_pays=requires_employer_pays,
            sectors=sectors,
            source=source,
            valid_from=valid_from,
            valid_to=valid_to,
            wage_threshold=wage_threshold,
        )

        return pathway_in
