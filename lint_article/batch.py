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
is in flight, so an archive is streamed rather than loaded whole: at most
``jobs * 4`` chunks of ``chunk_size`` articles are held at a time, whatever the
number of items. ``jobs=1`` lints in this process.

With ``cache_dir``, reports are kept in a :class:`~lint_article.cache.ResultCache`
there and read back when the same article is linted with the same settings again;
this process reads each article and looks it up, and only the articles that are
not in the cache go to the workers (no process starts when they all are).
"""

from __future__ import annotations

import itertools
import os
import stat
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, NamedTuple, TypeAlias, TypeVar

from .api import ConfigLike, Limit, TooLarge, Unreadable, check_limits, check_size, lint_path, make_linter
from .cache import ResultCache, content_digest
from .config import Config, as_config
from .config_files import Settings
from .inputs import not_text
from .registry import Registry, load_registry
from .report import Report
from .rule import ConfigError

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from .engine import Linter

Item: TypeAlias = str | os.PathLike[str] | tuple[str, str | bytes]
T = TypeVar("T")


class _Task(NamedTuple):
    """One item as plain data, cheap to send to a worker."""

    name: str
    html: str | bytes | None
    """The article's text; None: read the file at *name*."""
    error: str | None = None
    """Why the item cannot be linted at all."""
    cached: Report | None = None
    """Its report, found in the result cache: nothing to lint."""
    cache_key: str | None = None
    """Where its report goes in the result cache."""


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
    cache_dir: str | os.PathLike[str] | ResultCache | None = None,
) -> Iterator[Report]:
    """Reports for *items*, in their order, linted by *jobs* processes (default: one per CPU).

    A file that cannot be read, an article over *max_bytes* (by default the
    ``max-file-size`` of its own settings; None: no limit), or one that takes
    longer than *timeout* seconds (by default the ``timeout`` of its own
    settings; None or 0: no limit), gives a report with ``error`` set; so does an
    article that the linter itself fails on, or whose configuration file is
    wrong, and the others go on.
    With *cache_dir* (a folder, or a :class:`~lint_article.cache.ResultCache`),
    reports are kept there and read back for articles linted before with the
    same settings. ``report.to_dict()`` is the ``files[]`` entry of the JSON
    output, and the line of ``--format jsonl``.
    """
    cache = cache_dir if isinstance(cache_dir, ResultCache) or cache_dir is None else ResultCache(cache_dir)
    linters = Linters(config, registry)
    linters.check(None, cache)  # validates the configuration now
    check_limits(max_bytes, timeout)
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, got {chunk_size}")
    tasks = (_task(item) for item in items)
    if cache is not None:
        tasks = (_look_up(cache, linters, task, max_bytes) for task in tasks)
    limits = _Limits(max_bytes, timeout)
    if jobs == 1:
        return (_kept(cache, task, _lint_task(linters, task, limits)) for task in tasks)
    return _parallel(tasks, linters, jobs, chunk_size, limits, cache)


class _Limits(NamedTuple):
    max_bytes: int | Limit | None
    timeout: float | Limit | None


class Linters:
    """The settings and the linter for each item's name, each linter built once per
    set of settings; picklable, so that each worker process gets its own copy and
    fills its own caches."""

    def __init__(self, config: ConfigLike | Settings, registry: Registry | None = None) -> None:
        self.settings = config if isinstance(config, Settings) else None
        self.config: Config = as_config(None if isinstance(config, Settings) else config)
        self.registry = registry
        self._cache: dict[frozenset[str], Linter] = {}

    def settings_for(self, name: str | None) -> tuple[Config, frozenset[str]]:
        """The settings for the item *name*, and the rules its per-file ignores leave out."""
        path = name if name is not None and name != "-" else None
        if self.settings is not None:
            return self.settings.resolve(path)
        if path is None or not self.config.per_file_ignores:
            return self.config, frozenset()
        # Globs are relative to the configuration's folder when it has one, else to the name as given.
        return self.config, self.config.ignored_for(
            Path(path).absolute() if self.config.root is not None else PurePath(path)
        )

    def for_name(self, name: str | None) -> Linter:
        if self.settings is not None:
            return self.settings.linter_for(PurePath(name) if name is not None and name != "-" else None)
        _, ignored = self.settings_for(name)
        if ignored not in self._cache:
            self._cache[ignored] = make_linter(self.config, self.registry, ignored=ignored)
        return self._cache[ignored]

    def check(self, name: str | None, cache: ResultCache | None = None) -> None:
        """Check the settings for *name* against the installed rules; raises ConfigError."""
        if cache is None:
            self.for_name(name)
        else:
            self.cache_key(name, cache)

    def cache_key(self, name: str | None, cache: ResultCache) -> tuple[Config, str]:
        """The settings for *name*, and the key in *cache* of their linter, checking them
        (ConfigError). Settings that the cache has seen in this environment are known to
        be good: neither the rules nor the parser are loaded for them."""
        config, ignored = self.settings_for(name)
        registry = self.registry or (self.settings.registry if self.settings else None)
        return config, cache.settings_key(config, ignored, lambda: (self.for_name(name), registry or load_registry()))


def _task(item: Item) -> _Task:
    if not isinstance(item, tuple):
        return _Task(os.fspath(item), None)
    name, html = item
    if not isinstance(html, (str, bytes)):  # a pair names no file: nothing is read from disk
        return _Task(str(name), None, not_text(html))
    return _Task(str(name), html)


def _look_up(cache: ResultCache, linters: Linters, task: _Task, max_bytes: int | Limit | None) -> _Task:
    """*task* with its article read, and its report when the cache has it."""
    if task.error is not None or (task.html is None and not _is_regular_file(task.name)):
        # A named pipe or a device is read once, under the time limit, when it is linted.
        return task
    try:
        config, linter_key = linters.cache_key(task.name, cache)
        limit = config.max_file_size if max_bytes is Limit.CONFIGURED else max_bytes
        html: str | bytes | None = task.html
        if html is None:
            digest, html = cache.read(Path(task.name), limit)
        else:
            check_size(html, limit)
            digest = content_digest(html)
        key = cache.key(linter_key, digest)
        cached = cache.get(key, task.name)
        if cached is None and html is None:  # known by its stamp, but not with these settings: read it now
            digest, html = cache.read(Path(task.name), limit, trust_stamp=False)
            key = cache.key(linter_key, digest)
    except (Unreadable, TooLarge) as exc:
        return task._replace(error=str(exc))
    except ConfigError as exc:
        return task._replace(error=f"configuration: {exc}")
    # A report found needs no text: the article is not held while it waits its turn.
    return _Task(task.name, None if cached else html, cached=cached, cache_key=key)


def _is_regular_file(name: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(name).st_mode)
    except OSError:
        return True  # the reader gives the error


def _kept(cache: ResultCache | None, task: _Task, report: Report) -> Report:
    """*report*, kept in the cache when it was linted for it."""
    if cache is not None and task.cache_key is not None and task.cached is None:
        cache.put(task.cache_key, report)
    return report


def _lint_task(linters: Linters, task: _Task, limits: _Limits) -> Report:
    name, html, error, cached, _ = task
    if cached is not None:
        return cached
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
    tasks: Iterator[_Task],
    linters: Linters,
    jobs: int,
    chunk_size: int,
    limits: _Limits,
    cache: ResultCache | None,
) -> Iterator[Report]:
    """Chunks of *tasks* linted by a pool of *jobs* processes, their reports in order.

    The pool starts when a second chunk needs linting: one chunk alone (a single
    file, or the one file of a batch that the cache did not have) is not worth
    starting processes for, and it is linted here. At most ``jobs *
    _CHUNKS_IN_FLIGHT_PER_JOB`` chunks are held at a time.
    """
    executor: ProcessPoolExecutor | None = None
    # Each chunk with the pool's future for it; None: lint it here, when its turn comes (or it needs no linting).
    pending: deque[tuple[list[_Task], Future[list[Report]] | None]] = deque()

    def submit(chunk: list[_Task]) -> Future[list[Report]]:
        assert executor is not None
        return executor.submit(_lint_chunk, chunk)

    try:
        for chunk in chunked(tasks, chunk_size):
            if not any(_needs_linting(task) for task in chunk):
                pending.append((chunk, None))
            elif executor is not None:
                pending.append((chunk, submit(chunk)))
            elif any(future is None and any(map(_needs_linting, waiting)) for waiting, future in pending):
                # Imported here: one file, or a batch found in the cache, never needs a pool.
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor

                context = multiprocessing.get_context(_start_method())
                executor = ProcessPoolExecutor(
                    jobs, mp_context=context, initializer=_init_worker, initargs=(linters, limits)
                )
                pending = deque((c, submit(c) if any(map(_needs_linting, c)) else None) for c, _ in pending)
                pending.append((chunk, submit(chunk)))
            else:
                pending.append((chunk, None))
            while len(pending) >= jobs * _CHUNKS_IN_FLIGHT_PER_JOB:
                yield from _finish(*pending.popleft(), linters, limits, cache)
        while pending:
            yield from _finish(*pending.popleft(), linters, limits, cache)
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


def _needs_linting(task: _Task) -> bool:
    return task.cached is None and task.error is None


def _finish(
    chunk: list[_Task],
    future: Future[list[Report]] | None,
    linters: Linters,
    limits: _Limits,
    cache: ResultCache | None,
) -> list[Report]:
    reports = future.result() if future is not None else [_lint_task(linters, task, limits) for task in chunk]
    return [_kept(cache, task, report) for task, report in zip(chunk, reports, strict=True)]


def _start_method() -> str:
    """``fork`` on Linux when this process runs a single thread: the workers inherit the
    loaded rules and start at once. Otherwise ``spawn`` (forking a threaded process can
    deadlock, and macOS forbids it for some system libraries): each worker then imports
    lint-article (about 0.2 s), and a script that calls ``lint_many`` must guard its
    entry point with ``if __name__ == "__main__":``, as :mod:`multiprocessing` requires."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "spawn"


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """*items* in lists of *size* (the last one shorter), taken as they are needed."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


_worker: tuple[Linters, _Limits] | None = None


def _init_worker(linters: Linters, limits: _Limits) -> None:
    global _worker
    _worker = (linters, limits)


def _lint_chunk(chunk: list[_Task]) -> list[Report]:
    assert _worker is not None, "the worker was not initialised"
    linters, limits = _worker
    return [_lint_task(linters, task, limits) for task in chunk]
