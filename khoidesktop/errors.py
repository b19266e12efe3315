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
