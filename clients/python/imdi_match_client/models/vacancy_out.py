from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.vacancy_out_status import VacancyOutStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contract import Contract
    from ..models.occupation_coding import OccupationCoding
    from ..models.vacancy_language_out import VacancyLanguageOut
    from ..models.vacancy_skill_out import VacancySkillOut
    from ..models.wage import Wage


T = TypeVar("T", bound="VacancyOut")


@_attrs_define
class VacancyOut:
    """A stored vacancy. `version` is its ETag: send it back in If-Match to update or close it.
    A ministry reads only open vacancies; an employer only its own organisation's.

        Attributes:
            contract (Contract): The kind of employment contract offered, and for how long.
            created_at (datetime.datetime): when it was posted (RFC 3339, UTC)
            description (str): the job description
            destination_country (str): ISO 3166-1 alpha-2 code of the country of work, e.g. "DE"
            employer_id (UUID): the employer organisation that posted it
            employer_pays_fees (bool): fair-recruitment attestation: the employer pays all fees and costs
            external_ref (None | str): the employer's own reference, if sent
            id (UUID): the vacancy's id
            languages (list[VacancyLanguageOut]): languages (ISO 639-1 codes) and minimum CEFR levels, by language code
            min_experience_years (float | None): years of work experience asked for; null: none
            min_isced (int | None): lowest ISCED 2011 education level (0..8) asked for; null: none
            occupation (str): ISCO-08 unit group (4 digits), e.g. "2221"
            occupation_title (str): the ISCO-08 title of the occupation
            openings (int): how many workers are wanted
            pathways (list[str]): codes of the legal pathways the employer means to use
            region (None | str): region within the country; null: the whole country
            sector (None | str): ISIC Rev.4 division (2 digits), e.g. "86"
            skills (list[VacancySkillOut]): the skills asked for, in the order sent
            start_date (datetime.date): when work starts
            status (VacancyOutStatus): draft: not on the market yet; open: ranked against pools and may be decided on;
                filled: approvals took every opening; closed: closed by the employer
            title (str): the job title as advertised
            updated_at (datetime.datetime): when it last changed (RFC 3339, UTC)
            version (int): increases with every change; the ETag is this number
            wage (None | Wage): the gross wage offered; null: not stated
            esco_occupation (None | str | Unset): ESCO occupation URI, if given (it fixed the ISCO-08 unit group)
            occupation_coding (None | OccupationCoding | Unset): how a job title sent as the occupation was coded to an
                ISCO-08 unit group; null: a code was sent
    """

    contract: Contract
    created_at: datetime.datetime
    description: str
    destination_country: str
    employer_id: UUID
    employer_pays_fees: bool
    external_ref: None | str
    id: UUID
    languages: list[VacancyLanguageOut]
    min_experience_years: float | None
    min_isced: int | None
    occupation: str
    occupation_title: str
    openings: int
    pathways: list[str]
    region: None | str
    sector: None | str
    skills: list[VacancySkillOut]
    start_date: datetime.date
    status: VacancyOutStatus
    title: str
    updated_at: datetime.datetime
    version: int
    wage: None | Wage
    esco_occupation: None | str | Unset = UNSET
    occupation_coding: None | OccupationCoding | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.occupation_coding import OccupationCoding  # noqa: PLC0415
        from ..models.wage import Wage  # noqa: PLC0415

        contract = self.contract.to_dict()

        created_at = self.created_at.isoformat()

        description = self.description

        destination_country = self.destination_country

        employer_id = str(self.employer_id)

        employer_pays_fees = self.employer_pays_fees

        external_ref: None | str
        external_ref = self.external_ref

        id = str(self.id)

        languages = []
        for languages_item_data in self.languages:
            languages_item = languages_item_data.to_dict()
            languages.append(languages_item)

        min_experience_years: float | None
        min_experience_years = self.min_experience_years

        min_isced: int | None
        min_isced = self.min_isced

        occupation = self.occupation

        occupation_title = self.occupation_title

        openings = self.openings

        pathways = self.pathways

        region: None | str
        region = self.region

        sector: None | str
        sector = self.sector

        skills = []
        for skills_item_data in self.skills:
            skills_item = skills_item_data.to_dict()
            skills.append(skills_item)

        start_date = self.start_date.isoformat()

        status = self.status.value

        title = self.title

        updated_at = self.updated_at.isoformat()

        version = self.version

        wage: dict[str, Any] | None
        if isinstance(self.wage, Wage):
            wage = self.wage.to_dict()
        else:
            wage = self.wage

        esco_occupation: None | str | Unset
        if isinstance(self.esco_occupation, Unset):
            esco_occupation = UNSET
        else:
            esco_occupation = self.esco_occupation

        occupation_coding: dict[str, Any] | None | Unset
        if isinstance(self.occupation_coding, Unset):
            occupation_coding = UNSET
        elif isinstance(self.occupation_coding, OccupationCoding):
            occupation_coding = self.occupation_coding.to_dict()
        else:
            occupation_coding = self.occupation_coding

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract": contract,
                "created_at": created_at,
                "description": description,
                "destination_country": destination_country,
                "employer_id": employer_id,
                "employer_pays_fees": employer_pays_fees,
                "external_ref": external_ref,
                "id": id,
                "languages": languages,
                "min_experience_years": min_experience_years,
                "min_isced": min_isced,
                "occupation": occupation,
                "occupation_title": occupation_title,
                "openings": openings,
                "pathways": pathways,
                "region": region,
                "sector": sector,
                "skills": skills,
                "start_date": start_date,
                "status": status,
                "title": title,
                "updated_at": updated_at,
                "version": version,
                "wage": wage,
            }
        )
        if esco_occupation is not UNSET:
            field_dict["esco_occupation"] = esco_occupation
        if occupation_coding is not UNSET:
            field_dict["occupation_coding"] = occupation_coding

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract import Contract  # noqa: PLC0415
        from ..models.occupation_coding import OccupationCoding  # noqa: PLC0415
        from ..models.vacancy_language_out import VacancyLanguageOut  # noqa: PLC0415
        from ..models.vacancy_skill_out import VacancySkillOut  # noqa: PLC0415
        from ..models.wage import Wage  # noqa: PLC0415

        d = dict(src_dict)
        contract = Contract.from_dict(d.pop("contract"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        destination_country = d.pop("destination_country")

        employer_id = UUID(d.pop("employer_id"))

        employer_pays_fees = d.pop("employer_pays_fees")

        def _parse_external_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))

        id = UUID(d.pop("id"))

        languages = []
        _languages = d.pop("languages")
        for languages_item_data in _languages:
            languages_item = VacancyLanguageOut.from_dict(languages_item_data)

            languages.append(languages_item)

        def _parse_min_experience_years(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        min_experience_years = _parse_min_experience_years(d.pop("min_experience_years"))

        def _parse_min_isced(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        min_isced = _parse_min_isced(d.pop("min_isced"))

        occupation = d.pop("occupation")

        occupation_title = d.pop("occupation_title")

        openings = d.pop("openings")

        pathways = cast(list[str], d.pop("pathways"))

        def _parse_region(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        region = _parse_region(d.pop("region"))

        def _parse_sector(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sector = _parse_sector(d.pop("sector"))

        skills = []
        _skills = d.pop("skills")
        for skills_item_data in _skills:
            skills_item = VacancySkillOut.from_dict(skills_item_data)

            skills.append(skills_item)

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        status = VacancyOutStatus(d.pop("status"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_wage(data: object) -> None | Wage:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                wage_type_0 = Wage.from_dict(data)

                return wage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Wage, data)

        wage = _parse_wage(d.pop("wage"))

        def _parse_esco_occupation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        esco_occupation = _parse_esco_occupation(d.pop("esco_occupation", UNSET))

        def _parse_occupation_coding(data: object) -> None | OccupationCoding | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                occupation_coding_type_0 = OccupationCoding.from_dict(data)

                return occupation_coding_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OccupationCoding | Unset, data)

        occupation_coding = _parse_occupation_coding(d.pop("occupation_coding", UNSET))

        vacancy_out = cls(
            contract=contract,
            created_at=created_at,
            description=description,
            destination_country=destination_country,
            employer_id=employer_id,
            employer_pays_fees=employer_pays_fees,
            external_ref=external_ref,
            id=id,
            languages=languages,
            min_experience_years=min_experience_years,
            min_isced=min_isced,
            occupation=occupation,
            occupation_title=occupation_title,
            openings=openings,
            pathways=pathways,
            region=region,
            sector=sector,
            skills=skills,
            start_date=start_date,
            status=status,
            title=title,
            updated_at=updated_at,
            version=version,
            wage=wage,
            esco_occupation=esco_occupation,
            occupation_coding=occupation_coding,
        )

        vacancy_out.additional_properties = d
        return vacancy_out

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
