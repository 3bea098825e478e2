"""Signing deliveries the way Standard Webhooks (standardwebhooks.com) does, so that receivers
can verify them with that project's libraries or with a few lines of their own (README).

Each delivery carries three headers: `webhook-id` (the event's id: the same on every retry and
replay, for receivers to drop duplicates), `webhook-timestamp` (Unix seconds of this attempt:
receivers refuse old ones, against replayed captures) and `webhook-signature`: "v1,<base64 of
HMAC-SHA256(key, f"{id}.{timestamp}.{body}")>", where the key is the secret's bytes (the base64
after "whsec_"). During a rotation's grace period a delivery is signed with both secrets,
space-separated."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections.abc import Mapping, Sequence

PREFIX = "whsec_"
#: Receivers should refuse a delivery whose timestamp is further than this from their clock.
TOLERANCE_SECONDS = 5 * 60


def new_secret() -> str:
    return PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def _key(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix(PREFIX))


def signature(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def headers(secrets_: Sequence[str], msg_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    """The signed headers of one attempt (one signature per secret in force)."""
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": " ".join(signature(s, msg_id, timestamp, body) for s in secrets_),
        "content-type": "application/json",
    }


def verify(secret: str, request_headers: Mapping[str, str], body: bytes) -> bool:
    """What a receiver does (the README shows it standalone): the timestamp is recent and one of
    the signatures is ours."""
    msg_id = request_headers["webhook-id"]
    timestamp = int(request_headers["webhook-timestamp"])
    if abs(time.time() - timestamp) > TOLERANCE_SECONDS:
        return False
    expected = signature(secret, msg_id, timestamp, body)
    return any(
        hmac.compare_digest(expected, given)
        for given in request_headers["webhook-signature"].split()
    )
