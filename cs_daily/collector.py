"""Starting up without the cyclic garbage collector.

A start imports a few hundred modules and builds tens of thousands of objects
that live for the whole run, and the cyclic collector scans them again and
again while it happens: about 85 ms of a start of the app, against 30 ms for
a bare Textual app. Reference counting frees nearly everything a start throws
away, so the collector waits. Every command runs with it paused; the app turns
it back on once Today is drawn, after freezing what the start built, so that
later collections (while the agent types) skip those objects too. The price:
a reference cycle among them that later turns to garbage stays until exit,
which for what a start builds (modules, classes, the screen) is the run anyway.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block; the setting is put back after.

    Everything built inside is frozen first: turned back on, the collector
    would otherwise at once scan all of it, young as it is, for nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            resume_after_start()


def resume_after_start() -> None:
    """Collect again, leaving out everything the start built.

    Does nothing unless the start paused the collector, so an app built by a
    test (which never pauses it) leaves the test process as it was.
    """
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()
