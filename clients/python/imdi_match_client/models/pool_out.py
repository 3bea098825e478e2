from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pool_out_status import PoolOutStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.occupation_coding import OccupationCoding
    from ..models.pool_language_in import PoolLanguageIn
    from ..models.pool_skill_out import PoolSkillOut


T = TypeVar("T", bound="PoolOut")


@_attrs_define
class PoolOut:
    """A stored labour pool. `version` is its ETag: send it back in If-Match to update or
    withdraw it. An employer reads a pool in its vacancies' matches as aggregates only: the
    ministry's id, its external_ref and the source upload are null then.

        Attributes:
            available_from (datetime.date | None): when the pool can start work abroad
            created_at (datetime.datetime): when it was first published (RFC 3339, UTC)
            experience_years (float): typical years of work experience
            external_ref (None | str): the ministry's own id; null for employers
            headcount (int): how many people the pool counts
            id (UUID): the pool's id
            isced_level (int): typical ISCED 2011 education level (0..8)
            languages (list[PoolLanguageIn]): languages (ISO 639-1 codes) by CEFR level and share, by language and level
            ministry_id (None | UUID): the ministry organisation that publishes the pool; null when read by an employer
            occupation (str): ISCO-08 unit group (4 digits), e.g. "2221"
            occupation_title (str): the ISCO-08 title of the occupation
            origin_country (str): ISO 3166-1 alpha-2 code of the country the workers come from, e.g. "PH"
            region (None | str): region within the origin country; null: none named
            sector (None | str): ISIC Rev.4 division (2 digits), e.g. "86"
            skills (list[PoolSkillOut]): skills and shares, by skill id
            status (PoolOutStatus): active: on the market, ranked against vacancies; withdrawn: off the market (by its
                ministry, or left out of a later survey wave), its history and decisions kept
            updated_at (datetime.datetime): when it last changed (RFC 3339, UTC)
            upload_id (None | UUID): the survey upload that last wrote the pool (null: an API write); null for employers
            version (int): increases with every change; the ETag is this number
            esco_occupation (None | str | Unset): ESCO occupation URI, if given (it fixed the ISCO-08 unit group)
            occupation_coding (None | OccupationCoding | Unset): how a job title sent as the occupation was coded to an
                ISCO-08 unit group; null: a code was sent
    """

    available_from: datetime.date | None
    created_at: datetime.datetime
    experience_years: float
    external_ref: None | str
    headcount: int
    id: UUID
    isced_level: int
    languages: list[PoolLanguageIn]
    ministry_id: None | UUID
    occupation: str
    occupation_title: str
    origin_country: str
    region: None | str
    sector: None | str
    skills: list[PoolSkillOut]
    status: PoolOutStatus
    updated_at: datetime.datetime
    upload_id: None | UUID
    version: int
    esco_occupation: None | str | Unset = UNSET
    occupation_coding: None | OccupationCoding | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.occupation_coding import OccupationCoding  # noqa: PLC0415

        available_from: None | str
        if isinstance(self.available_from, datetime.date):
            available_from = self.available_from.isoformat()
        else:
            available_from = self.available_from

        created_at = self.created_at.isoformat()

        experience_years = self.experience_years

        external_ref: None | str
        external_ref = self.external_ref

        headcount = self.headcount

        id = str(self.id)

        isced_level = self.isced_level

        languages = []
        for languages_item_data in self.languages:
            languages_item = languages_item_data.to_dict()
            languages.append(languages_item)

        ministry_id: None | str
        if isinstance(self.ministry_id, UUID):
            ministry_id = str(self.ministry_id)
        else:
            ministry_id = self.ministry_id

        occupation = self.occupation

        occupation_title = self.occupation_title

        origin_country = self.origin_country

        region: None | str
        region = self.region

        sector: None | str
        sector = self.sector

        skills = []
        for skills_item_data in self.skills:
            skills_item = skills_item_data.to_dict()
            skills.append(skills_item)

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        upload_id: None | str
        if isinstance(self.upload_id, UUID):
            upload_id = str(self.upload_id)
        else:
            upload_id = self.upload_id

        version = self.version

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
                "available_from": available_from,
                "created_at": created_at,
                "experience_years": experience_years,
                "external_ref": external_ref,
                "headcount": headcount,
                "id": id,
                "isced_level": isced_level,
                "languages": languages,
                "ministry_id": ministry_id,
                "occupation": occupation,
                "occupation_title": occupation_title,
                "origin_country": origin_country,
                "region": region,
                "sector": sector,
                "skills": skills,
                "status": status,
                "updated_at": updated_at,
                "upload_id": upload_id,
                "version": version,
            }
        )
        if esco_occupation is not UNSET:
            field_dict["esco_occupation"] = esco_occupation
        if occupation_coding is not UNSET:
            field_dict["occupation_coding"] = occupation_coding

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.occupation_coding import OccupationCoding  # noqa: PLC0415
        from ..models.pool_language_in import PoolLanguageIn  # noqa: PLC0415
        from ..models.pool_skill_out import PoolSkillOut  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_available_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                available_from_type_0 = datetime.date.fromisoformat(data)

                return available_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        available_from = _parse_available_from(d.pop("available_from"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        experience_years = d.pop("experience_years")

        def _parse_external_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))

        headcount = d.pop("headcount")

        id = UUID(d.pop("id"))

        isced_level = d.pop("isced_level")

        languages = []
        _languages = d.pop("languages")
        for languages_item_data in _languages:
            languages_item = PoolLanguageIn.from_dict(languages_item_data)

            languages.append(languages_item)

        def _parse_ministry_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ministry_id_type_0 = UUID(data)

                return ministry_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        ministry_id = _parse_ministry_id(d.pop("ministry_id"))

        occupation = d.pop("occupation")

        occupation_title = d.pop("occupation_title")

        origin_country = d.pop("origin_country")

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
            skills_item = PoolSkillOut.from_dict(skills_item_data)

            skills.append(skills_item)

        status = PoolOutStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_upload_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                upload_id_type_0 = UUID(data)

                return upload_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        upload_id = _parse_upload_id(d.pop("upload_id"))

        version = d.pop("version")

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

        pool_out = cls(
            available_from=available_from,
            created_at=created_at,
            experience_years=experience_years,
            external_ref=external_ref,
            headcount=headcount,
            id=id,
            isced_level=isced_level,
            languages=languages,
            ministry_id=ministry_id,
            occupation=occupation,
            occupation_title=occupation_title,
            origin_country=origin_country,
            region=region,
            sector=sector,
            skills=skills,
            status=status,
            updated_at=updated_at,
            upload_id=upload_id,
            version=version,
            esco_occupation=esco_occupation,
            occupation_coding=occupation_coding,
        )

        pool_out.additional_properties = d
        return pool_out

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
