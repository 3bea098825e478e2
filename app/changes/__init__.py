"""The change feed: what each committed write changed, for the live markets to re-read.

Services (and the models they write) say what changed; the feed writes one batch per commit.
This package knows no domain: each registers its models here."""

from app.changes.service import head, record, transaction_head, watch, watch_flag, watch_ids

__all__ = ["head", "record", "transaction_head", "watch", "watch_flag", "watch_ids"]
