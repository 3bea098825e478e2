from enum import StrEnum


class SkillOutSource(StrEnum):
    BUILTIN = "builtin"
    ESCO = "esco"

    def __str__(self) -> str:
        return str(self.value)
