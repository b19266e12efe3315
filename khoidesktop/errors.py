"""Errors a user can cause or meet: each carries a Vietnamese message that says what to do."""
from __future__ import annotations


class UserError(Exception):
    """An error shown to the user as it is (already translated); nothing was changed."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(UserError):
    """A form or a command was given a value the rules do not allow."""


class DatabaseError(UserError):
    """The data file cannot be used as it is."""


class DatabaseLockedError(DatabaseError):
    exit_code = 3


class Cancelled(Exception):
    """The user stopped a long piece of work; what it did was undone (rolled back, or no file left)."""


def storage_failure(exc: BaseException) -> str | None:
    """The user's message for a failure of the disk or the database engine (disk full, no permission,
    file locked by another program), or None when `exc` is something else. The transaction in progress
    was rolled back, so the message can promise that nothing was changed."""
    import sqlite3

    from khoidesktop.i18n import _

    cause = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the sqlite3 error
    if isinstance(cause, sqlite3.Error):
        text = str(cause)
        if "full" in text:
            reason = _("the disk is full")
        elif "locked" in text or "busy" in text:
            reason = _("another program is using the data file")
        elif "readonly" in text or "read-only" in text:
            reason = _("the data file cannot be written (read-only)")
        else:
            reason = text
    elif isinstance(cause, OSError):
        reason = f"{cause.strerror or cause}" + (f" ({cause.filename})" if cause.filename else "")
    else:
        return None
    return _("Reading or writing the data failed: {reason}. Nothing was changed. Free some disk space or "
             "close the other program, then try again.").format(reason=reason)
