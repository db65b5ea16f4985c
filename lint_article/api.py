"""The library face: lint a string, bytes or a file, get a typed report."""

from __future__ import annotations

import json
import os
import select
import stat
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import DEFAULT_MAX_FILE_SIZE, Config, as_config
from .inputs import MAX_FILE_SIZE_HINT, Limit, TooLarge, TooSlow, check_limits, check_size, read_limited
from .registry import Registry, load_registry
from .report import Report

if TYPE_CHECKING:
    from .engine import Linter
    from .fixes import FixResult

__all__ = [
    "MAX_BYTES",
    "ConfigLike",
    "Limit",
    "TooLarge",
    "check_limits",
    "check_size",
    "fix",
    "lint",
    "lint_file",
    "lint_path",
    "make_linter",
    "read_limited",
    "shared_linter",
]

ConfigLike = Config | Mapping[str, Any] | None

MAX_BYTES = DEFAULT_MAX_FILE_SIZE
"""The default size limit of one article (``max-file-size``): 20 MiB, twice the
largest page that a CMS serves in practice; a larger file gets a per-file error
instead of costing memory without bound (about 15 times its size while it is linted)."""


def make_linter(
    config: ConfigLike = None, registry: Registry | None = None, *, ignored: frozenset[str] = frozenset()
) -> Linter:
    """A reusable linter for *config*, less the *ignored* rules (a file's
    ``per-file-ignores``); raises ConfigError before any article is read."""
    from .engine import Linter  # here: settings, sizes and cached reports need neither the parser nor the rules

    settings = as_config(config)
    registry = registry or load_registry()
    shape = "page" if settings.profile == "auto" else settings.profile
    rules = settings.activate(registry, ignored=ignored, shape=shape)
    fragment_rules = (
        settings.activate(registry, ignored=ignored, shape="fragment") if settings.profile == "auto" else None
    )
    return Linter(
        rules,
        language=settings.language,
        fragment_rules=fragment_rules,
        max_bytes=settings.max_file_size,
        known_rules=frozenset(registry.rules),
        timeout=settings.timeout or None,
    )


_shared: OrderedDict[str, Linter] = OrderedDict()
_shared_lock = threading.Lock()
_SHARED_LINTERS = 8
"""How many configurations' linters :func:`shared_linter` keeps, the latest used."""


def shared_linter(config: ConfigLike = None) -> Linter:
    """The linter for *config*, made at its first use and kept for the calls
    after it: a CMS that calls :func:`lint` per article pays for reading its
    article, not for reading the settings and readying every rule each time (half a
    millisecond, a tenth of a corpus article's lint). The defaults, and settings
    given as a mapping of JSON values, are kept (by their JSON, so that an equal
    mapping finds them); a :class:`~lint_article.config.Config` makes its own
    linter each time (keep the result of :func:`make_linter` to reuse one). A
    linter is safe to share between threads: a lint keeps its state in its article."""
    if config is None:
        key = ""
    elif isinstance(config, Mapping):
        try:
            key = json.dumps(config, sort_keys=True, allow_nan=False)
        except (TypeError, ValueError):  # not JSON values, not compared: made anew
            return make_linter(config)
    else:
        return make_linter(config)
    with _shared_lock:
        linter = _shared.get(key)
        if linter is not None:
            _shared.move_to_end(key)
            return linter
    linter = make_linter(config)  # outside the lock: two threads may both make it, and one is kept
    with _shared_lock:
        _shared[key] = linter
        if len(_shared) > _SHARED_LINTERS:
            _shared.popitem(last=False)
    return linter


def lint(
    html: str | bytes,
    *,
    config: ConfigLike = None,
    path: str = "<string>",
    max_bytes: int | Limit | None = Limit.CONFIGURED,
    timeout: float | Limit | None = Limit.CONFIGURED,
) -> Report:
    """Lint one article given as text or bytes (decoded as a browser would).

    Never raises for any input: anything that is not an HTML article (not text,
    empty, an image, a PDF, plain text or Markdown), is over *max_bytes* (text
    counted in UTF-8 bytes; by default the configuration's ``max-file-size``;
    None for no limit) or takes longer than *timeout* seconds to parse and lint
    (by default the configuration's ``timeout``; None or 0 for no limit) gives a
    report with ``error`` set. A bad *config* raises
    :class:`~lint_article.rule.ConfigError`, and an out-of-range *max_bytes* or
    *timeout* ValueError."""
    check_limits(max_bytes, timeout)
    return shared_linter(config).lint(html, path, max_bytes=max_bytes, timeout=timeout)


def fix(html: str | bytes, *, unsafe: bool = False, config: ConfigLike = None, path: str = "<string>") -> FixResult:
    """Apply the fixes of the findings in *html* and lint the result: a
    :class:`~lint_article.fixes.FixResult` with the new ``text``, the fixes
    ``applied`` and the ``report`` of what is left. Safe fixes only, unless
    *unsafe*. Every character outside the edited spans stays as it was; bytes
    are decoded as a browser would first. Input that cannot be linted gives a
    report whose ``error`` says why, and its text as given (none for bytes); a
    bad *config* raises :class:`~lint_article.rule.ConfigError`."""
    from .fixes import fix_html

    return fix_html(shared_linter(config), html, path, unsafe=unsafe)


def lint_file(
    path: str | os.PathLike[str],
    *,
    config: ConfigLike = None,
    max_bytes: int | Limit | None = Limit.CONFIGURED,
    timeout: float | Limit | None = Limit.CONFIGURED,
) -> Report:
    """Lint one file; a file that cannot be read, or is not an HTML article,
    gives a report with ``error`` set."""
    linter = shared_linter(config)
    if not isinstance(path, str | os.PathLike):
        return Report(str(path), error=f"no path given: {type(path).__name__}, not str or os.PathLike")
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
    limit), takes longer than *timeout* seconds (by default the linter's
    ``timeout``; None or 0: no limit) or is not an HTML article gives a report
    with ``error`` set."""
    name = display or str(path)
    check_limits(max_bytes, timeout)
    seconds = linter.timeout if timeout is Limit.CONFIGURED else timeout or None
    try:
        data = read_file(path, linter.max_bytes if max_bytes is Limit.CONFIGURED else max_bytes, seconds)
    except Unreadable as exc:
        return Report(name, error=str(exc))
    return linter.lint(data, name, max_bytes=None, timeout=timeout)


class Unreadable(Exception):
    """A file that cannot be linted; the message says why, for its report's ``error``."""


def read_file(path: Path, max_bytes: int | None, seconds: float | None = None) -> bytes:
    """The bytes of the file at *path*, or Unreadable when it cannot be read or
    holds more than *max_bytes* (None: no limit). A named pipe is read as its
    writer writes, for no longer than *seconds*; one that no program opens for
    writing within a second is an error (opening it would wait for a writer for ever)."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if max_bytes is not None and info.st_size > max_bytes:
            raise TooLarge(max_bytes, info.st_size, hint=MAX_FILE_SIZE_HINT)
        if stat.S_ISFIFO(info.st_mode):
            data = _read_pipe(path, max_bytes, seconds)
            if not data:
                raise Unreadable("a named pipe that nothing was written to")
            return data
        with path.open("rb") as stream:
            return read_limited(stream, max_bytes, hint=MAX_FILE_SIZE_HINT)
    except (TooLarge, TooSlow) as exc:
        raise Unreadable(str(exc)) from None
    except FileNotFoundError:
        raise Unreadable("no such file") from None
    except IsADirectoryError:
        raise Unreadable("is a directory") from None
    except PermissionError:
        raise Unreadable("permission denied") from None
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None


_PIPE_CHUNK = 1 << 16
_WRITER_GRACE = 1.0
"""Seconds a named pipe with no writer is given for one to open it."""
_WRITER_POLL = 0.01


def _read_pipe(path: Path, max_bytes: int | None, seconds: float | None) -> bytes:
    """What a named pipe holds, up to *max_bytes* and for at most *seconds*
    (raising TooLarge or TooSlow past them); empty when no program
    opens it for writing within :data:`_WRITER_GRACE` seconds (half of *seconds* at
    most), or when its writers
    close it having written nothing. Opened without waiting for a writer, and read
    only when select() says there is something to read."""
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
            if not chunk:  # end of file: no writer (yet), or the last one has closed it
                if chunks or waited >= (min(_WRITER_GRACE, seconds / 2) if seconds else _WRITER_GRACE):
                    return b"".join(chunks)
                time.sleep(_WRITER_POLL)  # a writer may be opening it as we read (a pipeline starting up)
                continue
            size += len(chunk)
            if max_bytes is not None and size > max_bytes:
                raise TooLarge(max_bytes, hint=MAX_FILE_SIZE_HINT)
            chunks.append(chunk)
    finally:
        os.close(descriptor)
