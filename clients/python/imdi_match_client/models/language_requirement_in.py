from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.language_requirement_in_min_level import LanguageRequirementInMinLevel

T = TypeVar("T", bound="LanguageRequirementIn")


@_attrs_define
class LanguageRequirementIn:
    """A language a job needs, at a minimum CEFR level.

    Attributes:
        language (str): ISO 639-1 two-letter language code, e.g. "de", "en" (lower case stored)
        min_level (LanguageRequirementInMinLevel): the lowest CEFR level (A1..C2) that will do
    """

    language: str
    min_level: LanguageRequirementInMinLevel

    def to_dict(self) -> dict[str, Any]:
        language = self.language

        min_level = self.min_level.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "language": language,
                "min_level": min_level,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        language = d.pop("language")

        min_level = LanguageRequirementInMinLevel(d.pop("min_level"))

        language_requirement_in = cls(
            language=language,
            min_level=min_level,
        )

        return language_requirement_in
