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
    file locked by another program …), or None when `exc` is something else. The transaction in
    progress was rolled back, so the message can promise that nothing was changed."""
    import errno
    import sqlite3
    import sys

    from khoidesktop.i18n import _

    cause = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the sqlite3 error
    cipher = sys.modules.get("sqlcipher3.dbapi2")  # an encrypted file's errors (store/connect.py)
    if isinstance(cause, (sqlite3.Error,) if cipher is None else (sqlite3.Error, cipher.Error)):
        name = "_".join(getattr(cause, "sqlite_errorname", "").split("_")[:2])  # SQLITE_READONLY_DIRECTORY too
        sqlite_reasons = {
            "SQLITE_FULL": _("the disk is full. Free some space on it, then try again"),
            "SQLITE_BUSY": _("another program is using the data file. Close it, then try again"),
            "SQLITE_LOCKED": _("another program is using the data file. Close it, then try again"),
            "SQLITE_READONLY": _(
                "the data file cannot be written (it or its folder is read-only). Copy it to "
                "a folder you can write to, or ask for write permission"
            ),
            "SQLITE_CANTOPEN": _(
                "the data file cannot be opened (check that the folder exists and that you may write to it)"
            ),
            "SQLITE_IOERR": _(
                "the disk could not be read or written (a removed USB stick, a disk error). "
                "Check the disk, then try again"
            ),
        }
        reason = sqlite_reasons.get(name, _("the database engine reported: {detail}").format(detail=cause))
    elif isinstance(cause, OSError):
        os_reasons = {
            errno.ENOSPC: _("the disk is full. Free some space on it, then try again"),
            errno.EACCES: _("you are not allowed to write there. Choose another folder"),
            errno.EPERM: _("you are not allowed to write there. Choose another folder"),
            errno.EROFS: _("the disk is read-only. Choose another folder"),
            errno.ENOENT: _("the folder or file does not exist"),
        }
        where = f" ({cause.filename})" if cause.filename else ""
        reason = _("the system reported: {detail}").format(detail=cause.strerror or cause)
        if cause.errno is not None:
            reason = os_reasons.get(cause.errno, reason)
        reason += where
    else:
        return None
    return _("Reading or writing the data failed: {reason}. Nothing was changed.").format(reason=reason)
