"""Figures, their verdicts, and the two ways they are shown: a console table
and a Markdown table for ``bench/RESULTS.md``.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

PASS = "PASS"
FAIL = "FAIL"
SKIP = "SKIP"
INFO = "info"


@dataclass(frozen=True)
class Figure:
    """One measured figure, with its baseline and its verdict."""

    name: str
    value: float | None
    unit: str
    target: str = ""
    baseline: float | None = None
    baseline_name: str = ""
    status: str = INFO
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": self.ratio}


def against_baseline(
    name: str,
    value: float,
    baseline: float,
    baseline_name: str,
    unit: str,
    max_ratio: float,
    note: str = "",
) -> Figure:
    """A figure judged by its ratio to a baseline measured in the same run."""
    status = PASS if value <= max_ratio * baseline else FAIL
    return Figure(
        name=name,
        value=value,
        unit=unit,
        target=f"≤ {max_ratio:g}x",
        baseline=baseline,
        baseline_name=baseline_name,
        status=status,
        note=note,
    )


def against_limit(
    name: str, value: float, unit: str, limit: float, note: str = ""
) -> Figure:
    """A figure judged against an absolute limit."""
    status = PASS if value <= limit else FAIL
    return Figure(
        name=name,
        value=value,
        unit=unit,
        target=f"≤ {limit:g} {unit}",
        status=status,
        note=note,
    )


def skipped(name: str, reason: str, target: str = "") -> Figure:
    """A figure that could not be measured; the reason says why."""
    return Figure(
        name=name, value=None, unit="", target=target, status=SKIP, note=reason
    )


def failed(name: str, reason: str) -> Figure:
    """A benchmark that broke: counted as a miss so the run does not pass."""
    return Figure(name=name, value=None, unit="", status=FAIL, note=reason)


def info(name: str, value: float, unit: str, note: str = "") -> Figure:
    """A figure shown for explanation, with no target of its own."""
    return Figure(name=name, value=value, unit=unit, note=note)


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit in {"ms", "MB", "MiB"}:
        return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"
    return f"{value:g} {unit}".strip()


def rows(figures: list[Figure]) -> list[list[str]]:
    """Every figure as the cells of one table row."""
    table = []
    for figure in figures:
        ratio = figure.ratio
        table.append(
            [
                figure.name,
                _number(figure.value, figure.unit),
                _number(figure.baseline, figure.unit)
                + (f" ({figure.baseline_name})" if figure.baseline_name else ""),
                f"{ratio:.2f}x" if ratio is not None else "",
                figure.target,
                figure.status,
                figure.note,
            ]
        )
    return table


HEADER = ["figure", "value", "baseline", "ratio", "target", "verdict", "note"]


def console_table(figures: list[Figure]) -> str:
    """A plain aligned table for the terminal."""
    table = [HEADER, *rows(figures)]
    widths = [max(len(row[i]) for row in table) for i in range(len(HEADER) - 1)]
    lines = []
    for row in table:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines)


def markdown_table(figures: list[Figure]) -> str:
    """The same table in Markdown, pipes in cells escaped."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + " --- |" * len(HEADER)]
    for row in rows(figures):
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |")
    return "\n".join(lines)


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": _cpu_model(),
        "nproc": str(os.cpu_count()),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "textual": _version("textual"),
        "platform": platform.platform(),
        "load": load_average(),
        "commit": _git_commit(),
    }


def load_average() -> str:
    """The 1-minute load average: above the core count, expect noisy figures."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "unknown"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def _git_commit() -> str:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return result.stdout.strip()
