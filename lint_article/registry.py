"""Where rules come from: the entry-point group ``lint_article.rules``.

Built-in rules are registered in this package's own metadata exactly as a
plugin registers its rules, so there is one discovery path. An entry point
names a :class:`~lint_article.rule.Rule` subclass. Each entry point loads on
its own: one that fails to import, or names something that is not a well-formed
rule, becomes a :class:`PluginError` and the others load regardless.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .regex import on_use
from .rule import Rule

if TYPE_CHECKING:
    from .entry_points import EntryPoint

ENTRY_POINT_GROUP = "lint_article.rules"
# Kebab-case: lower-case words and digits joined by hyphens (heading-order, single-h1).
RULE_ID = on_use(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class RegisteredRule:
    """An installed rule and where it comes from."""

    rule: type[Rule]
    origin: str
    """The distribution that provides the rule (``lint-article`` for built-ins)."""


@dataclass(frozen=True, slots=True)
class PluginError:
    """An entry point of the rules group that gave no usable rule, and why."""

    entry_point: str
    origin: str
    message: str

    def __str__(self) -> str:
        return f"plugin {self.origin!r} (entry point {self.entry_point!r}): {self.message}"


@dataclass(frozen=True)
class Registry:
    """The installed rules by id, and the plugins that failed to load."""

    rules: Mapping[str, RegisteredRule]
    errors: tuple[PluginError, ...] = ()

    @classmethod
    def of(cls, rules: Iterable[type[Rule]], origin: str = "lint-article") -> Registry:
        """A registry of the given rule classes, as tests and embedders build one."""
        return cls({r.id: RegisteredRule(r, origin) for r in rules})

    def get(self, rule_id: str) -> type[Rule] | None:
        entry = self.rules.get(rule_id)
        return entry.rule if entry else None


def rule_problems(rule: object) -> list[str]:
    """What makes *rule* not a well-formed rule class (empty when it is one)."""
    if not (isinstance(rule, type) and issubclass(rule, Rule)):
        return [f"{rule!r} is not a subclass of lint_article.Rule"]
    problems = []
    rule_id = getattr(rule, "id", None)
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        problems.append(f"rule id {rule_id!r} is not kebab-case")
    if not getattr(rule, "summary", None):
        problems.append("the rule has no summary")
    if not getattr(rule, "messages", None):
        problems.append("the rule declares no messages")
    if not (rule.__doc__ or "").strip():
        problems.append("the rule has no docstring")
    fixes = getattr(rule, "fix_applicability", {})
    if bool(fixes) != bool(getattr(rule, "fixable", False)):
        problems.append("a fixable rule says in fix_applicability which messages get a fix, and only a fixable one")
    if set(fixes) - set(getattr(rule, "messages", None) or {}):
        problems.append(f"fix_applicability names messages the rule does not declare: {sorted(set(fixes))}")
    return problems


_lock = threading.Lock()
_cached: Registry | None = None


def load_registry() -> Registry:
    """All installed rules, loaded once per process."""
    global _cached
    with _lock:
        if _cached is None:
            from .entry_points import entry_points  # here: reading settings needs no rule

            _cached = _load(entry_points(ENTRY_POINT_GROUP))
        return _cached


def loaded_registry() -> Registry | None:
    """The installed rules if this process has loaded them, else None."""
    return _cached


def _load(points: Iterable[EntryPoint]) -> Registry:
    rules: dict[str, RegisteredRule] = {}
    errors: list[PluginError] = []
    for point in sorted(points, key=lambda p: (p.distribution, p.name)):
        origin = point.distribution
        try:
            loaded = point.load()
        # SystemExit too: a plugin that calls sys.exit() while importing must not end the run.
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - a broken plugin must not stop the others
            errors.append(PluginError(point.name, origin, f"failed to load: {type(exc).__name__}: {exc}"))
            continue
        problems = rule_problems(loaded)
        if problems:
            errors.append(PluginError(point.name, origin, "; ".join(problems)))
            continue
        if loaded.id in rules and rules[loaded.id].rule is not loaded:
            errors.append(
                PluginError(
                    point.name, origin, f"rule id {loaded.id!r} is already taken by {rules[loaded.id].origin!r}"
                )
            )
            continue
        rules[loaded.id] = RegisteredRule(loaded, origin)
    return Registry(dict(sorted(rules.items())), tuple(errors))
