"""Every rule documents itself; the committed pages are what the code generates."""

from __future__ import annotations

import pytest

from lint_article import docs, load_registry
from lint_article.testing import lint_with

from .conftest import ROOT

RULES = sorted(load_registry().rules.items())
BUILT_IN = [(rule_id, entry.rule) for rule_id, entry in RULES if entry.origin == "lint-article"]


@pytest.mark.parametrize(("rule_id", "rule"), BUILT_IN, ids=[r for r, _ in BUILT_IN])
def test_docstring_has_every_section(rule_id: str, rule: type) -> None:
    assert docs.missing_sections(rule) == []
    assert docs.sections(rule)[""], "the docstring starts with a one-line description"


@pytest.mark.parametrize(("rule_id", "rule"), BUILT_IN, ids=[r for r, _ in BUILT_IN])
def test_failing_example_fails_and_passing_example_passes(rule_id: str, rule: type) -> None:
    failing = docs.example(rule, "Fails")
    passing = docs.example(rule, "Passes")
    assert [f.rule for f in lint_with(rule, failing.html, failing.options)], "the Fails example must fail"
    assert lint_with(rule, passing.html, passing.options) == [], "the Passes example must pass"


@pytest.mark.parametrize(("rule_id", "rule"), BUILT_IN, ids=[r for r, _ in BUILT_IN])
def test_committed_page_is_up_to_date(rule_id: str, rule: type) -> None:
    page = ROOT / "rules" / f"{rule_id}.md"
    assert page.exists(), f"run: python -m lint_article.docs rules ({page} is missing)"
    assert page.read_text(encoding="utf-8") == docs.render(rule), "run: python -m lint_article.docs rules"


def test_no_stale_pages() -> None:
    pages = {p.stem for p in (ROOT / "rules").glob("*.md")}
    assert pages == {rule_id for rule_id, _ in BUILT_IN}


@pytest.mark.parametrize(("rule_id", "rule"), BUILT_IN, ids=[r for r, _ in BUILT_IN])
def test_the_documented_file_directive_silences_the_failing_example(rule_id: str, rule: type) -> None:
    directive = f"<!-- lint-article-disable-file {rule_id} -->"
    assert directive in docs.render(rule)
    failing = docs.example(rule, "Fails")
    assert lint_with(rule, directive + "\n" + failing.html, failing.options) == []
