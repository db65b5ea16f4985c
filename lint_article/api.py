"""The library face: lint a string, bytes or a file, get a typed report."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .article import Article
from .config import Config, as_config
from .engine import Linter
from .registry import Registry, load_registry
from .report import Report

ConfigLike = Config | Mapping[str, Any] | None


def make_linter(config: ConfigLike = None, registry: Registry | None = None) -> Linter:
    """A reusable linter for *config*; raises ConfigError before any article is read."""
    settings = as_config(config)
    return Linter(settings.activate(registry or load_registry()), language=settings.language)


def lint(html: str | bytes, *, config: ConfigLike = None, path: str = "<string>") -> Report:
    """Lint one article given as text or bytes (decoded as a browser would)."""
    return make_linter(config).lint(Article.from_html(html), path)


def lint_file(path: str | os.PathLike[str], *, config: ConfigLike = None) -> Report:
    """Lint one file; a file that cannot be read gives a report with ``error`` set."""
    linter = make_linter(config)
    return lint_path(linter, Path(path))


def lint_path(linter: Linter, path: Path, display: str | None = None) -> Report:
    name = display or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Report(name, error="no such file")
    except IsADirectoryError:
        return Report(name, error="is a directory")
    except PermissionError:
        return Report(name, error="permission denied")
    except OSError as exc:
        return Report(name, error=f"cannot read: {exc.strerror or exc}")
    return linter.lint(Article.from_html(data), name)
