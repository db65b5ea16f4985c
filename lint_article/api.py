"""The library face: lint a string, bytes or a file, get a typed report."""

from __future__ import annotations

import enum
import os
import select
import stat
import time
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from .article import Article, ArticleError
from .config import DEFAULT_MAX_FILE_SIZE, LARGEST_MAX_FILE_SIZE, LONGEST_TIMEOUT, Config, as_config
from .engine import Linter
from .registry import Registry, load_registry
from .report import Report
from .time_limit import TimeLimitExceeded, Watch, time_limit

ConfigLike = Config | Mapping[str, Any] | None

MAX_BYTES = DEFAULT_MAX_FILE_SIZE
"""The default size limit of one article (``max-file-size``): 20 MiB, twice the
largest page that a CMS serves in practice; a larger file gets a per-file error
instead of costing memory without bound (about 15 times its size while it is linted)."""


class Limit(enum.Enum):
    CONFIGURED = "the linter's own limit"
    """The default of every ``max_bytes`` and ``timeout``: the limit of the article's
    own configuration (``max-file-size``, ``timeout``)."""


class TooLarge(Exception):
    """An article over its size limit; the message is the report's error."""

    def __init__(self, max_bytes: int, size: int | None = None) -> None:
        known = f"{size:,} bytes, " if size is not None else ""
        super().__init__(f"file too large: {known}over the limit of {max_bytes:,} bytes")


class TooSlow(Exception):
    """A file that could not be read within its time limit; the message is the report's error."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"reading took longer than the limit of {seconds:g} s")


def read_limited(stream: IO[bytes], max_bytes: int | None) -> bytes:
    """All of *stream*, or TooLarge when it holds more than *max_bytes* (None: no
    limit). Bounded where the size is not known beforehand (a pipe, /dev/zero):
    it reads at most one byte past the limit."""
    if max_bytes is None:
        return stream.read()
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLarge(max_bytes)
    return data


def make_linter(
    config: ConfigLike = None, registry: Registry | None = None, *, ignored: frozenset[str] = frozenset()
) -> Linter:
    """A reusable linter for *config*, less the *ignored* rules (a file's
    ``per-file-ignores``); raises ConfigError before any article is read."""
    settings = as_config(config)
    registry = registry or load_registry()
    rules = settings.activate(registry, ignored=ignored)
    fragment_rules = (
        settings.activate(registry, ignored=ignored, profile="fragment") if settings.profile == "auto" else None
    )
    return Linter(
        rules,
        language=settings.language,
        fragment_rules=fragment_rules,
        report_unused_disables=settings.report_unused_disables,
        max_bytes=settings.max_file_size,
        known_rules=frozenset(registry.rules),
        timeout=settings.timeout or None,
    )


def lint(
    html: str | bytes,
    *,
    config: ConfigLike = None,
    path: str = "<string>",
    max_bytes: int | Limit | None = Limit.CONFIGURED,
    timeout: float | Limit | None = Limit.CONFIGURED,
) -> Report:
    """Lint one article given as text or bytes (decoded as a browser would).

    An article over *max_bytes* (text counted in UTF-8 bytes; by default the
    configuration's ``max-file-size``; None for no limit) gives a report with
    ``error`` set and is not parsed; so does one that takes longer than *timeout*
    seconds to parse and lint (by default the configuration's ``timeout``;
    None or 0 for no limit)."""
    return lint_source(make_linter(config), html, path, max_bytes=max_bytes, timeout=timeout)


_PIPE_CHUNK = 1 << 16


def _read_pipe(path: Path, max_bytes: int | None, seconds: float | None) -> bytes:
    """What a named pipe holds, up to *max_bytes* and for at most *seconds*
    (raising TooLarge or TooSlow past them); empty when no program
    has it open for writing. Opened without waiting for a writer, and read only
    when select() says there is something to read."""
    started = time.monotonic()
    chunks: list[bytes] = []
    size = 0
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        while True:
            waited = time.monotonic() - started
            if seconds and waited >= seconds:  # a writer that never closes, or trickles
                raise TooSlow(seconds)
            try:
                chunk = os.read(descriptor, _PIPE_CHUNK)
            except BlockingIOError:  # a writer, that has not written yet
                select.select([descriptor], [], [], seconds - waited if seconds else None)
                continue
            if not chunk:  # end of file: no writer, or the last one has closed it
                return b"".join(chunks)
            size += len(chunk)
            if max_bytes is not None and size > max_bytes:
                raise TooLarge(max_bytes)
            chunks.append(chunk)
    finally:
        os.close(descriptor)


def check_limits(max_bytes: int | Limit | None, timeout: float | Limit | None) -> None:
    """Raise ValueError for a *max_bytes* or *timeout* argument out of its range,
    as configuration files have theirs checked."""
    if isinstance(max_bytes, int) and not 0 <= max_bytes <= LARGEST_MAX_FILE_SIZE:
        raise ValueError(f"max_bytes must be from 0 to {LARGEST_MAX_FILE_SIZE:,} (4 GiB) or None, got {max_bytes!r}")
    if isinstance(timeout, int | float) and not 0 <= timeout <= LONGEST_TIMEOUT:
        raise ValueError(f"timeout must be from 0 to {LONGEST_TIMEOUT:,.0f} seconds or None, got {timeout!r}")


def _limit(linter: Linter, max_bytes: int | Limit | None) -> int | None:
    return linter.max_bytes if max_bytes is Limit.CONFIGURED else max_bytes


def _seconds(linter: Linter, timeout: float | Limit | None) -> float | None:
    return linter.timeout if timeout is Limit.CONFIGURED else timeout or None


def _utf8_size(text: str, max_bytes: int | None) -> int:
    # A character takes one to four bytes: only text near the limit is encoded.
    if max_bytes is None or len(text) * 4 <= max_bytes or len(text) > max_bytes:
        return len(text)
    return len(text.encode("utf-8", errors="surrogatepass"))


def lint_source(
    linter: Linter,
    html: str | bytes,
    path: str,
    *,
    max_bytes: int | Limit | None = Limit.CONFIGURED,
    timeout: float | Limit | None = Limit.CONFIGURED,
) -> Report:
    """Lint *html* with *linter*, as :func:`lint` does without building a linter."""
    check_limits(max_bytes, timeout)
    limit = _limit(linter, max_bytes)
    size = len(html) if isinstance(html, bytes) else _utf8_size(html, limit)
    if limit is not None and size > limit:
        return Report(path, error=str(TooLarge(limit, size)))
    return _lint_within(linter, html, path, timeout)


def _lint_within(linter: Linter, html: str | bytes, path: str, timeout: float | Limit | None) -> Report:
    """Parse and lint *html* within the time limit; an article that the parser
    refuses, or that takes too long, gives a report with ``error`` set."""
    seconds = _seconds(linter, timeout)
    watch: Watch | None = None
    try:
        with time_limit(seconds) as watch:
            return linter.lint(Article.from_html(html), path)
    except ArticleError as exc:
        return Report(path, error=str(exc))
    except TimeLimitExceeded:
        if seconds is None or watch is None or not watch.fired:
            raise  # an outer time limit's (a caller's own): not this article's to report
        return Report(path, error=f"linting took longer than the limit of {seconds:g} s")


def lint_file(
    path: str | os.PathLike[str],
    *,
    config: ConfigLike = None,
    max_bytes: int | Limit | None = Limit.CONFIGURED,
    timeout: float | Limit | None = Limit.CONFIGURED,
) -> Report:
    """Lint one file; a file that cannot be read gives a report with ``error`` set."""
    linter = make_linter(config)
    return lint_path(linter, Path(path), max_bytes=max_bytes, timeout=timeout)


def lint_path(
    linter: Linter,
    path: Path,
    display: str | None = None,
    *,
    max_bytes: int | Limit | None = Limit.CONFIGURED,
    timeout: float | Limit | None = Limit.CONFIGURED,
) -> Report:
    """Lint the file at *path* with *linter*; a file that cannot be read, is
    larger than *max_bytes* (by default the linter's ``max-file-size``; None: no
    limit) or takes longer than *timeout* seconds (by default the linter's
    ``timeout``; None or 0: no limit), gives a report with ``error`` set.

    A named pipe is read as its writer writes, for no longer than *timeout*; one
    that no program writes to is an error at once (opening it would wait for a writer)."""
    name = display or str(path)
    check_limits(max_bytes, timeout)
    limit = _limit(linter, max_bytes)
    seconds = _seconds(linter, timeout)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if limit is not None and info.st_size > limit:
            raise TooLarge(limit, info.st_size)
        if stat.S_ISFIFO(info.st_mode):
            data = _read_pipe(path, limit, seconds)
            if not data:
                return Report(name, error="a named pipe that nothing was written to")
        else:
            with path.open("rb") as stream:
                data = read_limited(stream, limit)
    except (TooLarge, TooSlow) as exc:
        return Report(name, error=str(exc))
    except FileNotFoundError:
        return Report(name, error="no such file")
    except IsADirectoryError:
        return Report(name, error="is a directory")
    except PermissionError:
        return Report(name, error="permission denied")
    except OSError as exc:
        return Report(name, error=f"cannot read: {exc.strerror or exc}")
    return _lint_within(linter, data, name, timeout)
