from enum import StrEnum


class ReasonCode(StrEnum):
    CONTRACT_NOT_ALLOWED = "contract_not_allowed"
    EDUCATION_BELOW_MINIMUM = "education_below_minimum"
    ETHICAL_RECRUITMENT_HEALTH = "ethical_recruitment_health"
    EXPERIENCE_BELOW_MINIMUM = "experience_below_minimum"
    FEES_CHARGED_TO_WORKER = "fees_charged_to_worker"
    LANGUAGE_BELOW_MINIMUM = "language_below_minimum"
    NO_ELIGIBLE_WORKERS = "no_eligible_workers"
    NO_EXCHANGE_RATE = "no_exchange_rate"
    NO_PATHWAY = "no_pathway"
    OCCUPATION_NOT_COVERED = "occupation_not_covered"
    ORIGIN_NOT_COVERED = "origin_not_covered"
    PATHWAY_NOT_IN_FORCE = "pathway_not_in_force"
    QUOTA_EXHAUSTED = "quota_exhausted"
    SECTOR_NOT_COVERED = "sector_not_covered"
    WAGE_BELOW_THRESHOLD = "wage_below_threshold"

    def __str__(self) -> str:
        return str(self.value)
