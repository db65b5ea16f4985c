"""Every installed rule, built-in or plugin, is well formed."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

import pytest

from lint_article import Finding, Rule, RuleOptions, Severity, load_registry
from lint_article.registry import rule_problems

from .conftest import ROOT
from .rule_tables import table_findings, table_of

RULES = sorted(load_registry().rules.items())
# Plugins bring their own tables; the behaviour of the built-in rules is judged by theirs.
BUILT_IN = [(rule_id, entry.rule) for rule_id, entry in RULES if entry.origin == "lint-article"]


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


def unproduced_messages(rule: type[Rule], findings: Iterable[Finding]) -> list[str]:
    """The message ids of *rule* that none of *findings* carries."""
    produced = {f.message_id for f in findings}
    return [message_id for message_id in rule.messages if message_id not in produced]


def fixable_problem(rule: type[Rule], findings: Iterable[Finding]) -> str | None:
    """What is dishonest about *rule*'s ``fixable``, judged by its *findings*."""
    # getattr: Finding gains its fix with the Fix/Edit model; until then no finding has one.
    fixed = [f for f in findings if getattr(f, "fix", None) is not None]
    if rule.fixable and not fixed:
        return "it declares fixable = True, but no bad case of its table gets a fix: add one"
    if not rule.fixable and fixed:
        return f"it attaches a fix (line {fixed[0].line}) but does not declare fixable = True"
    return None


@pytest.mark.parametrize(("rule_id", "rule"), BUILT_IN, ids=[r for r, _ in BUILT_IN])
def test_every_message_id_is_produced_by_the_rules_table(rule_id: str, rule: type[Rule]) -> None:
    table = table_of(rule).relative_to(ROOT)
    assert unproduced_messages(rule, table_findings(rule)) == [], (
        f"declared, but no bad case of {table} produces them: add a case for each, or drop the message"
    )


@pytest.mark.parametrize(("rule_id", "rule"), BUILT_IN, ids=[r for r, _ in BUILT_IN])
def test_fixable_is_honest(rule_id: str, rule: type[Rule]) -> None:
    assert fixable_problem(rule, table_findings(rule)) is None


class _TwoMessages(Rule):
    id = "two-messages"
    messages = {"found": "found", "also": "also found"}


def test_the_behaviour_checks_catch_an_unproduced_message_and_a_fixable_rule_without_fixes() -> None:
    found = Finding("two-messages", Severity.WARNING, "found", "found", 1, 1, 1, 1, "", "")
    assert unproduced_messages(_TwoMessages, [found]) == ["also"]
    assert unproduced_messages(_TwoMessages, [found, dataclasses.replace(found, message_id="also")]) == []
    assert fixable_problem(_TwoMessages, [found]) is None
    fixable = type("Fixable", (_TwoMessages,), {"fixable": True})
    assert fixable_problem(fixable, [found]) == (
        "it declares fixable = True, but no bad case of its table gets a fix: add one"
    )
