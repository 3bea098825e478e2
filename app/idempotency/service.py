"""Idempotency-Key handling: a retried request gets the first response instead of a second
creation.

The record is inserted *before* the work, in the same transaction as the work: a concurrent
duplicate then collides on the unique (user_id, key) constraint (on PostgreSQL it waits for the
first transaction and fails once that commits) and is answered 409 instead of creating twice.
If the work fails, the rollback removes the record too, so a retry runs again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.responses import JSONResponse
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.common.principal import Principal
from app.db import utcnow
from app.errors import ProblemError
from app.idempotency.models import IdempotencyRecord

HEADER = "Idempotency-Key"
_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")  # visible ASCII, as in the IETF draft's examples
_PENDING = 0

#: How long a stored response answers a retry with the same Idempotency-Key.
RETENTION = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class IdempotentRequest:
    key: str
    method: str
    path: str
    request_hash: str


@dataclass(frozen=True, slots=True)
class StoredResponse:
    status_code: int
    body: Any
    replayed: bool


#: What the OpenAPI document says of the header, on every route that takes it.
HEADER_DESCRIPTION = (
    "Optional; 1 to 255 visible ASCII characters, e.g. a UUID the client makes per request. A "
    "retry with the same key, method, path and body within 24 hours gets the first response "
    "again (marked `Idempotent-Replayed: true`) instead of doing the work twice; the same key "
    "with another request is a 422; a retry while the first request is still running is a 409 "
    "with Retry-After. Keys belong to the caller's user."
)


async def idempotent_request(
    request: Request,
    # Read from request.headers below; declared here so that the OpenAPI document lists it.
    _key: Annotated[str | None, Header(alias=HEADER, description=HEADER_DESCRIPTION)] = None,
) -> IdempotentRequest | None:
    """The Idempotency-Key of this request with a hash of its body, or None without a key.

    Async so that it can read the body FastAPI has already buffered (a sync route cannot)."""
    key = request.headers.get(HEADER)
    if key is None:
        return None
    key = key.strip()
    if not _KEY.match(key):
        raise ProblemError(
            422,
            f"{HEADER} must be 1 to 255 visible ASCII characters.",
            errors=[{"field": f"header.{HEADER}", "message": "invalid key", "type": "value_error"}],
        )
    body = await request.body()
    path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return IdempotentRequest(
        key=key,
        method=request.method,
        path=path,
        request_hash=hashlib.sha256(body).hexdigest(),
    )


IdempotencyDep = Annotated[IdempotentRequest | None, Depends(idempotent_request)]


def run(
    session: Session,
    principal: Principal,
    request: IdempotentRequest | None,
    work: Callable[[], tuple[int, Any]],
) -> StoredResponse:
    """Do `work` (returning status and JSON body) once per key; replay the stored response for
    a retry of the same request."""
    if request is None:
        status, body = work()
        return StoredResponse(status, body, replayed=False)

    # Keys are kept for RETENTION: long enough for any client's retries, not for ever. The
    # user's expired records go as the user sends the next keyed request.
    session.execute(
        delete(IdempotencyRecord).where(
            IdempotencyRecord.user_id == principal.user_id,
            IdempotencyRecord.created_at < utcnow() - RETENTION,
        )
    )
    existing = session.scalar(
        select(IdempotencyRecord).where(
            IdempotencyRecord.user_id == principal.user_id, IdempotencyRecord.key == request.key
        )
    )
    if existing is not None:
        if (existing.method, existing.path, existing.request_hash) != (
            request.method,
            request.path,
            request.request_hash,
        ):
            raise ProblemError(
                422,
                f"The {HEADER} {request.key!r} was already used for another request "
                f"({existing.method} {existing.path} with a different body); use a new key.",
                errors=[
                    {
                        "field": f"header.{HEADER}",
                        "message": "key already used for another request",
                        "type": "idempotency_key_reused",
                    }
                ],
            )
        return StoredResponse(existing.status_code, existing.response_body, replayed=True)

    # Flush what is pending first, so that an IntegrityError below can only be the key's.
    session.flush()
    record = IdempotencyRecord(
        user_id=principal.user_id,
        key=request.key,
        method=request.method,
        path=request.path,
        request_hash=request.request_hash,
        status_code=_PENDING,
        response_body=None,
    )
    session.add(record)
    try:
        session.flush()
    except IntegrityError as exc:
        raise ProblemError(
            409,
            f"A request with the {HEADER} {request.key!r} is in progress or done; retry it "
            "to get its response.",
            headers={"Retry-After": "1"},
        ) from exc
    status, body = work()
    record.status_code = status
    record.response_body = body
    session.flush()
    return StoredResponse(status, body, replayed=False)


def to_response(stored: StoredResponse, headers: dict[str, str] | None = None) -> JSONResponse:
    """The JSON response for a first answer or its replay (marked so that clients can tell)."""
    out = dict(headers or {})
    if stored.replayed:
        out["Idempotent-Replayed"] = "true"
    return JSONResponse(stored.body, status_code=stored.status_code, headers=out)
