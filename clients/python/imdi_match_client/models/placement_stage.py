from enum import StrEnum


class PlacementStage(StrEnum):
    ARRIVED = "arrived"
    COMPLETED_CONTRACT = "completed_contract"
    CONTRACT_SIGNED = "contract_signed"
    DEPARTED = "departed"
    LEFT_EARLY = "left_early"
    SELECTED = "selected"
    STARTED_WORK = "started_work"
    VISA_APPLIED = "visa_applied"
    VISA_GRANTED = "visa_granted"
    VISA_REFUSED = "visa_refused"

    def __str__(self) -> str:
        return str(self.value)
