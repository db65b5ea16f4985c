"""Lint many articles, in parallel processes, with reports in input order.

::

    from lint_article import lint_many

    for report in lint_many(["a.html", "b.html"], jobs=4):
        print(report.path, len(report.findings))

    # A CMS linting its archive straight from the database:
    pairs = ((row.slug, row.body) for row in archive.iterate())
    for report in lint_many(pairs, config={"select": ["single-h1"]}):
        store(report.path, report.to_dict())

An item is a path (``str`` or ``os.PathLike``) or a ``(name, html)`` pair, the
html as ``str`` or ``bytes``. Each item gets the settings of its path or name:
``per-file-ignores`` of the configuration given, or, with a
:class:`~lint_article.config_files.Settings`, the configuration file that
applies to it, as on the command line. The configuration is validated before
anything is linted (``lint_many`` itself raises
:class:`~lint_article.rule.ConfigError`); each worker process then builds its
linters once. Work goes out in small chunks, and only a bounded number of chunks
is in flight, so an archive is streamed rather than loaded whole. ``jobs=1``
lints in this process.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, NamedTuple, TypeAlias

from .api import ConfigLike, Limit, check_limits, lint_path, make_linter
from .config import Config, as_config
from .config_files import Settings
from .engine import Linter
from .inputs import not_text
from .registry import Registry
from .report import Report
from .rule import ConfigError

if TYPE_CHECKING:
    from concurrent.futures import Future

Item: TypeAlias = str | os.PathLike[str] | tuple[str, str | bytes]


class _Task(NamedTuple):
    """One item as plain data, cheap to send to a worker."""

    name: str
    html: str | bytes | None
    """The article's text; None: read the file at *name*."""
    error: str | None = None
    """Why the item cannot be linted at all."""


DEFAULT_CHUNK_SIZE = 2
_CHUNKS_IN_FLIGHT_PER_JOB = 4


def default_jobs() -> int:
    """The CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def lint_many(
    items: Iterable[Item],
    *,
    config: ConfigLike | Settings = None,
    jobs: int | None = None,
    registry: Registry | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_bytes: int | Limit | None = Limit.CONFIGURED,
    timeout: float | Limit | None = Limit.CONFIGURED,
) -> Iterator[Report]:
    """Reports for *items*, in their order, linted by *jobs* processes (default: one per CPU).

    A file that cannot be read, an article over *max_bytes* (by default the
    ``max-file-size`` of its own settings; None: no limit), or one that takes
    longer than *timeout* seconds (by default the ``timeout`` of its own
    settings; None or 0: no limit), gives a report with ``error`` set; so does an
    article that the linter itself fails on, or whose configuration file is
    wrong, and the others go on.
    """
    linters = _Linters(config, registry)
    linters.for_name(None)  # validates the configuration now
    check_limits(max_bytes, timeout)
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, got {chunk_size}")
    tasks = (_task(item) for item in items)
    limits = _Limits(max_bytes, timeout)
    if jobs == 1:
        return (_lint_task(linters, task, limits) for task in tasks)
    return _parallel(tasks, linters, jobs, chunk_size, limits)


class _Limits(NamedTuple):
    max_bytes: int | Limit | None
    timeout: float | Limit | None


class _Linters:
    """The linter for each item's name, built once per set of settings; picklable,
    so that each worker process gets its own copy and fills its own caches."""

    def __init__(self, config: ConfigLike | Settings, registry: Registry | None) -> None:
        self.settings = config if isinstance(config, Settings) else None
        self.config: Config = as_config(None if isinstance(config, Settings) else config)
        self.registry = registry
        self._cache: dict[frozenset[str], Linter] = {}

    def for_name(self, name: str | None) -> Linter:
        path = PurePath(name) if name is not None and name != "-" else None
        if self.settings is not None:
            return self.settings.linter_for(path)
        ignored: frozenset[str] = frozenset()
        if path is not None:
            # Globs are relative to the configuration's folder when it has one, else to the name as given.
            ignored = self.config.ignored_for(Path(path).absolute() if self.config.root is not None else path)
        if ignored not in self._cache:
            self._cache[ignored] = make_linter(self.config, self.registry, ignored=ignored)
        return self._cache[ignored]


def _task(item: Item) -> _Task:
    if not isinstance(item, tuple):
        return _Task(os.fspath(item), None)
    name, html = item
    if not isinstance(html, (str, bytes)):  # a pair names no file: nothing is read from disk
        return _Task(str(name), None, not_text(html))
    return _Task(str(name), html)


def _lint_task(linters: _Linters, task: _Task, limits: _Limits) -> Report:
    name, html, error = task
    if error is not None:
        return Report(name, error=error)
    try:
        linter = linters.for_name(name)
        if html is None:
            return lint_path(linter, Path(name), name, max_bytes=limits.max_bytes, timeout=limits.timeout)
        return linter.lint(html, name, max_bytes=limits.max_bytes, timeout=limits.timeout)
    except ConfigError as exc:
        return Report(name, error=f"configuration: {exc}")
    # SystemExit too: a plugin calling sys.exit() must not end the run as if all went well.
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - one article must not stop an archive
        return Report(name, error=f"internal error: {type(exc).__name__}: {exc}")


def _parallel(
    tasks: Iterator[_Task], linters: _Linters, jobs: int, chunk_size: int, limits: _Limits
) -> Iterator[Report]:
    chunks = _chunks(tasks, chunk_size)
    # Look ahead: a batch that fits in one chunk is not worth starting processes
    # for, and a small one needs no more processes than it has chunks.
    head = list(itertools.islice(chunks, jobs))
    if len(head) < 2:
        yield from (_lint_task(linters, task, limits) for chunk in head for task in chunk)
        return
    jobs = min(jobs, len(head))
    from concurrent.futures import ProcessPoolExecutor  # here: one file never needs a pool

    context = multiprocessing.get_context(_start_method())
    executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(linters, limits))
    pending: deque[Future[list[Report]]] = deque()
    try:
        for chunk in itertools.chain(head, chunks):
            pending.append(executor.submit(_lint_chunk, chunk))
            while len(pending) >= jobs * _CHUNKS_IN_FLIGHT_PER_JOB:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _start_method() -> str:
    """``fork`` on Linux when this process runs a single thread: the workers inherit the
    loaded rules and start at once. Otherwise ``spawn`` (forking a threaded process can
    deadlock, and macOS forbids it for some system libraries): each worker then imports
    lint-article (about 0.2 s), and a script that calls ``lint_many`` must guard its
    entry point with ``if __name__ == "__main__":``, as :mod:`multiprocessing` requires."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _chunks(tasks: Iterator[_Task], size: int) -> Iterator[list[_Task]]:
    while chunk := list(itertools.islice(tasks, size)):
        yield chunk


_worker: tuple[_Linters, _Limits] | None = None


def _init_worker(linters: _Linters, limits: _Limits) -> None:
    global _worker
    _worker = (linters, limits)


def _lint_chunk(chunk: list[_Task]) -> list[Report]:
    assert _worker is not None, "the worker was not initialised"
    linters, limits = _worker
    return [_lint_task(linters, task, limits) for task in chunk]
