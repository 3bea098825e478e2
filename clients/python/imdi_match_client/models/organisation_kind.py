from enum import StrEnum


class OrganisationKind(StrEnum):
    AGENCY = "agency"
    EMPLOYER = "employer"
    MINISTRY = "ministry"

    def __str__(self) -> str:
        return str(self.value)
