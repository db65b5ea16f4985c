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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath, PurePosixPath
from typing import TYPE_CHECKING, Any

from .findings import Severity
from .language_codes import language_problem
from .registry import Registry, load_registry
from .rule import ConfigError, Problems, Rule, RuleOptions, suggest

if TYPE_CHECKING:
    from .registry import Registry

# The shapes an article comes in: a full page, or a CMS body ("fragment") whose
# title the CMS renders. "auto" takes each input for what it is: a fragment when
# it has no <html>, <head> or <body>, else a page. Each rule declares its own
# options for a fragment (Rule.shapes): no profile names a rule here.
SHAPES = ("page", "fragment")
PROFILE_NAMES = ("auto", *SHAPES)
SCOPES = ("article", "story", "page")
DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024
UNUSED_DIRECTIVE = "unused-directive"
"""The rule that ``report-unused-disables`` switches on, as ``extend-select`` would."""
LARGEST_MAX_FILE_SIZE = 4 * 1024**3
"""4 GiB: an article takes 15 to 120 times its size in memory, and a limit
beyond what the machine can read in one call is not a limit."""
DEFAULT_TIMEOUT = 60.0
LONGEST_TIMEOUT = 86_400.0

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
    "scope": "article, story or page: the article; with the boxes set aside in it; the page, template and all",
    "report-unused-disables": "report suppression directives that silenced nothing",
    "max-file-size": "largest file, in bytes, that is linted; larger ones are an error",
    "timeout": "seconds one file may take to lint, past which it is an error; 0 for no limit",
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
    """One configuration, from a file or from code: the rules that run and their settings,
    the files left out, the limits of a run."""

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
    timeout: float = DEFAULT_TIMEOUT
    """Seconds one article may take to lint (0: no limit)."""
    source: str = "<defaults>"
    """Where these settings came from, for error messages."""
    root: PurePath | None = None
    """The folder the configuration file sits in: globs are relative to it."""
    origins: Mapping[str, str] = field(default_factory=dict)
    """For each key that was set, where it was set."""

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str = "<config>", root: PurePath | None = None) -> Config:
        """Settings from a dict shaped like ``[tool.lint-article]``; raises ConfigError.

        The error names every problem at once: those of the keys and, when there
        are some, those that activating the rest would find (unknown rule ids,
        rule options), judged against the installed rules."""
        problems = Problems()
        config = cls(
            **_parse(data, source, problems), source=source, root=root, origins=dict.fromkeys(_keys(data), source)
        )
        if problems.found:
            with problems.collected():
                config.activate(load_registry())
            problems.raise_if_any()
        return config

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
        problems = Problems()
        for key, ids in named.items():
            for rule_id in ids:
                if rule_id not in known:
                    problems.found.append(
                        f"{self._where(key)}: {key}: unknown rule {rule_id!r}{suggest(rule_id, known)}"
                    )
        if self.select is None:
            chosen = {rid for rid, entry in known.items() if entry.rule.default_enabled}
        else:
            chosen = set(self.select)
        if self.report_unused_disables and UNUSED_DIRECTIVE in known:
            chosen.add(UNUSED_DIRECTIVE)
        chosen = (chosen | set(self.extend_select)) - set(self.ignore) - ignored
        active = []
        # A rule's settings are checked even when it does not run (not selected, or
        # ignored), so that a mistake surfaces now, not on the day it is switched on.
        for rule_id in sorted((chosen | set(self.rules)) & set(known)):
            rule_class = known[rule_id].rule
            settings = {**rule_class.shapes.get(shape, {}), **self.rules.get(rule_id, {})}
            with problems.collected(f"{self._where('rules')}: rules.{rule_id}: "):
                severity = _severity(settings.pop("severity", rule_class.severity), "severity")
                scope = _scope(settings.pop("scope", self.scope or rule_class.scope), "scope")
                options = rule_class.Options.from_mapping(settings)
                if rule_id in chosen:
                    active.append(ActiveRule(rule_class(), options, severity, scope))
        problems.raise_if_any()
        return active

    def _where(self, key: str) -> str:
        return self.origins.get(key, self.source)


def _keys(data: Mapping[str, Any]) -> list[str]:
    return [str(key).replace("_", "-") for key in data]


def _parse(data: Mapping[str, Any], source: str, problems: Problems) -> dict[str, Any]:
    """The settings in *data* whose values are right; *problems* gets the others."""
    for key in data:
        if str(key).replace("_", "-") not in KEYS:
            problems.found.append(f"{source}: unknown key {key!r}{suggest(str(key), KEYS)}")

    def get(key: str, default: Any = None) -> Any:
        return data.get(key, data.get(key.replace("-", "_"), default))

    given = set(_keys(data))
    values: dict[str, Any] = {}
    for key, parse in _PARSERS.items():
        if key in given or key == "rules":
            with problems.collected(f"{source}: {key}: "):
                values[key.replace("-", "_")] = parse(get(key, {}) if key == "rules" else get(key), key)
    return values


def _severity(value: Any, key: str) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


def _rules(value: Any, key: str) -> dict[str, dict[str, Any]]:
    if not isinstance(value, Mapping) or not all(isinstance(v, Mapping) for v in value.values()):
        raise ConfigError("must be a table of tables, one per rule id")
    return {str(k): dict(v) for k, v in value.items()}


def _globs(value: Any, key: str) -> tuple[str, ...]:
    return tuple(_glob(g, key) for g in _strings(value, key))


def _language(value: Any, key: str) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]+)*", value):
        raise ConfigError(f"expected a language tag such as 'en' or 'pt-BR', got {value!r}")
    problem = language_problem(value)
    if problem is not None:
        raise ConfigError(f"unknown language: {problem}")
    return value


def _scope(value: Any, key: str) -> str:
    if value not in SCOPES:
        raise ConfigError(f"expected {' or '.join(SCOPES)}, got {value!r}")
    return str(value)


def _profile(value: Any, key: str) -> str:
    if value not in PROFILE_NAMES:
        raise ConfigError(f"expected one of {', '.join(PROFILE_NAMES)}, got {value!r}")
    return str(value)


def _flag(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"expected true or false, got {value!r}")
    return value


def _size(value: Any, key: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= LARGEST_MAX_FILE_SIZE:
        raise ConfigError(f"expected a number of bytes from 1 to {LARGEST_MAX_FILE_SIZE:,} (4 GiB), got {value!r}")
    return value


def _seconds(value: Any, key: str) -> float:
    value = 0 if value is None else value  # setup.cfg's "none"
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= LONGEST_TIMEOUT:
        raise ConfigError(f"expected a number of seconds from 0 (no limit) to {LONGEST_TIMEOUT:,.0f}, got {value!r}")
    return float(value)


def _strings(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part for part in re.split(r"[\s,]+", value) if part]
    if not isinstance(value, Sequence) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"expected a list of strings, got {value!r}")
    return tuple(value)


def _glob(pattern: str, key: str) -> str:
    if not pattern.strip():
        raise ConfigError("an empty glob matches nothing")
    try:
        re.compile(fnmatch.translate(pattern))
    except re.error as exc:
        raise ConfigError(f"bad glob {pattern!r}: {exc}") from None
    return pattern


def _per_file_ignores(value: Any, key: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if isinstance(value, str):  # setup.cfg, as flake8 writes it: "glob: rule, rule" per line
        pairs: list[tuple[str, Any]] = []
        for line in value.strip().splitlines():
            glob, sep, ids = line.rpartition(":")
            if not sep:
                raise ConfigError(f"expected 'glob: rule-id, ...', got {line.strip()!r}")
            pairs.append((glob.strip(), ids))
        value = dict(pairs)
    if not isinstance(value, Mapping):
        raise ConfigError("expected a table of glob = [rule ids]")
    problems = Problems()
    parsed = []
    for glob, ids in value.items():
        with problems.collected(f"{glob}: "):
            parsed.append((_glob(str(glob), key), _strings(ids, key)))
    problems.raise_if_any()
    return tuple(parsed)


# How each key is read, in the order they are checked.
_PARSERS: dict[str, Callable[[Any, str], Any]] = {
    "select": _strings,
    "extend-select": _strings,
    "ignore": _strings,
    "fail-on": _severity,
    "rules": _rules,
    "per-file-ignores": _per_file_ignores,
    "exclude": _globs,
    "language": _language,
    "profile": _profile,
    "scope": _scope,
    "report-unused-disables": _flag,
    "max-file-size": _size,
    "timeout": _seconds,
}


def _relative_forms(path: PurePath, root: PurePath | None) -> list[str]:
    """*path* as globs may name it: relative to the config's folder, as given, and its name."""
    forms = [PurePosixPath(path).as_posix(), path.name]
    if root is not None:
        with contextlib.suppress(ValueError):  # the path lies outside the config's folder
            forms.insert(0, PurePosixPath(path.relative_to(root)).as_posix())
    return forms


def as_config(config: Config | Mapping[str, Any] | None) -> Config:
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    return Config.from_mapping(config, source="<library config>")
