"""Which files a run lints: the paths given, and the HTML files below directories."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

HTML_SUFFIXES = (".html", ".htm")


def expand_paths(
    paths: Sequence[str],
    excluded: Callable[[Path], bool] = lambda path: False,
    *,
    unreadable: Callable[[Path, OSError], None],
    empty: Callable[[Path, int], None] = lambda directory, skipped: None,
    force_exclude: bool = False,
) -> Iterator[Path]:
    """Files named directly (whatever their suffix or kind, and even if *excluded*,
    unless *force_exclude*), then the regular ``*.html``/``*.htm`` files below each
    directory sorted by path, less the *excluded* ones. *unreadable* hears of each
    directory that cannot be listed, *empty* of each directory given that holds
    no file to lint (with the number of HTML files *excluded* skipped). Recursion
    follows no directory link (no loops) and no file link that leads out of the
    directory given."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from _below(path, excluded, unreadable, empty)
        elif not (force_exclude and excluded(path)):
            yield path


def _below(
    root: Path,
    excluded: Callable[[Path], bool],
    unreadable: Callable[[Path, OSError], None],
    empty: Callable[[Path, int], None],
) -> list[Path]:
    failed: list[OSError] = []

    def report(directory: Path, exc: OSError) -> None:
        failed.append(exc)
        unreadable(directory, exc)

    found = list(_walk(root, report))
    kept = sorted(file for file in found if not excluded(file))
    if not kept and not failed:
        empty(root, len(found))
    return kept


def _walk(root: Path, unreadable: Callable[[Path, OSError], None]) -> Iterator[Path]:
    real_root = root.resolve()

    def report(exc: OSError) -> None:
        unreadable(Path(exc.filename), exc)

    for directory, subdirs, files in os.walk(root, onerror=report, followlinks=False):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(files):
            if not name.lower().endswith(HTML_SUFFIXES):
                continue
            path = Path(directory, name)
            if path.is_symlink() and not path.resolve().is_relative_to(real_root):
                continue
            if _special(path):
                continue
            yield path


def _special(path: Path) -> bool:
    """Whether *path* leads to something other than a regular file: reading a FIFO
    blocks until a writer comes, and a device may never end. A dangling link is
    not special: linting it reports that it leads nowhere."""
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False
