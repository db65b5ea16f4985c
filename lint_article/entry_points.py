"""The entry points of a group, read from the installed distributions' metadata.

This answers what ``importlib.metadata.entry_points(group=...)`` answers, read
the way it reads it: each folder of ``sys.path`` in order, each ``*.dist-info``
or ``*.egg-info`` in it, the first distribution of each name winning. It is
done here because importlib.metadata cost a one-file run about 45 ms of its
200: importing it brings in email, csv and zipfile, and naming a distribution
parses its whole METADATA (lint-article's holds the README). Where ``sys.path``
holds an archive, or an import hook provides distributions of its own,
importlib.metadata is asked instead.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from dataclasses import dataclass
from functools import reduce
from typing import Any

from .regex import on_use

_INFO_SUFFIXES = (".dist-info", ".egg-info")
# importlib.metadata's EntryPoint.pattern: a module, an optional dotted attribute, optional extras.
_VALUE = on_use(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


@dataclass(frozen=True, slots=True)
class EntryPoint:
    """One ``name = module:attribute`` line of a distribution's ``entry_points.txt``."""

    name: str
    value: str
    distribution: str
    """The name of the distribution that declares it, as its metadata spells it."""

    def load(self) -> Any:
        """The object the entry point names, its module imported (ImportError, AttributeError, ValueError)."""
        match = _VALUE.match(self.value)
        if match is None:
            raise ValueError(f"{self.value!r} names no module")
        module = importlib.import_module(match.group("module"))
        return reduce(getattr, filter(None, (match.group("attr") or "").split(".")), module)


def entry_points(group: str) -> list[EntryPoint]:
    """The entry points of *group*, from every distribution on ``sys.path``."""
    if not _plain_folders():
        return _from_importlib(group)
    seen: set[str] = set()
    points: list[EntryPoint] = []
    for entry in sys.path:
        folder = entry or "."
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if not name.lower().endswith(_INFO_SUFFIXES):
                continue
            stem = name.rpartition(".")[0].partition("-")[0]  # "lint_article-0.1.0.dist-info": lint_article
            distribution = _normalized(stem)
            if distribution in seen:
                continue
            seen.add(distribution)
            info = os.path.join(folder, name)
            lines = _entry_lines(os.path.join(info, "entry_points.txt"), group)
            if lines:
                shown = _metadata_name(info) or stem
                points.extend(EntryPoint(point, value, shown) for point, value in lines)
    return points


def _plain_folders() -> bool:
    """Whether every distribution lives in a folder of ``sys.path``: no archive on it,
    and no import hook that finds distributions but the standard path finder."""
    if any(os.path.isfile(entry) for entry in sys.path if entry):
        return False
    finders = [finder for finder in sys.meta_path if hasattr(finder, "find_distributions")]
    return all(finder.__module__ == "_frozen_importlib_external" for finder in finders)


def _from_importlib(group: str) -> list[EntryPoint]:
    from importlib.metadata import entry_points as installed  # the general reader, for archives and hooks

    return [
        EntryPoint(point.name, point.value, point.dist.name if point.dist is not None else "unknown")
        for point in installed(group=group)
    ]


def _normalized(name: str) -> str:
    """A distribution's name as importlib.metadata compares them."""
    return re.sub(r"[-_.]+", "_", name).lower()


def _entry_lines(path: str, group: str) -> list[tuple[str, str]]:
    """The ``name = value`` pairs of section *group* of the ini-style file at *path*."""
    try:
        with open(path, encoding="utf-8") as stream:
            text = stream.read()
    except (OSError, UnicodeDecodeError):
        return []
    pairs = []
    section = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif section == group and "=" in line:
            name, _, value = line.partition("=")
            pairs.append((name.strip(), value.strip()))
    return pairs


def _metadata_name(info: str) -> str | None:
    """The ``Name`` header of a distribution's METADATA (PKG-INFO for an egg), read up
    to the blank line that ends the headers: the description after it is not read."""
    for file in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(info, file), encoding="utf-8", errors="replace") as stream:
                for line in stream:
                    if not line.strip():
                        break
                    if line.lower().startswith("name:"):
                        return line[5:].strip()
        except OSError:
            continue
    return None
