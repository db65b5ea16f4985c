"""The engine with fake rules: it knows the protocol and no particular rule."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from lint_article import Article, Config, ConfigError, Finding, Rule, RuleOptions, Severity, make_linter, option
from lint_article.registry import Registry
from lint_article.rule import Context


class CountsParagraphs(Rule):
    """Reports each paragraph.

    ## What it checks
    Paragraphs.
    """

    id = "counts-paragraphs"
    summary = "Reports each paragraph."
    severity = Severity.INFO
    messages = {"paragraph": "paragraph {n} of at most {limit}"}

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        limit: int = option(10, "Largest n.", minimum=1, maximum=99)
        label: str = option("p", "A label.")

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        for n, block in enumerate(article.body.paragraphs, start=1):
            yield ctx.at_text(block.start, block.end, "paragraph", n=n, limit=ctx.options.limit)


class Explodes(Rule):
    """Always raises.

    ## What it checks
    Nothing.
    """

    id = "explodes"
    summary = "Always raises."
    messages = {"never": "never"}

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        raise RuntimeError("boom")


class OffByDefault(CountsParagraphs):
    """Off unless selected.

    ## What it checks
    Paragraphs.
    """

    id = "off-by-default"
    default_enabled = False


REGISTRY = Registry.of([CountsParagraphs, Explodes, OffByDefault])
HTML = "<p>one</p>\n<p>two</p>"


def lint(config: Config) -> list[Finding]:
    return list(make_linter(config, REGISTRY).lint(Article.from_html(HTML)).findings)


def test_a_rule_that_raises_becomes_a_finding_and_the_others_still_run() -> None:
    findings = lint(Config())
    crash = [f for f in findings if f.rule == "explodes"]
    assert len(crash) == 1
    assert crash[0].message_id == "internal-error" and "RuntimeError: boom" in crash[0].message
    assert crash[0].severity is Severity.ERROR
    assert [f.line for f in findings if f.rule == "counts-paragraphs"] == [1, 2]


class YieldsNone(CountsParagraphs):
    """Yields a finding, then None.

    ## What it checks
    Nothing real.
    """

    id = "yields-none"

    def check(self, article: Article, ctx: Context[CountsParagraphs.Options]) -> Iterator[Finding]:
        yield from itertools.islice(super().check(article, ctx), 1)
        yield None  # type: ignore[misc]


class Exits(Explodes):
    """Calls sys.exit().

    ## What it checks
    Nothing.
    """

    id = "exits"

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        sys.exit(0)


def test_a_rule_that_yields_no_finding_or_exits_is_reported_as_a_crash_and_the_others_still_run() -> None:
    registry = Registry.of([CountsParagraphs, YieldsNone, Exits])
    findings = make_linter(Config(), registry).lint(Article.from_html(HTML)).findings
    crashes = {f.rule: f.message for f in findings if f.message_id == "internal-error"}
    assert crashes == {
        "yields-none": "rule 'yields-none' crashed: it yielded None, not a Finding; the other rules ran",
        "exits": crashes["exits"],
    }
    assert crashes["exits"].startswith("rule 'exits' crashed: SystemExit: 0 (at ")
    assert [f.line for f in findings if f.rule == "counts-paragraphs"] == [1, 2]


def test_findings_are_sorted_by_position() -> None:
    findings = lint(Config())
    assert findings == sorted(findings, key=Finding.sort_key)


def test_select_ignore_and_default_enabled() -> None:
    assert {f.rule for f in lint(Config(select=("counts-paragraphs",)))} == {"counts-paragraphs"}
    assert {f.rule for f in lint(Config(ignore=("explodes",)))} == {"counts-paragraphs"}
    assert {f.rule for f in lint(Config(extend_select=("off-by-default",), ignore=("explodes",)))} == {
        "counts-paragraphs",
        "off-by-default",
    }


def test_options_and_severity_come_from_config() -> None:
    config = Config.from_mapping(
        {"select": ["counts-paragraphs"], "rules": {"counts-paragraphs": {"limit": 5, "severity": "error"}}}
    )
    findings = lint(config)
    assert findings[0].message == "paragraph 1 of at most 5"
    assert findings[0].severity is Severity.ERROR


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ({"counts-paragraphs": {"limitt": 5}}, "unknown option 'limitt' (known options: label, limit)"),
        ({"counts-paragraphs": {"limit": "5"}}, "option 'limit' must be int, got str '5'"),
        ({"counts-paragraphs": {"limit": True}}, "option 'limit' must be int, got bool True"),
        ({"counts-paragraphs": {"limit": 0}}, "option 'limit' must be at least 1, got 0"),
        ({"counts-paragraphs": {"limit": 100}}, "option 'limit' must be at most 99, got 100"),
        ({"counts-paragraphs": {"severity": "fatal"}}, "unknown severity 'fatal'"),
        ({"count-paragraphs": {}}, "unknown rule 'count-paragraphs'; did you mean 'counts-paragraphs'?"),
    ],
)
def test_configuration_errors_name_the_source_the_rule_and_the_key(rules: dict, message: str) -> None:
    config = Config.from_mapping({"rules": rules}, source="pyproject.toml")
    with pytest.raises(ConfigError) as caught:
        make_linter(config, REGISTRY)
    assert str(caught.value).startswith("pyproject.toml: rules")
    assert message in str(caught.value)


def test_unknown_top_level_key() -> None:
    with pytest.raises(ConfigError, match="unknown key 'selct'; did you mean 'select'"):
        Config.from_mapping({"selct": ["x"]}, source="setup.cfg")
