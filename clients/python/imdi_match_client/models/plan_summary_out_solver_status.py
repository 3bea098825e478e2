from enum import StrEnum


class PlanSummaryOutSolverStatus(StrEnum):
    ERROR = "error"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    OPTIMAL = "optimal"
    TIME_LIMIT = "time_limit"

    def __str__(self) -> str:
        return str(self.value)
