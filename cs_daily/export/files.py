"""Writing an export where the agent asked, whole or not at all.

An export is built in memory, then written to a temporary file in the target
folder, flushed to disk and renamed over the target in one step, so a full
disk or a power cut never leaves half a summary behind. An existing file is
only replaced with ``--force``; ``-`` means standard output. A device or a
pipe (``/dev/null``, a named pipe a script reads) is written to in place:
renaming a file over it would replace the device itself.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from cs_daily.errors import UsageError
from cs_daily.i18n import _
from cs_daily.tomlfile import write_atomically

STDOUT = "-"


def write_output(
    target: Path | str,
    data: bytes,
    *,
    force: bool = False,
    stdout: BinaryIO | None = None,
) -> Path | None:
    """Write ``data`` to ``target`` (a path, or ``-``); the path written, or None.

    Every check happens before the first byte is written, and a failure while
    writing removes the temporary file, so an error leaves the disk as it was.
    """
    if str(target) == STDOUT:
        _write_stdout(data, stdout)
        return None

    path = Path(target)
    if _is_stream(path):
        _write_in_place(path, data)
        return path

    check_target(path, force=force)
    _write_atomically(path, data)
    return path


def _is_stream(path: Path) -> bool:
    """A character device or a named pipe: something to write into, not replace."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _write_in_place(path: Path, data: bytes) -> None:
    try:
        with path.open("wb") as stream:
            stream.write(data)
    except OSError as error:
        raise _cannot_write(path, error) from error


def check_target(path: Path, *, force: bool) -> None:
    """Refuse a missing folder, a folder, or an existing file without ``force``."""
    folder = path.parent
    if not folder.is_dir():
        raise UsageError(
            _("Cannot write {path}: the folder {folder} does not exist.").format(
                path=path, folder=folder
            )
        )

    if path.is_dir():
        raise UsageError(_("Cannot write {path}: it is a folder.").format(path=path))

    if path.exists() and not force:
        raise UsageError(
            _("{path} already exists; add --force to replace it.").format(path=path)
        )

    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(
            _("Cannot write {path}: the folder {folder} is not writable.").format(
                path=path, folder=folder
            )
        )


def _write_atomically(path: Path, data: bytes) -> None:
    """Temporary file beside the target, fsync, one rename, then sync the folder."""
    try:
        write_atomically(path, data)
    except OSError as error:
        raise _cannot_write(path, error) from error

    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform lets a folder be synced."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _write_stdout(data: bytes, stdout: BinaryIO | None) -> None:
    stream = stdout or sys.stdout.buffer
    sys.stdout.flush()
    stream.write(data)
    stream.flush()


def _cannot_write(path: Path, error: OSError) -> UsageError:
    return UsageError(
        _("Cannot write {path}: {reason}").format(
            path=path, reason=error.strerror or error
        )
    )
