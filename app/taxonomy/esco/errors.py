"""The error of an ESCO import."""

from __future__ import annotations


class EscoError(Exception):
    """The download is incomplete or not ESCO: the message says what is missing."""
