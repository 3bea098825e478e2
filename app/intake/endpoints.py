"""What the HTTP APIs of vacancies and pools share: their problem responses, and the versioned
write (PATCH, close, withdraw) as a dependency, so that an endpoint names only its service."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from fastapi import Depends, Header, Response
from sqlalchemy.orm import Session

from app.auth.deps import require_roles
from app.common.concurrency import etag, parse_if_match
from app.common.principal import Principal, Role
from app.deps import SessionDep


class _Versioned(Protocol):
    @property
    def version(self) -> int: ...


Out = TypeVar("Out", bound=_Versioned)


def problems(noun: str) -> dict[int | str, dict[str, Any]]:
    """The problem responses an endpoint of a resource may give (the OpenAPI document adds
    these by itself where they apply; this keeps their wording per resource)."""
    return {
        401: {"description": "no API key, or one that is invalid or revoked"},
        403: {"description": "the caller's role may not do this"},
        404: {"description": f"unknown, or another organisation's, {noun}"},
        422: {"description": "invalid input: `errors` lists each field's path and what is wrong"},
    }


def tagged(response: Response, out: Out) -> Out:
    """`out`, its version sent as the response's ETag (what a client's next If-Match names)."""
    response.headers["ETag"] = etag(out.version)
    return out


@dataclass(frozen=True, slots=True)
class VersionedWrite:
    """A write to one stored resource: the request's unit of work, the writer, its If-Match."""

    session: Session
    principal: Principal
    response: Response
    if_match: str | None

    def apply(self, action: Callable[..., Out], *args: Any, if_match_required: bool) -> Out:
        """`action(session, principal, *args, expected_version=...)`, its answer tagged. A
        required If-Match that is missing is a 428 (nobody overwrites blindly)."""
        expected = parse_if_match(self.if_match, required=if_match_required)
        out = action(self.session, self.principal, *args, expected_version=expected)
        return tagged(self.response, out)


def versioned_write(*roles: Role) -> Any:
    """A dependency giving the VersionedWrite of a request by one of `roles` (else 403)."""
    writer = require_roles(*roles)

    def dependency(
        session: SessionDep,
        response: Response,
        principal: Principal = Depends(writer),
        if_match: str | None = Header(
            None,
            alias="If-Match",
            description='the version you read (its ETag), as "3", W/"3" or 3; * for any. '
            "Required on PATCH (a 428 without it), optional on close and withdraw. A stale "
            "version is a 409 carrying current_version, and nothing is written",
        ),
    ) -> VersionedWrite:
        return VersionedWrite(session, principal, response, if_match)

    return Depends(dependency)
