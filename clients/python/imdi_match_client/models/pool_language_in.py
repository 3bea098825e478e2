from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.pool_language_in_level import PoolLanguageInLevel

T = TypeVar("T", bound="PoolLanguageIn")


@_attrs_define
class PoolLanguageIn:
    """The share of a pool's headcount that speaks a language at a CEFR level. One language may
    be listed at several levels (shares adding up to at most 1 for the language).

        Attributes:
            language (str): ISO 639-1 two-letter language code, e.g. "de", "en" (lower case stored)
            level (PoolLanguageInLevel): the CEFR level (A1..C2) this share speaks at
            share (float): share of the pool's headcount at this level, 0..1
    """

    language: str
    level: PoolLanguageInLevel
    share: float

    def to_dict(self) -> dict[str, Any]:
        language = self.language

        level = self.level.value

        share = self.share

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "language": language,
                "level": level,
                "share": share,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        language = d.pop("language")

        level = PoolLanguageInLevel(d.pop("level"))

        share = d.pop("share")

        pool_language_in = cls(
            language=language,
            level=level,
            share=share,
        )

        return pool_language_in
