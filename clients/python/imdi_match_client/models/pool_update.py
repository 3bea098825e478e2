from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.pool_update_status_type_0 import PoolUpdateStatusType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pool_language_in import PoolLanguageIn
    from ..models.pool_skill_in import PoolSkillIn


T = TypeVar("T", bound="PoolUpdate")


@_attrs_define
class PoolUpdate:
    """A partial update (PATCH): only the fields sent change; a list sent replaces the stored
    one. Fields required on create may not be set to null. The origin country and external_ref
    cannot change. status=withdrawn withdraws the pool, status=active brings it back (unless
    another active pool has its identity).

        Attributes:
            available_from (datetime.date | None | Unset): when the pool can start work abroad; null clears it
            esco_occupation (None | str | Unset): an ESCO occupation URI; it must agree with the ISCO-08 occupation (sent or
                stored); null clears it
            experience_years (float | None | Unset): typical years of work experience
            headcount (int | None | Unset): how many people the pool counts
            isced_level (int | None | Unset): typical ISCED 2011 education level (0..8)
            languages (list[PoolLanguageIn] | None | Unset): replaces the languages (ISO 639-1 codes), CEFR levels and
                shares
            occupation (None | str | Unset): ISCO-08 unit group (4 digits) or a job title the service codes
            region (None | str | Unset): region within the origin country; null clears it
            sector (None | str | Unset): ISIC Rev.4 division (2 digits); null clears it
            skills (list[PoolSkillIn] | None | Unset): replaces the skills and their shares
            status (None | PoolUpdateStatusType0 | Unset): active: on the market, ranked against vacancies; withdrawn: off
                the market (by its ministry, or left out of a later survey wave), its history and decisions kept
    """

    available_from: datetime.date | None | Unset = UNSET
    esco_occupation: None | str | Unset = UNSET
    experience_years: float | None | Unset = UNSET
    headcount: int | None | Unset = UNSET
    isced_level: int | None | Unset = UNSET
    languages: list[PoolLanguageIn] | None | Unset = UNSET
    occupation: None | str | Unset = UNSET
    region: None | str | Unset = UNSET
    sector: None | str | Unset = UNSET
    skills: list[PoolSkillIn] | None | Unset = UNSET
    status: None | PoolUpdateStatusType0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        available_from: None | str | Unset
        if isinstance(self.available_from, Unset):
            available_from = UNSET
        elif isinstance(self.available_from, datetime.date):
            available_from = self.available_from.isoformat()
        else:
            available_from = self.available_from

        esco_occupation: None | str | Unset
        if isinstance(self.esco_occupation, Unset):
            esco_occupation = UNSET
        else:
            esco_occupation = self.esco_occupation

        experience_years: float | None | Unset
        if isinstance(self.experience_years, Unset):
            experience_years = UNSET
        else:
            experience_years = self.experience_years

        headcount: int | None | Unset
        if isinstance(self.headcount, Unset):
            headcount = UNSET
        else:
            headcount = self.headcount

        isced_level: int | None | Unset
        if isinstance(self.isced_level, Unset):
            isced_level = UNSET
        else:
            isced_level = self.isced_level

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

        occupation: None | str | Unset
        if isinstance(self.occupation, Unset):
            occupation = UNSET
        else:
            occupation = self.occupation

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

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, PoolUpdateStatusType0):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if available_from is not UNSET:
            field_dict["available_from"] = available_from
        if esco_occupation is not UNSET:
            field_dict["esco_occupation"] = esco_occupation
        if experience_years is not UNSET:
            field_dict["experience_years"] = experience_years
        if headcount is not UNSET:
            field_dict["headcount"] = headcount
        if isced_level is not UNSET:
            field_dict["isced_level"] = isced_level
        if languages is not UNSET:
            field_dict["languages"] = languages
        if occupation is not UNSET:
            field_dict["occupation"] = occupation
        if region is not UNSET:
            field_dict["region"] = region
        if sector is not UNSET:
            field_dict["sector"] = sector
        if skills is not UNSET:
            field_dict["skills"] = skills
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pool_language_in import PoolLanguageIn  # noqa: PLC0415
        from ..models.pool_skill_in import PoolSkillIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_available_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                available_from_type_0 = datetime.date.fromisoformat(data)

                return available_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        available_from = _parse_available_from(d.pop("available_from", UNSET))

        def _parse_esco_occupation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        esco_occupation = _parse_esco_occupation(d.pop("esco_occupation", UNSET))

        def _parse_experience_years(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        experience_years = _parse_experience_years(d.pop("experience_years", UNSET))

        def _parse_headcount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        headcount = _parse_headcount(d.pop("headcount", UNSET))

        def _parse_isced_level(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        isced_level = _parse_isced_level(d.pop("isced_level", UNSET))

        def _parse_languages(data: object) -> list[PoolLanguageIn] | None | Unset:
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
                    languages_type_0_item = PoolLanguageIn.from_dict(languages_type_0_item_data)

                    languages_type_0.append(languages_type_0_item)

                return languages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PoolLanguageIn] | None | Unset, data)

        languages = _parse_languages(d.pop("languages", UNSET))

        def _parse_occupation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        occupation = _parse_occupation(d.pop("occupation", UNSET))

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

        def _parse_skills(data: object) -> list[PoolSkillIn] | None | Unset:
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
                    skills_type_0_item = PoolSkillIn.from_dict(skills_type_0_item_data)

                    skills_type_0.append(skills_type_0_item)

                return skills_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PoolSkillIn] | None | Unset, data)

        skills = _parse_skills(d.pop("skills", UNSET))

        def _parse_status(data: object) -> None | PoolUpdateStatusType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = PoolUpdateStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PoolUpdateStatusType0 | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        pool_update = cls(
            available_from=available_from,
            esco_occupation=esco_occupation,
            experience_years=experience_years,
            headcount=headcount,
            isced_level=isced_level,
            languages=languages,
            occupation=occupation,
            region=region,
            sector=sector,
            skills=skills,
            status=status,
        )

        return pool_update
