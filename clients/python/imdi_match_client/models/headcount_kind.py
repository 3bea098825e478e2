from enum import StrEnum


class HeadcountKind(StrEnum):
    AVAILABLE = "available"
    PATHWAY_LANGUAGE = "pathway_language"
    REQUIRED_LANGUAGE = "required_language"

    def __str__(self) -> str:
        return str(self.value)
