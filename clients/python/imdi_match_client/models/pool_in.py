from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pool_language_in import PoolLanguageIn
    from ..models.pool_skill_in import PoolSkillIn


T = TypeVar("T", bound="PoolIn")


@_attrs_define
class PoolIn:
    """A labour pool to publish: how many people of one origin, region and occupation are
    available to work abroad, with the shares of them that have each skill and language level.
    A pool is an aggregate, never a person. Its identity is (ministry, origin country, region,
    occupation, sector): posting an identity the ministry has already updates that pool.

        Attributes:
            experience_years (float): typical (median) years of work experience
            headcount (int): how many people the pool counts
            isced_level (int): the typical ISCED 2011 education level (0..8) of the pool
            origin_country (str): ISO 3166-1 alpha-2 code of the country the workers come from, e.g. "PH": the ministry's
                own country, or one an officer allowed it (GET /api/v1/ministries/{ministry_id}/origins); another is a 422
            available_from (datetime.date | None | Unset): when the pool can start work abroad (ISO 8601 date); null: now
            esco_occupation (None | str | Unset): an ESCO occupation URI (after an ESCO import); fixes the ISCO-08 unit
                group
            external_ref (None | str | Unset): the ministry's own id for the pool, unique per ministry (another pool with it
                is a 409)
            languages (list[PoolLanguageIn] | Unset): languages (ISO 639-1 codes) by CEFR level and share of the headcount;
                a language may be listed at several levels, its shares adding up to at most 1
            occupation (None | str | Unset): ISCO-08 unit group (4 digits, e.g. "2221") or a job title the service codes to
                one; may be left out when esco_occupation is given
            region (None | str | Unset): a region within the country, free text (e.g. "Bavaria", "Western Visayas"); null:
                the whole country
            sector (None | str | Unset): ISIC Rev.4 division (2 digits) the workers have experience in, e.g. "86"
            skills (list[PoolSkillIn] | Unset): skills and the share of the headcount with each
    """

    experience_years: float
    headcount: int
    isced_level: int
    origin_country: str
    available_from: datetime.date | None | Unset = UNSET
    esco_occupation: None | str | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    languages: list[PoolLanguageIn] | Unset = UNSET
    occupation: None | str | Unset = UNSET
    region: None | str | Unset = UNSET
    sector: None | str | Unset = UNSET
    skills: list[PoolSkillIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        experience_years = self.experience_years

        headcount = self.headcount

        isced_level = self.isced_level

        origin_country = self.origin_country

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

        skills: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.skills, Unset):
            skills = []
            for skills_item_data in self.skills:
                skills_item = skills_item_data.to_dict()
                skills.append(skills_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "experience_years": experience_years,
                "headcount": headcount,
                "isced_level": isced_level,
                "origin_country": origin_country,
            }
        )
        if available_from is not UNSET:
            field_dict["available_from"] = available_from
        if esco_occupation is not UNSET:
            field_dict["esco_occupation"] = esco_occupation
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pool_language_in import PoolLanguageIn  # noqa: PLC0415
        from ..models.pool_skill_in import PoolSkillIn  # noqa: PLC0415

        d = dict(src_dict)
        experience_years = d.pop("experience_years")

        headcount = d.pop("headcount")

        isced_level = d.pop("isced_level")

        origin_country = d.pop("origin_country")

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

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        _languages = d.pop("languages", UNSET)
        languages: list[PoolLanguageIn] | Unset = UNSET
        if _languages is not UNSET:
            languages = []
            for languages_item_data in _languages:
                languages_item = PoolLanguageIn.from_dict(languages_item_data)

                languages.append(languages_item)

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

        _skills = d.pop("skills", UNSET)
        skills: list[PoolSkillIn] | Unset = UNSET
        if _skills is not UNSET:
            skills = []
            for skills_item_data in _skills:
                skills_item = PoolSkillIn.from_dict(skills_item_data)

                skills.append(skills_item)

        pool_in = cls(
            experience_years=experience_years,
            headcount=headcount,
            isced_level=isced_level,
            origin_country=origin_country,
            available_from=available_from,
            esco_occupation=esco_occupation,
            external_ref=external_ref,
            languages=languages,
            occupation=occupation,
            region=region,
            sector=sector,
            skills=skills,
        )

        return pool_in
