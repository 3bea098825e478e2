from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.vacancy_language_in_min_level import VacancyLanguageInMinLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="VacancyLanguageIn")


@_attrs_define
class VacancyLanguageIn:
    """A language a vacancy asks for, at a minimum CEFR level; `required` says whether it is
    needed at the start of work or may be learnt in pre-departure training.

        Attributes:
            language (str): ISO 639-1 two-letter language code, e.g. "de", "en" (lower case stored)
            min_level (VacancyLanguageInMinLevel): the lowest CEFR level (A1..C2) that will do
            required (bool | Unset): true: needed at the start of work, so only the share of a pool at or above the level
                counts towards the eligible headcount; false (default): scored only, since pre-departure training can close the
                gap Default: False.
    """

    language: str
    min_level: VacancyLanguageInMinLevel
    required: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        language = self.language

        min_level = self.min_level.value

        required = self.required

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "language": language,
                "min_level": min_level,
            }
        )
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        language = d.pop("language")

        min_level = VacancyLanguageInMinLevel(d.pop("min_level"))

        required = d.pop("required", UNSET)

        vacancy_language_in = cls(
            language=language,
            min_level=min_level,
            required=required,
        )

        return vacancy_language_in
