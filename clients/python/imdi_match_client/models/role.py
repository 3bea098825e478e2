from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    EMPLOYER = "employer"
    MINISTRY = "ministry"
    OFFICER = "officer"

    def __str__(self) -> str:
        return str(self.value)
