from enum import StrEnum


class PathwayKind(StrEnum):
    BILATERAL_AGREEMENT = "bilateral_agreement"
    G2G_PROGRAMME = "g2g_programme"
    SEASONAL_SCHEME = "seasonal_scheme"
    WORK_VISA = "work_visa"

    def __str__(self) -> str:
        return str(self.value)
