from __future__ import annotations

import pytest

from lint_article.rules.invalid_directive import InvalidDirective
from lint_article.testing import Case, bad, finding, ok, run_cases

RULE = "invalid-directive"

CASES = [
    ok("<!-- lint-article-disable no-inline-style -->\n<p>Text.</p>\n<!-- lint-article-enable -->"),
    # A comment that mentions the tool is no directive, and not addressed to it.
    ok("<!-- checked with lint-article before publishing -->\n<p>Text.</p>"),
    bad(
        "<p>Text.</p>\n<!-- lint-article-disable-line no-inline-style -->",
        finding(RULE, "unknown-directive", line=2, column=1, text="lint-article-disable-line"),
    ),
    # The name in two words, as people write it.
    bad(
        "<!-- lint-article disable heading-order -->",
        finding(RULE, "unknown-directive", line=1, column=1, text="lint-article disable"),
    ),
    bad(
        "<p>Text.</p>\n<!-- lint-article-disable No_Inline_Style -->",
        finding(RULE, "bad-rule-id", line=2, column=1, word="No_Inline_Style"),
    ),
    bad(
        '<aside data-lint-article-disabled="single-h1"><p>x</p></aside>',
        finding(RULE, "unknown-attribute", line=1, column=1, name="data-lint-article-disabled"),
    ),
    # A rule id that no installed plugin provides, split by an enable: reported once.
    bad(
        "<p>Text.</p>\n<!-- lint-article-disable no-inline-styl -->\n<p>x</p>\n"
        "<!-- lint-article-enable invalid-directive -->",
        finding(RULE, "unknown-rule", line=2, column=1, kind="disable", unknown="no-inline-styl"),
    ),
    bad(
        '<aside data-lint-article-disable="invalid-directiv"><p>x</p></aside>',
        finding(RULE, "unknown-rule", line=1, column=1, kind="attribute", unknown="invalid-directiv"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_invalid_directive(case: Case) -> None:
    run_cases(InvalidDirective, case)
