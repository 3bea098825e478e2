"""FastAPI dependencies for authentication and role checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.auth.ratelimit import FAILED_AUTH, client_address
from app.auth.security import display_prefix
from app.auth.service import authenticate_key
from app.common.principal import Principal, Role
from app.deps import SessionDep
from app.errors import ProblemError

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="imdi-match"'}
#: The OpenAPI security scheme of every operation that needs a key (FastAPI adds it, and the
#: operation's security requirement, from this dependency). We read the header ourselves: our
#: 401s are problem documents, with the challenge.
BEARER = HTTPBearer(
    scheme_name="apiKey",
    bearerFormat="API key",
    description="An API key, sent as `Authorization: Bearer <key>`. An admin issues keys "
    "(POST /api/v1/admin/users/{user_id}/keys); a key acts as its user, with the user's role "
    "and organisation. The roles an operation admits are its security requirement's list.",
    auto_error=False,
)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Security(BEARER)]


def current_principal(request: Request, session: SessionDep, _bearer: Credentials) -> Principal:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise ProblemError(
            401, "An API key is required: Authorization: Bearer <key>.", headers=_CHALLENGE
        )
    # The key first: a valid key is never held back by failures, its address's or anyone's
    # (behind a proxy, one address is everyone).
    # The change feed's head as this request's transaction first read it (create_app installs
    # the reader: auth knows nothing of the feed): keys are re-read whenever it moves.
    head_of = getattr(request.app.state, "change_head", None)
    principal = authenticate_key(session, token, head_of(session) if head_of else None)
    if principal is not None:
        return principal
    client, prefix = client_address(request), display_prefix(token)
    wait = FAILED_AUTH.key_wait(client, prefix)
    if wait is not None:
        raise ProblemError(
            429,
            "Too many failed authentication attempts; try again later.",
            headers={"Retry-After": str(wait)},
        )
    FAILED_AUTH.key_failed(client, prefix)
    raise ProblemError(401, "The API key is not valid or has been revoked.", headers=_CHALLENGE)


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def require_roles(*roles: Role) -> Callable[[Principal], Principal]:
    allowed = frozenset(roles)

    # The roles are the security requirement's "scopes": OpenAPI 3.1 lets a bearer scheme's
    # requirement list the roles an operation needs.
    needed = Security(current_principal, scopes=sorted(allowed))

    def check(principal: Principal = needed) -> Principal:
        if principal.role not in allowed:
            raise ProblemError(403, f"This needs the role {' or '.join(sorted(allowed))}.")
        return principal

    return check
