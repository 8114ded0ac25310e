"""A child process that starts an app, waits for its first painted screen, exits.

Run as ``python -m bench.paint minimal`` for the baseline, or
``python -m bench.paint cli [ARGS...]`` to start cs-daily exactly as the
``cs-daily`` command does. In both cases the app runs headless at a fixed
size, every frame the compositor produces is watched, and the first one of
the wanted screen ends the run. The last line of stdout is a JSON record of
monotonic instants, which the parent compares with the instant it spawned us
(``time.monotonic`` is system-wide on Linux).
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from collections.abc import Sequence
from typing import Any

T_ENTER = time.monotonic()

MARKER = "BENCH-PAINT "
SIZE = (100, 30)
TIMEOUT_SECONDS = 60.0


class PaintWatch:
    """Records the first frame shown for the wanted screen, then exits the app."""

    def __init__(self, screen_name: str | None) -> None:
        self.screen_name = screen_name.lower() if screen_name else None
        self.record: dict[str, Any] = {"t_enter": T_ENTER}

    def install(self, app: Any) -> None:
        """Wrap ``app._display``: the call that hands a frame to the terminal."""
        original = app._display
        self.record["t_run"] = time.monotonic()

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            self._seen(app, screen, renderable)

        app._display = display
        self._start_watchdog(app)

    def _seen(self, app: Any, screen: Any, renderable: Any) -> None:
        if renderable is None or app._batch_count or "t_paint" in self.record:
            return

        now = time.monotonic()
        name = type(screen).__name__
        self.record.setdefault("t_first_frame", now)
        self.record.setdefault("first_screen", name)
        if self.screen_name and self.screen_name not in _names(screen):
            return

        self.record["t_paint"] = now
        self.record["screen"] = name
        app.exit()

    def _start_watchdog(self, app: Any) -> None:
        def give_up() -> None:
            if "t_paint" not in self.record:
                self.record["error"] = f"no paint within {TIMEOUT_SECONDS} s"
                app.call_from_thread(app.exit)

        timer = threading.Timer(TIMEOUT_SECONDS, give_up)
        timer.daemon = True
        timer.start()

    def emit(self) -> None:
        self.record["t_exit"] = time.monotonic()
        self.record["peak_rss_kib"] = peak_rss_kib()
        print(MARKER + json.dumps(self.record), flush=True)


def peak_rss_kib() -> int | None:
    """This program's own peak resident set (``VmHWM``), in KiB.

    ``ru_maxrss`` is not used: on Linux it keeps the high-water mark of the
    process before ``exec``, that is, of the parent that forked it, so a
    benchmark run that has grown would report its own size for every child.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _names(screen: Any) -> str:
    """Class name and id of a screen, lower-cased, for a substring match."""
    return f"{type(screen).__name__} {screen.id or ''}".lower()


def force_headless(watch: PaintWatch) -> None:
    """Make every Textual app started from now on run headless and watched."""
    from textual.app import App

    original = App.run_async

    async def run_async(self: Any, **options: Any) -> Any:
        options.update(headless=True, size=SIZE)
        watch.install(self)
        return await original(self, **options)

    App.run_async = run_async  # type: ignore[method-assign]


def run_minimal(watch: PaintWatch) -> int:
    from bench.minimal_app import MinimalApp

    force_headless(watch)
    MinimalApp().run()
    return 0


def run_cli(watch: PaintWatch, argv: Sequence[str]) -> int:
    """Start cs-daily through its own entry point, as the command would."""
    force_headless(watch)

    from cs_daily.cli.main import main

    return main(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.paint")
    parser.add_argument("target", choices=("minimal", "cli"))
    parser.add_argument("--screen", help="wait for this screen (class name or id)")
    parser.add_argument("rest", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)

    watch = PaintWatch(args.screen)
    minimal = args.target == "minimal"
    code = run_minimal(watch) if minimal else run_cli(watch, args.rest)

    watch.emit()
    return code


if __name__ == "__main__":
    sys.exit(main())
