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


T = TypeVar("T", bound="PathwayPatch")


@_attrs_define
class PathwayPatch:
    """A partial update: only the fields sent change (PathwayIn describes each). The code
    cannot change, because decisions and vacancies refer to pathways by it. Fields without a
    meaningful "nothing" (name, destination_country, kind, the lists, the flags, source) may be
    left out but not sent as null.

        Attributes:
            annual_quota (int | None | Unset): approvals (workers) per calendar year; null = no quota
            contract_types (list[ContractType] | None | Unset): allowed contract types; empty = any
            destination_country (None | str | Unset): the country whose law or agreement it is (ISO 3166-1 alpha-2)
            excluded_occupations (list[str] | None | Unset): excluded ISCO-08 occupation groups (code prefixes)
            government_to_government (bool | None | Unset): recruitment runs through the two governments' agencies
            kind (None | PathwayKind | Unset): work_visa, bilateral_agreement, seasonal_scheme or g2g_programme
            languages (list[LanguageRequirementIn] | None | Unset): language requirements, any-of (ISO 639-1 language,
                lowest CEFR level)
            max_contract_months (int | None | Unset): longest contract the pathway allows, in months; null: no limit
            min_experience_years (float | None | Unset): years of experience the pool's workers need at least; null: none
            min_isced (int | None | Unset): the lowest ISCED 2011 education level (0..8); null: any
            name (None | str | Unset): the pathway's name, for people
            occupations (list[str] | None | Unset): covered ISCO-08 occupation groups (code prefixes); empty = any
            origin_countries (list[str] | None | Unset): origin countries (ISO 3166-1 alpha-2 codes); empty = any
            requires_employer_pays (bool | None | Unset): the employer must pay recruitment costs
            sectors (list[str] | None | Unset): covered ISIC Rev.4 sections or divisions; empty = any
            source (None | str | Unset): where the rules come from: the law or agreement, and what is approximated
            valid_from (datetime.date | None | Unset): first day in force; null: since ever
            valid_to (datetime.date | None | Unset): last day in force; null: open-ended
            wage_threshold (None | Unset | Wage): the lowest wage the vacancy must offer; null: none
    """

    annual_quota: int | None | Unset = UNSET
    contract_types: list[ContractType] | None | Unset = UNSET
    destination_country: None | str | Unset = UNSET
    excluded_occupations: list[str] | None | Unset = UNSET
    government_to_government: bool | None | Unset = UNSET
    kind: None | PathwayKind | Unset = UNSET
    languages: list[LanguageRequirementIn] | None | Unset = UNSET
    max_contract_months: int | None | Unset = UNSET
    min_experience_years: float | None | Unset = UNSET
    min_isced: int | None | Unset = UNSET
    name: None | str | Unset = UNSET
    occupations: list[str] | None | Unset = UNSET
    origin_countries: list[str] | None | Unset = UNSET
    requires_employer_pays: bool | None | Unset = UNSET
    sectors: list[str] | None | Unset = UNSET
    source: None | str | Unset = UNSET
    valid_from: datetime.date | None | Unset = UNSET
    valid_to: datetime.date | None | Unset = UNSET
    wage_threshold: None | Unset | Wage = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.wage import Wage  # noqa: PLC0415

        annual_quota: int | None | Unset
        if isinstance(self.annual_quota, Unset):
            annual_quota = UNSET
        else:
            annual_quota = self.annual_quota

        contract_types: list[str] | None | Unset
        if isinstance(self.contract_types, Unset):
            contract_types = UNSET
        elif isinstance(self.contract_types, list):
            contract_types = []
            for contract_types_type_0_item_data in self.contract_types:
                contract_types_type_0_item = contract_types_type_0_item_data.value
                contract_types.append(contract_types_type_0_item)

        else:
            contract_types = self.contract_types

        destination_country: None | str | Unset
        if isinstance(self.destination_country, Unset):
            destination_country = UNSET
        else:
            destination_country = self.destination_country

        excluded_occupations: list[str] | None | Unset
        if isinstance(self.excluded_occupations, Unset):
            excluded_occupations = UNSET
        elif isinstance(self.excluded_occupations, list):
            excluded_occupations = self.excluded_occupations

        else:
            excluded_occupations = self.excluded_occupations

        government_to_government: bool | None | Unset
        if isinstance(self.government_to_government, Unset):
            government_to_government = UNSET
        else:
            government_to_government = self.government_to_government

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, PathwayKind):
            kind = self.kind.value
        else:
            kind = self.kind

        languages: list[dict[str, Any]] | None | Unset
        if isinstance(self.languages, Unset):
            languages = UNSET
        elif isinstance(self.languages, list):
            languages = []
            for languages_type_0_item_data in self.languages:
                languages_type_0_item = languages_type_0_item_data.to_dict()
                languages.append(languages_type_0_item)

        else:
            languages = self.languages

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

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        occupations: list[str] | None | Unset
        if isinstance(self.occupations, Unset):
            occupations = UNSET
        elif isinstance(self.occupations, list):
            occupations = self.occupations

        else:
            occupations = self.occupations

        origin_countries: list[str] | None | Unset
        if isinstance(self.origin_countries, Unset):
            origin_countries = UNSET
        elif isinstance(self.origin_countries, list):
            origin_countries = self.origin_countries

        else:
            origin_countries = self.origin_countries

        requires_employer_pays: bool | None | Unset
        if isinstance(self.requires_employer_pays, Unset):
            requires_employer_pays = UNSET
        else:
            requires_employer_pays = self.requires_employer_pays

        sectors: list[str] | None | Unset
        if isinstance(self.sectors, Unset):
            sectors = UNSET
        elif isinstance(self.sectors, list):
            sectors = self.sectors

        else:
            sectors = self.sectors

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
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

        field_dict.update({})
        if annual_quota is not UNSET:
            field_dict["annual_quota"] = annual_quota
        if contract_types is not UNSET:
            field_dict["contract_types"] = contract_types
        if destination_country is not UNSET:
            field_dict["destination_country"] = destination_country
        if excluded_occupations is not UNSET:
            field_dict["excluded_occupations"] = excluded_occupations
        if government_to_government is not UNSET:
            field_dict["government_to_government"] = government_to_government
        if kind is not UNSET:
            field_dict["kind"] = kind
        if languages is not UNSET:
            field_dict["languages"] = languages
        if max_contract_months is not UNSET:
            field_dict["max_contract_months"] = max_contract_months
        if min_experience_years is not UNSET:
            field_dict["min_experience_years"] = min_experience_years
        if min_isced is not UNSET:
            field_dict["min_isced"] = min_isced
        if name is not UNSET:
            field_dict["name"] = name
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

        def _parse_annual_quota(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        annual_quota = _parse_annual_quota(d.pop("annual_quota", UNSET))

        def _parse_contract_types(data: object) -> list[ContractType] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                contract_types_type_0 = []
                _contract_types_type_0 = data
                for contract_types_type_0_item_data in _contract_types_type_0:
                    contract_types_type_0_item = ContractType(contract_types_type_0_item_data)

                    contract_types_type_0.append(contract_types_type_0_item)

                return contract_types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ContractType] | None | Unset, data)

        contract_types = _parse_contract_types(d.pop("contract_types", UNSET))

        def _parse_destination_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        destination_country = _parse_destination_country(d.pop("destination_country", UNSET))

        def _parse_excluded_occupations(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                excluded_occupations_type_0 = cast(list[str], data)

                return excluded_occupations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        excluded_occupations = _parse_excluded_occupations(d.pop("excluded_occupations", UNSET))

        def _parse_government_to_government(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        government_to_government = _parse_government_to_government(d.pop("government_to_government", UNSET))

        def _parse_kind(data: object) -> None | PathwayKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = PathwayKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PathwayKind | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_languages(data: object) -> list[LanguageRequirementIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                languages_type_0 = []
                _languages_type_0 = data
                for languages_type_0_item_data in _languages_type_0:
                    languages_type_0_item = LanguageRequirementIn.from_dict(languages_type_0_item_data)

                    languages_type_0.append(languages_type_0_item)

                return languages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LanguageRequirementIn] | None | Unset, data)

        languages = _parse_languages(d.pop("languages", UNSET))

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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_occupations(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                occupations_type_0 = cast(list[str], data)

                return occupations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        occupations = _parse_occupations(d.pop("occupations", UNSET))

        def _parse_origin_countries(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                origin_countries_type_0 = cast(list[str], data)

                return origin_countries_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        origin_countries = _parse_origin_countries(d.pop("origin_countries", UNSET))

        def _parse_requires_employer_pays(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        requires_employer_pays = _parse_requires_employer_pays(d.pop("requires_employer_pays", UNSET))

        def _parse_sectors(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                sectors_type_0 = cast(list[str], data)

                return sectors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        sectors = _parse_sectors(d.pop("sectors", UNSET))

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

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

        pathway_patch = cls(
            annual_quota=annual_quota,
            contract_types=contract_types,
            destination_country=destination_country,
            excluded_occupations=excluded_occupations,
            government_to_government=government_to_government,
            kind=kind,
            languages=languages,
            max_contract_months=max_contract_months,
            min_experience_years=min_experience_years,
            min_isced=min_isced,
            name=name,
            occupations=occupations,
            origin_countries=origin_countries,
            requires_employer_pays=requires_employer_pays,
            sectors=sectors,
            source=source,
            valid_from=valid_from,
            valid_to=valid_to,
            wage_threshold=wage_threshold,
        )

        return pathway_patch
