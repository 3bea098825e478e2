from enum import StrEnum


class PlanOutSourceType0(StrEnum):
    GREEDY = "greedy"
    LP = "lp"
    MILP = "milp"

    def __str__(self) -> str:
        return str(self.value)
