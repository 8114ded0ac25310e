"""What every benchmark gets: the run's options, histories and a scratch folder."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bench import datasets, project


@dataclass
class Context:
    """Options and shared state of one benchmark run."""

    quick: bool
    seed: int
    repeats: int
    ticks: int
    scratch: Path
    verbose: bool = False
    _histories: dict[datasets.Size, Path] = field(default_factory=dict)

    @property
    def small(self) -> datasets.Size:
        """The size the targets call "5 years" (smaller with ``--quick``)."""
        return datasets.QUICK_SMALL if self.quick else datasets.FIVE_YEARS

    @property
    def large(self) -> datasets.Size:
        """The size the targets call "20 years" (smaller with ``--quick``)."""
        return datasets.QUICK_LARGE if self.quick else datasets.TWENTY_YEARS

    @property
    def today(self) -> date:
        """Today in the benchmark's zone; histories end the day before."""
        return datetime.now(ZoneInfo(project.ZONE)).date()

    @property
    def last_day(self) -> date:
        return self.today - timedelta(days=1)

    def history(self, size: datasets.Size) -> Path:
        """The cached history of ``size``, generated on first use."""
        if size not in self._histories:
            self._histories[size] = datasets.history(
                size, self.seed, self.last_day, self.log
            )
        return self._histories[size]

    def folder(self, name: str) -> Path:
        """A fresh scratch folder for one benchmark."""
        path = self.scratch / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def child_env(self, folder: Path, database: Path) -> dict[str, str]:
        """Environment for a cs-daily child: every path inside ``folder``."""
        env = dict(os.environ)
        env.update(
            CS_DAILY_DB=str(database),
            CS_DAILY_CONFIG=str(folder / "config" / "settings.toml"),
            CS_DAILY_DATA_DIR=str(folder / "data"),
            CS_DAILY_BACKUP_DIR=str(folder / "backups"),
            CS_DAILY_LOG_DIR=str(folder / "logs"),
            TZ=project.ZONE,
            LANG=project.LOCALE,
            PYTHONPATH=str(datasets.ROOT),
        )
        env.pop("LC_ALL", None)
        env.pop("LC_MESSAGES", None)
        return env

    def log(self, message: str) -> None:
        print(f"  {message}", file=sys.stderr, flush=True)
