"""Hostile disks for the fault tests: read-only folders and full file systems.

The tests run as root in CI containers, where ``chmod`` stops nothing. A
folder is made truly read-only with the immutable attribute (``chattr +i``),
which binds root too, and a disk is made truly full with a tiny ``tmpfs``.
Run as an ordinary user, plain permissions do the same job, and a file-size
limit (``RLIMIT_FSIZE``) in a child process stands in for the full disk.
"""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

IS_ROOT = os.geteuid() == 0


@contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """``folder`` and every file in it cannot be changed, even by root."""
    paths = [folder, *sorted(p for p in folder.iterdir() if p.is_file())]
    if IS_ROOT:
        _run("chattr", "+i", *map(str, paths))
        try:
            yield folder
        finally:
            _run("chattr", "-i", *map(str, paths))
        return

    modes = {p: p.stat().st_mode for p in paths}
    for path in paths:
        path.chmod(modes[path] & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        yield folder
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


def can_mount() -> bool:
    """Whether a tmpfs can be mounted here (root, and not forbidden)."""
    if not IS_ROOT:
        return False
    probe = Path("/tmp") / f"cs-daily-probe-{os.getpid()}"
    probe.mkdir(exist_ok=True)
    try:
        mounted = _mount(probe, 64)
        if mounted:
            _run("umount", str(probe))
        return mounted
    finally:
        probe.rmdir()


@contextmanager
def tiny_disk(folder: Path, size_kib: int) -> Iterator[Path]:
    """A file system of ``size_kib`` KiB mounted at ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    assert _mount(folder, size_kib), "mounting a tmpfs failed"
    try:
        yield folder
    finally:
        _run("umount", "-l", str(folder))


def fill(folder: Path) -> Path:
    """Take every free byte of the file system under ``folder``."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (65536, 4096, 512, 1):
            while _wrote(fd, size):
                pass
    finally:
        os.close(fd)
    return filler


def _wrote(fd: int, size: int) -> bool:
    try:
        return os.write(fd, b"\0" * size) == size
    except OSError:
        return False


def _mount(folder: Path, size_kib: int) -> bool:
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def _run(*argv: str) -> None:
    subprocess.run(argv, check=True, capture_output=True)
