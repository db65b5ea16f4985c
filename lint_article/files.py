"""Which files a run lints: the paths given, and the HTML files below directories."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

HTML_SUFFIXES = (".html", ".htm")


def expand_paths(paths: Sequence[str], excluded: Callable[[Path], bool] = lambda path: False) -> Iterator[Path]:
    """Files named directly (whatever their suffix, and even if *excluded*), then
    the ``*.html``/``*.htm`` files below each directory sorted by path, less the
    *excluded* ones. Recursion follows no directory link (no loops) and no file
    link that leads out of the directory given."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(found for found in _walk(path) if not excluded(found))
        else:
            yield path


def _walk(root: Path) -> Iterator[Path]:
    real_root = root.resolve()
    for directory, subdirs, files in os.walk(root, followlinks=False):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(files):
            if not name.lower().endswith(HTML_SUFFIXES):
                continue
            path = Path(directory, name)
            if path.is_symlink() and not path.resolve().is_relative_to(real_root):
                continue
            yield path
