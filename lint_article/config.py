"""Settings: which rules run, with which options and severities.

The same :class:`Config` object serves the library, the CLI and configuration
files. Everything is validated when the rules are activated, before any article
is read, so a mistake is reported once, with where it is, and nothing runs
half-configured.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .findings import Severity
from .registry import Registry
from .rule import ConfigError, Rule, RuleOptions


@dataclass(frozen=True, slots=True)
class ActiveRule:
    """A rule ready to run: the instance, its validated options and its severity."""

    rule: Rule
    options: RuleOptions
    severity: Severity


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
    language: str | None = None
    """The articles' language when ``<html lang>`` does not say (``en``, ``fr``)."""
    source: str = "<defaults>"
    """Where these settings came from, for error messages."""

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str = "<config>") -> Config:
        """Settings from a dict shaped like ``[tool.lint-article]``."""
        known = {"select", "extend-select", "ignore", "fail-on", "rules", "language"}
        for key in data:
            if key.replace("_", "-") not in known:
                raise ConfigError(f"{source}: unknown key {key!r}{_suggest(key, known)}")

        def get(key: str) -> Any:
            return data.get(key, data.get(key.replace("-", "_")))

        rules = get("rules") or {}
        if not isinstance(rules, Mapping) or not all(isinstance(v, Mapping) for v in rules.values()):
            raise ConfigError(f"{source}: 'rules' must be a table of tables, one per rule id")
        try:
            fail_on = Severity.parse(get("fail-on") or "error")
        except ValueError as exc:
            raise ConfigError(f"{source}: 'fail-on': {exc}") from None
        language = get("language")
        if language is not None and not isinstance(language, str):
            raise ConfigError(f"{source}: 'language' must be a string such as \"en\"")
        select = get("select")
        return cls(
            select=None if select is None else _ids(select, "select", source),
            extend_select=_ids(get("extend-select") or (), "extend-select", source),
            ignore=_ids(get("ignore") or (), "ignore", source),
            fail_on=fail_on,
            rules={str(k): dict(v) for k, v in rules.items()},
            language=language,
            source=source,
        )

    def activate(self, registry: Registry) -> list[ActiveRule]:
        """The rules to run, instantiated with validated options; raises ConfigError."""
        known = registry.rules
        for where, ids in (
            ("select", self.select or ()),
            ("extend-select", self.extend_select),
            ("ignore", self.ignore),
            ("rules", tuple(self.rules)),
        ):
            for rule_id in ids:
                if rule_id not in known:
                    raise ConfigError(f"{self.source}: {where}: unknown rule {rule_id!r}{_suggest(rule_id, known)}")
        if self.select is None:
            chosen = {rid for rid, entry in known.items() if entry.rule.default_enabled}
        else:
            chosen = set(self.select)
        chosen = (chosen | set(self.extend_select)) - set(self.ignore)
        active = []
        for rule_id in sorted(chosen):
            rule_class = known[rule_id].rule
            settings = dict(self.rules.get(rule_id, {}))
            try:
                severity = Severity.parse(settings.pop("severity", rule_class.severity))
                options = rule_class.Options.from_mapping(settings)
            except ValueError as exc:
                raise ConfigError(f"{self.source}: rules.{rule_id}: {exc}") from None
            active.append(ActiveRule(rule_class(), options, severity))
        return active


def _ids(value: Any, key: str, source: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part for part in value.replace(",", " ").split()]
    if not isinstance(value, Sequence) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: {key!r} must be a list of rule ids")
    return tuple(value)


def _suggest(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def as_config(config: Config | Mapping[str, Any] | None) -> Config:
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    return Config.from_mapping(config, source="<library config>")
