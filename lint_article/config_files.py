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

import configparser
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from .api import make_linter
from .config import Config
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
        try:
            document = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
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


def find_config_file(folder: Path) -> Path | None:
    """The first file, in *folder* or above it, that holds lint-article settings."""
    for directory in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and _has_settings(candidate):
                return candidate
    return None


def _has_settings(path: Path) -> bool:
    if path.name == ".lint-article.toml":
        return True
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    marker = "[tool.lint-article" if path.name == "pyproject.toml" else "[lint-article"
    return marker in text


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
    _by_folder: dict[Path, Config] = field(default_factory=dict)
    _by_given_folder: dict[str, Config] = field(default_factory=dict)
    """The same, by the folder as a path names it: resolved once, not for each file."""
    _linters: dict[tuple[int, frozenset[str]], Linter] = field(default_factory=dict)

    def for_path(self, path: PurePath | None) -> Config:
        """The resolved settings for the article at *path* (None: the current directory's)."""
        if self.isolated:
            return Config().merged(self.overrides)
        if self.config_file is not None:
            return self._resolved(self.config_file.parent, explicit=self.config_file)
        given = os.path.abspath(PurePath(path).parent) if path is not None else None
        if given is not None and given in self._by_given_folder:
            return self._by_given_folder[given]
        folder = Path(given) if given is not None else Path.cwd()
        config = self._resolved(folder.resolve() if folder.exists() else Path.cwd())
        if given is not None:
            self._by_given_folder[given] = config
        return config

    def _resolved(self, folder: Path, explicit: Path | None = None) -> Config:
        if folder not in self._by_folder:
            found = explicit or find_config_file(folder) or find_config_file(Path.cwd())
            base = read_config_file(found) if found else None
            if explicit and base is None:
                raise ConfigError(f"{explicit}: holds no lint-article settings")
            self._by_folder[folder] = (base or Config()).merged(self.overrides)
        return self._by_folder[folder]

    def resolve(self, path: PurePath | None) -> tuple[Config, frozenset[str]]:
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
