"""FastAPI dependencies for authentication and role checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request

from app.auth.principal import Principal, Role
from app.auth.ratelimit import FAILED_AUTH
from app.auth.service import authenticate_key
from app.deps import SessionDep
from app.errors import ProblemError

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="imdi-match"'}


def _client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def current_principal(request: Request, session: SessionDep) -> Principal:
    ip = _client_ip(request)
    if FAILED_AUTH.blocked(ip):
        raise ProblemError(
            429,
            "Too many failed authentication attempts; try again later.",
            headers={"Retry-After": str(FAILED_AUTH.retry_after(ip))},
        )
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ProblemError(
            401, "An API key is required: Authorization: Bearer <key>.", headers=_CHALLENGE
        )
    principal = authenticate_key(session, token.strip())
    if principal is None:
        FAILED_AUTH.fail(ip)
        raise ProblemError(401, "The API key is not valid or has been revoked.", headers=_CHALLENGE)
    return principal


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def require_roles(*roles: Role) -> Callable[[Principal], Principal]:
    allowed = frozenset(roles)

    def check(principal: CurrentPrincipal) -> Principal:
        if principal.role not in allowed:
            raise ProblemError(403, f"This needs the role {' or '.join(sorted(allowed))}.")
        return principal

    return check
