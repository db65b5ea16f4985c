"""The library face: lint a string, bytes or a file, get a typed report."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .article import Article
from .config import Config, as_config
from .engine import Linter
from .registry import Registry, load_registry
from .report import Report

ConfigLike = Config | Mapping[str, Any] | None

MAX_BYTES = 20 * 1024 * 1024
"""The default size limit of one article: 20 MiB, twice the largest page that a
CMS serves in practice; a larger file gets a per-file error instead of costing
memory without bound (about 15 times its size while it is linted)."""


def _too_large(size: int, max_bytes: int | None) -> str | None:
    if max_bytes is None or size <= max_bytes:
        return None
    return f"file too large: {size:,} bytes, over the limit of {max_bytes:,} bytes"


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
    )


def lint(
    html: str | bytes, *, config: ConfigLike = None, path: str = "<string>", max_bytes: int | None = MAX_BYTES
) -> Report:
    """Lint one article given as text or bytes (decoded as a browser would).

    An article over *max_bytes* (text counted in UTF-8 bytes; None for no
    limit) gives a report with ``error`` set and is not parsed."""
    return lint_source(make_linter(config), html, path, max_bytes=max_bytes)


def _utf8_size(text: str, max_bytes: int | None) -> int:
    # A character takes one to four bytes: only text near the limit is encoded.
    if max_bytes is None or len(text) * 4 <= max_bytes or len(text) > max_bytes:
        return len(text)
    return len(text.encode("utf-8", errors="surrogatepass"))


def lint_source(linter: Linter, html: str | bytes, path: str, *, max_bytes: int | None = MAX_BYTES) -> Report:
    """Lint *html* with *linter*, as :func:`lint` does without building a linter."""
    size = len(html) if isinstance(html, bytes) else _utf8_size(html, max_bytes)
    error = _too_large(size, max_bytes)
    if error:
        return Report(path, error=error)
    return linter.lint(Article.from_html(html), path)


def lint_file(path: str | os.PathLike[str], *, config: ConfigLike = None, max_bytes: int | None = MAX_BYTES) -> Report:
    """Lint one file; a file that cannot be read gives a report with ``error`` set."""
    linter = make_linter(config)
    return lint_path(linter, Path(path), max_bytes=max_bytes)


def lint_path(linter: Linter, path: Path, display: str | None = None, *, max_bytes: int | None = MAX_BYTES) -> Report:
    """Lint the file at *path* with *linter*; a file that cannot be read, or is
    larger than *max_bytes* (None: no limit), gives a report with ``error`` set."""
    name = display or str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        error = _too_large(info.st_size, max_bytes)
        if error:
            return Report(name, error=error)
        with path.open("rb") as stream:
            # Bounded even where the size is not known beforehand (a pipe, /dev/zero).
            data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
        if max_bytes is not None and len(data) > max_bytes:
            return Report(name, error=f"file too large: over the limit of {max_bytes:,} bytes")
    except FileNotFoundError:
        return Report(name, error="no such file")
    except IsADirectoryError:
        return Report(name, error="is a directory")
    except PermissionError:
        return Report(name, error="permission denied")
    except OSError as exc:
        return Report(name, error=f"cannot read: {exc.strerror or exc}")
    return linter.lint(Article.from_html(data), name)
