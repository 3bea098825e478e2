"""Who is asking: the authenticated user as the rest of the service sees it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """A user's role (design section 8): what they may read and write."""

    EMPLOYER = "employer"
    MINISTRY = "ministry"
    OFFICER = "officer"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Principal:
    user_id: uuid.UUID
    email: str
    role: Role
    organisation_id: uuid.UUID

    @property
    def sees_everything(self) -> bool:
        """Officers and admins read across organisations (design section 8)."""
        return self.role in (Role.OFFICER, Role.ADMIN)
