"""Configuration files: finding them, reading them, and the settings each file gets.

For each linted file, the first configuration found walking up from its folder
applies (then the current directory's, then none). In each folder the sources
are tried in this order, and the first one that holds lint-article settings wins:

1. ``.lint-article.toml``: the keys at its top level;
2. ``pyproject.toml``: the ``[tool.lint-article]`` table;
3. ``setup.cfg``: the ``[lint-article]`` section, with lists comma- or
   newline-separated as in flake8, and per-rule sections ``[lint-article.rules.RULE-ID]``.

``--config PATH`` names the file instead (and no discovery happens);
``--isolated`` reads no file at all. Options given on the command line win
over every file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from .api import make_linter
from .config import Config
from .regex import on_use
from .registry import Registry
from .rule import ConfigError

if TYPE_CHECKING:
    from .engine import Linter

CONFIG_NAMES = (".lint-article.toml", "pyproject.toml", "setup.cfg")
_SETUP_CFG_SECTION = "lint-article"
_SETUP_CFG_RULES = "lint-article.rules."
_SETUP_CFG_LISTS = {"select", "extend-select", "ignore", "exclude"}


def read_config_file(path: Path) -> Config | None:
    """The settings in *path*, or None when it holds no lint-article settings."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    if path.name == "setup.cfg" or path.suffix == ".cfg":
        data = _setup_cfg(text, path)
        where = f"{path} [lint-article]"
    else:
        document = load_toml(text, path)
        if path.name == "pyproject.toml":
            tool = document.get("tool", {})
            data = tool.get("lint-article") if isinstance(tool, Mapping) else None
            where = f"{path} [tool.lint-article]"
        else:
            data, where = document, str(path)
    if data is None:
        return None
    if not isinstance(data, Mapping):
        raise ConfigError(f"{where}: expected a table of settings")
    return Config.from_mapping(data, source=where, root=path.parent)


def _setup_cfg(text: str, path: Path) -> dict[str, Any] | None:
    import configparser  # only where a setup.cfg is found: kept off start-up

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error as exc:
        raise ConfigError(f"{path}: invalid setup.cfg: {exc}") from None
    if not parser.has_section(_SETUP_CFG_SECTION):
        return None
    data: dict[str, Any] = {}
    for key, raw in parser.items(_SETUP_CFG_SECTION):
        data[key] = raw if key in _SETUP_CFG_LISTS or key == "per-file-ignores" else _scalar(raw)
    rules = {
        section[len(_SETUP_CFG_RULES) :]: {key: _scalar(raw) for key, raw in parser.items(section)}
        for section in parser.sections()
        if section.startswith(_SETUP_CFG_RULES)
    }
    if rules:
        data["rules"] = rules
    return data


def _scalar(raw: str) -> Any:
    """An INI value as the type it spells: number, true/false, none, list or text."""
    value = raw.strip()
    lowered = value.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered == "none":
        return None
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            pass
    if "\n" in value or "," in value:
        return [part.strip() for part in value.replace("\n", ",").split(",") if part.strip()]
    return value


def find_config_file(folder: Path, warn: Callable[[str], None] = lambda warning: None) -> Path | None:
    """The first file, in *folder* or above it, that holds lint-article settings;
    *warn* hears of each table on the way that looks meant for lint-article but
    is not read (``[tool.lint_article]``)."""
    for directory in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and _has_settings(candidate, warn):
                return candidate
    return None


def load_toml(text: str, path: Path) -> dict[str, Any]:
    """The TOML document *text* of *path*; raises ConfigError for one that is not TOML."""
    import tomllib  # only where a TOML file is found: kept off start-up

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:  # tomllib reads nested arrays and tables by recursion
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None


def _has_settings(path: Path, warn: Callable[[str], None]) -> bool:
    if path.name == ".lint-article.toml":
        return True
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    for warning in near_misses(path, text):
        warn(warning)
    marker = "[tool.lint-article" if path.name == "pyproject.toml" else "[lint-article"
    return marker in text


_MENTIONED = on_use(r"lint.?art", re.IGNORECASE)
# In a pyproject.toml, only a table, or a key at the top level or under ``[tool]``,
# can be ours misspelt ("[tool.lint_article]", "lint-article = {" under "[tool]").
# Other mentions need no TOML parse: a plugin's "[project.entry-points.'lint_article.rules']",
# a project's dependency ("lint-article>=0.1") or its script named lint-article.
_OURS_MISSPELT = r"[\"']?lint.?art"
_TABLE_OR_KEY = on_use(
    r"^[ \t]*(?:\[\[?(?P<table>[^\]\n]*)"
    rf"|(?P<key>{_OURS_MISSPELT}[^=\n]*=)"
    rf"|(?P<tool_key>tool[ \t]*\.[ \t]*{_OURS_MISSPELT}))",
    re.IGNORECASE | re.MULTILINE,
)
_TABLE_OURS = on_use(rf"(?:tool[ \t]*\.[ \t]*)?{_OURS_MISSPELT}", re.IGNORECASE)
_OUR_NAME = "lint-article"


def _may_name_ours(text: str) -> bool:
    """Whether a pyproject.toml's *text* has a line that may start a table or key
    of lint-article's misspelt (see :data:`_TABLE_OR_KEY`): only then is it parsed."""
    table = ""
    for match in _TABLE_OR_KEY.finditer(text):
        if match["table"] is not None:
            if _TABLE_OURS.match(match["table"].strip()):
                return True
            table = re.sub(r"[\s\"']", "", match["table"]).lower()
        elif table == "" or (match["key"] and table == "tool"):
            return True
    return False


def near_misses(path: Path, text: str) -> list[str]:
    """A warning for each table of *path* (pyproject.toml or setup.cfg) that looks
    meant for lint-article but is not read, naming the table that is."""
    if not _MENTIONED.search(text):
        return []
    if path.name == "pyproject.toml":
        if not _may_name_ours(text):
            return []
        try:
            document = load_toml(text, path)
        except ConfigError:
            return []  # reported when the file is read, if it holds settings
        tool = document.get("tool", {})
        misses = [(f"[{key}]", "[tool.lint-article]") for key in document if _looks_like_ours(key)]
        if isinstance(tool, Mapping):
            misses += [
                (f"[tool.{key}]", "[tool.lint-article]") for key in tool if key != _OUR_NAME and _looks_like_ours(key)
            ]
    else:
        misses = [(f"[{section}]", f"[{meant}]") for section, meant in _setup_cfg_misses(text)]
    return [f"{path}: {table} is not read; did you mean {meant}?" for table, meant in misses]


def _setup_cfg_misses(text: str) -> list[tuple[str, str]]:
    misses = []
    for section in re.findall(r"^\[([^\]\n]+)\]", text, re.MULTILINE):
        name = section.strip()
        bare = re.sub(r"^tool[.:]", "", name)
        head, dot, rest = bare.partition(".")
        if name == _SETUP_CFG_SECTION or name.startswith(_SETUP_CFG_RULES) or not _looks_like_ours(head):
            continue
        if dot and not rest.startswith("rules."):
            rest = "rules." + rest.rpartition(".")[2]
        misses.append((name, _SETUP_CFG_SECTION + (f".{rest}" if dot else "")))
    return misses


def _looks_like_ours(name: str) -> bool:
    """Whether a table name is lint-article's misspelt: another separator, a plural, a typo."""
    import difflib  # only for a table that is not ours: kept off start-up

    normal = re.sub(r"[-_. ]", "", name.lower())
    return normal in ("lintarticle", "lintarticles") or bool(
        difflib.get_close_matches(normal, ["lintarticle"], cutoff=0.85)
    )


@dataclass
class Settings:
    """Resolves the settings and the linter of each file of a run, once per
    configuration file and set of per-file ignores."""

    overrides: Config = field(default_factory=Config)
    """Settings from the command line; they win over files."""
    config_file: Path | None = None
    """``--config``: this file for every path, no discovery."""
    isolated: bool = False
    """``--isolated``: no file at all."""
    registry: Registry | None = None
    warnings: dict[str, None] = field(default_factory=dict)
    """Tables met in discovery that look meant for lint-article but are not read (an ordered set)."""
    _by_folder: dict[Path | None, Config] = field(default_factory=dict)
    _by_given_folder: dict[str, Config] = field(default_factory=dict)
    """The same, by the folder as a path names it: resolved once, not for each file."""
    _linters: dict[tuple[int, frozenset[str]], Linter] = field(default_factory=dict)
    _found: dict[Path, Path | None] = field(default_factory=dict)

    def for_path(self, path: str | PurePath | None) -> Config:
        """The resolved settings for the article at *path* (None: the current directory's)."""
        if self.isolated:
            return self._resolved(None)
        if self.config_file is not None:
            return self._resolved(self.config_file.parent, explicit=self.config_file)
        given = os.path.dirname(os.path.abspath(path)) if path is not None else None
        if given is not None and given in self._by_given_folder:
            return self._by_given_folder[given]
        folder = Path(given) if given is not None else Path.cwd()
        config = self._resolved(folder.resolve() if folder.exists() else Path.cwd())
        if given is not None:
            self._by_given_folder[given] = config
        return config

    def _resolved(self, folder: Path | None, explicit: Path | None = None) -> Config:
        """The settings of *folder* (None: no file at all), built once: linters are
        cached by the identity of these settings, so each must be one object."""
        if folder not in self._by_folder:
            found = explicit or (self._find(folder) or self._find(Path.cwd()) if folder else None)
            base = read_config_file(found) if found else None
            if explicit and base is None:
                misses = near_misses(explicit, explicit.read_text(encoding="utf-8", errors="replace"))
                raise ConfigError(f"{explicit}: holds no lint-article settings", *misses)
            self._by_folder[folder] = (base or Config()).merged(self.overrides)
        return self._by_folder[folder]

    def _find(self, folder: Path) -> Path | None:
        """:func:`find_config_file` of *folder*, looked for once a run (the working
        directory is the fallback of every folder that has none)."""
        if folder not in self._found:
            self._found[folder] = find_config_file(folder, self._warn)
        return self._found[folder]

    def _warn(self, warning: str) -> None:
        self.warnings[warning] = None

    def resolve(self, path: str | PurePath | None) -> tuple[Config, frozenset[str]]:
        """The settings for *path*, and the rules that its per-file ignores leave out."""
        config = self.for_path(path)
        if path is None or not config.per_file_ignores:
            return config, frozenset()
        return config, config.ignored_for(Path(path).absolute())

    def linter_for(self, path: PurePath | None) -> Linter:
        """The linter for *path*: its settings, less its per-file ignores."""
        config, ignored = self.resolve(path)
        key = (id(config), ignored)
        if key not in self._linters:
            self._linters[key] = make_linter(config, self.registry, ignored=ignored)
        return self._linters[key]
