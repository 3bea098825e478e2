"""Decisions as recorded (the ledger that quota use, openings and pool headcount are read from);
recording them is the reviews domain's work (app/reviews/)."""
