"""A limit on the time one article may take, in whichever thread lints it.

::

    with time_limit(60) as watch:
        report = linter.lint(Article.from_html(html), path)   # TimeLimitExceeded after 60 s
    # watch.fired: this limit's time came (and not an outer limit's)

In the main thread (the command line, each worker of a process pool, a script)
a ``SIGALRM`` timer raises :class:`TimeLimitExceeded` in the running code: it
interrupts Python code, a sleep and a regular expression alike. In any other
thread (a server's worker threads), or when the caller's own ``SIGALRM`` timer
is running, one watchdog thread raises it asynchronously in the thread whose
time is up: that interrupts Python code, though not a single call into C (a
parse), which ends first. Every stage is linear in the input, so such a call is
bounded by the file size limit.
"""

from __future__ import annotations

import heapq
import itertools
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


class TimeLimitExceeded(BaseException):
    """Raised inside a :func:`time_limit` block when its time is up.

    A BaseException, as KeyboardInterrupt is, so that no ``except Exception``
    on the way (a rule's own, or the engine's, which turns a rule's exception
    into a finding) takes it for an error of the code it interrupts."""


@dataclass(eq=False)
class Watch:
    """One time limit at work."""

    thread: int
    """The ident of the thread that runs the block."""
    done: bool = False
    fired: bool = False
    """Whether this limit's time came: a TimeLimitExceeded that reaches the
    caller without it comes from an outer limit."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[Watch]:
    """Raise :class:`TimeLimitExceeded` in the block once it has run *seconds*
    (None or 0: no limit)."""
    watch = Watch(threading.get_ident())
    if not seconds:
        yield watch
    elif _alarm_is_free():
        with _alarm(seconds, watch):
            yield watch
    else:
        _watchdog.watch(watch, seconds)
        try:
            yield watch
        finally:
            _watchdog.release(watch)


def _alarm_is_free() -> bool:
    """Whether this thread may use SIGALRM: it is the main thread (only it
    can set a signal handler) and no timer of the caller's is running."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )


@contextmanager
def _alarm(seconds: float, watch: Watch) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        watch.fired = True
        raise TimeLimitExceeded

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        # Nested, so that the caller's handler comes back even when the alarm
        # goes off at this very moment and its exception leaves through here.
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)


class _Watchdog:
    """One daemon thread, started on first use, that raises TimeLimitExceeded in
    each watched thread whose time is up (a timer thread per article would cost
    more than linting a short one)."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._deadlines: list[tuple[float, int, Watch]] = []
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def watch(self, watch: Watch, seconds: float) -> None:
        with self._condition:
            heapq.heappush(self._deadlines, (time.monotonic() + seconds, next(self._order), watch))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="lint-article time limits", daemon=True)
                self._thread.start()
            self._condition.notify()

    def release(self, watch: Watch) -> None:
        """The block is over. Under the lock, so that its exception is either
        raised before this (the block was interrupted) or never: one that is
        still pending is withdrawn."""
        with self._condition:
            watch.done = True
            if watch.fired:
                _raise_in(watch.thread, None)

    def _run(self) -> None:
        with self._condition:
            while True:
                while self._deadlines and self._deadlines[0][2].done:
                    heapq.heappop(self._deadlines)
                if not self._deadlines:
                    self._condition.wait()
                    continue
                deadline, _, watch = self._deadlines[0]
                remaining = deadline - time.monotonic()
                if remaining > 0:
                    self._condition.wait(remaining)
                    continue
                heapq.heappop(self._deadlines)
                watch.fired = True
                _raise_in(watch.thread, TimeLimitExceeded)


def _raise_in(thread: int, exception: type[BaseException] | None) -> None:
    """Make *thread* raise *exception* at its next Python instruction (None:
    withdraw one that it has not raised yet)."""
    import ctypes  # only in a thread whose time is up: kept off start-up

    pending = ctypes.py_object(exception) if exception is not None else None  # None: a NULL pointer
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), pending)


_watchdog = _Watchdog()


def _after_fork_in_child() -> None:
    # The watchdog thread does not survive a fork, and its lock may have been held.
    global _watchdog
    _watchdog = _Watchdog()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)
