from enum import StrEnum


class SkillVia(StrEnum):
    EXACT = "exact"
    GROUP = "group"

    def __str__(self) -> str:
        return str(self.value)
