"""Webhooks: organisations and officers register endpoints; the service tells them when a
ranking, a decision, a placement or an upload changed, instead of being polled.

Writes put an event in the outbox (app/webhooks/events.py) in their own transaction; the
delivery worker (app/webhooks/delivery.py, `imdi webhook-worker`) fans events out to the
subscribed endpoints and delivers them signed (Standard Webhooks' scheme), retrying with
exponential backoff."""
