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

Each entry is a file of its own, ``results-v1/<2 hex>/<62 hex>``: the SHA-256 of
its payload on the first line, then the report as JSON (rows of field values). It
is written to a temporary file and renamed over the entry, so that two runs
sharing the folder never see half an entry; an entry that is truncated or corrupt
fails its checksum, is ignored and is written anew. Two kinds of entries spare a
run that finds every report the rest of the work: ``settings-v1`` remembers the
linter key of a set of settings (so the rules need not be loaded to compute it),
and ``files-v1`` the content hash of a file by its stamp (so it need not be read).
The folder holds a ``.gitignore`` of ``*`` and a ``CACHEDIR.TAG``, so that git and
backup tools pass it by.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .api import read_file
from .findings import Finding, Fix, Severity
from .report import ParagraphStats, Report, Stats

if TYPE_CHECKING:
    from .config import ActiveRule, Config
    from .engine import Linter
    from .registry import Registry

DEFAULT_CACHE_DIR = ".lint-article-cache"
CACHE_DIR_VARIABLE = "LINT_ARTICLE_CACHE_DIR"
FORMAT = 4  # 2: stats end with the paragraphs' scores; 3: findings end with their fix; 4: a table of strings
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
        self._settings_keys: dict[tuple[int, frozenset[str]], tuple[Config, str]] = {}
        self._prepared = False

    def key(self, linter_key: str, content: str) -> str:
        """The entry of the article whose :func:`content_digest` is *content*, linted by the
        linter whose :func:`linter_key` is *linter_key*."""
        return _sha256(f"{linter_key}:{content}".encode("ascii"))

    def read(self, path: Path, max_bytes: int | None, *, trust_stamp: bool = True) -> tuple[str, bytes | None]:
        """The :func:`content_digest` of the file at *path*, and its bytes, or None for them
        when the file is as it was when this cache last read it (the same device, inode,
        size, modification and change times, as git's index tells): then it is not read.
        Raises :class:`~lint_article.api.Unreadable` as ``read_file`` does.

        A file is only remembered once its times are :data:`SETTLED_NS` old, so that a
        write within the clock's resolution of the one read cannot go unseen; and since
        every write sets the change time to now, setting the modification time back
        (``touch -d``, ``rsync -t``) does not hide an edit."""
        try:
            info: os.stat_result | None = os.stat(path)
        except OSError:
            info = None
        entry = self._entry("files", _sha256(os.fsencode(os.path.abspath(path))))
        stamp = _stat_stamp(info) if info is not None and stat.S_ISREG(info.st_mode) else None
        if stamp is not None and trust_stamp and (max_bytes is None or stamp[2] <= max_bytes):
            known = self._read(entry)
            if isinstance(known, list) and known[:-1] == stamp and isinstance(known[-1], str):
                return known[-1], None
        data = read_file(path, max_bytes)
        digest = content_digest(data)
        if stamp is not None and time.time_ns() - max(stamp[3], stamp[4]) > SETTLED_NS:
            self._write(entry, [*stamp, digest])
        return digest, data

    def linter_key(self, linter: Linter, registry: Registry) -> str:
        """:func:`linter_key` of *linter*, computed once per linter."""
        if linter not in self._linter_keys:
            self._linter_keys[linter] = linter_key(linter, registry)
        return self._linter_keys[linter]

    def settings_key(
        self, config: Config, ignored: frozenset[str], build: Callable[[], tuple[Linter, Registry]]
    ) -> str:
        """:func:`linter_key` of the linter for *config* less the *ignored* rules.

        *build* makes that linter, which checks the settings against the installed
        rules (ConfigError) and so loads them all; the key it gives is remembered
        on disk under a hash of the settings and of the installed packages, so that
        the next run with the same settings in the same environment knows the key,
        and that the settings are good, without loading a rule."""
        memo = (id(config), ignored)
        if memo in self._settings_keys:
            return self._settings_keys[memo][1]
        entry = self._entry("settings", _settings_stamp(config, ignored))
        known = self._read(entry)
        if isinstance(known, dict) and all(_file_stamp(name) == list(stamp) for name, stamp in known["plugins"]):
            key: str = known["key"]
        else:
            linter, registry = build()
            key = self.linter_key(linter, registry)
            if not registry.errors:  # a broken plugin is reported by every run until it is mended
                self._write(entry, {"key": key, "plugins": _plugin_files(linter, registry)})
        self._settings_keys[memo] = (config, key)
        return key

    def get(self, key: str, path: str) -> Report | None:
        """The report kept under *key*, named *path*; None when there is none or it is damaged."""
        data = self._read(self._entry("results", key))
        try:
            strings, rows, (*figures, paragraphs) = data
            for row in rows:  # written by put(): the fields in order, the fix last
                row[1] = _SEVERITIES[row[1]]
                for index in _TABLED:
                    row[index] = strings[row[index]]
                if row[-1]:
                    row[-1] = Fix.from_list(row[-1])
            findings = tuple([Finding(*row) for row in rows])
            named = dict(zip(_FIGURE_FIELDS, figures, strict=True))
            rows = zip(*[iter(paragraphs)] * len(_PARAGRAPH_FIELDS), strict=True)
            stats = Stats(**named, paragraph_scores=tuple([ParagraphStats(*row) for row in rows]))
            return Report(path, findings, stats)  # reports with an error are never kept
        except (ValueError, TypeError, KeyError, IndexError):  # none, or well-formed JSON of another shape
            return None

    def put(self, key: str, report: Report) -> None:
        """Keep *report* under *key*, unless it says the run went wrong (unreadable, a crashed rule)."""
        if report.error is not None or report.internal_errors:
            return
        # Rows of field values, in the order of the dataclasses' fields: compact, and quick to read back.
        # The strings that findings repeat (a rule's id, its advice) are written once, in a table.
        strings: dict[str, int] = {}
        findings = []
        for f in report.findings:
            row = [*(getattr(f, name) for name in _FINDING_FIELDS), f.fix.to_list() if f.fix else None]
            for index in _TABLED:
                row[index] = strings.setdefault(row[index], len(strings))
            findings.append(row)
        stats: list[Any] = [getattr(report.stats, name) for name in _FIGURE_FIELDS]
        # One flat list of the paragraphs' fields: a list a paragraph doubles the time JSON takes to read them.
        stats.append([getattr(p, name) for p in report.stats.paragraph_scores for name in _PARAGRAPH_FIELDS])
        self._write(self._entry("results", key), [list(strings), findings, stats])

    def _entry(self, kind: str, key: str) -> str:
        # Strings, not Paths: a run that finds every report spends its time here.
        return os.path.join(self.directory, f"{kind}-v{FORMAT}", key[:2], key[2:])

    def _read(self, entry: str) -> Any:
        """The JSON kept at *entry*; None when there is none, or when it is damaged."""
        try:
            with open(entry, "rb") as stream:
                data = stream.read()
        except OSError:
            return None
        checksum, _, payload = data.partition(b"\n")
        if _sha256(payload).encode("ascii") != checksum:
            return None
        try:
            return json.loads(payload.decode("utf-8", errors="surrogatepass"))
        except ValueError:
            return None

    def _write(self, entry_name: str, data: Any) -> None:
        entry = Path(entry_name)
        if self.problem is not None:
            return
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", errors="surrogatepass")
        try:
            self._prepare()
            entry.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(entry, _sha256(payload).encode("ascii") + b"\n" + payload)
        except OSError as exc:
            self.problem = f"cannot write to the cache {self.directory}: {exc.strerror or exc}"

    def _prepare(self) -> None:
        if self._prepared:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        for name, text in ((".gitignore", "# Made by lint-article.\n*\n"), ("CACHEDIR.TAG", _TAG)):
            if not (self.directory / name).exists():
                _write_atomically(self.directory / name, text.encode("utf-8"))
        self._prepared = True


def _sha256(data: bytes) -> str:
    """The SHA-256 of *data*, in hex. hashlib is imported at the first hash, not
    with this module: loading OpenSSL costs a one-file run 5 ms, and a run
    without a cache (``--no-cache``, a service's workers) hashes nothing here."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


def content_digest(html: str | bytes) -> str:
    """A hash of an article's content; text and bytes differ (bytes are decoded as a browser would)."""
    if isinstance(html, bytes):
        return _sha256(b"bytes:" + html)
    return _sha256(b"text:" + html.encode("utf-8", errors="surrogatepass"))


SETTLED_NS = 2_000_000_000
"""How old a file's times must be before the cache trusts them to tell a change (2 s,
the coarsest resolution of common file systems)."""


def _stat_stamp(info: os.stat_result) -> list[int]:
    return [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


_FINDING_FIELDS = [field.name for field in dataclasses.fields(Finding) if field.name != "fix"]
"""The fields kept as they are; the fix, an object, is kept as a row of its own, last."""
_TABLED = [_FINDING_FIELDS.index(name) for name in ("rule", "message_id", "url", "advice")]
"""The fields kept in an entry's table of strings: the same for many findings."""
_SEVERITIES = {int(severity): severity for severity in Severity}  # a dict, many times quicker than Severity(n)
# Stats' fields but the last, paragraph_scores, which is kept as ParagraphStats' fields one after another.
_FIGURE_FIELDS = [field.name for field in dataclasses.fields(Stats)][:-1]
_PARAGRAPH_FIELDS = [field.name for field in dataclasses.fields(ParagraphStats)]


def _write_atomically(path: Path, data: bytes) -> None:
    """Write *path* whole or not at all: a temporary file beside it, renamed over it.
    The file is readable as the umask allows (a cache a team shares), as ruff's are."""
    temporary = path.with_name(f".tmp-{os.urandom(8).hex()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
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
    import shutil

    shutil.rmtree(folder)
    return True


def _settings_stamp(config: Config, ignored: frozenset[str]) -> str:
    """A hash of what decides the linter of *config* less *ignored*, read without loading
    a rule: the settings that change reports, lint-article's files, and the packages
    installed (a plugin installed, upgraded or removed changes its site-packages folder)."""
    described = {
        "format": FORMAT,
        "source": _source_stamp(),
        "packages": [(entry, _folder_time(entry)) for entry in sys.path if entry.endswith(_PACKAGE_FOLDERS)],
        # Every setting but those known to change no report: a setting added later counts until it is known.
        "settings": {
            field.name: getattr(config, field.name)
            for field in dataclasses.fields(config)
            if field.name not in _SETTINGS_WITHOUT_EFFECT
        },
        "ignored": sorted(ignored),
    }
    return _sha256(json.dumps(described, sort_keys=True, default=repr).encode("utf-8"))


_SETTINGS_WITHOUT_EFFECT = frozenset(
    # per-file-ignores counts through the rules it leaves out of each file (*ignored*).
    {"fail_on", "exclude", "max_file_size", "per_file_ignores", "source", "root", "origins"}
)


_PACKAGE_FOLDERS = ("site-packages", "dist-packages")


def _folder_time(folder: str) -> int | None:
    try:
        return os.stat(folder).st_mtime_ns
    except OSError:
        return None


def _plugin_files(linter: Linter, registry: Registry) -> list[tuple[str, list[int] | None]]:
    """The module file of each rule from a plugin, with its size and time: a plugin
    under development changes its code without a new version or a new install."""
    origins = {entry.rule: entry.origin for entry in registry.rules.values()}
    actives = [*linter.rules, *(linter.fragment_rules or ())]
    names = {type(a.rule).__module__ for a in actives if origins.get(type(a.rule), "unknown") != PACKAGE}
    files = sorted(filter(None, (getattr(sys.modules.get(name), "__file__", None) for name in names)))
    return [(name, _file_stamp(name)) for name in files]


def _file_stamp(filename: str) -> list[int] | None:
    try:
        info = os.stat(filename)
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


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
            "module": None
            if origin == PACKAGE
            else _file_stamp(getattr(sys.modules[rule_class.__module__], "__file__", "")),
            "options": dataclasses.asdict(active.options),
            # The severity, the scope, and whatever else an active rule comes to carry.
            **{
                f.name: getattr(active, f.name) for f in dataclasses.fields(active) if f.name not in ("rule", "options")
            },
        }

    described = {
        **{name: value for name, value in vars(linter).items() if name not in _LINTER_ATTRIBUTES_DESCRIBED},
        "format": FORMAT,
        "lint-article": package_stamp(),
        "rules": [rule(active) for active in linter.rules],
        "fragment_rules": None if linter.fragment_rules is None else [rule(a) for a in linter.fragment_rules],
        # Which rules are installed decides whether a directive names one.
        "known_rules": sorted(linter.known_rules or ()),
    }
    text = json.dumps(described, sort_keys=True, default=repr)
    return _sha256(text.encode("utf-8"))


_LINTER_ATTRIBUTES_DESCRIBED = frozenset(
    # The rules are described one by one; the size and time limits only decide which
    # articles are linted, and reports past them are never kept.
    {"rules", "fragment_rules", "known_rules", "max_bytes", "timeout"}
)


def package_stamp() -> str:
    """lint-article's version and a hash of its files' names, sizes and modification
    times: code changed during development, without a new version, is new code."""
    return f"{_distribution_version(PACKAGE)}:{_source_stamp()}"


@functools.cache
def _source_stamp() -> str:
    import hashlib  # see _sha256

    root = Path(__file__).parent
    digest = hashlib.sha256()
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if d != "__pycache__")
        for name in sorted(files):
            info = os.stat(os.path.join(directory, name))
            relative = os.path.relpath(os.path.join(directory, name), root)
            digest.update(f"{relative}\0{info.st_size}\0{info.st_mtime_ns}\n".encode("utf-8", errors="surrogatepass"))
    return digest.hexdigest()


@functools.cache
def _distribution_version(name: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version  # here: a cached report needs no metadata

    try:
        return version(name)
    except (PackageNotFoundError, ValueError):
        return None
