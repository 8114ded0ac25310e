"""A ``kill`` or a closed terminal: the app quits and gives the terminal back.

The app runs in a real pseudo-terminal here, as an agent runs it, since only
a real terminal is put into full-screen mode (and must be put back).
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.helpers import Home, child_env

ENTER_FULL_SCREEN = b"\x1b[?1049h"
LEAVE_FULL_SCREEN = b"\x1b[?1049l"


def _read_until(fd: int, wanted: bytes, seconds: float) -> bytes:
    """What the app wrote to its terminal, up to ``wanted`` or the end."""
    seen = b""
    deadline = time.monotonic() + seconds
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed the terminal: nothing more to read
            break
        if not chunk:
            break
        seen += chunk
    return seen


def _app_in_a_terminal(home: Home) -> tuple[subprocess.Popen[bytes], int]:
    leader, follower = os.openpty()
    env = child_env({**home.environ(), "TERM": "xterm-256color", "LANG": "C.UTF-8"})
    env.pop("CI", None)
    app = subprocess.Popen(
        [sys.executable, "-m", "cs_daily"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        start_new_session=True,
    )
    os.close(follower)
    return app, leader


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_quits_and_leaves_full_screen_mode(tmp_path: Path, number: int):
    app, terminal = _app_in_a_terminal(Home(tmp_path))
    try:
        started = _read_until(terminal, ENTER_FULL_SCREEN, 30)
        assert ENTER_FULL_SCREEN in started, started[-500:]
        time.sleep(0.5)

        app.send_signal(number)
        after = _read_until(terminal, LEAVE_FULL_SCREEN, 30)

        assert LEAVE_FULL_SCREEN in after
        assert app.wait(timeout=30) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        os.close(terminal)
