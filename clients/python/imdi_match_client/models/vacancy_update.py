from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.vacancy_update_status_type_0 import VacancyUpdateStatusType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contract import Contract
    from ..models.skill_requirement_in import SkillRequirementIn
    from ..models.vacancy_language_in import VacancyLanguageIn
    from ..models.wage import Wage


T = TypeVar("T", bound="VacancyUpdate")


@_attrs_define
class VacancyUpdate:
    """A partial update (PATCH): only the fields sent change; a list sent (skills, languages,
    pathways) replaces the stored one. Fields required on create may not be set to null.
    destination_country and external_ref cannot change (post a new vacancy instead).

        Attributes:
            contract (Contract | None | Unset): the contract offered
            description (None | str | Unset): the job description
            employer_pays_fees (bool | None | Unset): fair-recruitment attestation: the employer pays all fees and costs
            esco_occupation (None | str | Unset): an ESCO occupation URI; it must agree with the ISCO-08 occupation (sent or
                stored); null clears it
            languages (list[VacancyLanguageIn] | None | Unset): replaces the languages (ISO 639-1 codes) and their CEFR
                levels (a language sent without `required` is not required)
            min_experience_years (float | None | Unset): years of experience; null clears it
            min_isced (int | None | Unset): lowest ISCED 2011 level (0..8); null clears it
            occupation (None | str | Unset): ISCO-08 unit group (4 digits) or a job title the service codes
            openings (int | None | Unset): how many workers are wanted
            pathways (list[str] | None | Unset): replaces the legal pathway codes
            region (None | str | Unset): region within the country; null clears it
            sector (None | str | Unset): ISIC Rev.4 division (2 digits); null clears it
            skills (list[SkillRequirementIn] | None | Unset): replaces the skills asked for (at most 100, each once)
            start_date (datetime.date | None | Unset): when work starts (ISO 8601 date)
            status (None | Unset | VacancyUpdateStatusType0): draft: not on the market yet; open: ranked against pools and
                may be decided on; filled: approvals took every opening; closed: closed by the employer
            title (None | str | Unset): the job title as advertised
            wage (None | Unset | Wage): the gross wage; null clears it
    """

    contract: Contract | None | Unset = UNSET
    description: None | str | Unset = UNSET
    employer_pays_fees: bool | None | Unset = UNSET
    esco_occupation: None | str | Unset = UNSET
    languages: list[VacancyLanguageIn] | None | Unset = UNSET
    min_experience_years: float | None | Unset = UNSET
    min_isced: int | None | Unset = UNSET
    occupation: None | str | Unset = UNSET
    openings: int | None | Unset = UNSET
    pathways: list[str] | None | Unset = UNSET
    region: None | str | Unset = UNSET
    sector: None | str | Unset = UNSET
    skills: list[SkillRequirementIn] | None | Unset = UNSET
    start_date: datetime.date | None | Unset = UNSET
    status: None | Unset | VacancyUpdateStatusType0 = UNSET
    title: None | str | Unset = UNSET
    wage: None | Unset | Wage = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.contract import Contract  # noqa: PLC0415
        from ..models.wage import Wage  # noqa: PLC0415

        contract: dict[str, Any] | None | Unset
        if isinstance(self.contract, Unset):
            contract = UNSET
        elif isinstance(self.contract, Contract):
            contract = self.contract.to_dict()
        else:
            contract = self.contract

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        employer_pays_fees: bool | None | Unset
        if isinstance(self.employer_pays_fees, Unset):
            employer_pays_fees = UNSET
        else:
            employer_pays_fees = self.employer_pays_fees

        esco_occupation: None | str | Unset
        if isinstance(self.esco_occupation, Unset):
            esco_occupation = UNSET
        else:
            esco_occupation = self.esco_occupation

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

        occupation: None | str | Unset
        if isinstance(self.occupation, Unset):
            occupation = UNSET
        else:
            occupation = self.occupation

        openings: int | None | Unset
        if isinstance(self.openings, Unset):
            openings = UNSET
        else:
            openings = self.openings

        pathways: list[str] | None | Unset
        if isinstance(self.pathways, Unset):
            pathways = UNSET
        elif isinstance(self.pathways, list):
            pathways = self.pathways

        else:
            pathways = self.pathways

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        sector: None | str | Unset
        if isinstance(self.sector, Unset):
            sector = UNSET
        else:
            sector = self.sector

        skills: list[dict[str, Any]] | None | Unset
        if isinstance(self.skills, Unset):
            skills = UNSET
        elif isinstance(self.skills, list):
            skills = []
            for skills_type_0_item_data in self.skills:
                skills_type_0_item = skills_type_0_item_data.to_dict()
                skills.append(skills_type_0_item)

        else:
            skills = self.skills

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, VacancyUpdateStatusType0):
            status = self.status.value
        else:
            status = self.status

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        wage: dict[str, Any] | None | Unset
        if isinstance(self.wage, Unset):
            wage = UNSET
        elif isinstance(self.wage, Wage):
            wage = self.wage.to_dict()
        else:
            wage = self.wage

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if contract is not UNSET:
            field_dict["contract"] = contract
        if description is not UNSET:
            field_dict["description"] = description
        if employer_pays_fees is not UNSET:
            field_dict["employer_pays_fees"] = employer_pays_fees
        if esco_occupation is not UNSET:
            field_dict["esco_occupation"] = esco_occupation
        if languages is not UNSET:
            field_dict["languages"] = languages
        if min_experience_years is not UNSET:
            field_dict["min_experience_years"] = min_experience_years
        if min_isced is not UNSET:
            field_dict["min_isced"] = min_isced
        if occupation is not UNSET:
            field_dict["occupation"] = occupation
        if openings is not UNSET:
            field_dict["openings"] = openings
        if pathways is not UNSET:
            field_dict["pathways"] = pathways
        if region is not UNSET:
            field_dict["region"] = region
        if sector is not UNSET:
            field_dict["sector"] = sector
        if skills is not UNSET:
            field_dict["skills"] = skills
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if status is not UNSET:
            field_dict["status"] = status
        if title is not UNSET:
            field_dict["title"] = title
        if wage is not UNSET:
            field_dict["wage"] = wage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract import Contract  # noqa: PLC0415
        from ..models.skill_requirement_in import SkillRequirementIn  # noqa: PLC0415
        from ..models.vacancy_language_in import VacancyLanguageIn  # noqa: PLC0415
        from ..models.wage import Wage  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_contract(data: object) -> Contract | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contract_type_0 = Contract.from_dict(data)

                return contract_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Contract | None | Unset, data)

        contract = _parse_contract(d.pop("contract", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_employer_pays_fees(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        employer_pays_fees = _parse_employer_pays_fees(d.pop("employer_pays_fees", UNSET))

        def _parse_esco_occupation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        esco_occupation = _parse_esco_occupation(d.pop("esco_occupation", UNSET))

        def _parse_languages(data: object) -> list[VacancyLanguageIn] | None | Unset:
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
                    languages_type_0_item = VacancyLanguageIn.from_dict(languages_type_0_item_data)

                    languages_type_0.append(languages_type_0_item)

                return languages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[VacancyLanguageIn] | None | Unset, data)

        languages = _parse_languages(d.pop("languages", UNSET))

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

        def _parse_occupation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        occupation = _parse_occupation(d.pop("occupation", UNSET))

        def _parse_openings(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        openings = _parse_openings(d.pop("openings", UNSET))

        def _parse_pathways(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                pathways_type_0 = cast(list[str], data)

                return pathways_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        pathways = _parse_pathways(d.pop("pathways", UNSET))

        def _parse_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        def _parse_sector(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sector = _parse_sector(d.pop("sector", UNSET))

        def _parse_skills(data: object) -> list[SkillRequirementIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                skills_type_0 = []
                _skills_type_0 = data
                for skills_type_0_item_data in _skills_type_0:
                    skills_type_0_item = SkillRequirementIn.from_dict(skills_type_0_item_data)

                    skills_type_0.append(skills_type_0_item)

                return skills_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SkillRequirementIn] | None | Unset, data)

        skills = _parse_skills(d.pop("skills", UNSET))

        def _parse_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))

        def _parse_status(data: object) -> None | Unset | VacancyUpdateStatusType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = VacancyUpdateStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VacancyUpdateStatusType0, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_wage(data: object) -> None | Unset | Wage:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                wage_type_0 = Wage.from_dict(data)

                return wage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | Wage, data)

        wage = _parse_wage(d.pop("wage", UNSET))

        vacancy_update = cls(
            contract=contract,
            description=description,
            employer_pays_fees=employer_pays_fees,
            esco_occupation=esco_occupation,
            languages=languages,
            min_experience_years=min_experience_years,
            min_isced=min_isced,
            occupation=occupation,
            openings=openings,
            pathways=pathways,
            region=region,
            sector=sector,
            skills=skills,
            start_date=start_date,
            status=status,
            title=title,
            wage=wage,
        )

        return vacancy_update
