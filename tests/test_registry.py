"""Every installed rule, built-in or plugin, is well formed."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from lint_article import RuleOptions, Severity, load_registry
from lint_article.registry import rule_problems

RULES = sorted(load_registry().rules.items())


def test_the_card_rules_are_registered_through_entry_points() -> None:
    registry = load_registry()
    for rule_id in ("single-h1", "heading-order", "no-inline-style", "word-count", "readability", "repeated-phrases"):
        assert registry.rules[rule_id].origin == "lint-article"
    assert registry.errors == ()


@pytest.mark.parametrize(("rule_id", "entry"), RULES, ids=[r for r, _ in RULES])
def test_rule_is_well_formed(rule_id: str, entry) -> None:
    rule = entry.rule
    assert rule_problems(rule) == []
    assert rule.id == rule_id
    assert isinstance(rule.severity, Severity)
    assert rule.summary.endswith(".") and "\n" not in rule.summary


@pytest.mark.parametrize(("rule_id", "entry"), RULES, ids=[r for r, _ in RULES])
def test_options_are_frozen_keyword_only_and_documented(rule_id: str, entry) -> None:
    options = entry.rule.Options
    assert issubclass(options, RuleOptions)
    params = getattr(options, "__dataclass_params__", None)
    assert params is not None and params.frozen
    defaults = options()
    with pytest.raises(dataclasses.FrozenInstanceError):
        for field in dataclasses.fields(defaults):
            setattr(defaults, field.name, None)
        raise dataclasses.FrozenInstanceError("no fields")
    for field in dataclasses.fields(options):
        assert field.kw_only
        assert field.metadata.get("doc"), f"option {field.name} has no documentation"


@pytest.mark.parametrize(("rule_id", "entry"), RULES, ids=[r for r, _ in RULES])
def test_every_message_id_is_used_by_the_rule(rule_id: str, entry) -> None:
    source = inspect.getsource(inspect.getmodule(entry.rule))
    for message_id in entry.rule.messages:
        assert f'"{message_id}"' in source.split("messages = {", 1)[1].split("}", 1)[1] or (
            source.count(f'"{message_id}"') > 1
        ), f"message {message_id!r} is declared but never reported"


@pytest.mark.parametrize(("rule_id", "entry"), RULES, ids=[r for r, _ in RULES])
def test_fixable_is_honest(rule_id: str, entry) -> None:
    assert entry.rule.fixable is False or hasattr(entry.rule, "fix"), "a fixable rule must implement fix()"


@pytest.mark.parametrize(("rule_id", "entry"), RULES, ids=[r for r, _ in RULES])
def test_every_message_id_has_one_line_of_advice_that_its_values_fill(rule_id: str, entry) -> None:
    rule = entry.rule
    assert set(rule.advice) == set(rule.messages), "each message id needs one advice, and each advice a message"
    for message_id, advice in rule.advice.items():
        assert advice[0].isupper() and advice.endswith((".", "?", "!")), f"{message_id}: a sentence, please"
        assert "\n" not in advice and len(advice) <= 120, f"{message_id}: one short line"
        assert rule.advice_fields(message_id) <= rule.message_fields(message_id), (
            f"{message_id}: advice may only use the values its message is given"
        )
