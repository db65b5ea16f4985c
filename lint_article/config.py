"""Settings: which rules run, with which options and severities.

The same :class:`Config` object serves the library, the CLI and configuration
files. Everything is validated when the rules are activated, before any article
is read, so a mistake is reported once, with where it is, and nothing runs
half-configured.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fnmatch
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath, PurePosixPath
from typing import TYPE_CHECKING, Any

from .findings import Severity
from .rule import ConfigError, Rule, RuleOptions

if TYPE_CHECKING:
    from .registry import Registry

# The shapes an article comes in: a full page, or a CMS body ("fragment") whose
# title the CMS renders. "auto" takes each input for what it is: a fragment when
# it has no <html>, <head> or <body>, else a page. Each rule declares its own
# options for a fragment (Rule.shapes): no profile names a rule here.
SHAPES = ("page", "fragment")
PROFILE_NAMES = ("auto", *SHAPES)
SCOPES = ("article", "page")
DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024

KEYS = {
    "select": "rules to run (rule ids); without it, every rule that is on by default",
    "extend-select": "rules to run as well as the selected ones",
    "ignore": "rules not to run",
    "fail-on": "lowest severity that makes the run fail: error, warning or info",
    "rules": "per-rule tables: options, and severity",
    "per-file-ignores": "glob -> rule ids not to run on matching files",
    "exclude": "globs of files that directory recursion skips",
    "language": "the articles' language when <html lang> does not say (en, fr, ...)",
    "profile": "auto, page or fragment: the shape the articles come in (auto: each input as it is)",
    "scope": "article (default) or page: lint the article alone, or the whole page with the site's template",
    "report-unused-disables": "report suppression directives that silenced nothing",
    "max-file-size": "largest file, in bytes, that is linted; larger ones are an error",
}


@dataclass(frozen=True, slots=True)
class ActiveRule:
    """A rule ready to run: the instance, its validated options and its severity."""

    rule: Rule
    options: RuleOptions
    severity: Severity
    scope: str = "article"
    """``article`` or ``page``: what the rule reads."""


@dataclass(frozen=True, kw_only=True)
class Config:
    select: tuple[str, ...] | None = None
    """Rules to run; None runs every rule that is on by default."""
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    """The lowest severity that makes a run fail (exit code 1)."""
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Per-rule settings: options, and ``severity``."""
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(glob, rule ids): rules not run on files whose path matches the glob."""
    exclude: tuple[str, ...] = ()
    """Globs of files that directory recursion skips."""
    language: str | None = None
    """The articles' language when ``<html lang>`` does not say (``en``, ``fr``)."""
    profile: str = "auto"
    scope: str | None = None
    """``page`` to lint the whole page, template and all; None: each rule's own scope."""
    report_unused_disables: bool = False
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    source: str = "<defaults>"
    """Where these settings came from, for error messages."""
    root: PurePath | None = None
    """The folder the configuration file sits in: globs are relative to it."""
    origins: Mapping[str, str] = field(default_factory=dict)
    """For each key that was set, where it was set."""

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str = "<config>", root: PurePath | None = None) -> Config:
        """Settings from a dict shaped like ``[tool.lint-article]``; raises ConfigError."""
        values = _parse(data, source)
        return cls(**values, source=source, root=root, origins=dict.fromkeys(_keys(data), source))

    def merged(self, overrides: Config) -> Config:
        """These settings with the keys *overrides* set taken from it. ``ignore``,
        ``extend-select`` and ``per-file-ignores`` add up; other keys replace."""
        changes: dict[str, Any] = {}
        for key in overrides.origins:
            name = key.replace("-", "_")
            value = getattr(overrides, name)
            if key in ("ignore", "extend-select", "per-file-ignores", "exclude"):
                value = (*getattr(self, name), *value)
            elif key == "rules":
                value = {**self.rules, **{k: {**self.rules.get(k, {}), **v} for k, v in overrides.rules.items()}}
            changes[name] = value
        return dataclasses.replace(self, **changes, origins={**self.origins, **overrides.origins})

    def ignored_for(self, path: PurePath) -> frozenset[str]:
        """Rule ids that ``per-file-ignores`` switches off for *path*."""
        if not self.per_file_ignores:
            return frozenset()
        candidates = _relative_forms(path, self.root)
        return frozenset(
            rule_id
            for glob, rule_ids in self.per_file_ignores
            if any(fnmatch.fnmatchcase(c, glob) for c in candidates)
            for rule_id in rule_ids
        )

    def excludes(self, path: PurePath) -> bool:
        """True when an ``exclude`` glob matches *path*."""
        candidates = _relative_forms(path, self.root)
        return any(fnmatch.fnmatchcase(c, glob) for glob in self.exclude for c in candidates)

    def activate(
        self, registry: Registry, *, ignored: frozenset[str] = frozenset(), shape: str = "page"
    ) -> list[ActiveRule]:
        """The rules to run on an input of *shape*, instantiated with validated
        options; raises ConfigError."""
        known = registry.rules
        named = {
            "select": self.select or (),
            "extend-select": self.extend_select,
            "ignore": self.ignore,
            "rules": tuple(self.rules),
            "per-file-ignores": tuple(rule_id for _, ids in self.per_file_ignores for rule_id in ids),
        }
        for key, ids in named.items():
            for rule_id in ids:
                if rule_id not in known:
                    raise ConfigError(f"{self._where(key)}: {key}: unknown rule {rule_id!r}{suggest(rule_id, known)}")
        if self.select is None:
            chosen = {rid for rid, entry in known.items() if entry.rule.default_enabled}
        else:
            chosen = set(self.select)
        chosen = (chosen | set(self.extend_select)) - set(self.ignore) - ignored
        active = []
        # A rule's settings are checked even when it does not run (not selected, or
        # ignored), so that a mistake surfaces now, not on the day it is switched on.
        for rule_id in sorted(chosen | set(self.rules)):
            rule_class = known[rule_id].rule
            settings = {**rule_class.shapes.get(shape, {}), **self.rules.get(rule_id, {})}
            try:
                severity = Severity.parse(settings.pop("severity", rule_class.severity))
                scope = _scope(settings.pop("scope", self.scope or rule_class.scope))
                options = rule_class.Options.from_mapping(settings)
            except ValueError as exc:
                raise ConfigError(f"{self._where('rules')}: rules.{rule_id}: {exc}") from None
            if rule_id in chosen:
                active.append(ActiveRule(rule_class(), options, severity, scope))
        return active

    def _where(self, key: str) -> str:
        return self.origins.get(key, self.source)


def _keys(data: Mapping[str, Any]) -> list[str]:
    return [str(key).replace("_", "-") for key in data]


def _parse(data: Mapping[str, Any], source: str) -> dict[str, Any]:
    for key in data:
        if str(key).replace("_", "-") not in KEYS:
            raise ConfigError(f"{source}: unknown key {key!r}{suggest(str(key), KEYS)}")

    def get(key: str, default: Any = None) -> Any:
        return data.get(key, data.get(key.replace("-", "_"), default))

    values: dict[str, Any] = {}
    if "select" in _keys(data):
        values["select"] = _ids(get("select"), "select", source)
    for key in ("extend-select", "ignore"):
        if key in _keys(data):
            values[key.replace("-", "_")] = _ids(get(key), key, source)
    if "fail-on" in _keys(data):
        try:
            values["fail_on"] = Severity.parse(get("fail-on"))
        except ValueError as exc:
            raise ConfigError(f"{source}: fail-on: {exc}") from None
    rules = get("rules", {})
    if not isinstance(rules, Mapping) or not all(isinstance(v, Mapping) for v in rules.values()):
        raise ConfigError(f"{source}: rules: must be a table of tables, one per rule id")
    values["rules"] = {str(k): dict(v) for k, v in rules.items()}
    if "per-file-ignores" in _keys(data):
        values["per_file_ignores"] = _per_file_ignores(get("per-file-ignores"), source)
    if "exclude" in _keys(data):
        values["exclude"] = tuple(_glob(g, "exclude", source) for g in _strings(get("exclude"), "exclude", source))
    if "language" in _keys(data):
        language = get("language")
        if not isinstance(language, str) or not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*", language):
            raise ConfigError(f"{source}: language: expected a language tag such as 'en' or 'pt-BR', got {language!r}")
        values["language"] = language
    if "profile" in _keys(data):
        profile = get("profile")
        if profile not in PROFILE_NAMES:
            raise ConfigError(f"{source}: profile: expected one of {', '.join(PROFILE_NAMES)}, got {profile!r}")
        values["profile"] = profile
    if "scope" in _keys(data):
        try:
            values["scope"] = _scope(get("scope"))
        except ValueError as exc:
            raise ConfigError(f"{source}: scope: {exc}") from None
    if "report-unused-disables" in _keys(data):
        flag = get("report-unused-disables")
        if not isinstance(flag, bool):
            raise ConfigError(f"{source}: report-unused-disables: expected true or false, got {flag!r}")
        values["report_unused_disables"] = flag
    if "max-file-size" in _keys(data):
        size = get("max-file-size")
        if not isinstance(size, int) or isinstance(size, bool) or size < 1:
            raise ConfigError(f"{source}: max-file-size: expected a number of bytes above 0, got {size!r}")
        values["max_file_size"] = size
    return values


def _scope(value: Any) -> str:
    if value not in SCOPES:
        raise ValueError(f"expected {' or '.join(SCOPES)}, got {value!r}")
    return str(value)


def _strings(value: Any, key: str, source: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part for part in re.split(r"[\s,]+", value) if part]
    if not isinstance(value, Sequence) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: {key}: expected a list of strings, got {value!r}")
    return tuple(value)


def _ids(value: Any, key: str, source: str) -> tuple[str, ...]:
    return _strings(value, key, source)


def _glob(pattern: str, key: str, source: str) -> str:
    if not pattern.strip():
        raise ConfigError(f"{source}: {key}: an empty glob matches nothing")
    try:
        re.compile(fnmatch.translate(pattern))
    except re.error as exc:
        raise ConfigError(f"{source}: {key}: bad glob {pattern!r}: {exc}") from None
    return pattern


def _per_file_ignores(value: Any, source: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    key = "per-file-ignores"
    if isinstance(value, str):  # setup.cfg, as flake8 writes it: "glob: rule, rule" per line
        pairs: list[tuple[str, Any]] = []
        for line in value.strip().splitlines():
            glob, sep, ids = line.rpartition(":")
            if not sep:
                raise ConfigError(f"{source}: {key}: expected 'glob: rule-id, ...', got {line.strip()!r}")
            pairs.append((glob.strip(), ids))
        value = dict(pairs)
    if not isinstance(value, Mapping):
        raise ConfigError(f"{source}: {key}: expected a table of glob = [rule ids]")
    return tuple((_glob(str(g), key, source), _strings(ids, f"{key}.{g}", source)) for g, ids in value.items())


def _relative_forms(path: PurePath, root: PurePath | None) -> list[str]:
    """*path* as globs may name it: relative to the config's folder, as given, and its name."""
    forms = [PurePosixPath(path).as_posix(), path.name]
    if root is not None:
        with contextlib.suppress(ValueError):  # the path lies outside the config's folder
            forms.insert(0, PurePosixPath(path.relative_to(root)).as_posix())
    return forms


def suggest(word: str, choices: Any) -> str:
    """A "did you mean" hint naming the closest of *choices*, or nothing."""
    import difflib  # here: only a mistake needs it

    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def as_config(config: Config | Mapping[str, Any] | None) -> Config:
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    return Config.from_mapping(config, source="<library config>")
