from enum import StrEnum


class ComponentName(StrEnum):
    AVAILABILITY = "availability"
    EDUCATION = "education"
    EXPERIENCE = "experience"
    LANGUAGE = "language"
    OCCUPATION = "occupation"
    SECTOR = "sector"
    SKILLS = "skills"

    def __str__(self) -> str:
        return str(self.value)
