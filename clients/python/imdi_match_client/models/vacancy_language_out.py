from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.vacancy_language_out_min_level import VacancyLanguageOutMinLevel

T = TypeVar("T", bound="VacancyLanguageOut")


@_attrs_define
class VacancyLanguageOut:
    """A language a vacancy asks for, as stored.

    Attributes:
        language (str): ISO 639-1 language code, e.g. "de"
        min_level (VacancyLanguageOutMinLevel): the lowest CEFR level (A1..C2) that will do
        required (bool): true: needed at the start of work, so only the share of a pool at or above the level counts
            towards the eligible headcount; false (default): scored only, since pre-departure training can close the gap
    """

    language: str
    min_level: VacancyLanguageOutMinLevel
    required: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        language = self.language

        min_level = self.min_level.value

        required = self.required

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "language": language,
                "min_level": min_level,
                "required": required,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        language = d.pop("language")

        min_level = VacancyLanguageOutMinLevel(d.pop("min_level"))

        required = d.pop("required")

        vacancy_language_out = cls(
            language=language,
            min_level=min_level,
            required=required,
        )

        vacancy_language_out.additional_properties = d
        return vacancy_language_out

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
