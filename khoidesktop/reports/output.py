"""Writing a report file all or nothing: built beside the target under a temporary name, renamed at the end.

No reportlab here: the GUI can import the write error without loading it."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from pathlib import Path

from khoidesktop.errors import UserError
from khoidesktop.i18n import _
from khoidesktop.private import private_temporary


class ReportWriteError(UserError):
    """The report could not be saved where the user asked; nothing was written there."""


def write_atomically(target: Path, build: Callable[[Path], None]) -> Path:
    """Call `build(temporary_path)`, then move the result onto `target`. On any failure or cancellation
    the temporary file is removed and an existing `target` is left as it was."""
    target = target.expanduser().absolute()
    if not target.parent.is_dir():
        raise ReportWriteError(
            _("The folder {folder} does not exist. Choose another place to save the file.").format(folder=target.parent)
        )
    try:
        temporary = private_temporary(target.parent, target.stem)  # the owner's only: exports hold personal data
    except OSError as exc:
        raise _write_error(target, exc) from None
    try:
        build(temporary)
        os.replace(temporary, target)
    except OSError as exc:
        _remove(temporary)
        raise _write_error(target, exc) from None
    except BaseException:
        _remove(temporary)
        raise
    return target


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _write_error(target: Path, exc: OSError) -> ReportWriteError:
    if exc.errno == errno.ENOSPC:
        hint = _("The disk is full: free some space or choose another disk, then try again.")
    elif isinstance(exc, PermissionError):
        hint = _(
            "If the file is open in another program (a PDF viewer, Excel), close it; otherwise choose a "
            "folder you may write in, then try again."
        )
    else:
        hint = _("Choose another folder, then try again.")
    return ReportWriteError(_("Cannot save {path}.").format(path=target) + " " + hint)
