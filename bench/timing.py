"""Small measuring tools: summaries of samples and child processes timed whole.

A child is reaped with ``os.wait4`` so that its own peak resident set comes
back with it; ``RUSAGE_CHILDREN`` would only give the largest of all children
so far.
"""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ChildRun:
    """One finished child process."""

    spawned: float
    wall: float
    cpu: float
    max_rss_kib: int
    returncode: int
    stdout: str
    stderr: str

    def record(self, marker: str) -> dict[str, Any]:
        """The JSON record a child printed on the last line starting ``marker``."""
        for line in reversed(self.stdout.splitlines()):
            if line.startswith(marker):
                return dict(json.loads(line[len(marker) :]))
        raise RuntimeError(f"the child printed no {marker.strip()} line:\n{self.tail}")

    @property
    def tail(self) -> str:
        """The end of stderr and stdout, to show when a child went wrong."""
        return (self.stderr[-2000:] + "\n" + self.stdout[-1000:]).strip()


def run_child(
    argv: Sequence[str],
    env: Mapping[str, str] | None = None,
    cwd: str | None = None,
) -> ChildRun:
    """Run ``argv`` to the end: wall time from spawn to reaping, CPU time, peak RSS.

    The CPU time is reported beside the wall time because it hardly moves when
    other programs load the machine, which wall time does a lot.
    """
    spawned = time.monotonic()
    process = subprocess.Popen(
        list(argv),
        env=dict(env) if env is not None else None,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    stdout, stderr = _drain(process)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - spawned
    process.returncode = os.waitstatus_to_exitcode(status)

    return ChildRun(
        spawned=spawned,
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        max_rss_kib=usage.ru_maxrss,
        returncode=process.returncode,
        stdout=stdout,
        stderr=stderr,
    )


def _drain(process: subprocess.Popen[str]) -> tuple[str, str]:
    """Read both pipes to the end without reaping the child."""
    assert process.stdout is not None and process.stderr is not None

    chunks: list[str] = []
    reader = threading.Thread(target=lambda: chunks.append(process.stderr.read()))
    reader.start()
    stdout = process.stdout.read()
    reader.join()
    process.stdout.close()
    process.stderr.close()
    return stdout, chunks[0] if chunks else ""


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile: a value that was actually observed."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def spread(samples: Sequence[float]) -> str:
    """min–max, to show how noisy a median is."""
    return f"{min(samples):.4g}–{max(samples):.4g}"
