"""The organisation a new vacancy or pool belongs to."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from app.auth.models import Organisation
from app.common.principal import Principal, Role
from app.errors import ProblemError, invalid
from app.intake.errors import field_error

# ---- owners ------------------------------------------------------------------------------------


def resolve_owner(
    session: Session, principal: Principal, requested: uuid.UUID | None, *, kind: str, param: str
) -> uuid.UUID:
    """The organisation a new object belongs to: the caller's own, or for an admin the one named
    by the `param` query parameter (which must exist and be of `kind`)."""
    if principal.role != Role.ADMIN:
        if requested is not None and requested != principal.organisation_id:
            raise ProblemError(403, "You can only create objects for your own organisation.")
        return principal.organisation_id
    if requested is None:
        raise invalid(
            [
                field_error(
                    f"query.{param}",
                    f"an admin must name the {kind} organisation with ?{param}=",
                    "missing",
                )
            ]
        )
    org = session.get(Organisation, requested)
    if org is None or org.kind != kind:
        raise invalid(
            [
                field_error(
                    f"query.{param}",
                    f"{requested} is not an organisation of kind {kind}",
                    "unknown_organisation",
                )
            ]
        )
    return org.id
