from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.esco_occupation_skill_out import EscoOccupationSkillOut


T = TypeVar("T", bound="EscoOccupationOut")


@_attrs_define
class EscoOccupationOut:
    """An ESCO occupation with its skills.

    Attributes:
        isco_code (str): the ISCO-08 unit group (4 digits) it belongs to
        label (str): the ESCO preferred label (English)
        uri (str): the ESCO occupation's URI, its id
        version (str): the ESCO release the occupation was loaded from ("v1.2.0")
        alt_labels (list[str] | Unset): other labels of the occupation
        code (None | str | Unset): ESCO's own code: the ISCO-08 code with a suffix (e.g. "2221.3")
        description (str | Unset): ESCO's description of the occupation Default: ''.
        skills (list[EscoOccupationSkillOut] | Unset): the occupation's skills, essential first, then by label
    """

    isco_code: str
    label: str
    uri: str
    version: str
    alt_labels: list[str] | Unset = UNSET
    code: None | str | Unset = UNSET
    description: str | Unset = ""
    skills: list[EscoOccupationSkillOut] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        isco_code = self.isco_code

        label = self.label

        uri = self.uri

        version = self.version

        alt_labels: list[str] | Unset = UNSET
        if not isinstance(self.alt_labels, Unset):
            alt_labels = self.alt_labels

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        description = self.description

        skills: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.skills, Unset):
            skills = []
            for skills_item_data in self.skills:
                skills_item = skills_item_data.to_dict()
                skills.append(skills_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "isco_code": isco_code,
                "label": label,
                "uri": uri,
                "version": version,
            }
        )
        if alt_labels is not UNSET:
            field_dict["alt_labels"] = alt_labels
        if code is not UNSET:
            field_dict["code"] = code
        if description is not UNSET:
            field_dict["description"] = description
        if skills is not UNSET:
            field_dict["skills"] = skills

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.esco_occupation_skill_out import EscoOccupationSkillOut  # noqa: PLC0415

        d = dict(src_dict)
        isco_code = d.pop("isco_code")

        label = d.pop("label")

        uri = d.pop("uri")

        version = d.pop("version")

        alt_labels = cast(list[str], d.pop("alt_labels", UNSET))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        description = d.pop("description", UNSET)

        _skills = d.pop("skills", UNSET)
        skills: list[EscoOccupationSkillOut] | Unset = UNSET
        if _skills is not UNSET:
            skills = []
            for skills_item_data in _skills:
                skills_item = EscoOccupationSkillOut.from_dict(skills_item_data)

                skills.append(skills_item)

        esco_occupation_out = cls(
            isco_code=isco_code,
            label=label,
            uri=uri,
            version=version,
            alt_labels=alt_labels,
            code=code,
            description=description,
            skills=skills,
        )

        esco_occupation_out.additional_properties = d
        return esco_occupation_out

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
