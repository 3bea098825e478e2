from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.vacancy_in_status import VacancyInStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contract import Contract
    from ..models.skill_requirement_in import SkillRequirementIn
    from ..models.vacancy_language_in import VacancyLanguageIn
    from ..models.wage import Wage


T = TypeVar("T", bound="VacancyIn")


@_attrs_define
class VacancyIn:
    """A vacancy to post: who is wanted (occupation, skills, languages, education, experience),
    how many, where, when and on what terms. Codes are checked against the taxonomy (GET
    /api/v1/taxonomy/...); an unknown one is a 422 naming the field. Unknown fields are errors.

        Attributes:
            destination_country (str): ISO 3166-1 alpha-2 code of the country of work, e.g. "DE"
            openings (int): how many workers are wanted
            start_date (datetime.date): when work starts (ISO 8601 date)
            title (str): the job title as advertised
            contract (Contract | Unset): The kind of employment contract offered, and for how long.
            description (str | Unset): the job description, free text Default: ''.
            employer_pays_fees (bool | Unset): fair-recruitment attestation: the employer pays all recruitment fees and
                costs Default: False.
            esco_occupation (None | str | Unset): an ESCO occupation URI (after an ESCO import); fixes the ISCO-08 unit
                group, and with no skills named the vacancy gets its essential and optional skills, marked derived
            external_ref (None | str | Unset): the employer's own reference (its HR system's id), unique per employer: a
                second vacancy with the same one is a 409
            languages (list[VacancyLanguageIn] | Unset): languages (ISO 639-1 codes) and their minimum CEFR levels, each
                once
            min_experience_years (float | None | Unset): years of work experience asked for; null: none
            min_isced (int | None | Unset): lowest ISCED 2011 education level (0..8) asked for; null: none
            occupation (None | str | Unset): ISCO-08 unit group (4 digits, e.g. "2221" nursing professionals) or a job title
                the service codes to one; may be left out when esco_occupation is given (its unit group is used)
            pathways (list[str] | Unset): codes of legal pathways to the destination country the employer means to use (each
                once); none: every pathway that admits a match counts
            region (None | str | Unset): a region within the country, free text (e.g. "Bavaria", "Western Visayas"); null:
                the whole country
            sector (None | str | Unset): ISIC Rev.4 division (2 digits) of the employer, e.g. "86" hospitals
            skills (list[SkillRequirementIn] | Unset): the skills asked for (at most 100, each once); none: the occupation's
                skill profile is used, marked derived
            status (VacancyInStatus | Unset): open (default): on the market at once; draft: stored, not ranked Default:
                VacancyInStatus.OPEN.
            wage (None | Unset | Wage): the gross wage offered; null: not stated
    """

    destination_country: str
    openings: int
    start_date: datetime.date
    title: str
    contract: Contract | Unset = UNSET
    description: str | Unset = ""
    employer_pays_fees: bool | Unset = False
    esco_occupation: None | str | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    languages: list[VacancyLanguageIn] | Unset = UNSET
    min_experience_years: float | None | Unset = UNSET
    min_isced: int | None | Unset = UNSET
    occupation: None | str | Unset = UNSET
    pathways: list[str] | Unset = UNSET
    region: None | str | Unset = UNSET
    sector: None | str | Unset = UNSET
    skills: list[SkillRequirementIn] | Unset = UNSET
    status: VacancyInStatus | Unset = VacancyInStatus.OPEN
    wage: None | Unset | Wage = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.wage import Wage  # noqa: PLC0415

        destination_country = self.destination_country

        openings = self.openings

        start_date = self.start_date.isoformat()

        title = self.title

        contract: dict[str, Any] | Unset = UNSET
        if not isinstance(self.contract, Unset):
            contract = self.contract.to_dict()

        description = self.description

        employer_pays_fees = self.employer_pays_fees

        esco_occupation: None | str | Unset
        if isinstance(self.esco_occupation, Unset):
            esco_occupation = UNSET
        else:
            esco_occupation = self.esco_occupation

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        languages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = []
            for languages_item_data in self.languages:
                languages_item = languages_item_data.to_dict()
                languages.append(languages_item)

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

        pathways: list[str] | Unset = UNSET
        if not isinstance(self.pathways, Unset):
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

        skills: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.skills, Unset):
            skills = []
            for skills_item_data in self.skills:
                skills_item = skills_item_data.to_dict()
                skills.append(skills_item)

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        wage: dict[str, Any] | None | Unset
        if isinstance(self.wage, Unset):
            wage = UNSET
        elif isinstance(self.wage, Wage):
            wage = self.wage.to_dict()
        else:
            wage = self.wage

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "destination_country": destination_country,
                "openings": openings,
                "start_date": start_date,
                "title": title,
            }
        )
        if contract is not UNSET:
            field_dict["contract"] = contract
        if description is not UNSET:
            field_dict["description"] = description
        if employer_pays_fees is not UNSET:
            field_dict["employer_pays_fees"] = employer_pays_fees
        if esco_occupation is not UNSET:
            field_dict["esco_occupation"] = esco_occupation
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if languages is not UNSET:
            field_dict["languages"] = languages
        if min_experience_years is not UNSET:
            field_dict["min_experience_years"] = min_experience_years
        if min_isced is not UNSET:
            field_dict["min_isced"] = min_isced
        if occupation is not UNSET:
            field_dict["occupation"] = occupation
        if pathways is not UNSET:
            field_dict["pathways"] = pathways
        if region is not UNSET:
            field_dict["region"] = region
        if sector is not UNSET:
            field_dict["sector"] = sector
        if skills is not UNSET:
            field_dict["skills"] = skills
        if status is not UNSET:
            field_dict["status"] = status
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
        destination_country = d.pop("destination_country")

        openings = d.pop("openings")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        title = d.pop("title")

        _contract = d.pop("contract", UNSET)
        contract: Contract | Unset
        if isinstance(_contract, Unset):
            contract = UNSET
        else:
            contract = Contract.from_dict(_contract)

        description = d.pop("description", UNSET)

        employer_pays_fees = d.pop("employer_pays_fees", UNSET)

        def _parse_esco_occupation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        esco_occupation = _parse_esco_occupation(d.pop("esco_occupation", UNSET))

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        _languages = d.pop("languages", UNSET)
        languages: list[VacancyLanguageIn] | Unset = UNSET
        if _languages is not UNSET:
            languages = []
            for languages_item_data in _languages:
                languages_item = VacancyLanguageIn.from_dict(languages_item_data)

                languages.append(languages_item)

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

        pathways = cast(list[str], d.pop("pathways", UNSET))

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

        _skills = d.pop("skills", UNSET)
        skills: list[SkillRequirementIn] | Unset = UNSET
        if _skills is not UNSET:
            skills = []
            for skills_item_data in _skills:
                skills_item = SkillRequirementIn.from_dict(skills_item_data)

                skills.append(skills_item)

        _status = d.pop("status", UNSET)
        status: VacancyInStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = VacancyInStatus(_status)

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

        vacancy_in = cls(
            destination_country=destination_country,
            openings=openings,
            start_date=start_date,
            title=title,
            contract=contract,
            description=description,
            employer_pays_fees=employer_pays_fees,
            esco_occupation=esco_occupation,
            external_ref=external_ref,
            languages=languages,
            min_experience_years=min_experience_years,
            min_isced=min_isced,
            occupation=occupation,
            pathways=pathways,
            region=region,
            sector=sector,
            skills=skills,
            status=status,
            wage=wage,
        )

        return vacancy_in
