from enum import StrEnum


class Measure(StrEnum):
    EARLY_LEAVING = "early_leaving"
    VISA_REFUSAL = "visa_refusal"

    def __str__(self) -> str:
        return str(self.value)
