"""The audit log as officers and admins read it (app/audit/ writes it, below every domain)."""
