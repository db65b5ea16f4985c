"""Every rule documents itself; the committed pages are what the code generates."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from lint_article import Article, Context, Finding, Rule, RuleOptions, docs, load_registry
from lint_article.testing import check_documented_examples, lint_with

from .conftest import ROOT

RULES = sorted(load_registry().rules.items())
BUILT_IN = [(rule_id, entry.rule) for rule_id, entry in RULES if entry.origin == "lint-article"]


@pytest.mark.parametrize(("rule_id", "rule"), BUILT_IN, ids=[r for r, _ in BUILT_IN])
def test_docstring_has_every_section(rule_id: str, rule: type) -> None:
    assert docs.missing_sections(rule) == []
    assert docs.sections(rule)[""], "the docstring starts with a one-line description"


@pytest.mark.parametrize(("rule_id", "rule"), BUILT_IN, ids=[r for r, _ in BUILT_IN])
def test_failing_example_fails_and_passing_example_passes(rule_id: str, rule: type) -> None:
    check_documented_examples(rule)


class _Documented(Rule):
    """Reports every <blink>, as its examples say (the other rules below break that).

    ## What it checks
    Every `<blink>` element.

    ## Why
    For the tests of the examples check.

    ## Fails
    ```html
    <p><blink>Now</blink></p>
    ```

    ## Passes
    ```html
    <p>Now</p>
    ```
    """

    id = "documented"
    summary = "No <blink>."
    messages = {"blink": "<blink> is obsolete"}

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        for element in ctx.view.elements("blink"):
            yield ctx.at_element(element, "blink")


class _CrashesOnItsExample(_Documented):
    __doc__ = _Documented.__doc__

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        for _ in ctx.view.elements("blink"):
            raise RuntimeError("a bug that the Fails example reaches")
        yield from ()


class _FindsNothing(_Documented):
    __doc__ = _Documented.__doc__

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        yield from ()


class _FindsEverything(_Documented):
    __doc__ = _Documented.__doc__

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        yield ctx.at_document("blink")


def test_the_examples_check_passes_a_rule_that_keeps_its_word() -> None:
    check_documented_examples(_Documented)


@pytest.mark.parametrize(
    ("rule", "complaint"),
    [
        (
            _CrashesOnItsExample,
            r"the Fails example must give findings of the rule's own messages \(blink\); "
            r"it gave 1:1 internal-error: rule 'documented' crashed: RuntimeError",
        ),
        (_FindsNothing, r"the Fails example must give findings of the rule's own messages \(blink\); it gave none"),
        (_FindsEverything, "the Passes example must give no finding; it gave 1:1 blink"),
    ],
    ids=["crashes-on-its-example", "finds-nothing", "finds-everything"],
)
def test_the_examples_check_fails_a_rule_that_breaks_its_word(rule: type[Rule], complaint: str) -> None:
    with pytest.raises(AssertionError, match=complaint):
        check_documented_examples(rule)


@pytest.mark.parametrize(("rule_id", "rule"), BUILT_IN, ids=[r for r, _ in BUILT_IN])
def test_committed_page_is_up_to_date(rule_id: str, rule: type) -> None:
    page = f"rules/{rule_id}.md"
    assert (ROOT / page).exists(), f"{page} is missing: run python -m lint_article.docs rules"
    assert (ROOT / page).read_text(encoding="utf-8") == docs.render(rule), (
        f"{page} is out of date: run python -m lint_article.docs rules"
    )


def test_no_stale_pages() -> None:
    pages = {p.stem for p in (ROOT / "rules").glob("*.md")}
    orphans = [f"rules/{page}.md" for page in sorted(pages - {rule_id for rule_id, _ in BUILT_IN})]
    assert orphans == [], "these pages document no installed rule: delete them, or register the rule"


@pytest.mark.parametrize(("rule_id", "rule"), BUILT_IN, ids=[r for r, _ in BUILT_IN])
def test_the_documented_file_directive_silences_the_failing_example(rule_id: str, rule: type) -> None:
    directive = f"<!-- lint-article-disable-file {rule_id} -->"
    assert directive in docs.render(rule)
    failing = docs.example(rule, "Fails")
    assert lint_with(rule, directive + "\n" + failing.html, failing.options) == []
