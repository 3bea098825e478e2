from enum import StrEnum


class CheckName(StrEnum):
    CONTRACT = "contract"
    EDUCATION = "education"
    ELIGIBLE_WORKERS = "eligible_workers"
    ETHICAL_RECRUITMENT = "ethical_recruitment"
    EXPERIENCE = "experience"
    FEES = "fees"
    IN_FORCE = "in_force"
    LANGUAGE = "language"
    OCCUPATION = "occupation"
    ORIGIN = "origin"
    QUOTA = "quota"
    SECTOR = "sector"
    WAGE = "wage"

    def __str__(self) -> str:
        return str(self.value)
