"""Demo histories of a given size, generated once and kept under ``bench/out``.

A history is keyed by its size, its seed, its last work day and a digest of
the code that shapes it (the store, the demo generator, the model and the
checklists), so a change to any of those regenerates it and a rerun of the
same code reuses it. Baselines never come from here: they are measured fresh.
"""

from __future__ import annotations

import functools
import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench import project

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

SHAPING_CODE = (
    "cs_daily/store",
    "cs_daily/demo.py",
    "cs_daily/model.py",
    "cs_daily/checklist",
    "checklists",
)


@dataclass(frozen=True)
class Size:
    """How much history: ``weeks`` of the demo agent's working life.

    ``shifts`` and ``interactions`` are the shape the targets name; the demo
    generator, which decides on its own when the agent works and how busy a
    shift is, lands close to it (about 1,240 shifts of 40 on average for five
    years). The stand-in generator writes exactly that shape.
    """

    name: str
    weeks: int
    shifts: int
    interactions: int

    @property
    def label(self) -> str:
        return f"{self.name} ({self.weeks} weeks)"


FIVE_YEARS = Size("5 years", 261, 1_250, 40)
TWENTY_YEARS = Size("20 years", 1_044, 5_000, 40)
QUICK_SMALL = Size("6 months", 26, 125, 40)
QUICK_LARGE = Size("2 years", 104, 500, 40)


@functools.cache
def code_version() -> str:
    """A digest of every file that decides what a generated history holds.

    Taken once per run, so both sizes of one run come from the same code even
    while others edit the work tree.
    """
    digest = hashlib.sha256()
    for top in SHAPING_CODE:
        path = ROOT / top
        files = sorted(path.rglob("*.py")) + sorted(path.rglob("*.toml"))
        for file in files if path.is_dir() else [path] if path.exists() else []:
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def history(size: Size, seed: int, last_day: date, log: Callable[[str], None]) -> Path:
    """The cached database for ``size``, generating it first if needed."""
    stem = f"history-{size.weeks}w"
    key = f"{stem}-seed{seed}-{last_day.isoformat()}-{code_version()}"
    path = OUT / f"{key}.sqlite3"
    if path.exists():
        return path

    OUT.mkdir(parents=True, exist_ok=True)
    _forget_older(stem)
    partial = path.with_suffix(".partial")
    _remove(partial)

    log(f"generating {size.label} into {path.relative_to(ROOT)} ...")
    project.generate_history(partial, size, seed, last_day)
    _fold_journal(partial)
    partial.rename(path)
    return path


def _fold_journal(path: Path) -> None:
    """Fold any write-ahead log into the file, so one file is the whole history."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    Path(f"{path}-wal").unlink(missing_ok=True)
    Path(f"{path}-shm").unlink(missing_ok=True)


def working_copy(source: Path, folder: Path) -> Path:
    """A copy a benchmark may write to, so the cached history stays as made."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


def _forget_older(stem: str) -> None:
    """Drop histories of the same size made by older code: they are large."""
    for old in OUT.glob(f"{stem}-*"):
        _remove(old)


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
