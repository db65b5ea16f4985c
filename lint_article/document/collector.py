"""Python's cycle collector paused while a document is built.

Building the model of a long page makes hundreds of thousands of objects
(tags, text runs, blocks, segments), none of them garbage; each 700 of them
the collector would walk the young ones, and now and then everything that
lived long enough, the page built so far included (a sixth of the time of a
megabyte page). Paused, it walks them once, after the build.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Pause:
    """How many builds are under way (in any thread), and whether the collector
    was running when the first of them began."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.builds = 0
        self.resume = False


_PAUSE = _Pause()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector for the block; it runs again (if it ran before)
    once no thread is inside such a block any more."""
    with _PAUSE.lock:
        if _PAUSE.builds == 0:
            _PAUSE.resume = gc.isenabled()
            gc.disable()
        _PAUSE.builds += 1
    try:
        yield
    finally:
        with _PAUSE.lock:
            _PAUSE.builds -= 1
            if _PAUSE.builds == 0 and _PAUSE.resume:
                gc.enable()
