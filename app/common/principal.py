"""Who is asking: the authenticated user as the rest of the service sees it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.auth.models import User


class Role(StrEnum):
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


def principal_of(user: User) -> Principal:
    return Principal(
        user_id=user.id,
        email=user.email,
        role=Role(user.role),
        organisation_id=user.organisation_id,
    )
