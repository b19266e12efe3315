"""The audit log viewer: who changed what, when, with the old and new values."""
