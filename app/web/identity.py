"""Who is signed in to the web pages."""

from __future__ import annotations

from dataclasses import dataclass

from app.common.principal import Principal


@dataclass(frozen=True, slots=True)
class WebUser:
    principal: Principal
    name: str
    email: str
    organisation: str
    organisation_country: str
    csrf: str

    @property
    def is_officer(self) -> bool:
        """Officers and admins: the facilitating agency's workspace."""
        return self.principal.sees_everything

    @property
    def role(self) -> str:
        return self.principal.role.value
