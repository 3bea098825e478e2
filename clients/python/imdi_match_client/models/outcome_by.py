from enum import StrEnum


class OutcomeBy(StrEnum):
    EMPLOYER = "employer"
    OCCUPATION = "occupation"
    ORIGIN = "origin"
    PATHWAY = "pathway"

    def __str__(self) -> str:
        return str(self.value)
