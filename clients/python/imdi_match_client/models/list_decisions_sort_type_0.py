from enum import StrEnum


class ListDecisionsSortType0(StrEnum):
    DECISION = "decision"
    PATHWAY = "pathway"
    VALUE_1 = "-when"
    VALUE_3 = "-decision"
    VALUE_5 = "-pathway"
    WHEN = "when"

    def __str__(self) -> str:
        return str(self.value)
