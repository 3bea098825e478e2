"""Passwords (argon2) and API keys (random, stored as SHA-256 digests)."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

KEY_PREFIX = "imdi_"
# The first characters of a key are kept in clear so that a leaked key can be recognised
# in the key list without storing the key.
DISPLAY_PREFIX_LEN = 12

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


#: A generated password's alphabet: no 0/O, 1/l/I, so that it can be read out or copied by hand.
_PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def generate_password(groups: int = 4, size: int = 5) -> str:
    """A random password an admin hands to a user (shown once): groups of `size` characters
    joined by hyphens, e.g. "kP7wq-3Hnd9-x4TgR-m2Vbc" (4 x 5 characters: about 116 bits)."""
    return "-".join(
        "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(size)) for _ in range(groups)
    )


def generate_api_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_api_key(key: str) -> str:
    # API keys carry 256 bits of randomness: a fast digest is enough, a slow KDF would only
    # slow every request.
    return hashlib.sha256(key.encode()).hexdigest()


def display_prefix(key: str) -> str:
    return key[:DISPLAY_PREFIX_LEN]
