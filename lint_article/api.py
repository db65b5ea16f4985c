"""The library face: lint a string, bytes or a file, get a typed report."""

from __future__ import annotations

import enum
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .config import DEFAULT_MAX_FILE_SIZE, Config, as_config
from .registry import Registry, load_registry
from .report import Report

if TYPE_CHECKING:
    from .engine import Linter

ConfigLike = Config | Mapping[str, Any] | None

MAX_BYTES = DEFAULT_MAX_FILE_SIZE
"""The default size limit of one article (``max-file-size``): 20 MiB, twice the
largest page that a CMS serves in practice; a larger file gets a per-file error
instead of costing memory without bound (about 15 times its size while it is linted)."""


class Limit(enum.Enum):
    CONFIGURED = "the linter's max-file-size"
    """The default of every ``max_bytes``: the limit of the article's own configuration."""


class TooLarge(Exception):
    """An article over its size limit; the message is the report's error."""

    def __init__(self, max_bytes: int, size: int | None = None) -> None:
        known = f"{size:,} bytes, " if size is not None else ""
        super().__init__(f"file too large: {known}over the limit of {max_bytes:,} bytes")


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
        report_unused_disables=settings.report_unused_disables,
        max_bytes=settings.max_file_size,
        known_rules=frozenset(registry.rules),
    )


def lint(
    html: str | bytes,
    *,
    config: ConfigLike = None,
    path: str = "<string>",
    max_bytes: int | Limit | None = Limit.CONFIGURED,
) -> Report:
    """Lint one article given as text or bytes (decoded as a browser would).

    An article over *max_bytes* (text counted in UTF-8 bytes; by default the
    configuration's ``max-file-size``; None for no limit) gives a report with
    ``error`` set and is not parsed."""
    return lint_source(make_linter(config), html, path, max_bytes=max_bytes)


def _limit(linter: Linter, max_bytes: int | Limit | None) -> int | None:
    return linter.max_bytes if max_bytes is Limit.CONFIGURED else max_bytes


def _utf8_size(text: str, max_bytes: int | None) -> int:
    # A character takes one to four bytes: only text near the limit is encoded.
    if max_bytes is None or len(text) * 4 <= max_bytes or len(text) > max_bytes:
        return len(text)
    return len(text.encode("utf-8", errors="surrogatepass"))


def lint_source(
    linter: Linter, html: str | bytes, path: str, *, max_bytes: int | Limit | None = Limit.CONFIGURED
) -> Report:
    """Lint *html* with *linter*, as :func:`lint` does without building a linter."""
    try:
        check_size(html, _limit(linter, max_bytes))
    except TooLarge as exc:
        return Report(path, error=str(exc))
    return _lint_html(linter, html, path)


def _lint_html(linter: Linter, html: str | bytes, path: str) -> Report:
    from .document import Article  # loaded with the linter's engine already

    return linter.lint(Article.from_html(html), path)


def check_size(html: str | bytes, max_bytes: int | None) -> None:
    """Raise :class:`TooLarge` when *html* (text counted in UTF-8 bytes) is over *max_bytes* (None: no limit)."""
    size = len(html) if isinstance(html, bytes) else _utf8_size(html, max_bytes)
    if max_bytes is not None and size > max_bytes:
        raise TooLarge(max_bytes, size)


def lint_file(
    path: str | os.PathLike[str], *, config: ConfigLike = None, max_bytes: int | Limit | None = Limit.CONFIGURED
) -> Report:
    """Lint one file; a file that cannot be read gives a report with ``error`` set."""
    linter = make_linter(config)
    return lint_path(linter, Path(path), max_bytes=max_bytes)


def lint_path(
    linter: Linter, path: Path, display: str | None = None, *, max_bytes: int | Limit | None = Limit.CONFIGURED
) -> Report:
    """Lint the file at *path* with *linter*; a file that cannot be read, or is
    larger than *max_bytes* (by default the linter's ``max-file-size``; None: no
    limit), gives a report with ``error`` set."""
    name = display or str(path)
    try:
        data = read_file(path, _limit(linter, max_bytes))
    except Unreadable as exc:
        return Report(name, error=str(exc))
    return _lint_html(linter, data, name)


class Unreadable(Exception):
    """A file that cannot be linted; the message says why, for its report's ``error``."""


def read_file(path: Path, max_bytes: int | None) -> bytes:
    """The bytes of the file at *path*, or Unreadable when it cannot be read or
    holds more than *max_bytes* (None: no limit)."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if max_bytes is not None and info.st_size > max_bytes:
            raise TooLarge(max_bytes, info.st_size)
        with path.open("rb") as stream:
            return read_limited(stream, max_bytes)
    except TooLarge as exc:
        raise Unreadable(str(exc)) from None
    except FileNotFoundError:
        raise Unreadable("no such file") from None
    except IsADirectoryError:
        raise Unreadable("is a directory") from None
    except PermissionError:
        raise Unreadable("permission denied") from None
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None
