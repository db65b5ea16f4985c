"""A cache of lint results on disk, so that a second run over the same articles reads
its reports instead of linting again (as ruff keeps ``.ruff_cache``).

An entry is keyed by everything that decides a report:

* the article's content (a SHA-256 of its bytes, or of its text for an article
  given as ``str``, which is decoded differently);
* the linter that lints it, resolved: each rule that runs with its options and
  severity (so the profile, the language, ``per-file-ignores`` as they apply to
  the file and ``report-unused-disables`` count only through what they change),
  the distribution and version each rule comes from (plugins included), and
  lint-article's own version and source files.

A changed option of one rule therefore invalidates the files that rule runs on
and no others, and a new version of anything is never trusted with an old result.
A report does not hold its path: the path comes from the current run. Reports
that say a file could not be read, or that a rule crashed, are not kept.

Each entry is a file of its own, ``results/<2 hex>/<62 hex>``: the SHA-256 of its
payload on the first line, then the report as JSON. It is written to a temporary
file and renamed over the entry, so that two runs sharing the folder never see
half an entry; an entry that is truncated or corrupt fails its checksum, is
ignored and is written anew. The folder holds a ``.gitignore`` of ``*`` and a
``CACHEDIR.TAG``, so that git and backup tools pass it by.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import shutil
import sys
import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .report import Report

if TYPE_CHECKING:
    from .config import ActiveRule
    from .engine import Linter
    from .registry import Registry

DEFAULT_CACHE_DIR = ".lint-article-cache"
CACHE_DIR_VARIABLE = "LINT_ARTICLE_CACHE_DIR"
FORMAT = 1
"""The layout of entries; a new one leaves the old entries unread."""
PACKAGE = "lint-article"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# A lint-article cache: lint-article clean removes it.\n"
"""``CACHEDIR.TAG`` (https://bford.info/cachedir/), which also tells ``clean`` that a folder is a cache."""


def default_cache_dir() -> Path:
    """``$LINT_ARTICLE_CACHE_DIR``, else ``.lint-article-cache`` in the working directory."""
    return Path(os.environ.get(CACHE_DIR_VARIABLE) or DEFAULT_CACHE_DIR)


class ResultCache:
    """Reports on disk under *directory*, by content and linter."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self.problem: str | None = None
        """Why the cache could not be written, when it could not (the run goes on without it)."""
        self._linter_keys: dict[Linter, str] = {}
        self._prepared = False

    def key(self, linter_key: str, html: str | bytes) -> str:
        """The entry of *html* linted by the linter whose :func:`linter_key` is *linter_key*."""
        digest = hashlib.sha256(linter_key.encode("ascii"))
        if isinstance(html, bytes):
            digest.update(b"bytes:")
            digest.update(html)
        else:
            digest.update(b"text:")
            digest.update(html.encode("utf-8", errors="surrogatepass"))
        return digest.hexdigest()

    def linter_key(self, linter: Linter, registry: Registry) -> str:
        """:func:`linter_key` of *linter*, computed once per linter."""
        if linter not in self._linter_keys:
            self._linter_keys[linter] = linter_key(linter, registry)
        return self._linter_keys[linter]

    def get(self, key: str, path: str) -> Report | None:
        """The report kept under *key*, named *path*; None when there is none or it is damaged."""
        try:
            data = self._entry(key).read_bytes()
        except OSError:
            return None
        checksum, _, payload = data.partition(b"\n")
        if hashlib.sha256(payload).hexdigest().encode("ascii") != checksum:
            return None
        try:
            return Report.from_dict({**json.loads(payload), "path": path, "error": None})
        except (ValueError, TypeError, KeyError, AttributeError):  # well-formed JSON of another shape
            return None

    def put(self, key: str, report: Report) -> None:
        """Keep *report* under *key*, unless it says the run went wrong (unreadable, a crashed rule)."""
        if report.error is not None or report.internal_errors or self.problem is not None:
            return
        data = report.to_dict()
        del data["path"], data["error"]
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", errors="surrogatepass")
        entry = self._entry(key)
        try:
            self._prepare()
            entry.parent.mkdir(exist_ok=True)
            _write_atomically(entry, hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload)
        except OSError as exc:
            self.problem = f"cannot write to the cache {self.directory}: {exc.strerror or exc}"

    def _entry(self, key: str) -> Path:
        return self.directory / f"results-v{FORMAT}" / key[:2] / key[2:]

    def _prepare(self) -> None:
        if self._prepared:
            return
        (self.directory / f"results-v{FORMAT}").mkdir(parents=True, exist_ok=True)
        for name, text in ((".gitignore", "# Made by lint-article.\n*\n"), ("CACHEDIR.TAG", _TAG)):
            if not (self.directory / name).exists():
                _write_atomically(self.directory / name, text.encode("utf-8"))
        self._prepared = True


def _write_atomically(path: Path, data: bytes) -> None:
    """Write *path* whole or not at all: a temporary file beside it, renamed over it."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def clean(directory: str | os.PathLike[str]) -> bool:
    """Remove the cache at *directory*; False when there is none. A folder that is
    not a lint-article cache (no ``CACHEDIR.TAG`` of ours) is left alone: ValueError."""
    folder = Path(directory)
    if not folder.exists():
        return False
    try:
        tag = (folder / "CACHEDIR.TAG").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        tag = ""
    if tag != _TAG:
        raise ValueError(f"{folder} is not a lint-article cache (it has no CACHEDIR.TAG of lint-article)")
    shutil.rmtree(folder)
    return True


def linter_key(linter: Linter, registry: Registry) -> str:
    """A hash of everything in *linter* that decides a report, and of the code behind it."""
    origins = {entry.rule: entry.origin for entry in registry.rules.values()}

    def rule(active: ActiveRule) -> dict[str, Any]:
        rule_class = type(active.rule)
        origin = origins.get(rule_class, "unknown")
        return {
            "id": rule_class.id,
            "class": f"{rule_class.__module__}.{rule_class.__qualname__}",
            "origin": origin,
            "version": _distribution_version(origin),
            # A plugin in development changes without a new version: its module's size and time say so.
            "module": None if origin == PACKAGE else _module_stamp(rule_class.__module__),
            "severity": str(active.severity),
            "options": dataclasses.asdict(active.options),
        }

    described = {
        "format": FORMAT,
        "lint-article": package_stamp(),
        "rules": [rule(active) for active in linter.rules],
        "fragment_rules": None if linter.fragment_rules is None else [rule(a) for a in linter.fragment_rules],
        "language": linter.language,
        "report_unused_disables": linter.report_unused_disables,
        # Only unused-directive findings depend on which other rules are installed.
        "known_rules": sorted(linter.known_rules or ()) if linter.report_unused_disables else None,
    }
    text = json.dumps(described, sort_keys=True, default=repr)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.cache
def package_stamp() -> str:
    """lint-article's version and a hash of its files' names, sizes and modification
    times: code changed during development, without a new version, is new code."""
    root = Path(__file__).parent
    digest = hashlib.sha256(str(_distribution_version(PACKAGE)).encode("utf-8"))
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if d != "__pycache__")
        for name in sorted(files):
            info = os.stat(os.path.join(directory, name))
            relative = os.path.relpath(os.path.join(directory, name), root)
            digest.update(f"{relative}\0{info.st_size}\0{info.st_mtime_ns}\n".encode("utf-8", errors="surrogatepass"))
    return digest.hexdigest()


@functools.cache
def _distribution_version(name: str) -> str | None:
    try:
        return version(name)
    except (PackageNotFoundError, ValueError):
        return None


def _module_stamp(module_name: str) -> tuple[str, int, int] | None:
    filename = getattr(sys.modules.get(module_name), "__file__", None)
    if filename is None:
        return None
    try:
        info = os.stat(filename)
    except OSError:
        return None
    return filename, info.st_size, info.st_mtime_ns
